package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/** L4: scr_min ← scr_min − scr_sub in one layer (six thresholds per result bit), then clear both inputs. */
public final class L4Subtract {
    private L4Subtract() {}

    public static LayerBudget build(StateLayout layout) {
        int n = layout.wordBits();
        Rows scrSub = layout.rows(Region.SCR_SUB);
        Rows scrMin = layout.rows(Region.SCR_MIN);
        FfnBuilder f = new FfnBuilder(layout, "L4 subtract");
        for (int i = n; i >= 1; i--) {
            f.block("borrow chain, result bit " + (i - 1) + " (T = low " + i + " bits of min − sub + 2^" + i + ")");
            Idioms.sixThresholds(f, scrMin, scrMin, scrSub, i, Math.pow(2, i), Idioms.Gate.EVERYWHERE);
        }
        f.block("clear scr_sub");
        Idioms.clearRuns(f, scrSub, Idioms.Gate.EVERYWHERE);
        f.block("clear the old scr_min");
        Idioms.clearRuns(f, scrMin, Idioms.Gate.EVERYWHERE);
        for (int i = 0; i < n; i++) f.outputBias(scrMin.row(i), -3, 0, 0);
        return f.build(List.of(Heads.none("L4", layout)));
    }
}
