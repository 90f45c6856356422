package tc.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * The structured programs the sketch search may write for a task, grouped in families and listed
 * by cost (a description length: MOV 2; ADD, SUB, ADDI, LI, LOAD, STORE 3; the logic ops 4; MUL,
 * DIV, MOD and the shifts 5; each template 2–6 on top of what it holds). The same families serve
 * every task; which apply follows from the task's shape only (an array of varying length cannot
 * be handled without a loop, so array tasks get only the loop families):
 *
 * <ul>
 *   <li>{@code line} (scalar tasks): up to three instructions;</li>
 *   <li>{@code if} (scalar tasks): an instruction or none, {@link Sketch.If} with one or two
 *       instructions, an instruction or none;</li>
 *   <li>{@code while} (scalar tasks): the same around {@link Sketch.While} with one to three
 *       instructions;</li>
 *   <li>{@code recur} (scalar tasks with a scratch register): the same around a two-register
 *       recurrence {@code (x, y) ← (y, f(x, y))} repeated while f's result is not zero —
 *       {@code While {op t, x, y; MOV x, y; MOV y, t}}, priced as one template (1 + the cost of
 *       op: the two MOVs follow from the registers named) instead of op + 2 + 2 + 2. It is a
 *       prior we added because, as a plain {@code while} program, Euclid's loop sits behind
 *       ~75,000 scalar programs of lower cost (~500,000 at its own), which the enumeration never
 *       reaches. It is shaped by gcd's known solution (Euclid's loop); the same shape serves any
 *       state rotation (Fibonacci pairs).</li>
 *   <li>{@code each} (array tasks: base in r0, length in r1): around {@link Sketch.Each} over
 *       (r0, r1), whose body (up to three instructions, or up to two and an {@code If}) starts by
 *       loading its element, reads and writes memory only through the pointer and never writes
 *       or computes with the pointer or the count;</li>
 *   <li>{@code nested} (array tasks): {@link Sketch.Times} r1 { p ← r0; c ← r1; Each(p, c) {body} }
 *       with p, c the first two scratch registers — a pass over a shrinking prefix, repeated. Shaped
 *       by bubble sort's loop nest (docs/learning.md says how much of the learned program it writes).</li>
 *   <li>{@code bisect} (array tasks with a further input, a key, and four scratch registers):
 *       {@link Sketch.Bisect} over [lo, hi) = [0, r1) — halve the interval around its midpoint
 *       until it is empty — whose body probes the midpoint ({@code ADD t, r0, mid; LOAD t, 0(t)},
 *       priced as one LOAD: its address follows from the template, as an {@code Each} body's
 *       pointer does) and may add one instruction, and whose learned verdict (a compare of two
 *       registers, one written by the body, and a condition) says which half to keep. A prior we
 *       added for binary_search, stated as such: a search over sorted data has to halve its
 *       interval to fit a logarithmic step budget, and no loop template could; the learner
 *       still finds the probe, the verdict and what to answer from where the bisection ended
 *       (binary_search: that needs a second read and a guarded result, see {@link SketchEdits}).
 *       It is shaped by binary_search's known solution; the same shape serves any bisection of an
 *       index range by a monotone predicate (lower and upper bounds, first failing index).</li>
 * </ul>
 * Before a template may come one setup instruction (MOV, LI, ADDI), after it one instruction that
 * writes an output. Immediates: ADDI ±1, LI 0/±1, memory offsets 0 and 1. Commutative operations list each operand
 * pair once, and forms equal to a MOV or a constant (MOV r, r; SUB r, x, x…) are left out.
 */
final class SketchSpace {
    /** A family: its name and a listing of its programs of one exact cost. */
    record Family(String name, Lister programs) {}

    /** Lists the programs of an exact cost, handing each to {@code out} (streamed: a level may hold millions). */
    interface Lister { void list(int cost, Consumer<List<Sketch>> out); }

    /** Lists the templates of an exact cost. */
    private interface CoreLister { void list(int cost, Consumer<Sketch> out); }

