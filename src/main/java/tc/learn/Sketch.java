package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * A structured program: statements the sketch search builds and compiles to Tensor Computer
 * instructions. Control flow comes only from the five templates below (and calls of learned
 * routines, which return), so every program the search writes has properly nested branches and
 * loops, and a loop template cannot lose its exit.
 */
sealed interface Sketch {

    /** One straight-line instruction (never a jump or CMP: those come from the templates). */
    record Op(TcInstruction ins) implements Sketch {}

    /** {@code CMP a, b; J<skip> end; then…; end:} — the branch idiom (skip is the jump that skips the body). */
    record If(int a, int b, TcOp skip, List<Sketch> then) implements Sketch {}

    /**
     * For each of {@code c} words from pointer {@code p}: {@code top: ADDI c, c, −1; JLT end;
     * body…; ADDI p, p, 1; JMP top; end:} — tested before the body, so a count of 0 runs it never.
     */
    record Each(int p, int c, List<Sketch> body) implements Sketch {}

    /** {@code c} times: {@code top: ADDI c, c, −1; JLT end; body…; JMP top; end:}. */
    record Times(int c, List<Sketch> body) implements Sketch {}

    /** {@code top: body…; JNZ top} — loops while the body's last flag-setting result is not zero. */
    record While(List<Sketch> body) implements Sketch {}

    /**
     * Bisection of the index interval [{@code lo}, {@code hi}): {@code LI one, 1; top: CMP lo, hi;
     * JGE end; ADD mid, lo, hi; SHR mid, mid, one; body…; CMP a, b; J<right> R; MOV hi, mid; JMP
     * top; R: ADDI lo, mid, 1; JMP top; end:}. Each turn keeps one half of the interval by the
     * body's verdict on its midpoint (the compare and its condition are learned: taken, the lower
     * half is dropped), so the loop ends within log2(hi − lo) + 1 turns whatever the body does
     * (it never writes lo, hi, mid or one).
     */
    record Bisect(int one, int lo, int hi, int mid, List<Sketch> body, int a, int b, TcOp right) implements Sketch {}

    /**
     * {@code CALL} a learned routine ({@link Library}) working on the caller's registers
     * {@code registers} (routine register k is caller register {@code registers.get(k)}).
     */
    record Call(Library.Routine routine, List<Integer> registers) implements Sketch {
        public Call {
            registers = List.copyOf(registers);
            if (registers.size() != routine.registers()) throw new IllegalArgumentException("a call names one caller register per routine register");
        }

        /** The routine's code on the caller's registers, at {@code offset}, as straight code (exits fall through). */
        List<TcInstruction> inlined(int offset) { return Library.placed(routine, registers, offset, false); }
    }

    /**
     * The instructions of {@code program}; jumps past the end target slot = length (the first
     * HALT). A program with calls is followed by a HALT and one copy of each distinct call's
     * routine (ending in RET), and each call site is a CALL to its copy.
     */
    static List<TcInstruction> compile(List<Sketch> program) {
        List<TcInstruction> out = new ArrayList<>();
        java.util.Map<Call, List<Integer>> sites = new java.util.LinkedHashMap<>();
        emit(program, out, sites);
        if (sites.isEmpty()) return Mutations.canonical(out);
        out = new ArrayList<>(Mutations.canonical(out));
        out.add(TcInstruction.of(TcOp.HALT));
        for (var site : sites.entrySet()) {
            int at = out.size();
            out.addAll(Library.placed(site.getKey().routine(), site.getKey().registers(), at, true));
            out.add(TcInstruction.of(TcOp.RET));
            for (int pc : site.getValue()) out.set(pc, new TcInstruction(TcOp.CALL, 0, 0, 0, at));
        }
        return List.copyOf(out);
    }

    /**
     * The instructions of {@code program} with every call replaced by its routine's code in place:
     * what the program computes, as one straight piece, for the analyses that decide whether a
     * candidate is worth an episode ({@link Liveness}, {@link RegisterRoles}). Equal to
     * {@link #compile} for a program without calls.
     */
    static List<TcInstruction> inline(List<Sketch> program) {
        List<TcInstruction> out = new ArrayList<>();
        emit(program, out, null);
        return Mutations.canonical(out);
    }

