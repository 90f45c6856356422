package tc.transformer.loomv1;

import java.util.List;
import tc.isa.MachineConfig;
import tc.transformer.AttentionHead;
import tc.transformer.Layer;

/**
 * Markdown tables of the loom-v1 row budget, generated from the blocks the construction emits,
 * so docs/transformer.md can quote them and a test can check that the doc is current.
 */
public final class RowBudgetTable {
    private RowBudgetTable() {}

    /** One line per layer: heads, FFN rows allocated and used. */
    public static String summary(MachineConfig config) {
        StringBuilder sb = new StringBuilder("| layer | heads | FFN rows | used |\n|---|---|---|---|\n");
        for (LayerBudget b : LoomV1Weights.rowBudget(config)) {
            Layer l = b.layer();
            long heads = l.heads().stream().filter(h -> h.v().nonZeros() > 0).count();
            sb.append("| ").append(l.name()).append(" | ").append(heads).append(" | ").append(l.hiddenRows()).append(" | ")
                    .append(b.usedRows()).append(" |\n");
        }
        return sb.toString();
    }

    /** Every block of every layer with its hidden-row range, and the attention heads. */
    public static String blocks(MachineConfig config) {
        StringBuilder sb = new StringBuilder();
        for (LayerBudget b : LoomV1Weights.rowBudget(config)) {
            Layer l = b.layer();
            sb.append("#### ").append(l.name()).append(" (").append(l.hiddenRows()).append(" rows)\n\n");
            for (AttentionHead h : l.heads()) if (h.v().nonZeros() > 0) sb.append("- head: ").append(h.name()).append('\n');
            sb.append("\n| rows | count | block |\n|---|---|---|\n");
            for (RowBlock k : b.blocks())
                sb.append("| ").append(k.first()).append('–').append(k.end() - 1).append(" | ").append(k.count()).append(" | ")
                        .append(k.purpose().replace("|", "\\|")).append(" |\n");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Prints both tables for a configuration name (default 146x512). */
    public static void main(String[] args) {
        MachineConfig config = MachineConfig.parse(args.length > 0 ? args[0] : "146x512");
        System.out.print(summary(config));
        System.out.println();
        System.out.print(blocks(config));
    }
}