    static final TcOp[] CONDITIONS = {TcOp.JZ, TcOp.JNZ, TcOp.JLT, TcOp.JGE, TcOp.JLE, TcOp.JGT};

    private final int registers;
    private final boolean memory, memoryOutput;
    private final int outputs, inputs;
    private final Library library;

    SketchSpace(Task task) { this(task, Library.EMPTY); }

    /** The space for {@code task}, whose blocks may also call {@code library}'s routines (each call costs {@value #CALL_COST}). */
    SketchSpace(Task task, Library library) {
        this.library = library;
        this.registers = task.registers();
        this.memory = task.usesMemory();
        this.outputs = SketchSearch.outputRegisters(task);
        this.memoryOutput = SketchSearch.memoryOutput(task);
        this.inputs = RegisterRoles.inputs(task);
    }

    /** A call's cost in the description length: a learned routine is one word, like an ADD. */
    static final int CALL_COST = 3;

    static int cost(TcOp op) {
        return switch (op) {
            case MOV -> 2;
            case ADD, SUB, ADDI, LI, LOAD, STORE -> 3;
            case AND, OR, XOR, NOT -> 4;
            default -> 5;
        };
    }

    /** The families that apply to this task. */
    List<Family> families() {
        List<Family> out = new ArrayList<>();
        Ctx top = new Ctx(-1, 0);
        if (!memory) {
            out.add(new Family("line", (c, o) -> seq(top, c, 3, o)));
            out.add(new Family("if", (c, o) -> around(top, c, 5, (k, t) -> ifs(top, k, 2, t), o)));
            out.add(new Family("while", (c, o) -> around(top, c, 5, (k, t) -> whiles(top, k, t), o)));
            if (FamilyGate.RECUR.admits(memory, registers, inputs)) out.add(new Family("recur", (c, o) -> around(top, c, 4, (k, t) -> recurrences(k, t), o)));
        }
        if (FamilyGate.EACH.admits(memory, registers, inputs)) {
            Ctx body = new Ctx(0, (1 << 0) | (1 << 1));
            out.add(new Family("each", (c, o) -> around(top, c, 5, (k, t) -> loopBodies(body, k - 3, b -> t.accept(new Sketch.Each(0, 1, b))), o)));
        }
        if (FamilyGate.NESTED.admits(memory, registers, inputs)) {
            Ctx body = new Ctx(2, 0b1111);
            Sketch.Op p = new Sketch.Op(new TcInstruction(TcOp.MOV, 2, 0, 0, 0)), n = new Sketch.Op(new TcInstruction(TcOp.MOV, 3, 1, 0, 0));
            out.add(new Family("nested", (c, o) -> around(top, c, 8, (k, t) -> loopBodies(body, k - 6,
                    b -> t.accept(new Sketch.Times(1, List.of(p, n, new Sketch.Each(2, 3, b))))), o)));
        }
        if (bisecting())
            out.add(new Family("bisect", (c, o) -> around(top, c, BISECT + PROBE, (k, t) -> bisects(k, t), o)));
        return out;
    }

    /** Whether the task gets the bisection family: an array with a further input (a key to look for) and four scratch registers. */
    boolean bisecting() { return FamilyGate.BISECT.admits(memory, registers, inputs); }

    /** The bisection template's own price (the compare it ends with is part of it). */
    static final int BISECT = 4;
    /** The midpoint probe's price: one LOAD's (its address follows from the template, as a loop's pointer does). */
    static final int PROBE = 3;

    /** The bisection's registers in a task with {@code inputs} inputs: one, lo, mid are the first scratch registers, hi is the count r1. */
    static Sketch.Bisect bisect(int inputs, List<Sketch> body, int a, int b, TcOp right) {
        return new Sketch.Bisect(inputs, inputs + 1, 1, inputs + 2, body, a, b, right);
    }

    /** What a bisection's body may not write or compute with: its one, lo, hi and mid. */
    static Ctx bisectBody(Sketch.Bisect h) {
        return new Ctx(-1, 1 << h.one() | 1 << h.lo() | 1 << h.hi() | 1 << h.mid());
    }

