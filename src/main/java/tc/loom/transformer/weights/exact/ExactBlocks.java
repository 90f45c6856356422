package tc.loom.transformer.weights.exact;

import java.util.List;
import tc.loom.isa.Opcode;
import tc.loom.state.Bipolar;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;
import tc.loom.transformer.weights.SparseBuilder;
import tc.loom.transformer.weights.loomv1.Fixes;
import tc.loom.transformer.weights.loomv1.L3Indirect;
import tc.loom.transformer.weights.loomv1.L5Write;

/**
 * The blocks by which the {@code exact} profile differs from {@code loom-v1}: each one fixes a
 * defect of REFERENCE.md §9 while keeping the architecture (argmax attention with designed ties,
 * ReLU FFNs, one instruction per pass). The layer classes call them when the layout is exact.
 *
 * <ul>
 * <li>SUBLEQ mode: L1 computes MODE = [a ≥ s] from the fetched bits (the OR of a's bits worth s
 *     and more) instead of reading the single bit worth 32.</li>
 * <li>LOAD/STORE: the pointer p (±1 bits) becomes a query against the memory columns' tags,
 *     which name every cell 0..m−1 uniquely (m &lt; 2^N), instead of a position code mod s. STORE
 *     writes through a third L5 head keyed the same way. p ≥ m sets FAULT.</li>
 * <li>FAULT: the write is sent to scratchpad column 1 (a no-op) and the branch to column 1, which
 *     the host reads as "pointer out of range".</li>
 * <li>HALT: addr_c ← 0, so HALT always lands on PC = 0 (stop).</li>
 * <li>FIND: L0 marks every memory cell that an earlier cell duplicates (SHADOW); the FIND head
 *     lets only unshadowed cells tie with column 0, so the first match answers.</li>
 * </ul>
 */
public final class ExactBlocks implements Fixes {
    private ExactBlocks() {}

    /** The fixes, for Loom's layers to call. */
    public static final Fixes FIXES = new ExactBlocks();

    static final int FAULT_COLUMN = ExactWeights.FAULT_COLUMN;

    /** κ: how strongly a shadowed cell's key pushes it away from column 0 in FIND. */
    private static final double SHADOW_PUSH = 2;

    /** L1: MODE ← +1 when any bit of a worth s or more is set, −1 otherwise (column 0). */
    @Override
    public void mode(FfnBuilder f, Rows buffer) {
        StateLayout layout = f.layout();
        int l = layout.addressBits();
        int high = l - Integer.numberOfTrailingZeros(layout.config().s()); // bits worth s and more
        int mode = layout.rows(Region.MODE).first();
        f.block("exact: MODE ← 2·min(1, #high bits of a set) − 1 (a ≥ s selects SUBLEQ)");
        // The fetched bits arrive at ±0.5, so the count of set high bits is U = Σ buf + high/2.
        FfnBuilder.Row atLeastOne = f.row().onlyScratchpad().biasCol0(high / 2.0).out(mode, 2);
        FfnBuilder.Row atLeastTwo = f.row().onlyScratchpad().biasCol0(high / 2.0 - 1).out(mode, -2);
        for (int i = 0; i < high; i++) {
            atLeastOne.in(buffer.row(i), 1);
            atLeastTwo.in(buffer.row(i), 1);
        }
        f.outputBias(mode, -1, 0, 0);
    }

    /** L2: a gated ±1 copy of buf_c (the pointer) into {@code target}, on opcode {@code op}. */
    @Override
    public void pointerQuery(FfnBuilder f, Opcode op, Rows target, String purpose) {
        StateLayout layout = f.layout();
        int l = layout.addressBits();
        Rows bufC = layout.rows(Region.BUF_C);
        f.block(purpose);
        for (int i = 0; i < target.count(); i++) {
            f.row().onlyScratchpad().opcode(op, 2).in(bufC.row(i), 2).biasCol0(-2 * l).out(target.row(i), 1);
            f.row().onlyScratchpad().opcode(op, 2).in(bufC.row(i), -2).biasCol0(-2 * l).out(target.row(i), -1);
        }
    }

