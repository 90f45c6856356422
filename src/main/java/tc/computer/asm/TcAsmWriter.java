package tc.computer.asm;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * Program → assembly text (syntax in docs/tensor-computer.md): the machine's sizes, the initial
 * data, then one instruction per line. Jump and CALL targets inside the program get labels
 * {@code L<slot>}; every other immediate is written in decimal. {@link TcAsmReader} reads the
 * text back to an equal program (same instructions, spec and data image, length included).
 */
public final class TcAsmWriter {
    private TcAsmWriter() {}

    /** Data words per {@code .data} line. */
    private static final int ROW = 8;

    public static String write(TcProgram program) {
        List<TcInstruction> code = program.code();
        boolean[] labelled = new boolean[code.size() + 1];
        for (TcInstruction ins : code)
            if (isTarget(ins.op()) && ins.imm() >= 0 && ins.imm() <= code.size()) labelled[ins.imm()] = true;

        StringBuilder out = new StringBuilder();
        out.append("; Tensor Computer assembly (syntax: docs/tensor-computer.md)\n");
        out.append(".memory ").append(program.spec().memoryWords()).append('\n');
        out.append(".slots ").append(program.spec().slots()).append('\n');
        data(out, program.data());
        out.append('\n');
        for (int k = 0; k <= code.size(); k++) {
            if (labelled[k]) out.append(label(k)).append(":\n");
            if (k == code.size()) break;
            String text = "    " + instruction(code.get(k), labelled);
            out.append(text).append(" ".repeat(Math.max(1, 28 - text.length()))).append("; ").append(k).append('\n');
        }
        return out.toString();
    }

    /**
     * Rows of {@value #ROW} words; all-zero rows are left out (memory starts zeroed) except the
     * last, which fixes the image's length.
     */
    private static void data(StringBuilder out, int[] data) {
        for (int from = 0; from < data.length; from += ROW) {
            int to = Math.min(data.length, from + ROW);
            boolean zero = true;
            for (int i = from; i < to; i++) zero &= data[i] == 0;
            if (zero && to < data.length) continue;
            List<String> words = new ArrayList<>(ROW);
            for (int i = from; i < to; i++) words.add(Integer.toString(data[i]));
            out.append(".data ").append(from).append(": ").append(String.join(", ", words)).append('\n');
        }
    }

    /** One instruction without labels: every immediate in decimal (for traces and listings). */
    public static String instruction(TcInstruction ins) { return instruction(ins, new boolean[0]); }

    private static String instruction(TcInstruction ins, boolean[] labelled) {
        TcOp op = ins.op();
        List<String> parts = new ArrayList<>(3);
        for (TcSyntax.Operand o : TcSyntax.operands(op)) parts.add(switch (o) {
            case RD -> TcSyntax.register(ins.rd());
            case RS1 -> TcSyntax.register(ins.rs1());
            case RS2 -> TcSyntax.register(ins.rs2());
            case IMM -> isTarget(op) && ins.imm() >= 0 && ins.imm() < labelled.length && labelled[ins.imm()]
                    ? label(ins.imm()) : Integer.toString(ins.imm());
            case MEM -> ins.imm() + "(" + TcSyntax.register(ins.rs1()) + ")";
        });
        return parts.isEmpty() ? op.mnemonic() : op.mnemonic() + " " + String.join(", ", parts);
    }

    private static boolean isTarget(TcOp op) { return op.isJump() || op == TcOp.CALL; }

    private static String label(int slot) { return "L" + slot; }
}
