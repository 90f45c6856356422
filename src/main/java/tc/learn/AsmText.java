package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;

/**
 * A plain assembly listing of a learned program, one instruction a line with its slot number
 * (jump targets are slot numbers). The real assembler is tc.computer.asm; this printer only has
 * to be readable.
 */
public final class AsmText {
    private AsmText() {}

    public static String instruction(TcInstruction i) {
        var s = i.op().shape();
        List<String> operands = new ArrayList<>();
        if (s == tc.computer.isa.TcOp.Shape.RS2_RS1_IMM) {
            operands.add("r" + i.rs2());
            operands.add(i.imm() + "(r" + i.rs1() + ")");
        } else if (i.op() == tc.computer.isa.TcOp.LOAD) {
            operands.add("r" + i.rd());
            operands.add(i.imm() + "(r" + i.rs1() + ")");
        } else {
            if (s.rd) operands.add("r" + i.rd());
            if (s.rs1) operands.add("r" + i.rs1());
            if (s.rs2) operands.add("r" + i.rs2());
            if (s.imm) operands.add(Integer.toString(i.imm()));
        }
        return operands.isEmpty() ? i.op().mnemonic() : i.op().mnemonic() + " " + String.join(", ", operands);
    }

    /** The listing, ending with the HALT every program falls into. */
    public static String program(List<TcInstruction> code) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < code.size(); k++) sb.append(String.format("%3d: %s%n", k, instruction(code.get(k))));
        if (code.isEmpty() || code.get(code.size() - 1).op() != tc.computer.isa.TcOp.HALT)
            sb.append(String.format("%3d: halt%n", code.size()));
        return sb.toString();
    }
}