    /** L2: the exact-only rows: pointer fault, FIND gate, HALT's target, clearing MODE. */
    @Override
    public void operands(FfnBuilder f) {
        StateLayout layout = f.layout();
        int l = layout.addressBits();
        int n = layout.wordBits();
        int m = layout.config().m();
        Rows bufC = layout.rows(Region.BUF_C);
        int fault = layout.rows(Region.FAULT).first();
        // U = unsigned value of the pointer = Σ 2^(N−1−i)·(buf_i + ½); an opcode mismatch costs K·2 ≥ 2^(N+1).
        double k = Math.pow(2, n);
        double offset = (Math.pow(2, n) - 1) / 2;
        for (Opcode op : List.of(Opcode.LOAD, Opcode.STORE)) {
            f.block("exact: FAULT ← [pointer ≥ m] for " + op + " (m = " + m + ")");
            FfnBuilder.Row up = f.row().onlyScratchpad().opcode(op, k).biasCol0(offset - m + 1 - k * l).out(fault, 1);
            FfnBuilder.Row down = f.row().onlyScratchpad().opcode(op, k).biasCol0(offset - m - k * l).out(fault, -1);
            for (int i = 0; i < n; i++) {
                double w = Math.pow(2, n - 1 - i);
                up.in(bufC.row(i), w);
                down.in(bufC.row(i), w);
            }
        }
        f.block("exact: FIND_GATE ← 1 during FIND");
        f.row().onlyScratchpad().opcode(Opcode.FIND).biasCol0(1 - l).out(layout.rows(Region.FIND_GATE).first(), 1);
        f.block("exact: HALT sets addr_c ← 0, so it always stops");
        Rows c = f.scratchC();
        for (int i = 0; i < l; i++) f.row().onlyScratchpad().opcode(Opcode.HALT).in(c.row(i), 1).biasCol0(-l).out(c.row(i), -2);
        f.block("exact: clear MODE");
        Idioms.clearPairs(f, layout.rows(Region.MODE), Idioms.Gate.SCRATCHPAD);
    }

    /** L3 for exact: LOAD by tag, FIND by first match, then the fault redirect and loom-v1's snap. */
    @Override
    public LayerBudget indirect(StateLayout layout) {
        int n = layout.wordBits();
        Rows scrMin = layout.rows(Region.SCR_MIN);
        Rows tag = layout.rows(Region.TAG);
        Rows mem = layout.rows(Region.MEMORY);
        AttentionHead load = Heads.head("L3 head LOAD (exact): scr_min += 2·mem of the cell whose tag equals addr_q", layout, n,
                layout.rows(Region.ADDR_Q), tag, new Heads.Values(layout).copy(scrMin, mem, 2));
        SparseBuilder q = new SparseBuilder(n + 2, layout.rows());
        Rows find = layout.rows(Region.FIND_TEMP);
        for (int i = 0; i < n; i++) {
            q.add(i, find.row(i), 1);
            q.add(i, mem.row(i), 1);
        }
        int gate = layout.rows(Region.FIND_GATE).first();
        int shadow = layout.rows(Region.SHADOW).first();
        q.add(n, gate, 1);
        q.add(n, layout.rows(Region.MEM_IND).first(), 1);
        q.add(n, shadow, -1);
        q.add(n + 1, gate, 0.5);
        q.add(n + 1, shadow, -SHADOW_PUSH);
        var qk = q.build();
        AttentionHead findHead = new AttentionHead("L3 head FIND (exact): scr_min += 2·tag of the first cell equal to find_temp", qk, qk,
                new Heads.Values(layout).copy(scrMin, tag, 2).build());

        FfnBuilder f = new FfnBuilder(layout, "L3 indirect read");
        f.block("clear find_temp");
        Idioms.clearPairs(f, find, Idioms.Gate.SCRATCHPAD);
        f.block("exact: clear addr_q and FIND_GATE");
        Idioms.clearPairs(f, layout.rows(Region.ADDR_Q), Idioms.Gate.SCRATCHPAD);
        Idioms.clearPairs(f, layout.rows(Region.FIND_GATE), Idioms.Gate.SCRATCHPAD);
        int fault = layout.rows(Region.FAULT).first();
        redirect(f, fault, f.scratchB(), "exact: on FAULT, addr_b ← column 1 (the write becomes a no-op)");
        redirect(f, fault, f.scratchC(), "exact: on FAULT, addr_c ← column 1 (the branch target the host reads as a fault)");
        L3Indirect.snapScratch(f);
        return f.build(List.of(load, findHead));
    }

