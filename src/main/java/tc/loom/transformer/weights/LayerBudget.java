package tc.loom.transformer.weights;

import java.util.List;
import tc.loom.isa.MachineConfig;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;

/**
 * A built layer together with the blocks its FFN rows came from, in row order; the blocks tile
 * the hidden rows {@code 0 .. layer.hiddenRows()} exactly.
 */
public record LayerBudget(Layer layer, List<RowBlock> blocks) {
    public LayerBudget {
        blocks = List.copyOf(blocks);
    }

    /** The block that produced hidden row {@code row}. */
    public RowBlock blockOf(int row) {
        for (RowBlock b : blocks) if (b.contains(row)) return b;
        throw new IndexOutOfBoundsException("hidden row " + row + " outside " + layer.name());
    }

    /** Rows with any weight or bias (the "used" count of REFERENCE.md §2.2). */
    public int usedRows() {
        int used = 0;
        for (RowBlock b : blocks) if (!b.purpose().startsWith(FfnBuilder.UNUSED)) used += b.count();
        return used;
    }

    /** The model a profile's layers make, in order. */
    public static LoomModel model(String profile, MachineConfig config, List<LayerBudget> budgets) {
        return new LoomModel(profile, config, budgets.stream().map(LayerBudget::layer).toList());
    }
}