    /**
     * Bisections of exact cost {@value #BISECT} + body: the body probes the midpoint ({@code ADD t,
     * r0, mid; LOAD t, [t]}, t a free scratch register) and may add one instruction; the verdict
     * compares two registers, at least one of them written by the body.
     */
    private void bisects(int cost, Consumer<Sketch> out) {
        Sketch.Bisect shape = bisect(inputs, List.of(), 0, 0, TcOp.JLT);
        Ctx body = bisectBody(shape);
        for (int t = inputs; t < registers; t++) {
            if ((body.frozen >> t & 1) != 0) continue;
            List<Sketch> probe = SketchEdits.probe(t, shape.mid(), 0);
            seq(body, cost - BISECT - PROBE, 1, extra -> {
                List<Sketch> b = new ArrayList<>(probe);
                b.addAll(extra);
                int written = 0;
                for (Sketch st : b) if (st instanceof Sketch.Op op) written |= Liveness.defs(op.ins()) & 0xFFFF;
                for (int x = 0; x < registers; x++)
                    for (int y = x + 1; y < registers; y++) {
                        if ((body.frozen >> x & 1) != 0 || (body.frozen >> y & 1) != 0 || (written >> x & 1) == 0 && (written >> y & 1) == 0) continue;
                        for (TcOp cond : CONDITIONS) out.accept(bisect(inputs, List.copyOf(b), x, y, cond));
                    }
            });
        }
    }

    /**
     * Where instructions go: memory only through {@code base} (−1: any register); the registers in
     * {@code frozen} (a loop's pointer and count) are neither written nor computed with — only
     * addressed through.
     */
    record Ctx(int base, int frozen) {}

    private final Map<Ctx, List<List<Sketch.Op>>> opsByCost = new HashMap<>();
    private final Map<Ctx, List<Sketch.Call>> callsByCtx = new HashMap<>();

    /** The calls of library routines allowed in {@code ctx}: none writes or reads a frozen register. */
    List<Sketch.Call> calls(Ctx ctx) {
        return callsByCtx.computeIfAbsent(ctx, c -> library.calls(registers, c.frozen));
    }

    /** The single statements of {@code cost} allowed in {@code ctx}: instructions, and calls at {@value #CALL_COST}. */
    List<? extends Sketch> statements(Ctx ctx, int cost) {
        List<Sketch.Op> ops = ops(ctx, cost);
        if (cost != CALL_COST || library.routines().isEmpty()) return ops; // the listing's hot path: no copy
        return withCalls.computeIfAbsent(ctx, c -> {
            List<Sketch> out = new ArrayList<>(ops);
            out.addAll(calls(c));
            return List.copyOf(out);
        });
    }

    private final Map<Ctx, List<Sketch>> withCalls = new HashMap<>();
    private final Map<Ctx, List<List<Sketch.Op>>> fragmentsByCtx = new HashMap<>();

    /**
     * The library's fragments on every assignment of distinct registers of this task allowed in
     * {@code ctx} (no frozen register written or computed with, memory only through the base).
     */
    List<List<Sketch.Op>> fragments(Ctx ctx) {
        return fragmentsByCtx.computeIfAbsent(ctx, c -> {
            List<List<Sketch.Op>> out = new ArrayList<>();
            for (Fragments.Fragment f : library.fragments())
                assign(f, new int[f.registers()], 0, 0, c, out);
            return out;
        });
    }

