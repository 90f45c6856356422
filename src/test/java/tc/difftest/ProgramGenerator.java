package tc.difftest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import tc.difftest.GenAst.*;
import tc.ir.Word;

/**
 * Generates random, terminating, well-defined programs in our C subset, deterministically per
 * (seed, word width).
 *
 * <p>Why the programs are well-defined in both C and our dialect: expressions are pure (user calls,
 * assignments and ++/-- only appear as whole statements), array indices are reduced into range
 * by construction, and literals fit the word. Why they terminate: every loop runs a counter that
 * the body never assigns over at most {@link #MAX_LOOP_BOUND} values, loops nest at most
 * {@link #MAX_LOOP_NESTING} deep, and the call graph is acyclic apart from recursion among
 * "recursive" functions (self or mutual), whose first parameter is a depth that every such call
 * decreases and that each of them tests first. A cost estimate keeps loops times calls small enough to run in well under
 * 200,000 steps; the size limits keep a program within configuration 164x2048.
 *
 * <p>Pointers stay defined the same way: every program has a function taking an array by
 * reference ({@code int a0[]} / {@code int *a1}), which main calls, and main walks an array with a
 * pointer; callees index their array parameters in range of the size every caller guarantees
 * (an array, or {@code array + k} with room), read and write through pointer parameters that
 * callers point at a scalar or a constant-index element ({@code &v}, {@code &a[k]}), and subtract
 * and compare addresses inside one array. A recursive function takes no array or pointer, and
 * never takes the address of its own variables (Loom refuses that), so only globals' and
 * parameters' addresses appear in it. Loop counters and recursion depths are never pointed at.
 */
public final class ProgramGenerator {
    static final int MAX_FUNCTIONS = 4;
    static final int MAX_GLOBALS = 4;
    static final int MAX_GLOBAL_ARRAYS = 2;
    static final int MAX_ARRAY_SIZE = 8;
    static final int MAX_EXPR_DEPTH = 4;
    static final int MAX_LOOP_BOUND = 8;
    static final int MAX_LOOP_NESTING = 2;
    /** Depth arguments are 0..MAX_RECURSION_ARG, so a recursion is at most MAX_RECURSION_ARG + 1 calls deep. */
    static final int MAX_RECURSION_ARG = 4;
    private static final int MAX_BLOCK_NESTING = 3;
    /** Statements in the whole program (a size limit: instructions and cells). */
    private static final int PROGRAM_STATEMENTS = 65;
    /** Cost units (roughly, statements executed weighted by their helper calls). */
    private static final long FUNCTION_BUDGET = 1500, RECURSIVE_BODY_BUDGET = 120, MAIN_BUDGET = 8000;

    /** A generated program with its dialect text; the gcc text needs a prefix, see {@link #gcc}. */
    public record Generated(long seed, int bits, Program ast, String text) {
        /** The gcc translation, with globals and functions prefixed by {@code prefix}. */
        public String gcc(String prefix) { return GccPrinter.print(ast, prefix); }
    }

    /** An array in scope; a parameter array's size is what every caller guarantees. */
    private record ArrayInfo(String name, boolean global, int size, boolean param) {
        ArrayInfo(String name, boolean global, int size) { this(name, global, size, false); }
    }

    /** arraySizes: the elements each array parameter needs; pointers: how many pointer-to-int parameters. */
    private record FunctionInfo(String name, boolean isVoid, int params, boolean recursive, List<Integer> arraySizes, int pointers) {
        FunctionInfo(String name, boolean isVoid, int params, boolean recursive) { this(name, isVoid, params, recursive, List.of(), 0); }

        boolean takesAddresses() { return !arraySizes.isEmpty() || pointers > 0; }
    }

    private final SplittableRandom rnd;
    private final int bits;
    private final List<String> globalScalars = new ArrayList<>();
    private final List<ArrayInfo> globalArrays = new ArrayList<>();
    /** Every function but main, decided before any body so recursive ones can call later ones. */
    private final List<FunctionInfo> signatures = new ArrayList<>();
    /** Cost of one execution of each finished body (recursive calls inside it not counted). */
    private final java.util.Map<String, Long> bodyCost = new java.util.HashMap<>();
    private int statementsLeft = PROGRAM_STATEMENTS;

