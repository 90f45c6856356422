package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * The neighbours of a structured program, for the sketch search's climbing stage: every program
 * one edit away that keeps the templates' shape — insert, delete or replace an instruction in any
 * block; change an {@code If}'s condition or compared registers, unwrap it, or wrap one or two
 * instructions of a block into a new one; change a {@code Bisect}'s verdict; and for an array
 * task, turn a single pass ({@code Each} over r0, r1) into the repeated pass over a shrinking
 * prefix of {@link SketchSpace}'s {@code nested} family. Instructions come from the same
 * per-block vocabulary as the enumeration (a loop body addresses memory only through its pointer
 * and leaves pointer and count alone).
 *
 * <p>In a task with the bisection family, whose registers hold indices into the array, two idioms
 * are single edits too, because their parts score nothing apart: reading a word at an index
 * ({@code ADD t, r0, x; LOAD t, offset(t)}, offsets −1 and 0: dead without a use, so never run
 * alone) and guarding one or two instructions by such a word (the read, then an {@code If}
 * comparing it with an input around them, optionally after a constant fallback for the register
 * they write). binary_search's check — "answer lo − 1 where a[lo − 1] is the key, else −1" — is
 * one guard away from the upper-bound bisection the enumeration finds (in 10 of 10 seeds); with
 * a guard but no fallback, two edits through a program that scores no better, in 5–8 of 10
 * depending on the rounds.
 */
final class SketchEdits {
    private static final int MAX_OP_COST = 5;
    private static final int NONE = Integer.MIN_VALUE;
    /** A guard's fallbacks: none, or the constants the enumeration's LI uses. */
    private static final int[] FALLBACKS = {NONE, 0, 1, -1};

    private final SketchSpace space;
    private final int registers;
    private final boolean array;
    private final int inputs;
    /** Whether the task's programs hold indices into its array (it has the bisection family): then reads and guards at an index are edits too. */
    private final boolean indexed;

    SketchEdits(SketchSpace space, Task task) {
        this.space = space;
        this.registers = task.registers();
        this.array = FamilyGate.NESTED.admits(task);
        this.inputs = RegisterRoles.inputs(task);
        this.indexed = space.bisecting();
    }

    /** Every neighbour of {@code program}, handed to {@code out} (possibly with repeats). */
    void neighbours(List<Sketch> program, Consumer<List<Sketch>> out) {
        block(program, new SketchSpace.Ctx(-1, 0), b -> b, out);
    }