    /** field ← bipolar(FAULT_COLUMN) when the fault row is 1: Δ = F·(code − field). */
    private static void redirect(FfnBuilder f, int fault, Rows field, String purpose) {
        f.block(purpose);
        for (int i = 0; i < field.count(); i++) {
            f.row().onlyScratchpad().in(field.row(i), 1).in(fault, 2).bias(-2).out(field.row(i), -1);
            f.row().onlyScratchpad().in(field.row(i), -1).in(fault, 2).bias(-2).out(field.row(i), 1);
        }
        float[] code = Bipolar.encode(FAULT_COLUMN, field.count());
        FfnBuilder.Row r = f.row().onlyScratchpad().in(fault, 1);
        for (int i = 0; i < field.count(); i++) r.out(field.row(i), code[i]);
    }

    /** L5's third head and rows: STORE writes R into the cell whose tag equals store_q. */
    @Override
    public AttentionHead storeWrite(FfnBuilder f) {
        StateLayout layout = f.layout();
        Rows mem = layout.rows(Region.MEMORY);
        Rows staged = layout.rows(Region.ADDR_Q);
        AttentionHead head = Heads.head("L5 head STORE (exact): addr_q ← mem + scr_min at column 0 and the cell tagged store_q", layout,
                layout.wordBits(), layout.rows(Region.STORE_Q), layout.rows(Region.TAG),
                new Heads.Values(layout).copy(staged, mem, 1).copy(staged, layout.rows(Region.SCR_MIN), 1));
        L5Write.stage(f, "exact: mem ← 2·addr_q − mem (STORE's write; a no-op in other cells)", mem, staged);
        f.block("exact: clear addr_q everywhere and store_q");
        Idioms.clearRuns(f, staged, Idioms.Gate.EVERYWHERE);
        Idioms.clearPairs(f, layout.rows(Region.STORE_Q), Idioms.Gate.SCRATCHPAD);
        return head;
    }

    /** L6: a fault forces the branch (to column 1); then FAULT is cleared. */
    @Override
    public void faultBranch(FfnBuilder f, int flag) {
        int fault = f.layout().rows(Region.FAULT).first();
        f.block("exact: flag += 2·FAULT; clear FAULT");
        f.row().onlyScratchpad().in(fault, 1).out(flag, 2).out(fault, -1);
    }

    /**
     * L0 (exact only), before the fetch: SHADOW ← 1 in every memory cell that an earlier cell
     * duplicates. Each cell's key is (W·word, priority) with W = 2m and priority 2m − i, so a cell
     * scores highest against the earliest cell holding the same word (itself if none), and sends
     * its memory indicator there; cells that receive nothing are shadowed.
     */
    static LayerBudget dedupe(StateLayout layout) {
        int n = layout.wordBits();
        int m = layout.config().m();
        Rows mem = layout.rows(Region.MEMORY);
        int prio = layout.rows(Region.PRIO).first();
        int memInd = layout.rows(Region.MEM_IND).first();
        int shadow = layout.rows(Region.SHADOW).first();
        int count = layout.rows(Region.SCR_SUB).row(0); // free in memory columns until L2
        SparseBuilder q = new SparseBuilder(n + 1, layout.rows());
        for (int i = 0; i < n; i++) q.add(i, mem.row(i), 2.0 * m);
        q.add(n, prio, 1);
        var qk = q.build();
        SparseBuilder v = new SparseBuilder(layout.rows(), layout.rows());
        v.add(count, memInd, 1);
        AttentionHead head = new AttentionHead("L0 head: each cell marks the earliest cell holding its word", qk, qk, v.build());
        FfnBuilder f = new FfnBuilder(layout, "L0 shadow");
        f.block("SHADOW ← MEM_IND − min(1, marks); clear the marks and the old SHADOW");
        f.row().offScratchpad().in(memInd, 1).out(shadow, 1);
        f.row().offScratchpad().in(count, 1).out(shadow, -1).out(count, -1);
        f.row().offScratchpad().in(count, 1).bias(-1).out(shadow, 1);
        f.row().offScratchpad().in(shadow, 1).out(shadow, -1);
        return f.build(List.of(head));
    }
}
