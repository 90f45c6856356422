package tc.loom;

import java.util.List;
import tc.loom.isa.MachineConfig;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.weights.LayerBudget;
import tc.loom.transformer.weights.RowBlock;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;

/**
 * Markdown tables of a profile's row budget (loom-v1 or exact), generated from the blocks the
 * construction emits, so docs/transformer.md can quote them and a test can check that the doc is
 * current.
 */
public final class RowBudgetTable {
    private RowBudgetTable() {}

    /** The layers of {@code profile} ("loom-v1" or "exact") with their blocks. */
    public static List<LayerBudget> budget(MachineConfig config, String profile) {
        return switch (profile) {
            case LoomV1Weights.PROFILE -> LoomV1Weights.rowBudget(config);
            case ExactWeights.PROFILE -> ExactWeights.rowBudget(config);
            default -> throw new IllegalArgumentException("unknown profile '" + profile + "'");
        };
    }

    /** One line per layer: heads, FFN rows allocated and used (loom-v1). */
    public static String summary(MachineConfig config) { return summary(config, LoomV1Weights.PROFILE); }

    /** Every block of every layer (loom-v1). */
    public static String blocks(MachineConfig config) { return blocks(config, LoomV1Weights.PROFILE); }

    /** One line per layer: heads, FFN rows allocated and used. */
    public static String summary(MachineConfig config, String profile) {
        StringBuilder sb = new StringBuilder("| layer | heads | FFN rows | used |\n|---|---|---|---|\n");
        for (LayerBudget b : budget(config, profile)) {
            Layer l = b.layer();
            long heads = l.heads().stream().filter(h -> h.v().nonZeros() > 0).count();
            sb.append("| ").append(l.name()).append(" | ").append(heads).append(" | ").append(l.hiddenRows()).append(" | ")
                    .append(b.usedRows()).append(" |\n");
        }
        return sb.toString();
    }

    /** Every block of every layer with its hidden-row range, and the attention heads. */
    public static String blocks(MachineConfig config, String profile) {
        StringBuilder sb = new StringBuilder();
        for (LayerBudget b : budget(config, profile)) {
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

    /** Prints both tables: arguments [configuration (default 146x512)] [profile (default loom-v1)]. */
    public static void main(String[] args) {
        MachineConfig config = MachineConfig.parse(args.length > 0 ? args[0] : "146x512");
        String profile = args.length > 1 ? args[1] : LoomV1Weights.PROFILE;
        System.out.print(summary(config, profile));
        System.out.println();
        System.out.print(blocks(config, profile));
    }
}