    private ProgramGenerator(long seed, int bits) {
        this.rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + bits);
        this.bits = bits;
    }

    /** The program for {@code seed} at {@code bits}-bit words: equal arguments give equal programs. */
    public static Generated generate(long seed, int bits) {
        if (bits != 8 && bits != 16) throw new IllegalArgumentException("word bits must be 8 or 16, got " + bits);
        Program p = new ProgramGenerator(seed, bits).program();
        return new Generated(seed, bits, p, DialectPrinter.print(p));
    }

    private Program program() {
        List<Global> globals = new ArrayList<>();
        int scalars = rnd.nextInt(MAX_GLOBALS + 1);
        for (int i = 0; i < scalars; i++) {
            String name = "g" + i;
            globalScalars.add(name);
            globals.add(new Global(name, chance(70) ? literalValue() : null, null));
        }
        int arrays = rnd.nextInt(MAX_GLOBAL_ARRAYS + 1);
        for (int i = 0; i < arrays; i++) {
            ArrayDecl a = arrayDecl("ga" + i, true);
            globalArrays.add(new ArrayInfo(a.name(), true, a.size()));
            globals.add(new Global(a.name(), null, a));
        }
        List<Function> functions = new ArrayList<>();
        int count = rnd.nextInt(MAX_FUNCTIONS + 1);
        for (int i = 0; i < count; i++) {
            boolean isVoid = chance(20);
            int params = rnd.nextInt(4);
            boolean recursive = params > 0 && chance(35);
            List<Integer> arraySizes = new ArrayList<>();
            int pointers = 0;
            if (!recursive) {
                if (chance(55)) for (int k = rnd.nextInt(1, 3); k > 0; k--) arraySizes.add(pick(List.of(1, 2, 3, 4)));
                if (chance(40)) pointers = rnd.nextInt(1, 3);
            }
            signatures.add(new FunctionInfo("f" + i, isVoid, params, recursive, arraySizes, pointers));
        }
        // Every program passes an array by reference: a function that takes one, of one element
        // at least (so any array will do), and that main calls.
        if (signatures.stream().noneMatch(f -> f.arraySizes().size() > 0 && f.arraySizes().get(0) == 1)) {
            signatures.add(new FunctionInfo("f" + count, chance(30), rnd.nextInt(3), false, List.of(1), chance(50) ? 1 : 0));
        }
        for (FunctionInfo f : signatures) functions.add(function(f));
        functions.add(function(new FunctionInfo("main", false, 0, false)));
        return new Program(bits, globals, functions);
    }

    // ---- functions

    /** Per-function generation state. */
    private final class Context {
        final FunctionInfo self;
        final String depthParam;
        final List<String> writableParams = new ArrayList<>();
        final Deque<List<String>> scalars = new ArrayDeque<>();
        final Deque<List<ArrayInfo>> arrays = new ArrayDeque<>();
        final List<String> activeCounters = new ArrayList<>();
        /** Pointer parameters: each points at one int. */
        final List<String> pointers = new ArrayList<>();
        int walks;
        final long budget;
        int loopDepth;
        int usedCounters;
        long multiplier = 1;
        long cost;
        /** Calls to recursive functions (itself or others) in this body: at most 2, so a call tree has at most 31 nodes. */
        int recursiveCalls;
        int temps;

        Context(FunctionInfo self, long budget) {
            this.self = self;
            this.budget = budget;
            this.depthParam = self.recursive() ? "p0" : null;
            for (int i = self.recursive() ? 1 : 0; i < self.params(); i++) writableParams.add("p" + i);
        }

        List<String> readable() {
            List<String> all = new ArrayList<>(globalScalars);
            if (depthParam != null) all.add(depthParam);
            all.addAll(writableParams);
            for (List<String> s : scalars) all.addAll(s);
            all.addAll(activeCounters);
            return all;
        }

        List<String> writable() {
            List<String> all = new ArrayList<>(globalScalars);
            all.addAll(writableParams);
            for (List<String> s : scalars) all.addAll(s);
            return all;
        }

        List<ArrayInfo> arrays() {
            List<ArrayInfo> all = new ArrayList<>(globalArrays);
            for (List<ArrayInfo> a : arrays) all.addAll(a);
            return all;
        }

        boolean overBudget() { return cost > budget || statementsLeft <= 0; }

        void charge(long units) { cost += multiplier * units; }
    }

    private Function function(FunctionInfo self) {
        String name = self.name();
        boolean main = name.equals("main"), isVoid = self.isVoid(), recursive = self.recursive();
        int params = self.params();
        Context c = new Context(self, main ? MAIN_BUDGET : recursive ? RECURSIVE_BODY_BUDGET : FUNCTION_BUDGET);
        c.scalars.push(new ArrayList<>());
        c.arrays.push(new ArrayList<>());
        List<String> arrayParams = new ArrayList<>(), pointerParams = new ArrayList<>();
        for (int k = 0; k < self.arraySizes().size(); k++) {
            arrayParams.add("a" + k);
            c.arrays.peek().add(new ArrayInfo("a" + k, false, self.arraySizes().get(k), true));
        }
        for (int k = 0; k < self.pointers(); k++) {
            pointerParams.add("r" + k);
            c.pointers.add("r" + k);
        }
        List<Stmt> body = new ArrayList<>();
        int locals = rnd.nextInt(main ? 2 : 0, 5);
        // Every function needs something to assign.
        if (globalScalars.isEmpty() && c.writableParams.isEmpty()) locals = Math.max(locals, 1);
        for (int i = 0; i < locals; i++) {
            Expr init = chance(60) ? expr(c, 2) : null;
            body.add(new Decl("v" + i, init));
            c.scalars.peek().add("v" + i);
        }
        if (main || chance(30)) {
            ArrayDecl a = arrayDecl("la0", false);
            body.add(a);
            c.arrays.peek().add(new ArrayInfo("la0", false, a.size()));
        }
        if (recursive) {
            Expr base = isVoid ? null : expr(c, 2);
            body.add(new If(new Binary(BinOp.LE, new Var("p0", false), lit(0)), List.of(new Return(base)), null));
        }
        int statements = rnd.nextInt(main ? 4 : 2, main ? 11 : 7);
        for (int i = 0; i < statements; i++) body.add(stmt(c, 0));
        if (main) {
            // The pointer features every program has: a walk with a pointer, and a call passing an array.
            body.add(walk(c));
            for (FunctionInfo f : signatures) {
                if (f.arraySizes().size() > 0 && f.arraySizes().get(0) == 1) {
                    Stmt call = callOf(c, f);
                    if (call != null) body.add(call);
                    break;
                }
            }
            // Make the final state of the globals observable, not just what main happened to print.
            for (String g : globalScalars) body.add(new Output(new Var(g, true)));
            for (ArrayInfo a : globalArrays)
                for (int i = 0; i < a.size(); i++)
                    if (chance(50)) body.add(new Output(new Elem(a.name(), true, lit(i))));
        }
        if (!isVoid) body.add(new Return(expr(c, 3)));
        else if (chance(30)) body.add(new Return(null));
        List<Stmt> full = new ArrayList<>();
        for (int i = 0; i < c.usedCounters; i++) full.add(new Decl("i" + i, null));
        full.addAll(body);
        List<String> paramNames = new ArrayList<>();
        for (int i = 0; i < params; i++) paramNames.add("p" + i);
        bodyCost.put(name, c.cost + 4);
        return new Function(name, isVoid, paramNames, full, arrayParams, pointerParams);
    }

    // ---- statements

    private List<Stmt> block(Context c, int nesting, int min, int max) {
        c.scalars.push(new ArrayList<>());
        List<Stmt> body = new ArrayList<>();
        int n = rnd.nextInt(min, max + 1);
        for (int i = 0; i < n; i++) body.add(stmt(c, nesting));
        c.scalars.pop();
        return body;
    }

    private Stmt stmt(Context c, int nesting) {
        statementsLeft--;
        if (c.overBudget()) return cheap(c);
        int k = rnd.nextInt(100);
        boolean canNest = nesting < MAX_BLOCK_NESTING;
        if (k < 22) return assign(c);
        if (k < 32) return compound(c);
        if (k < 37) return step(c);
        if (k < 40) { Stmt s = assignStep(c); if (s != null) return s; }
        if (k < 50) { Expr e = expr(c, 3); c.charge(2 + weight(e)); return new Output(e); }
        if (k < 60 && canNest) return ifStmt(c, nesting);
        if (k < 72 && canNest && c.loopDepth < MAX_LOOP_NESTING) return loop(c, nesting);
        if (k < 76 && canNest) return switchStmt(c, nesting);
        if (k < 79) return sequence(c);
        if (k < 82) { Stmt s = call(c); if (s != null) return s; }
        if (k < 87 && c.loopDepth > 0) return jump(c);
        if (k < 91 && nesting > 0) {
            String name = "t" + c.temps++;
            Expr init = chance(80) ? expr(c, 2) : null;
            c.charge(2 + (init == null ? 0 : weight(init)));
            c.scalars.peek().add(name);
            return new Decl(name, init);
        }
        if (k < 94) { Stmt s = swap(c); if (s != null) return s; }
        if (k < 95) return walk(c);
        if (k < 96 && nesting > 0) {
            Expr test = expr(c, 2);
            c.charge(2 + weight(test));
            return new If(test, List.of(new Return(c.self.isVoid() ? null : expr(c, 2))), null);
        }
        return assign(c);
    }

    private Stmt cheap(Context c) {
        Expr value = chance(50) ? literal() : leaf(c);
        c.charge(2);
        return chance(50) ? new Output(value) : new Assign(scalarTarget(c), null, value);
    }

    private Expr target(Context c) {
        if (!c.pointers.isEmpty() && chance(20)) return new Deref(pick(c.pointers));
        List<ArrayInfo> arrays = c.arrays();
        if (!arrays.isEmpty() && chance(30)) {
            ArrayInfo a = pick(arrays);
            return new Elem(a.name(), a.global(), index(c, a.size(), 2));
        }
        return scalarTarget(c);
    }

    /** A scalar to write; main always has a local, other functions may fall back to a fresh one. */
    private Expr scalarTarget(Context c) {
        List<String> w = c.writable();
        if (w.isEmpty()) {
            // No writable scalar in scope: write a constant-index element, else make a local here.
            List<ArrayInfo> arrays = c.arrays();
            if (!arrays.isEmpty()) {
                ArrayInfo a = pick(arrays);
                return new Elem(a.name(), a.global(), lit(rnd.nextInt(a.size())));
            }
            throw new IllegalStateException("generator bug: nothing writable in " + c.self.name());
        }
        String name = pick(w);
        return new Var(name, globalScalars.contains(name));
    }

    private Stmt assign(Context c) {
        Expr t = target(c);
        Expr v = expr(c, rnd.nextInt(1, MAX_EXPR_DEPTH + 1));
        c.charge(2 + weight(t) + weight(v));
        return new Assign(t, null, v);
    }

    private Stmt compound(Context c) {
        BinOp op;
        do op = pick(List.of(BinOp.values())); while (!op.compoundable());
        Expr t = target(c);
        Expr v = op == BinOp.SHL || op == BinOp.SHR ? shiftCount(c) : expr(c, 2);
        c.charge(2 + weight(t) + weight(v) + opWeight(op, v));
        return new Assign(t, op, v);
    }

    private Stmt step(Context c) {
        Expr t = target(c);
        c.charge(2 + weight(t));
        return new Step(t, chance(50), chance(50));
    }

    private Stmt assignStep(Context c) {
        Expr operand = target(c);
        // Through a pointer the operand might be dest itself: x = (*r)++ would then be undefined.
        if (operand instanceof Deref) return null;
        List<String> dests = new ArrayList<>(c.writable());
        if (operand instanceof Var v) dests.remove(v.name());
        if (dests.isEmpty()) return null;
        String d = pick(dests);
        c.charge(3 + weight(operand));
        return new AssignStep(new Var(d, globalScalars.contains(d)), operand, chance(50), chance(50));
    }

    private Stmt swap(Context c) {
        List<Expr> candidates = new ArrayList<>();
        for (String w : c.writable()) candidates.add(new Var(w, globalScalars.contains(w)));
        // swap takes variables and elements of arrays, not places reached through a pointer.
        for (ArrayInfo a : c.arrays()) if (!a.param()) candidates.add(new Elem(a.name(), a.global(), lit(rnd.nextInt(a.size()))));
        if (candidates.size() < 2) return null;
        Expr a = pick(candidates);
        candidates.remove(a);
        Expr b = pick(candidates);
        c.charge(3);
        return new Swap(a, b);
    }

    private Stmt ifStmt(Context c, int nesting) {
        Expr test = expr(c, 3);
        c.charge(2 + weight(test));
        List<Stmt> then = block(c, nesting + 1, 1, 3);
        List<Stmt> otherwise = chance(45) ? block(c, nesting + 1, 1, 3) : null;
        return new If(test, then, otherwise);
    }

    private Stmt loop(Context c, int nesting) {
        LoopKind kind = pick(List.of(LoopKind.values()));
        int bound = rnd.nextInt(1, MAX_LOOP_BOUND + 1);
        int stride = kind == LoopKind.FOR_UP && chance(25) ? rnd.nextInt(2, 4) : 1;
        String counter = "i" + c.loopDepth;
        c.usedCounters = Math.max(c.usedCounters, c.loopDepth + 1);
        c.activeCounters.add(counter);
        Expr extra = chance(25) ? expr(c, 2) : null;
        long saved = c.multiplier;
        c.multiplier *= bound;
        c.charge(4 + (extra == null ? 0 : weight(extra)));
        c.loopDepth++;
        List<Stmt> body = block(c, nesting + 1, 1, 4);
        c.loopDepth--;
        c.multiplier = saved;
        c.activeCounters.remove(counter);
        return new Loop(kind, counter, bound, stride, extra, body);
    }

    /**
     * A switch on a small selector (so that its cases are often hit): distinct case values,
     * perhaps a default anywhere, each body ending in break or falling through to the next.
     */
    private Stmt switchStmt(Context c, int nesting) {
        Expr selector = chance(70) ? new Binary(BinOp.AND, expr(c, 2), lit(3)) : expr(c, 2);
        c.charge(4 + weight(selector));
        List<Integer> values = new ArrayList<>(List.of(0, 1, 2, 3, -1, Word.max(bits), Word.min(bits)));
        java.util.Collections.shuffle(values, new java.util.Random(rnd.nextLong()));
        int n = rnd.nextInt(1, 5);
        int defaultAt = chance(60) ? rnd.nextInt(n + 1) : -1;
        List<SwitchCase> cases = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            if (i == n && defaultAt != n) break;
            Integer value = i == defaultAt ? null : values.get(i);
            List<Stmt> body = new ArrayList<>(block(c, nesting + 1, 0, 2));
            if (chance(70)) body.add(new Break());
            cases.add(new SwitchCase(value, body));
        }
        return new Switch(selector, cases);
    }

    /** Two or three assignments or steps joined by the comma operator. */
    private Stmt sequence(Context c) {
        List<Stmt> parts = new ArrayList<>();
        int n = rnd.nextInt(2, 4);
        for (int i = 0; i < n; i++) parts.add(chance(60) ? assign(c) : chance(50) ? compound(c) : step(c));
        return new Sequence(parts);
    }

    private Stmt jump(Context c) {
        Stmt j = chance(50) ? new Break() : new Continue();
        if (chance(15)) return j;
        Expr test = expr(c, 2);
        c.charge(2 + weight(test));
        return new If(test, List.of(j), null);
    }

    private Stmt call(Context c) {
        // Termination: recursive functions call recursive ones (any, even later ones) only with a
        // smaller depth and outside loops; everything else calls only finished functions, so the
        // call graph is acyclic apart from depth-guarded recursion.
        List<FunctionInfo> callees = new ArrayList<>();
        boolean recursionOpen = c.self.recursive() && c.loopDepth == 0 && c.recursiveCalls < 2;
        for (FunctionInfo f : signatures) {
            if (!argumentsAvailable(c, f)) continue;
            if (f.recursive() && c.self.recursive()) {
                if (recursionOpen) callees.add(f);
            } else if (bodyCost.containsKey(f.name()) && (!f.recursive() || allRecursiveFinished())) {
                if (c.cost + c.multiplier * callCost(f) <= c.budget) callees.add(f);
            }
        }
        if (recursionOpen && chance(50)) callees.add(c.self);
        if (callees.isEmpty()) return null;
        FunctionInfo f = pick(callees);
        boolean self = f.recursive() && c.self.recursive();
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < f.params(); i++) {
            if (i == 0 && f.recursive())
                args.add(self ? new Binary(BinOp.SUB, new Var("p0", false), lit(1)) : lit(rnd.nextInt(MAX_RECURSION_ARG + 1)));
            else args.add(expr(c, 2));
        }
        addressArguments(c, f, args);
        Expr target = null;
        if (!f.isVoid() && chance(80)) {
            // Only a scalar or a constant-index element: a computed index might read a global the callee writes.
            target = scalarTarget(c);
            if (chance(20) && !c.arrays().isEmpty()) {
                ArrayInfo a = pick(c.arrays());
                target = new Elem(a.name(), a.global(), lit(rnd.nextInt(a.size())));
            }
        }
        long argWeight = 0;
        for (Expr a : args) argWeight += weight(a);
        if (self) c.recursiveCalls++;
        else c.charge(callCost(f));
        c.charge(4 + argWeight);
        return new CallStmt(target, f.name(), args);
    }

    /** A call of f from main at its end, when f's cost fits (null when it cannot be called there). */
    private Stmt callOf(Context c, FunctionInfo f) {
        if (!argumentsAvailable(c, f) || !bodyCost.containsKey(f.name())) return null;
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < f.params(); i++) args.add(expr(c, 2));
        addressArguments(c, f, args);
        c.charge(callCost(f) + 4);
        return new CallStmt(!f.isVoid() ? scalarTarget(c) : null, f.name(), args);
    }

    /** Arrays this function may pass on: taking a local array's address is refused in a recursive function (on Loom). */
    private List<ArrayInfo> passable(Context c) {
        List<ArrayInfo> out = new ArrayList<>();
        for (ArrayInfo a : c.arrays()) if (a.global() || a.param() || !c.self.recursive()) out.add(a);
        return out;
    }

    private boolean argumentsAvailable(Context c, FunctionInfo f) {
        if (!f.takesAddresses()) return true;
        List<ArrayInfo> arrays = passable(c);
        for (int need : f.arraySizes()) if (arrays.stream().noneMatch(a -> a.size() >= need)) return false;
        return f.pointers() == 0 || !pointees(c).isEmpty();
    }

    /**
     * Places a pointer argument may point at: writable scalars (a recursive function's own locals
     * and parameters excepted), constant-index elements, and the pointers this function was given.
     */
    private List<Expr> pointees(Context c) {
        List<Expr> out = new ArrayList<>();
        for (String w : c.writable()) {
            boolean global = globalScalars.contains(w);
            if (global || !c.self.recursive()) out.add(new AddressOf(new Var(w, global)));
        }
        for (ArrayInfo a : passable(c)) out.add(new AddressOf(new Elem(a.name(), a.global(), lit(rnd.nextInt(a.size())))));
        for (String r : c.pointers) out.add(new Var(r, false));
        return out;
    }

    /** The arguments for f's array and pointer parameters, appended to args. */
    private void addressArguments(Context c, FunctionInfo f, List<Expr> args) {
        List<ArrayInfo> arrays = passable(c);
        for (int need : f.arraySizes()) {
            List<ArrayInfo> fit = arrays.stream().filter(a -> a.size() >= need).toList();
            ArrayInfo a = pick(fit);
            int offset = rnd.nextInt(a.size() - need + 1);
            args.add(chance(25) && offset < a.size() ? new AddressOf(new Elem(a.name(), a.global(), lit(offset)))
                    : new Address(a.name(), a.global(), lit(offset)));
        }
        List<Expr> targets = pointees(c);
        for (int k = 0; k < f.pointers(); k++) args.add(pick(targets));
    }

    /** A pointer walk over part of an array, summing into a scalar. */
    private Stmt walk(Context c) {
        List<ArrayInfo> arrays = passable(c);
        if (arrays.isEmpty()) return assign(c);
        ArrayInfo a = pick(arrays);
        int from = rnd.nextInt(a.size());
        int length = rnd.nextInt(1, a.size() - from + 1);
        Expr t = scalarTarget(c);
        if (!(t instanceof Var target)) return assign(c);
        c.charge(3L * length + 3);
        return new PtrWalk("w" + c.walks++, new Address(a.name(), a.global(), lit(from)), length, target);
    }

    private boolean allRecursiveFinished() {
        for (FunctionInfo f : signatures) if (f.recursive() && !bodyCost.containsKey(f.name())) return false;
        return true;
    }

    /**
     * One call from outside the recursion: a recursive call tree has at most 2^(D+1) - 1 nodes
     * (two recursive calls per body, depth D), each costing at most the dearest recursive body.
     */
    private long callCost(FunctionInfo f) {
        if (!f.recursive()) return bodyCost.get(f.name());
        long dearest = 0;
        for (FunctionInfo g : signatures) if (g.recursive()) dearest = Math.max(dearest, bodyCost.get(g.name()));
        return ((2L << MAX_RECURSION_ARG) - 1) * dearest + 4;
    }

    // ---- expressions

    private Expr expr(Context c, int depth) {
        if (depth <= 0 || chance(25)) return leaf(c);
        int k = rnd.nextInt(100);
        if (k < 58) {
            BinOp op = pick(List.of(BinOp.values()));
            if ((op == BinOp.DIV || op == BinOp.MOD) && chance(40)) {
                // The documented corner cases: x / 0, x % 0, MIN / -1, MIN % -1.
                Expr left = chance(50) ? lit(Word.min(bits)) : expr(c, depth - 1);
                return new Binary(op, left, lit(pick(List.of(0, -1, -1, 1, 2, -2))));
            }
            Expr left = expr(c, depth - 1);
            Expr right = (op == BinOp.SHL || op == BinOp.SHR) && chance(60) ? shiftCount(c) : expr(c, depth - 1);
            return new Binary(op, left, right);
        }
        if (k < 70) return new Unary(pick(List.of(UnOp.values())), expr(c, depth - 1));
        if (k < 78) return new Cond(expr(c, depth - 1), expr(c, depth - 1), expr(c, depth - 1));
        if (k < 81) return new Comma(expr(c, depth - 1), expr(c, depth - 1));
        if (k < 84) {
            List<ArrayInfo> arrays = passable(c);
            if (arrays.isEmpty()) return leaf(c);
            ArrayInfo a = pick(arrays);
            Address l = new Address(a.name(), a.global(), index(c, a.size() + 1, 1)), r = new Address(a.name(), a.global(), index(c, a.size() + 1, 1));
            return chance(50) ? new PtrDiff(l, r) : new PtrCmp(pick(List.of(BinOp.EQ, BinOp.NE, BinOp.LT, BinOp.LE, BinOp.GT, BinOp.GE)), l, r);
        }
        if (k < 90) {
            Builtin fn = pick(List.of(Builtin.values()));
            return fn == Builtin.ABS ? new Call(fn, List.of(expr(c, depth - 1)))
                    : new Call(fn, List.of(expr(c, depth - 1), expr(c, depth - 1)));
        }
        List<ArrayInfo> arrays = c.arrays();
        if (arrays.isEmpty()) return leaf(c);
        ArrayInfo a = pick(arrays);
        return new Elem(a.name(), a.global(), index(c, a.size(), Math.min(2, depth - 1)));
    }

    private Expr leaf(Context c) {
        int k = rnd.nextInt(100);
        List<String> vars = c.readable();
        List<ArrayInfo> arrays = c.arrays();
        if (k < 12 && !arrays.isEmpty()) {
            ArrayInfo a = pick(arrays);
            return new Elem(a.name(), a.global(), lit(rnd.nextInt(a.size())));
        }
        if (k < 20 && !c.pointers.isEmpty()) return new Deref(pick(c.pointers));
        if (k < 62 && !vars.isEmpty()) {
            String v = pick(vars);
            return new Var(v, globalScalars.contains(v));
        }
        return literal();
    }

    /** An index in [0, size): a constant, {@code e & (size-1)} or {@code ((e % size) + size) % size}. */
    private Expr index(Context c, int size, int depth) {
        int k = rnd.nextInt(10);
        if (k < 3 || depth <= 0) return lit(rnd.nextInt(size));
        Expr e = expr(c, depth);
        if (Integer.bitCount(size) == 1 && k < 8) return new Binary(BinOp.AND, e, lit(size - 1));
        return new Binary(BinOp.MOD, new Binary(BinOp.ADD, new Binary(BinOp.MOD, e, lit(size)), lit(size)), lit(size));
    }

    /** Shift counts favour the interesting range around 0..N, negatives included (read as unsigned). */
    private Expr shiftCount(Context c) {
        int k = rnd.nextInt(10);
        if (k < 6) return lit(rnd.nextInt(0, bits + 2));
        if (k < 7) return lit(pick(List.of(-1, Word.min(bits), 2 * bits, bits - 1)));
        return expr(c, 1);
    }

    private Expr literal() {
        int v = literalValue();
        int k = rnd.nextInt(100);
        if (k < 8) return new Lit(v, LitStyle.HEX);
        if (k < 11) {
            int ch = pick(List.of((int) 'a', (int) 'z', (int) 'A', (int) '0', (int) '7', 0, 9, 10, 39, 92));
            return new Lit(ch, LitStyle.CHAR);
        }
        if (k < 13) return new Lit(rnd.nextInt(0, 128), LitStyle.CHAR_HEX);
        return new Lit(v, LitStyle.DECIMAL);
    }

    private int literalValue() {
        int k = rnd.nextInt(100);
        if (k < 50) return rnd.nextInt(-4, 10);
        if (k < 65) return pick(List.of(Word.min(bits), Word.min(bits) + 1, Word.max(bits), Word.max(bits) - 1, -1, 0, 1));
        if (k < 75) return pick(List.of(bits - 1, bits, bits + 1, 2 * bits));
        return rnd.nextInt(Word.min(bits), Word.max(bits) + 1);
    }

    private ArrayDecl arrayDecl(String name, boolean global) {
        int size = pick(List.of(1, 2, 3, 4, 4, 5, 6, 8, 8));
        List<Integer> init = null;
        if (chance(65)) {
            init = new ArrayList<>();
            int n = chance(70) ? size : rnd.nextInt(1, size + 1);
            for (int i = 0; i < n; i++) init.add(literalValue());
        }
        return new ArrayDecl(name, global, size, init);
    }

    private static Lit lit(int v) { return new Lit(v, LitStyle.DECIMAL); }

    // ---- cost estimate

    /** Run-time cost units of evaluating e once: helper calls (* / % variable shifts) dominate. */
    private long weight(Expr e) {
        return switch (e) {
            case Lit l -> 0;
            case Var v -> 0;
            case Elem el -> 1 + weight(el.index());
            case Unary u -> 1 + weight(u.operand());
            case Binary b -> 1 + weight(b.left()) + weight(b.right()) + opWeight(b.op(), b.right());
            case Cond q -> 1 + weight(q.test()) + Math.max(weight(q.then()), weight(q.otherwise()));
            case Call k -> {
                long w = 2 + (k.fn() == Builtin.MUL ? bits : 0);
                for (Expr a : k.args()) w += weight(a);
                yield w;
            }
            case Comma q -> 1 + weight(q.left()) + weight(q.right());
            case Deref d -> 1;
            case Address a -> 1 + weight(a.offset());
            case AddressOf a -> 1;
            case PtrDiff d -> 2 + weight(d.left()) + weight(d.right());
            case PtrCmp q -> 2 + weight(q.left()) + weight(q.right());
        };
    }

    private long opWeight(BinOp op, Expr right) {
        return switch (op) {
            case MUL, DIV, MOD -> 2L * bits;
            case SHL, SHR -> right instanceof Lit ? 1 : bits;
            default -> 0;
        };
    }

    // ---- randomness

    private boolean chance(int percent) { return rnd.nextInt(100) < percent; }

    private <T> T pick(List<T> items) { return items.get(rnd.nextInt(items.size())); }
}
