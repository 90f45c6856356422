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

/** L5: write R to mem[b] and (for SWAP) the old mem[b] to mem[c]: mem ← 2·staged − mem. */
public final class L5Write {
    private L5Write() {}

    public static LayerBudget build(StateLayout layout, Fixes fixes) {
        Rows mem = layout.rows(Region.MEMORY);
        Rows bufA = layout.rows(Region.BUF_A);
        Rows bufC = layout.rows(Region.BUF_C);
        Rows find = layout.rows(Region.FIND_TEMP);
        FfnBuilder f = new FfnBuilder(layout, "L5 write");
        Rows pos = layout.rows(Region.POS_ENC);
        AttentionHead writeB = Heads.head("L5 head b: buf_a ← mem + scr_min at columns 0 and b", layout, layout.addressBits(),
                f.scratchB(), pos, new Heads.Values(layout).copy(bufA, mem, 1).copy(bufA, layout.rows(Region.SCR_MIN), 1));
        AttentionHead writeC = Heads.head("L5 head c: find_temp ← mem + 2·buf_c at columns 0 and c", layout, layout.addressBits(),
                f.scratchC(), pos, new Heads.Values(layout).copy(find, mem, 1).copy(find, bufC, 2));

        stage(f, "mem[b] ← 2·buf_a − mem (outside the scratchpad)", mem, bufA);
        f.block("clear buf_a");
        Idioms.clearRuns(f, bufA, Idioms.Gate.EVERYWHERE);
        stage(f, "mem[c] ← 2·find_temp − mem (SWAP's second write; a no-op otherwise)", mem, find);
        f.block("clear find_temp");
        Idioms.clearRuns(f, find, Idioms.Gate.EVERYWHERE);
        f.block("clear buf_c");
        Idioms.clearRuns(f, bufC, Idioms.Gate.EVERYWHERE);
        if (layout.isExact()) return f.build(List.of(writeB, writeC, fixes.storeWrite(f)));
        return f.build(List.of(writeB, writeC));
    }

    public static void stage(FfnBuilder f, String purpose, Rows mem, Rows staged) {
        f.block(purpose);
        for (int i = 0; i < mem.count(); i++) f.row().offScratchpad().in(mem.row(i), -2).in(staged.row(i), 2).out(mem.row(i), 1);
        for (int i = 0; i < mem.count(); i++) f.row().offScratchpad().in(mem.row(i), 2).in(staged.row(i), -2).out(mem.row(i), -1);
    }
}
