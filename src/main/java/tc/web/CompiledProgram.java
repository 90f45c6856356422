package tc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.loom.asm.AsmWriter;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.CompileException;
import tc.source.Diagnostic;
import tc.source.SourceFile;

/**
 * A C program compiled for Loom, with what the pages show of it: its assembly one row per
 * instruction (with the source line each came from), its variables by name, and a name for each
 * column of the state matrix.
 */
record CompiledProgram(SourceFile source, Program program, List<Map<String, Object>> assembly) {
    private static final Pattern PC_COMMENT = Pattern.compile("^(.*?)\\s*; pc (\\d+)\\s*$");

    /**
     * Compiles {@code text} as {@code name} for the first configuration it fits (or {@code options}').
     *
     * @throws CompileFailure with the positioned diagnostics
     */
    static CompiledProgram compile(String name, String text, CompileOptions options) {
        SourceFile source = new SourceFile(name, text);
        Program program;
        try {
            program = Compiler.compile(source, options);
        } catch (CompileException e) {
            throw new CompileFailure(e.diagnostics());
        }
        return new CompiledProgram(source, program, assembly(program, source));
    }

    /** A compile that failed: its diagnostics, for the page to show at their lines. */
    static final class CompileFailure extends RuntimeException {
        final List<Diagnostic> diagnostics;

        CompileFailure(List<Diagnostic> diagnostics) {
            super(diagnostics.isEmpty() ? "compile failed" : diagnostics.get(0).header(), null, false, false);
            this.diagnostics = List.copyOf(diagnostics);
        }

        List<Map<String, Object>> json() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Diagnostic d : diagnostics)
                out.add(Map.of("line", d.pos().line(), "column", d.pos().column(), "message", d.message(), "text", d.format()));
            return out;
        }
    }

    /** The assembly listing's rows that hold an instruction, in order, with their columns and source lines. */
    private static List<Map<String, Object>> assembly(Program program, SourceFile source) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int start = program.config().programStart();
        String label = null;
        boolean code = false;
        for (String line : AsmWriter.write(program, source).split("\\R")) {
            if (line.strip().equals(".code")) { code = true; continue; }
            if (!code) continue;
            String t = line.strip();
            if (t.endsWith(":") && !t.startsWith(";")) { label = t.substring(0, t.length() - 1); continue; }
            Matcher m = PC_COMMENT.matcher(line);
            if (!m.matches()) continue;
            int pc = Integer.parseInt(m.group(2));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pc", pc);
            row.put("line", program.debug().lineOf(pc - start));
            row.put("text", m.group(1).strip());
            if (label != null) row.put("label", label);
            label = null;
            rows.add(row);
        }
        return rows;
    }

    /** The user-visible variables (globals, main's locals) and their values in {@code memory}. */
    List<Map<String, Object>> variables(int[] memory) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Symbol s : program.debug().symbols()) {
            if (!s.isUserVisible()) continue;
            int size = Math.min(s.size(), 256);
            List<Integer> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) values.add(memory[s.index() + i]);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", s.qualifiedName());
            v.put("index", s.index());
            v.put("size", s.size());
            v.put("values", values);
            out.add(v);
        }
        return out;
    }

    /** A column of the state matrix for people: scratchpad, a memory cell (by variable when it has one), an instruction. */
    String columnName(int column) {
        MachineConfig c = program.config();
        if (column < c.s()) return column == 0 ? "scratch 0 (PC)" : "scratch " + column;
        if (column < c.programStart()) {
            int cell = column - c.memoryStart();
            for (Symbol s : program.debug().symbols())
                if (cell >= s.index() && cell < s.index() + s.size())
                    return "mem " + cell + " (" + s.qualifiedName() + (s.size() > 1 ? "[" + (cell - s.index()) + "]" : "") + ")";
            return "mem " + cell;
        }
        int k = column - c.programStart();
        return "ins " + k + (k < program.size() ? " (line " + program.debug().lineOf(k) + ")" : "");
    }

    /** The options a demo's header asks for, or the defaults. */
    static CompileOptions options(MachineConfig config, int wordBits) { return new CompileOptions(config, wordBits); }
}
