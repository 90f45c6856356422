package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/** L7: PC ← f ≥ 1 ? addr_c : PC+1, then clear the flag (every row gated to the scratchpad). */
public final class L7Select {
    private L7Select() {}

    public static LayerBudget build(StateLayout layout) {
        Rows pc = layout.rows(Region.PC);
        int flag = layout.rows(Region.SCR_SUB).row(0);
        FfnBuilder f = new FfnBuilder(layout, "L7 select");
        Rows c = f.scratchC();
        f.block("PC += relu(f + c_i − 1): take addr_c when branching");
        for (int i = 0; i < pc.count(); i++) f.row().onlyScratchpad().in(flag, 1).in(c.row(i), 1).biasCol0(-1).out(pc.row(i), 1);
        f.block("PC −= relu(f − c_i − 1)");
        for (int i = 0; i < pc.count(); i++) f.row().onlyScratchpad().in(flag, 1).in(c.row(i), -1).biasCol0(-1).out(pc.row(i), -1);
        f.block("PC += relu(PC_i − f): keep PC+1 when not branching");
        for (int i = 0; i < pc.count(); i++) f.row().onlyScratchpad().in(flag, -1).in(pc.row(i), 1).out(pc.row(i), 1);
        f.block("PC −= relu(−PC_i − f)");
        for (int i = 0; i < pc.count(); i++) f.row().onlyScratchpad().in(flag, -1).in(pc.row(i), -1).out(pc.row(i), -1);
        f.block("cancel the residual PC");
        Idioms.clearRuns(f, pc, Idioms.Gate.SCRATCHPAD);
        f.block("clear the flag");
        f.row().onlyScratchpad().in(flag, 1).out(flag, -1);
        f.row().onlyScratchpad().in(flag, -1).out(flag, 1);
        return f.build(List.of(Heads.none("L7", layout)));
    }
}