    private void assign(Fragments.Fragment f, int[] map, int at, int used, Ctx ctx, List<List<Sketch.Op>> out) {
        if (at == map.length) {
            List<Sketch.Op> ops = new ArrayList<>();
            for (TcInstruction i : f.on(map)) {
                var s = i.op().shape();
                boolean memoryOp = i.op() == TcOp.LOAD || i.op() == TcOp.STORE;
                if (memoryOp && (!memory || ctx.base >= 0 && i.rs1() != ctx.base)) return;
                if (s.rd && (ctx.frozen >> i.rd() & 1) != 0) return;
                if (s.rs1 && !memoryOp && (ctx.frozen >> i.rs1() & 1) != 0) return;
                if (s.rs2 && (ctx.frozen >> i.rs2() & 1) != 0 && i.op() != TcOp.STORE) return;
                if (Vocabulary.degenerate(i)) return;
                ops.add(new Sketch.Op(i));
            }
            out.add(ops);
            return;
        }
        for (int r = 0; r < registers; r++) {
            if ((used >> r & 1) != 0) continue;
            map[at] = r;
            assign(f, map, at + 1, used | 1 << r, ctx, out);
        }
    }

    /** The single instructions of {@code cost} allowed in {@code ctx}. */
    List<Sketch.Op> ops(Ctx ctx, int cost) {
        List<List<Sketch.Op>> byCost = opsByCost.computeIfAbsent(ctx, this::allOps);
        return cost < byCost.size() ? byCost.get(cost) : List.of();
    }

    private List<List<Sketch.Op>> allOps(Ctx ctx) {
        List<List<Sketch.Op>> byCost = new ArrayList<>();
        for (int c = 0; c <= 6; c++) byCost.add(new ArrayList<>());
        for (TcOp op : TcOp.values()) {
            if (op.isJump() || op == TcOp.CMP || op == TcOp.HALT || op == TcOp.NOP) continue;
            switch (op) {
                case PUSH, POP, CALL, RET, OUT -> { continue; }
                case LOAD, STORE -> { if (!memory) continue; }
                default -> { }
            }
            var s = op.shape();
            int[] imms = switch (op) {
                case ADDI -> new int[]{1, -1};
                case LI -> new int[]{0, 1, -1};
                case LOAD, STORE -> new int[]{0, 1};
                default -> new int[]{0};
            };
            for (int rd = 0; rd < (s.rd ? registers : 1); rd++) {
                if (s.rd && (ctx.frozen >> rd & 1) != 0) continue;
                for (int a = 0; a < (s.rs1 ? registers : 1); a++) {
                    if ((op == TcOp.LOAD || op == TcOp.STORE) && ctx.base >= 0 && a != ctx.base) continue;
                    boolean memoryOp = op == TcOp.LOAD || op == TcOp.STORE;
                    if (s.rs1 && !memoryOp && (ctx.frozen >> a & 1) != 0) continue;
                    for (int b = 0; b < (s.rs2 ? registers : 1); b++) {
                        if (commutative(op) && b < a) continue;
                        if (s.rs2 && (ctx.frozen >> b & 1) != 0) continue;
                        for (int imm : imms) {
                            TcInstruction ins = new TcInstruction(op, rd, a, b, imm);
                            if (Vocabulary.degenerate(ins) || constantForm(ins)) continue;
                            byCost.get(cost(op)).add(new Sketch.Op(ins));
                        }
                    }
                }
            }
        }
        return byCost;
    }

    private static boolean commutative(TcOp op) {
        return op == TcOp.ADD || op == TcOp.MUL || op == TcOp.AND || op == TcOp.OR || op == TcOp.XOR;
    }

    /** x / x, x % x, x & x… equal a constant or a MOV another form covers. */
    private static boolean constantForm(TcInstruction i) {
        return switch (i.op()) {
            case DIV, MOD -> i.rs1() == i.rs2();
            default -> false;
        };
    }

    /** Straight sequences of 0..{@code maxLen} instructions of exact total cost. */
    private void seq(Ctx ctx, int cost, int maxLen, Consumer<List<Sketch>> out) {
        seq(ctx, cost, maxLen, new ArrayList<>(), null, out);
    }

