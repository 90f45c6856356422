package tc.loom.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Var;
import tc.ir.Word;
import tc.loom.isa.Symbol;
import tc.source.SourcePos;

/**
 * Where everything lives in memory (docs/architecture.md, "Memory layout"): the fixed cells 0..8,
 * then globals, then each compiled function's parameters, locals, temporaries and return-site cell,
 * then the constant pool, then (only for recursive programs) the call stack up to m.
 *
 * <p>Variables are placed before instruction selection; the constant pool after it, once the code
 * says which constants it reads.
 */
final class MemoryLayout {
    static final int ZERO = 0, ONE = 1, SIGN = 2, SP = 3, RV = 4, SCRATCH_A = 5, SCRATCH_B = 6, RETVAL = 7, OUTPUT = 8;
    static final int FIRST_FREE = 9;

    /**
     * A block of cells owned by a variable (or a return-site cell, var == null).
     */
    record Region(Var var, String name, String function, int index, int size, Symbol.Kind kind, SourcePos pos, int[] init) {}

    private final int bits;
    private final List<Region> regions = new ArrayList<>();
    private final Map<Var, Integer> cells = new HashMap<>();
    private final Map<String, Integer> siteCells = new HashMap<>();
    private final Map<Integer, Integer> constants = new LinkedHashMap<>();
    private int next = FIRST_FREE;
    private int stackBase = -1;
    private int minimumStack;

    private MemoryLayout(int bits) { this.bits = bits; }

    /** Places the fixed cells, globals and the variables of every compiled function. */
    static MemoryLayout forVariables(IrProgram program, CallGraph graph) {
        MemoryLayout layout = new MemoryLayout(program.wordBits());
        for (Var g : program.globals()) layout.place(g, null);
        for (IrFunction f : graph.functions()) {
            for (Var p : f.params()) layout.place(p, f.name());
            for (Var v : f.locals()) if (v.kind() != Var.Kind.TEMP) layout.place(v, f.name());
            for (Var v : f.locals()) if (v.kind() == Var.Kind.TEMP) layout.place(v, f.name());
            if (graph.needsSiteCell(f.name())) {
                layout.siteCells.put(f.name(), layout.next);
                layout.regions.add(new Region(null, "__site", f.name(), layout.next++, 1, Symbol.Kind.TEMP, SourcePos.NONE, null));
            }
        }
        return layout;
    }

    private void place(Var v, String function) {
        if (cells.containsKey(v)) return;
        cells.put(v, next);
        Symbol.Kind kind = switch (v.kind()) {
            case GLOBAL -> Symbol.Kind.GLOBAL;
            case PARAM -> Symbol.Kind.PARAM;
            case LOCAL -> Symbol.Kind.LOCAL;
            case TEMP -> Symbol.Kind.TEMP;
        };
        regions.add(new Region(v, v.name(), v.kind() == Var.Kind.GLOBAL ? null : function, next, v.size(), kind, v.pos(), v.init()));
        next += v.size();
    }

    int bits() { return bits; }

    /** First cell of a variable. */
    int cell(Var v) {
        Integer c = cells.get(v);
        if (c == null) throw new IllegalStateException("IR uses variable " + v + " that no compiled function or global declares");
        return c;
    }

    /** The cell holding the return-site number of {@code function}, or null if it has none. */
    Integer siteCell(String function) { return siteCells.get(function); }

    /** Variable regions and return-site cells, in memory order. */
    List<Region> regions() { return List.copyOf(regions); }

    /** Adds the constant pool, reusing the fixed cells for 0, 1 and the sign constant. */
    void placeConstants(Iterable<Integer> values) {
        for (int raw : values) {
            int v = Word.wrap(raw, bits);
            if (v == 0 || v == 1 || v == Word.min(bits) || constants.containsKey(v)) continue;
            constants.put(v, next++);
        }
    }

    /** Cell of a pooled constant (after {@link #placeConstants}). */
    int constCell(int raw) {
        int v = Word.wrap(raw, bits);
        if (v == 0) return ZERO;
        if (v == 1) return ONE;
        if (v == Word.min(bits)) return SIGN;
        Integer c = constants.get(v);
        if (c == null) throw new IllegalStateException("constant " + v + " was not pooled");
        return c;
    }

    /** Pooled constants, value → cell, in memory order (without cells 0..2). */
    Map<Integer, Integer> constants() { return java.util.Collections.unmodifiableMap(constants); }

    /** Reserves the call stack after everything else; {@code minimum} cells must fit below m. */
    void placeStack(int minimum) {
        stackBase = next;
        minimumStack = minimum;
    }

    /** -1 if the program has no stack. */
    int stackBase() { return stackBase; }

    /** Cells the program needs: everything placed, plus the minimum stack. */
    int cellsNeeded() { return next + (stackBase >= 0 ? minimumStack : 0); }

    /** Where to point a "does not fit" error: the first variable reaching past cell m - 1, if any. */
    Region firstVariableBeyond(int m) {
        for (Region r : regions) if (r.index() + r.size() > m) return r;
        return null;
    }

    /** The initial memory image of m cells. */
    int[] image(int m) {
        int[] mem = new int[m];
        mem[ONE] = 1;
        mem[SIGN] = Word.min(bits);
        if (stackBase >= 0) mem[SP] = Word.wrap(stackBase, bits);
        for (Region r : regions)
            if (r.init() != null)
                for (int k = 0; k < r.size(); k++) mem[r.index() + k] = Word.wrap(r.init()[k], bits);
        for (var e : constants.entrySet()) mem[e.getValue()] = e.getKey();
        return mem;
    }
}
