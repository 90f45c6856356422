package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/** L8, error correction: snap memory and PC to ±1, zero the column-0-only rows elsewhere. */
public final class L8Correct {
    private L8Correct() {}

    public static LayerBudget build(StateLayout layout) {
        int l = layout.addressBits();
        int n = layout.wordBits();
        Rows mem = layout.rows(Region.MEMORY);
        Rows pc = layout.rows(Region.PC);
        Rows scratchpadRows = span(layout, Region.SCR_SUB, Region.SCRATCH_CMD);
        Rows bufferRows = span(layout, Region.BUF_A, Region.LOAD_TEMP);
        FfnBuilder f = new FfnBuilder(layout, "L8 error correction");
        f.block("snap memory to ±1/0, all columns (6 runs over the bits)");
        Idioms.snapKindByKind(f, mem, Idioms.Gate.EVERYWHERE);
        f.block("snap PC to ±1/0, scratchpad columns");
        Idioms.snapKindByKind(f, pc, Idioms.Gate.SCRATCHPAD);
        f.block("zero PC outside the scratchpad");
        Idioms.clearPairs(f, pc, Idioms.Gate.OUTSIDE_SCRATCHPAD);
        f.block("zero scr_sub, scr_min, scratch_cmd outside the scratchpad");
        Idioms.clearPairs(f, scratchpadRows, Idioms.Gate.OUTSIDE_SCRATCHPAD);
        f.block("zero the buffer outside the scratchpad");
        Idioms.clearPairs(f, bufferRows, Idioms.Gate.OUTSIDE_SCRATCHPAD);
        // The reference allocates 24ℓ rows for the PC part but uses 8ℓ.
        if (!layout.isExact()) f.padTo(18 * n + 32 * l, "allocated for PC correction, never filled");
        for (int i = 0; i < n; i++) f.outputBias(mem.row(i), -1, -1, -1);
        for (int i = 0; i < l; i++) f.outputBias(pc.row(i), -1, -1, 0);
        return f.build(List.of(Heads.none("L8", layout)));
    }

    private static Rows span(StateLayout layout, Region from, Region to) {
        int first = layout.rows(from).first();
        return new Rows(from, first, layout.rows(to).end() - first);
    }
}
