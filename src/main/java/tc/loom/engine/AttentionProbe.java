package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * Which column each attention head read, per layer, for one step: the decisions the weights make
 * on a state, for people to look at (tc serve's debugger). It runs the {@link DensePass} (the
 * yardstick, equal to every other pass bit for bit) on a copy of the state and records each head's
 * top-2 decisions as the pass makes them, so what it reports is what the weights computed, never
 * a reconstruction from the ISA. The state given is left as it was.
 *
 * <p>In Loom's attention a source column i with a non-zero key sends its value V·x_i to its best
 * target j (half each to a tied pair): target j <em>reads</em> column i.
 */
public final class AttentionProbe {
    /** Receives one head's decisions: per source column its best target (−1: a zero key), second target and whether they tie. */
    interface Observer {
        void decided(String layer, String head, int[] best, int[] second, boolean[] tied);
    }

    /**
     * One read of a head: target column {@code target} received source column {@code source}'s
     * value, the whole of it, or half when {@code tied}.
     */
    public record Read(int source, int target, boolean tied) {}

    /** One head of one layer and its reads, sources in ascending order. */
    public record HeadReads(String layer, String head, List<Read> reads) {
        public HeadReads { reads = List.copyOf(reads); }
    }

    private final DensePass pass;

    /** A probe for {@code model} (it prepares dense matrices once: keep it for many steps). */
    public AttentionProbe(LoomModel model) { this.pass = new DensePass(model); }

    /** The reads of every head, layer by layer, in the step that {@code x} would take next. */
    public List<HeadReads> reads(StateMatrix x) {
        ModelShape.of(pass.model()).checkState(x);
        List<HeadReads> out = new ArrayList<>();
        pass.observe((layer, head, best, second, tied) -> {
            List<Read> reads = new ArrayList<>();
            for (int i = 0; i < best.length; i++) {
                if (best[i] < 0) continue;
                reads.add(new Read(i, best[i], tied[i]));
                if (tied[i]) reads.add(new Read(i, second[i], true));
            }
            out.add(new HeadReads(layer, head, reads));
        });
        try {
            pass.step(x.data().clone());
        } finally {
            pass.observe(null);
        }
        return out;
    }
}
