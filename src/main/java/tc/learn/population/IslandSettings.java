package tc.learn.population;

import java.io.Serializable;

/**
 * The knobs one island learns with in one round; explore perturbs them.
 *
 * @param seed        the seed of the island's search streams this round
 * @param chains      the local search's annealing chains (the learner's population)
 * @param sketchShare the share of the round's budget the sketch search may spend before the
 *                    local search takes over
 * @param gradients   whether the gradient phases on the soft machine run first (the {@code full}
 *                    learner) or not ({@code search only})
 */
public record IslandSettings(long seed, int chains, double sketchShare, boolean gradients) implements Serializable {
    static final int MAX_CHAINS = 8;
    static final double MIN_SHARE = 0.3, MAX_SHARE = 0.95;

    public IslandSettings {
        if (chains < 1 || chains > MAX_CHAINS) throw new IllegalArgumentException("chains must be 1.." + MAX_CHAINS + ", got " + chains);
        if (!(sketchShare >= MIN_SHARE && sketchShare <= MAX_SHARE))
            throw new IllegalArgumentException("sketch share must be in [" + MIN_SHARE + ", " + MAX_SHARE + "], got " + sketchShare);
    }

    /** These settings with another seed. */
    public IslandSettings withSeed(long s) { return new IslandSettings(s, chains, sketchShare, gradients); }
}