    private void seq(Ctx ctx, int cost, int maxLen, List<Sketch> prefix, TcInstruction previous, Consumer<List<Sketch>> out) {
        if (cost == 0) { out.accept(List.copyOf(prefix)); return; }
        if (cost < 2 || prefix.size() >= maxLen) return;
        if (cost >= Fragments.COST && !library.fragments().isEmpty())
            for (List<Sketch.Op> f : fragments(ctx)) {
                // a fragment is one statement of the listing: it may end a block one over its length
                prefix.addAll(f);
                seq(ctx, cost - Fragments.COST, maxLen + f.size() - 1, prefix, f.get(f.size() - 1).ins(), out);
                for (int k = 0; k < f.size(); k++) prefix.remove(prefix.size() - 1);
            }
        for (int c = 2; c <= Math.min(cost, 5); c++)
            for (Sketch st : statements(ctx, c)) {
                TcInstruction ins = st instanceof Sketch.Op op ? op.ins() : null; // after a call: no order pruning
                if (previous != null && ins != null && !keep(previous, ins)) continue;
                prefix.add(st);
                seq(ctx, cost - c, maxLen, prefix, ins, out);
                prefix.remove(prefix.size() - 1);
            }
    }

    /**
     * Whether {@code x} then {@code y} is worth listing: not when y overwrites x's register without
     * reading it (x is dead), and for two independent instructions only in one order (the other
     * order computes the same, unless both set the flags, whose final value then differs).
     */
    static boolean keep(TcInstruction x, TcInstruction y) {
        int xd = Liveness.defs(x) & 0xFFFF, yd = Liveness.defs(y) & 0xFFFF;
        if (xd != 0 && xd == yd && (Liveness.uses(y) & xd) == 0 && !x.op().setsFlags()) return false;
        return !outOfOrder(x, y);
    }

    /**
     * Whether {@code x} then {@code y} are independent (neither reads or writes what the other
     * writes, not two memory accesses one of which stores, not both setting the flags) and in the
     * order the listing does not use: swapped, they compute the same.
     */
    static boolean outOfOrder(TcInstruction x, TcInstruction y) {
        int xd = Liveness.defs(x) & 0xFFFF, yd = Liveness.defs(y) & 0xFFFF;
        int xu = Liveness.uses(x), yu = Liveness.uses(y);
        boolean xMem = x.op() == TcOp.STORE || x.op() == TcOp.LOAD, yMem = y.op() == TcOp.STORE || y.op() == TcOp.LOAD;
        boolean memoryOrder = xMem && yMem && (x.op() == TcOp.STORE || y.op() == TcOp.STORE);
        boolean independent = (xd & yu) == 0 && (yd & xu) == 0 && (xd & yd) == 0 && !memoryOrder
                && !(x.op().setsFlags() && y.op().setsFlags());
        return independent && order(x) > order(y);
    }

    private static long order(TcInstruction i) {
        return ((((long) i.op().ordinal() * 16 + i.rd()) * 16 + i.rs1()) * 16 + i.rs2()) * 64 + (i.imm() & 63);
    }

    /** {@code pre (≤1 op) · core · post (≤1 op)} of exact cost; the cores cost at least {@code minCore}. */
    private void around(Ctx ctx, int cost, int minCore, CoreLister core, Consumer<List<Sketch>> out) {
        for (int pre = 0; pre <= cost; pre++)
            for (int post = 0; pre + post <= cost; post++) {
                int k = cost - pre - post;
                if (k < minCore) continue;
                List<List<Sketch>> pres = new ArrayList<>(), posts = new ArrayList<>();
                seq(ctx, pre, 1, a -> { if (a.isEmpty() || setup(a.get(0))) pres.add(a); });
                seq(ctx, post, 1, b -> { if (b.isEmpty() || delivers(b.get(0))) posts.add(b); });
                if (pres.isEmpty() || posts.isEmpty()) continue;
                core.list(k, c -> {
                    for (List<Sketch> a : pres)
                        for (List<Sketch> b : posts) {
                            List<Sketch> p = new ArrayList<>(a);
                            p.add(c);
                            p.addAll(b);
                            out.accept(p);
                        }
                });
            }
    }