    private void block(List<Sketch> block, SketchSpace.Ctx ctx, Function<List<Sketch>, List<Sketch>> rebuild, Consumer<List<Sketch>> out) {
        List<Sketch> ops = new ArrayList<>();
        for (int c = 2; c <= MAX_OP_COST; c++) ops.addAll(space.statements(ctx, c));
        for (int i = 0; i <= block.size(); i++)
            for (Sketch op : ops) out.accept(rebuild.apply(with(block, i, 0, List.of(op))));
        if (indexed && ctx.base() < 0) // read a word at r0 + x: the two instructions mean nothing apart
            for (int i = 0; i <= block.size(); i++)
                for (int t = 0; t < registers; t++)
                    for (int x = 1; x < registers; x++) {
                        if ((ctx.frozen() >> t & 1) != 0 || (ctx.frozen() >> x & 1) != 0) continue;
                        for (int offset = -1; offset <= 0; offset++) out.accept(rebuild.apply(with(block, i, 0, probe(t, x, offset))));
                    }
        for (int i = 0; i < block.size(); i++) {
            Sketch s = block.get(i);
            int at = i;
            out.accept(rebuild.apply(with(block, i, 1, List.of())));
            switch (s) {
                case Sketch.If f -> {
                    out.accept(rebuild.apply(with(block, i, 1, f.then())));
                    compares(ctx.frozen(), (a, b, cond) -> {
                        if (a != f.a() || b != f.b() || cond != f.skip())
                            out.accept(rebuild.apply(with(block, at, 1, List.of(new Sketch.If(a, b, cond, f.then())))));
                    });
                    block(f.then(), ctx, t -> rebuild.apply(with(block, at, 1, List.of(new Sketch.If(f.a(), f.b(), f.skip(), t)))), out);
                }
                case Sketch.Each e -> {
                    SketchSpace.Ctx inner = new SketchSpace.Ctx(e.p(), ctx.frozen() | 1 << e.p() | 1 << e.c());
                    block(e.body(), inner, b -> rebuild.apply(with(block, at, 1, List.of(new Sketch.Each(e.p(), e.c(), b)))), out);
                    if (array && e.p() == 0 && e.c() == 1 && ctx.base() < 0) out.accept(rebuild.apply(with(block, i, 1, List.of(nested(e.body())))));
                }
                case Sketch.Times t -> block(t.body(), new SketchSpace.Ctx(ctx.base(), ctx.frozen() | 1 << t.c()),
                        b -> rebuild.apply(with(block, at, 1, List.of(new Sketch.Times(t.c(), b)))), out);
                case Sketch.While w -> block(w.body(), ctx, b -> rebuild.apply(with(block, at, 1, List.of(new Sketch.While(b)))), out);
                case Sketch.Bisect h -> {
                    SketchSpace.Ctx inner = SketchSpace.bisectBody(h);
                    block(h.body(), inner, b -> rebuild.apply(with(block, at, 1, List.of(new Sketch.Bisect(h.one(), h.lo(), h.hi(), h.mid(), b, h.a(), h.b(), h.right())))), out);
                    compares(inner.frozen(), (a, b, cond) -> {
                        if (a != h.a() || b != h.b() || cond != h.right())
                            out.accept(rebuild.apply(with(block, at, 1, List.of(new Sketch.Bisect(h.one(), h.lo(), h.hi(), h.mid(), h.body(), a, b, cond)))));
                    });
                }
                default -> { // an instruction or a call: replaced by any other statement
                    for (Sketch other : ops) if (!other.equals(s)) out.accept(rebuild.apply(with(block, i, 1, List.of(other))));
                }
            }
        }
        if (indexed && ctx.base() < 0) guards(block, ctx, rebuild, out);
        // wrap one or two neighbouring instructions into an If
        for (int i = 0; i < block.size(); i++)
            for (int len = 1; len <= 2 && i + len <= block.size(); len++) {
                List<Sketch> run = block.subList(i, i + len);
                if (!run.stream().allMatch(x -> x instanceof Sketch.Op || x instanceof Sketch.Call)) continue;
                int at = i, n = len;
                compares(ctx.frozen(), (a, b, cond) -> out.accept(rebuild.apply(with(block, at, n, List.of(new Sketch.If(a, b, cond, List.copyOf(run)))))));
            }
    }

    /** A compare-and-branch: registers a &lt; b, and the condition. */
    private interface Compare { void accept(int a, int b, TcOp cond); }

    /** Every compare of two registers a &lt; b outside {@code frozen}, under each condition, in one fixed order. */
    private void compares(int frozen, Compare out) {
        for (int a = 0; a < registers; a++)
            for (int b = a + 1; b < registers; b++) {
                if ((frozen >> a & 1) != 0 || (frozen >> b & 1) != 0) continue;
                for (TcOp cond : SketchSpace.CONDITIONS) out.accept(a, b, cond);
            }
    }

