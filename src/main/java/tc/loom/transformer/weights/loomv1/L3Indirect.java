package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/** L3: LOAD's indirect read and FIND's content search into scr_min, then snap the scratchpad words. */
public final class L3Indirect {
    private L3Indirect() {}

    public static LayerBudget build(StateLayout layout, Fixes fixes) {
        int q = Math.max(layout.addressBits(), layout.wordBits());
        Rows scrMin = layout.rows(Region.SCR_MIN);
        if (layout.isExact()) return fixes.indirect(layout);
        AttentionHead load = Heads.head("L3 head LOAD: scr_min += 2·mem[load_temp]", layout, q, layout.rows(Region.LOAD_TEMP),
                layout.rows(Region.POS_ENC), new Heads.Values(layout).copy(scrMin, layout.rows(Region.MEMORY), 2));
        AttentionHead find = Heads.head("L3 head FIND: scr_min += 2·tag of the cell equal to find_temp", layout, q,
                layout.rows(Region.FIND_TEMP), layout.rows(Region.MEMORY),
                new Heads.Values(layout).copy(scrMin, layout.rows(Region.TAG), 2));

        FfnBuilder f = new FfnBuilder(layout, "L3 indirect read");
        f.block("clear find_temp");
        Idioms.clearPairs(f, layout.rows(Region.FIND_TEMP), Idioms.Gate.SCRATCHPAD);
        f.block("clear load_temp");
        Idioms.clearPairs(f, layout.rows(Region.LOAD_TEMP), Idioms.Gate.SCRATCHPAD);
        snapScratch(f);
        return f.build(List.of(load, find));
    }

    /** Snaps scr_sub and scr_min back to ±1/0 after the reads (both profiles end L3 this way). */
    public static void snapScratch(FfnBuilder f) {
        Rows scrSub = f.layout().rows(Region.SCR_SUB);
        Rows scrMin = f.layout().rows(Region.SCR_MIN);
        f.block("snap scr_sub to ±1/0 (6 rows per bit)");
        Idioms.snapBitByBit(f, scrSub, Idioms.Gate.SCRATCHPAD);
        f.block("snap scr_min to ±1/0 (6 rows per bit)");
        Idioms.snapBitByBit(f, scrMin, Idioms.Gate.SCRATCHPAD);
        for (Rows r : List.of(scrSub, scrMin)) for (int i = 0; i < r.count(); i++) f.outputBias(r.row(i), -1, -1, 0);
    }
}