    /** What may come before a template: setting a register up (MOV, LI, ADDI). */
    private static boolean setup(Sketch s) {
        if (!(s instanceof Sketch.Op o)) return false;
        TcOp op = o.ins().op();
        return op == TcOp.MOV || op == TcOp.LI || op == TcOp.ADDI;
    }

    /** What may come after a template: an instruction that writes an output (a STORE where outputs are in memory); anything else would be dead. */
    private boolean delivers(Sketch s) {
        if (s instanceof Sketch.Call c) return !memoryOutput && Liveness.writesAny(c.inlined(0), outputs);
        TcInstruction i = ((Sketch.Op) s).ins();
        return memoryOutput ? i.op() == TcOp.STORE : (Liveness.defs(i) & outputs) != 0;
    }

    /** {@code If}s of exact cost 3 + body, the body 1..{@code maxThen} instructions; CMP a, b with a < b (the six conditions cover b, a). */
    private void ifs(Ctx ctx, int cost, int maxThen, Consumer<Sketch> out) {
        if (cost < 5) return;
        for (int a = 0; a < registers; a++)
            for (int b = a + 1; b < registers; b++) {
                if ((ctx.frozen >> a & 1) != 0 || (ctx.frozen >> b & 1) != 0) continue;
                for (TcOp cond : CONDITIONS) {
                    int x = a, y = b;
                    seq(ctx, cost - 3, maxThen, body -> { if (!body.isEmpty()) out.accept(new Sketch.If(x, y, cond, body)); });
                }
            }
    }

    private void whiles(Ctx ctx, int cost, Consumer<Sketch> out) {
        seq(ctx, cost - 2, 3, body -> {
            if (body.stream().anyMatch(s -> s instanceof Sketch.Op o && o.ins().op().setsFlags())) out.accept(new Sketch.While(body));
        });
    }

    /** {@code While {op t, x, y; MOV x, y; MOV y, t}} for x, y, t distinct, op any two-operand computation; cost 1 + cost(op). */
    private void recurrences(int cost, Consumer<Sketch> out) {
        for (TcOp op : TcOp.values()) {
            if (op.shape() != TcOp.Shape.RD_RS1_RS2 || cost(op) + 1 != cost) continue;
            for (int x = 0; x < registers; x++)
                for (int y = 0; y < registers; y++)
                    for (int t = 0; t < registers; t++) {
                        if (x == y || t == x || t == y) continue;
                        out.accept(new Sketch.While(List.of(new Sketch.Op(new TcInstruction(op, t, x, y, 0)),
                                new Sketch.Op(new TcInstruction(TcOp.MOV, x, y, 0, 0)), new Sketch.Op(new TcInstruction(TcOp.MOV, y, t, 0, 0)))));
                    }
        }
    }

    /**
     * Loop bodies of exact cost: up to three instructions, or up to two then an If; a body visits
     * an element, so it starts by loading it, and where the task's result is in memory (in place)
     * it stores something.
     */
    private void loopBodies(Ctx ctx, int cost, Consumer<List<Sketch>> out) {
        seq(ctx, cost, 3, s -> { if (startsWithLoad(s) && (!memoryOutput || stores(s))) out.accept(s); });
        for (int pre = 3; pre <= cost - 5; pre++) {
            int p = pre;
            seq(ctx, pre, 2, head -> {
                if (startsWithLoad(head))
                    ifs(ctx, cost - p, 2, f -> { if (!memoryOutput || stores(head) || stores(((Sketch.If) f).then())) out.accept(append(head, f)); });
            });
        }
    }

    private static boolean stores(List<Sketch> block) {
        return block.stream().anyMatch(s -> s instanceof Sketch.Op op && op.ins().op() == TcOp.STORE);
    }

    private static boolean startsWithLoad(List<Sketch> s) {
        return !s.isEmpty() && s.get(0) instanceof Sketch.Op op && op.ins().op() == TcOp.LOAD;
    }

    private static List<Sketch> append(List<Sketch> head, Sketch last) {
        List<Sketch> out = new ArrayList<>(head);
        out.add(last);
        return out;
    }
}
