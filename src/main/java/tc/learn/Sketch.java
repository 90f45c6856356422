package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * A structured program: statements the sketch search builds and compiles to Tensor Computer
 * instructions. Control flow comes only from the four templates below, so every program the search
 * writes has properly nested branches and loops, and a loop template cannot lose its exit.
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

    /** The instructions of {@code program}; jumps past the end target slot = length (the first HALT). */
    static List<TcInstruction> compile(List<Sketch> program) {
        List<TcInstruction> out = new ArrayList<>();
        emit(program, out);
        return Mutations.canonical(out);
    }

    private static void emit(List<Sketch> block, List<TcInstruction> out) {
        for (Sketch s : block) {
            switch (s) {
                case Op op -> out.add(op.ins());
                case If f -> {
                    out.add(new TcInstruction(TcOp.CMP, 0, f.a(), f.b(), 0));
                    int jump = out.size();
                    out.add(null);
                    emit(f.then(), out);
                    out.set(jump, new TcInstruction(f.skip(), 0, 0, 0, out.size()));
                }
                case Each e -> loop(e.c(), e.body(), e.p(), out);
                case Times t -> loop(t.c(), t.body(), -1, out);
                case While w -> {
                    int top = out.size();
                    emit(w.body(), out);
                    out.add(new TcInstruction(TcOp.JNZ, 0, 0, 0, top));
                }
            }
        }
    }

    private static void loop(int c, List<Sketch> body, int p, List<TcInstruction> out) {
        int top = out.size();
        out.add(new TcInstruction(TcOp.ADDI, c, c, 0, -1));
        int exit = out.size();
        out.add(null);
        emit(body, out);
        if (p >= 0) out.add(new TcInstruction(TcOp.ADDI, p, p, 0, 1));
        out.add(new TcInstruction(TcOp.JMP, 0, 0, 0, top));
        out.set(exit, new TcInstruction(TcOp.JLT, 0, 0, 0, out.size()));
    }
}
