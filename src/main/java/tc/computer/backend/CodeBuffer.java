package tc.computer.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;

/**
 * Instructions being laid out, with symbolic jump and call targets resolved once every label is
 * placed (a target is an absolute slot number, so it is only known at the end). Each instruction
 * also keeps the source line, function and stack depth it was emitted at, so that a run stopped
 * anywhere can be mapped back to C and its stack walked ({@link TcDebugInfo}).
 */
final class CodeBuffer {
    private record Pending(TcOp op, int rd, int rs1, int rs2, int imm, String target) {}

    private final List<Pending> code = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<Integer, List<String>> labelsAt = new HashMap<>();
    private final List<int[]> where = new ArrayList<>(); // per instruction: line, function, depth
    private int line, function = -1, depth;

    int size() { return code.size(); }

    void label(String name) {
        if (labels.putIfAbsent(name, code.size()) != null) throw new IllegalStateException("label placed twice: " + name);
        labelsAt.computeIfAbsent(code.size(), k -> new ArrayList<>()).add(name);
    }

    /**
     * The following instructions belong to function number {@code index} ({@link TcDebugInfo#functions()}),
     * or to no function when -1; sp is where it was on entry (at the return address).
     */
    void enter(int index, int entryLine) {
        function = index;
        depth = 0;
        line = entryLine;
    }

    /** The following instructions come from this source line. */
    void line(int sourceLine) { line = sourceLine; }

    void emit(TcOp op, int rd, int rs1, int rs2, int imm) { add(new Pending(op, rd, rs1, rs2, imm, null)); }

    /** A jump or CALL whose immediate is the slot of {@code target}. */
    void emitTo(TcOp op, String target) { add(new Pending(op, 0, 0, 0, 0, target)); }

    /** An LI of the slot of {@code target} into rd. */
    void emitTo(TcOp op, int rd, String target) { add(new Pending(op, rd, 0, 0, 0, target)); }

    /**
     * Records the depth before the instruction, then follows what it does to sp. Only straight-line
     * code moves sp in this back end (pushes of arguments, prologue, epilogue), so the running count
     * is right at every label too.
     */
    private void add(Pending p) {
        code.add(p);
        where.add(new int[] {line, function, depth});
        switch (p.op) {
            case PUSH -> depth++;
            case POP -> depth--;
            case ADDI -> { if (p.rd == TcMachineSpec.SP && p.rs1 == TcMachineSpec.SP) depth -= p.imm; }
            default -> { }
        }
    }

    int slotOf(String label) {
        Integer at = labels.get(label);
        if (at == null) throw new IllegalStateException("label never placed: " + label);
        return at;
    }

    List<TcInstruction> resolve() {
        List<TcInstruction> out = new ArrayList<>(code.size());
        for (Pending p : code) out.add(new TcInstruction(p.op, p.rd, p.rs1, p.rs2, p.target == null ? p.imm : slotOf(p.target)));
        return out;
    }

    /** The per-slot tables of {@link TcDebugInfo}: source lines, functions and stack depths. */
    int[][] tables() {
        int[][] t = new int[3][code.size()];
        for (int k = 0; k < code.size(); k++) for (int c = 0; c < 3; c++) t[c][k] = where.get(k)[c];
        return t;
    }

    /** A plain listing (slot, labels, instruction) for {@code tc compile --target tc}. */
    List<String> listing() {
        List<String> lines = new ArrayList<>();
        List<TcInstruction> resolved = resolve();
        for (int k = 0; k < resolved.size(); k++) {
            for (String l : labelsAt.getOrDefault(k, List.of())) lines.add(l + ":");
            lines.add(String.format("  %4d  %s", k, text(resolved.get(k), code.get(k).target)));
        }
        return lines;
    }

    private static String text(TcInstruction i, String target) {
        var s = i.op().shape();
        List<String> parts = new ArrayList<>();
        if (s == TcOp.Shape.RS2_RS1_IMM) return i.op().mnemonic() + " r" + i.rs2() + ", " + i.imm() + "(r" + i.rs1() + ")";
        if (i.op() == TcOp.LOAD) return "load r" + i.rd() + ", " + i.imm() + "(r" + i.rs1() + ")";
        if (s.rd) parts.add("r" + i.rd());
        if (s.rs1) parts.add("r" + i.rs1());
        if (s.rs2) parts.add("r" + i.rs2());
        if (s.imm) parts.add(target != null ? i.imm() + "  ; " + target : Integer.toString(i.imm()));
        return i.op().mnemonic() + (parts.isEmpty() ? "" : " " + String.join(", ", parts));
    }
}