    /**
     * Guards of one or two neighbouring instructions by a word of the array: {@code t ← word at r0
     * + x + offset}, then the run wrapped into an If comparing t with an input, optionally after
     * a fallback {@code LI} of the one register the run writes (what it holds where the guard
     * skips the run). A guard is three to four instructions whose parts score nothing apart: the
     * read is dead without the If, and an If on a word not yet read compares stale values.
     */
    private void guards(List<Sketch> block, SketchSpace.Ctx ctx, Function<List<Sketch>, List<Sketch>> rebuild, Consumer<List<Sketch>> out) {
        for (int i = 0; i < block.size(); i++)
            for (int len = 1; len <= 2 && i + len <= block.size(); len++) {
                List<Sketch> run = List.copyOf(block.subList(i, i + len));
                if (!run.stream().allMatch(x -> x instanceof Sketch.Op || x instanceof Sketch.Call)) continue;
                int writes = 0;
                for (Sketch st : run) if (st instanceof Sketch.Op op) writes |= Liveness.defs(op.ins()) & 0xFFFF;
                for (int t = inputs; t < registers; t++)
                    for (int x = 1; x < registers; x++)
                        for (int y = 0; y < inputs; y++) {
                            if (y == t || ((ctx.frozen() >> t | ctx.frozen() >> x | ctx.frozen() >> y) & 1) != 0) continue;
                            for (int offset = -1; offset <= 0; offset++)
                                for (TcOp cond : SketchSpace.CONDITIONS)
                                    for (int fallback : FALLBACKS) {
                                        if (fallback != NONE && Integer.bitCount(writes) != 1) continue;
                                        List<Sketch> guarded = new ArrayList<>(probe(t, x, offset));
                                        if (fallback != NONE) guarded.add(new Sketch.Op(new TcInstruction(TcOp.LI, Integer.numberOfTrailingZeros(writes), 0, 0, fallback)));
                                        guarded.add(new Sketch.If(y, t, cond, run));
                                        out.accept(rebuild.apply(with(block, i, len, guarded)));
                                    }
                        }
            }
    }

    /** {@code ADD t, r0, x; LOAD t, offset(t)}: t ← the word x + offset places after the array's base. */
    static List<Sketch> probe(int t, int x, int offset) {
        return List.of(new Sketch.Op(new TcInstruction(TcOp.ADD, t, 0, x, 0)), new Sketch.Op(new TcInstruction(TcOp.LOAD, t, t, 0, offset)));
    }

    /** {@code block} with {@code remove} statements from {@code at} replaced by {@code insert}. */
    private static List<Sketch> with(List<Sketch> block, int at, int remove, List<Sketch> insert) {
        List<Sketch> out = new ArrayList<>(block.size() + insert.size());
        out.addAll(block.subList(0, at));
        out.addAll(insert);
        out.addAll(block.subList(at + remove, block.size()));
        return out;
    }

    /** The single pass over (r0, r1) with body {@code body}, repeated over a shrinking prefix: the pointer moves to r2, the body's scratch up by two. */
    static Sketch nested(List<Sketch> body) {
        return new Sketch.Times(1, List.of(new Sketch.Op(new TcInstruction(TcOp.MOV, 2, 0, 0, 0)), new Sketch.Op(new TcInstruction(TcOp.MOV, 3, 1, 0, 0)),
                new Sketch.Each(2, 3, renamed(body))));
    }

    private static List<Sketch> renamed(List<Sketch> block) {
        List<Sketch> out = new ArrayList<>();
        for (Sketch s : block) {
            out.add(switch (s) {
                case Sketch.Op op -> {
                    TcInstruction i = op.ins();
                    var sh = i.op().shape();
                    yield new Sketch.Op(new TcInstruction(i.op(), sh.rd ? r(i.rd()) : 0, sh.rs1 ? r(i.rs1()) : 0, sh.rs2 ? r(i.rs2()) : 0, i.imm()));
                }
                case Sketch.If f -> new Sketch.If(r(f.a()), r(f.b()), f.skip(), renamed(f.then()));
                case Sketch.Call c -> new Sketch.Call(c.routine(), c.registers().stream().map(SketchEdits::r).toList());
                default -> s; // bodies hold no loops
            });
        }
        return out;
    }

    /** r0 (the pointer) → r2, r1 (the count) → r3, scratch r2… → r4… */
    private static int r(int reg) { return reg + 2; }
}