    /** Whether {@code program} calls a routine anywhere. */
    static boolean calls(List<Sketch> program) {
        for (Sketch s : program) {
            boolean has = switch (s) {
                case Call c -> true;
                case Op op -> false;
                case If f -> calls(f.then());
                case Each e -> calls(e.body());
                case Times t -> calls(t.body());
                case While w -> calls(w.body());
                case Bisect h -> calls(h.body());
            };
            if (has) return true;
        }
        return false;
    }

    /** Emits {@code block}; calls become CALL placeholders recorded in {@code sites}, or (sites null) the routine inlined. */
    private static void emit(List<Sketch> block, List<TcInstruction> out, java.util.Map<Call, List<Integer>> sites) {
        for (Sketch s : block) {
            switch (s) {
                case Call c -> {
                    if (sites == null) out.addAll(c.inlined(out.size()));
                    else {
                        sites.computeIfAbsent(c, k -> new ArrayList<>()).add(out.size());
                        out.add(new TcInstruction(TcOp.CALL, 0, 0, 0, 0));
                    }
                }
                case Op op -> out.add(op.ins());
                case If f -> {
                    out.add(new TcInstruction(TcOp.CMP, 0, f.a(), f.b(), 0));
                    int jump = out.size();
                    out.add(null);
                    emit(f.then(), out, sites);
                    out.set(jump, new TcInstruction(f.skip(), 0, 0, 0, out.size()));
                }
                case Each e -> loop(e.c(), e.body(), e.p(), out, sites);
                case Times t -> loop(t.c(), t.body(), -1, out, sites);
                case While w -> {
                    int top = out.size();
                    emit(w.body(), out, sites);
                    out.add(new TcInstruction(TcOp.JNZ, 0, 0, 0, top));
                }
                case Bisect h -> bisect(h, out, sites);
            }
        }
    }

    private static void bisect(Bisect h, List<TcInstruction> out, java.util.Map<Call, List<Integer>> sites) {
        out.add(new TcInstruction(TcOp.LI, h.one(), 0, 0, 1));
        int top = out.size();
        out.add(new TcInstruction(TcOp.CMP, 0, h.lo(), h.hi(), 0));
        int exit = out.size();
        out.add(null);
        out.add(new TcInstruction(TcOp.ADD, h.mid(), h.lo(), h.hi(), 0));
        out.add(new TcInstruction(TcOp.SHR, h.mid(), h.mid(), h.one(), 0));
        emit(h.body(), out, sites);
        out.add(new TcInstruction(TcOp.CMP, 0, h.a(), h.b(), 0));
        int verdict = out.size();
        out.add(null);
        out.add(new TcInstruction(TcOp.MOV, h.hi(), h.mid(), 0, 0));
        out.add(new TcInstruction(TcOp.JMP, 0, 0, 0, top));
        out.set(verdict, new TcInstruction(h.right(), 0, 0, 0, out.size()));
        out.add(new TcInstruction(TcOp.ADDI, h.lo(), h.mid(), 0, 1));
        out.add(new TcInstruction(TcOp.JMP, 0, 0, 0, top));
        out.set(exit, new TcInstruction(TcOp.JGE, 0, 0, 0, out.size()));
    }

    private static void loop(int c, List<Sketch> body, int p, List<TcInstruction> out, java.util.Map<Call, List<Integer>> sites) {
        int top = out.size();
        out.add(new TcInstruction(TcOp.ADDI, c, c, 0, -1));
        int exit = out.size();
        out.add(null);
        emit(body, out, sites);
        if (p >= 0) out.add(new TcInstruction(TcOp.ADDI, p, p, 0, 1));
        out.add(new TcInstruction(TcOp.JMP, 0, 0, 0, top));
        out.set(exit, new TcInstruction(TcOp.JLT, 0, 0, 0, out.size()));
    }
}
