package tc.cli;

import java.util.HashMap;
import java.util.Map;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * One instruction as readable text for traces: memory operands by symbol name where the debug
 * info has one ({@code x}, {@code a[2]}), else {@code mem[12]}; jump targets by label, else
 * {@code @k} (instruction index k).
 */
final class InstructionText {
    private final MachineConfig config;
    private final String[] cellNames;
    private final Map<Integer, String> labelAt = new HashMap<>();

    InstructionText(Program program) {
        this.config = program.config();
        this.cellNames = new String[config.m()];
        for (Symbol s : program.debug().symbols()) {
            if (s.kind() == Symbol.Kind.STACK) continue;
            for (int i = 0; i < s.size(); i++) {
                int cell = s.index() + i;
                if (cell >= 0 && cell < cellNames.length && cellNames[cell] == null)
                    cellNames[cell] = s.size() > 1 ? s.name() + "[" + i + "]" : s.name();
            }
        }
        program.debug().labels().forEach((name, index) -> labelAt.merge(index, name, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    }

    /** The name of memory cell {@code index}. */
    String cell(int index) {
        if (index >= 0 && index < cellNames.length && cellNames[index] != null) return cellNames[index];
        return "mem[" + index + "]";
    }

    String format(Instruction ins) {
        Opcode op = ins.opcode(config);
        if (op == null) return "?? (" + ins.a() + ", " + ins.b() + ", " + ins.c() + ")";
        String m = op.mnemonic();
        return switch (op.operands()) {
            case NONE -> m;
            case B -> m + " " + operand(ins.b());
            case B_C -> m + " " + operand(ins.b()) + ", " + operand(ins.c());
            case JUMP -> m + " " + target(ins.c());
            case B_JUMP -> m + " " + operand(ins.b()) + ", " + target(ins.c());
            case A_B_JUMP -> m + " " + operand(ins.a()) + ", " + operand(ins.b()) + ", " + target(ins.c());
        };
    }

    private String operand(int column) {
        int index = column - config.memoryStart();
        return index >= 0 && index < config.m() ? cell(index) : "col " + column;
    }

    private String target(int column) {
        int k = column - config.programStart();
        if (k < 0) return "col " + column;
        String label = labelAt.get(k);
        return label != null ? label : Integer.toString(column);
    }
}
