package tc.loom.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.SourceFile;

/**
 * Program → assembly text (syntax in {@code docs/formats.md}): the configuration, every memory
 * cell with its symbol, and one instruction per line with symbolic operands, labels and
 * {@code ; line N} markers. {@link AsmReader} reads it back to an equal program with the same
 * debug info.
 */
public final class AsmWriter {
    private AsmWriter() {}

    /** The program as assembly; source-line markers carry only the line number. */
    public static String write(Program program) { return write(program, null); }

    /** The program as assembly, with each source-line marker followed by that line of {@code source} (may be null). */
    public static String write(Program program, SourceFile source) {
        MachineConfig config = program.config();
        DebugInfo debug = program.debug();
        AsmNames names = new AsmNames(debug.symbols());
        StringBuilder out = new StringBuilder();
        out.append("; tc assembly (syntax: docs/formats.md)\n");
        out.append(".config ").append(config.name()).append('\n');
        out.append(".source ").append(quote(debug.sourceName() == null ? "" : debug.sourceName())).append('\n');
        out.append(".retval ").append(cellOrNone(debug.retvalIndex())).append('\n');
        out.append(".output ").append(cellOrNone(debug.outputIndex())).append('\n');
        out.append(".stack ").append(debug.hasStack() ? "@" + debug.stackBase() + ", @" + debug.stackLimit() : "none").append("\n\n");

        out.append(".data\n");
        for (Symbol s : debug.symbols()) {
            out.append(".sym ").append(AsmNames.name(s.name())).append(' ').append(s.kind().name().toLowerCase(Locale.ROOT))
                    .append(" @").append(s.index());
            if (s.size() != 1) out.append(" size ").append(s.size());
            if (s.function() != null) out.append(" in ").append(AsmNames.name(s.function()));
            out.append('\n');
        }
        int[] memory = program.memory();
        for (int i = 0; i < memory.length; i++) {
            String ref = names.reference(i);
            // Unnamed zero cells are the reader's default; listing them would bury the data.
            if (ref == null && memory[i] == 0) continue;
            out.append(".cell ").append(i).append(ref == null ? "" : " " + ref).append(" = ").append(memory[i]).append('\n');
        }

        out.append("\n.code\n");
        List<Instruction> rom = program.instructions();
        String[] targetNames = AsmNames.firstLabels(debug.labels(), rom.size());
        List<List<String>> labelsAt = labelsByIndex(debug.labels(), rom.size());
        int line = 0;
        for (int k = 0; k <= rom.size(); k++) {
            for (String label : labelsAt.get(k)) out.append(AsmNames.name(label)).append(":\n");
            if (k == rom.size()) break;
            int l = debug.lineOf(k);
            if (l != line) {
                out.append("    ; line ").append(l);
                if (source != null && l > 0) out.append(": ").append(source.line(l).strip());
                out.append('\n');
                line = l;
            }
            String text = "    " + instruction(rom.get(k), config, names, targetNames);
            out.append(text).append(" ".repeat(Math.max(1, 36 - text.length()))).append("; pc ").append(program.columnOf(k)).append('\n');
        }
        return out.toString();
    }

    private static List<List<String>> labelsByIndex(Map<String, Integer> labels, int size) {
        List<List<String>> at = new ArrayList<>();
        for (int k = 0; k <= size; k++) at.add(new ArrayList<>());
        for (var e : labels.entrySet()) {
            int k = e.getValue();
            if (k < 0 || k > size)
                throw new IllegalArgumentException("label " + e.getKey() + " points to instruction " + k + ", outside 0.." + size);
            at.get(k).add(e.getKey());
        }
        return at;
    }

    private static String cellOrNone(int index) { return index < 0 ? "none" : "@" + index; }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') sb.append('\\');
            sb.append(ch);
        }
        return sb.append('"').toString();
    }

    /** One instruction in the shortest form that reads back to the same three fields. */
    static String instruction(Instruction ins, MachineConfig config, AsmNames names, String[] labels) {
        Opcode op = ins.opcode(config);
        if (op == null) return ".raw " + ins.a() + ", " + ins.b() + ", " + ins.c();
        String m = op.mnemonic();
        String b = memory(ins.b(), config, names), c = memory(ins.c(), config, names);
        String target = target(ins.c(), config, labels);
        String full = m + " " + ins.b() + ", " + ins.c();
        return switch (op.operands()) {
            case NONE -> ins.b() == 0 && ins.c() == 0 ? m : full;
            case B -> ins.c() == 0 ? m + " " + b : m + " " + b + ", " + ins.c();
            case B_C -> m + " " + b + ", " + c;
            case JUMP -> ins.b() == 0 ? m + " " + target : m + " " + ins.b() + ", " + target;
            case B_JUMP -> m + " " + b + ", " + target;
            case A_B_JUMP -> m + " " + memory(ins.a(), config, names) + ", " + b + ", " + target;
        };
    }

    /** A memory operand: the symbol, else {@code @index}, else (not a memory column) the raw column. */
    private static String memory(int column, MachineConfig config, AsmNames names) {
        int index = column - config.memoryStart();
        if (index < 0 || index >= config.m()) return Integer.toString(column);
        String ref = names.reference(index);
        return ref != null ? ref : "@" + index;
    }

    /** A jump target: its label, else the raw column (which the {@code ; pc} comments show). */
    private static String target(int column, MachineConfig config, String[] labels) {
        int k = column - config.programStart();
        if (k >= 0 && k < labels.length && labels[k] != null) return AsmNames.name(labels[k]);
        return Integer.toString(column);
    }
}
