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

/**
 * L1, fetch: column 0 ties with the column its PC names and receives half the instruction bits in
 * the buffer; the FFN turns them into the decoded instruction and clears the old one.
 */
public final class L1Fetch {
    private L1Fetch() {}

    public static LayerBudget build(StateLayout layout, Fixes fixes) {
        int l = layout.addressBits();
        Rows cmds = layout.rows(Region.CMDS);
        Rows buffer = new Rows(Region.BUF_A, layout.rows(Region.BUF_A).first(), 3 * l); // overlaps buf_a..find_temp
        Rows scratchCmd = layout.rows(Region.SCRATCH_CMD);
        AttentionHead fetch = Heads.head("L1 head: buffer ← instruction at column PC", layout, l, layout.rows(Region.PC),
                layout.rows(Region.POS_ENC), new Heads.Values(layout).copy(buffer, cmds, 1));

        FfnBuilder f = new FfnBuilder(layout, "L1 fetch");
        f.block("scratch_cmd += sign(buffer): ±0.5·relu(±4·buffer) per bit (" + 3 * l + " bits)");
        for (int i = 0; i < 3 * l; i++) {
            f.row().onlyScratchpad().in(buffer.row(i), 4).out(scratchCmd.row(i), 0.5);
            f.row().onlyScratchpad().in(buffer.row(i), -4).out(scratchCmd.row(i), -0.5);
        }
        f.block("clear the old scratch_cmd");
        Idioms.clearPairs(f, scratchCmd, Idioms.Gate.SCRATCHPAD);
        f.block("clear the fetched buffer rows");
        Idioms.clearPairs(f, buffer, Idioms.Gate.SCRATCHPAD);
        if (layout.isExact()) fixes.mode(f, buffer);
        return f.build(List.of(fetch));
    }
}
