package tc.loom.verify;

import java.util.ArrayList;
import java.util.List;
import tc.loom.engine.ExactHost;
import tc.loom.engine.ForwardPass;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.Instruction;
import tc.loom.isa.Program;
import tc.loom.state.Bipolar;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.weights.exact.ExactWeights;

/**
 * Runs a program on the ideal interpreter ({@link IsaMachine}) and on a transformer
 * ({@link ForwardPass} over {@link StateMatrix#initial(Program)}) one instruction at a time, and
 * after every step compares the PC, every memory cell decoded from the state, and the state's
 * cleanliness: every entry within {@link #TOLERANCE} of −1, 0 or +1 (REFERENCE.md §1.5). A
 * decoded value can still be right while an entry drifts, so the drift is checked separately:
 * it is the early warning of a later wrong bit.
 */
public final class LockstepVerifier {
    /** How far an entry may stray from {−1, 0, +1}: 1e−5, as REFERENCE.md §1.5 states it. */
    public static final float TOLERANCE = 1e-5f;

    private LockstepVerifier() {}

    /** Runs both until they halt, disagree, or have run {@code maxSteps} steps. */
    public static Verification run(Program program, ForwardPass engine, long maxSteps) {
        if (maxSteps < 1) throw new IllegalArgumentException("max steps must be at least 1, got " + maxSteps);
        boolean exact = ExactWeights.PROFILE.equals(engine.model().profile());
        if (exact) ExactHost.check(program);
        StateMatrix x = StateMatrix.initial(program, exact ? StateLayout.exact(program.config()) : StateLayout.of(program.config()));
        StateLayout layout = x.layout();
        IsaMachine isa = new IsaMachine(program);
        int m = program.config().m();
        long step = 0;
        while (!isa.halted()) {
            if (step == maxSteps) return new Verification(Verification.Status.STEP_LIMIT, step, null);
            int pc = isa.pc();
            Instruction ins = isa.current();
            int[] before = isa.memory();
            isa.step();
            step++;
            if (isa.fault() != null) {
                // The exact profile faults too: off the program the host stops before fetching; on a
                // bad pointer the weights branch to the fault column and leave memory alone.
                if (exact && isa.fault().kind() == tc.loom.engine.Fault.Kind.PC_OUT_OF_PROGRAM && ExactHost.stops(program, x.pc()))
                    return new Verification(Verification.Status.FAULTED_ALIKE, step, null);
                if (exact && x.pc() == pc) {
                    engine.step(x);
                    if (x.pc() == ExactHost.POINTER_FAULT_COLUMN && compareMemory(x, isa, before, step, pc, ins, m) == null
                            && firstUnclean(x, step, pc, ins) == null)
                        return new Verification(Verification.Status.FAULTED_ALIKE, step, null);
                }
                return diverged(new Divergence(step, pc, ins, Divergence.Kind.INTERPRETER_FAULT, -1, null, null,
                        null, -1, -1, List.of(), isa.fault().message()));
            }
            engine.step(x);

            if (x.pc() != isa.pc()) {
                Rows rows = layout.rows(Region.PC);
                int column = layout.pcColumn();
                return diverged(new Divergence(step, pc, ins, Divergence.Kind.PC, -1, isa.pc(), x.pc(), Region.PC,
                        firstWrongBit(x, rows, column, isa.pc()), column, List.of(), null));
            }
            Divergence memory = compareMemory(x, isa, before, step, pc, ins, m);
            if (memory != null) return diverged(memory);
            Divergence dirty = firstUnclean(x, step, pc, ins);
            if (dirty != null) return diverged(dirty);
        }
        return new Verification(Verification.Status.VERIFIED, step, null);
    }

    private static Verification diverged(Divergence d) { return new Verification(Verification.Status.DIVERGED, d.step(), d); }

    /**
     * The differing cells; the one reported first is a cell the interpreter changed this step if
     * any differs (the write the instruction meant), otherwise the lowest differing index.
     */
    private static Divergence compareMemory(StateMatrix x, IsaMachine isa, int[] before, long step, int pc, Instruction ins, int m) {
        List<Integer> differing = new ArrayList<>();
        int primary = -1;
        for (int i = 0; i < m; i++) {
            if (x.memory(i) == isa.cell(i)) continue;
            differing.add(i);
            if (primary < 0 && isa.cell(i) != before[i]) primary = i;
        }
        if (differing.isEmpty()) return null;
        if (primary < 0) primary = differing.get(0);
        int cell = primary;
        List<Integer> others = differing.stream().filter(i -> i != cell).toList();
        StateLayout layout = x.layout();
        int column = layout.memoryColumn(cell);
        return new Divergence(step, pc, ins, Divergence.Kind.MEMORY, cell, isa.cell(cell), x.memory(cell), Region.MEMORY,
                firstWrongBit(x, layout.rows(Region.MEMORY), column, isa.cell(cell)), column, others, null);
    }

    /** The first row of {@code rows} whose bit (value &gt; 0) differs from {@code expected}'s. */
    private static int firstWrongBit(StateMatrix x, Rows rows, int column, int expected) {
        float[] want = Bipolar.encodeSigned(expected, rows.count());
        for (int i = 0; i < rows.count(); i++)
            if ((x.get(rows.first() + i, column) > 0) != (want[i] > 0)) return rows.first() + i;
        return rows.first();
    }

    /**
     * The first entry, in row-major order, farther than the tolerance from −1, 0 and +1 (loom-v1:
     * 1e−5; exact: 0, every entry exactly −1, 0 or +1) — or, in the exact layout's constant PRIO
     * row, different from its constant (docs/transformer.md).
     */
    private static Divergence firstUnclean(StateMatrix x, long step, int pc, Instruction ins) {
        float[] data = x.data();
        StateLayout layout = x.layout();
        int n = layout.columns();
        int prio = layout.has(Region.PRIO) ? layout.rows(Region.PRIO).first() : -1;
        // The exact weights are dyadic, so float32 computes them without error: no tolerance at all.
        float tolerance = layout.isExact() ? 0f : TOLERANCE;
        for (int e = 0; e < data.length; e++) {
            float v = data[e];
            int row = e / n;
            if (row == prio) {
                if (v == priority(layout, e % n)) continue;
            } else if (Math.min(Math.abs(v), Math.abs(Math.abs(v) - 1f)) <= tolerance) continue;
            return new Divergence(step, pc, ins, Divergence.Kind.NOT_CLEAN, -1, null, v, regionOf(x.layout(), row), row, e % n, List.of(), null);
        }
        return null;
    }

    /** The exact layout's PRIO constant in {@code column}: 2m − i in memory column s + i, 0 elsewhere. */
    public static float priority(StateLayout layout, int column) {
        var c = layout.config();
        return layout.isMemoryColumn(column) ? 2f * c.m() - (column - c.memoryStart()) : 0f;
    }

    /** The region holding {@code row}. */
    public static Region regionOf(StateLayout layout, int row) {
        for (Rows r : layout.regions()) if (row >= r.first() && row < r.end()) return r.region();
        throw new IndexOutOfBoundsException("row " + row + " outside 0.." + (layout.rows() - 1));
    }
}
