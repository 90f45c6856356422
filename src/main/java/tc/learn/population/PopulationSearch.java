package tc.learn.population;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Population search: {@code islands} learners, each an ordinary learning run with its own seed and
 * settings, for up to {@code rounds} rounds of {@code roundBudget} episodes each, with
 * population-based exploit/explore between rounds.
 *
 * <ul>
 *   <li>Round 0: island 0 is exactly the plain learner ({@code tc learn} with the run's seed and
 *       population, the {@code full} pipeline); every other island draws its settings (seed,
 *       chains, sketch share, gradient phases or not) from a stream of (seed, island, 0).</li>
 *   <li>Between rounds the islands are ranked by their best program's exact training words, then
 *       its shaped training score, then shorter program, then island id (the held-out set is never
 *       looked at). The bottom quarter (at least one island when there are two or more) take the
 *       program of the top quarter's islands, best to worst (exploit), and their settings,
 *       perturbed (explore: chains halved or doubled, the sketch share scaled by 0.8 or 1.25, the
 *       gradient phases switched with probability 1/4). Every island continues from its program
 *       with a new seed derived from (seed, island, round).</li>
 *   <li>The search stops after the first round in which an island solves the task.</li>
 * </ul>
 * Where islands run is the {@link IslandRunner}'s business; their outcomes are put in island order
 * before anything is decided, and every draw comes from (seed, island, round), so the result for a
 * seed does not depend on the number of threads or executors. Episodes are each island's own
 * count, summed here once per island and round.
 */
public final class PopulationSearch {
    /** The full learner's sketch share, island 0's. */
    public static final double DEFAULT_SHARE = 0.9;

    private final int islands, rounds;
    private final long roundBudget;
    private final int chains;

    /**
     * @param roundBudget episodes each island may spend in one round
     * @param chains      island 0's local-search chains (the plain learner's population)
     */
    public PopulationSearch(int islands, int rounds, long roundBudget, int chains) {
        if (islands < 1) throw new IllegalArgumentException("islands must be ≥ 1, got " + islands);
        if (rounds < 1) throw new IllegalArgumentException("rounds must be ≥ 1, got " + rounds);
        if (roundBudget < 1) throw new IllegalArgumentException("a round's budget must be ≥ 1, got " + roundBudget);
        this.islands = islands;
        this.rounds = rounds;
        this.roundBudget = roundBudget;
        this.chains = chains;
    }

    /** Runs the search; {@code onRound} sees each round's outcomes in island order. */
    public PopulationResult run(TaskSource source, long seed, IslandRunner runner, Consumer<List<IslandOutcome>> onRound) {
        long start = System.nanoTime();
        String taskName = source.task().name();
        List<IslandJob> jobs = new ArrayList<>();
        for (int i = 0; i < islands; i++) jobs.add(new IslandJob(source, i, 0, initialSettings(seed, i), Code.EMPTY, roundBudget));
        List<IslandOutcome> all = new ArrayList<>();
        long episodes = 0;
        int round = 0;
        List<IslandOutcome> outcomes;
        while (true) {
            outcomes = inIslandOrder(runner.run(jobs), round);
            all.addAll(outcomes);
            for (IslandOutcome o : outcomes) episodes += o.episodes();
            onRound.accept(outcomes);
            if (outcomes.stream().anyMatch(IslandOutcome::solved) || round + 1 == rounds) break;
            round++;
            jobs = nextRound(source, seed, round, outcomes);
        }
        IslandOutcome best = best(outcomes);
        return new PopulationResult(taskName, seed, best.solved(), best, episodes, round + 1, all, runner.describe(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Island 0: the plain learner; the others: settings drawn from (seed, island, 0). */
    IslandSettings initialSettings(long seed, int island) {
        if (island == 0) return new IslandSettings(seed, chains, DEFAULT_SHARE, true);
        SplittableRandom r = new SplittableRandom(mix(seed, island, 0) ^ SETTINGS_STREAM);
        int c = 1 << r.nextInt(0, 4);                                  // 1, 2, 4 or 8 chains
        double share = Math.round(r.nextDouble(0.5, IslandSettings.MAX_SHARE) * 100) / 100.0;
        return new IslandSettings(mix(seed, island, 0), c, share, r.nextBoolean());
    }

    /** The jobs of {@code round} after exploit/explore on the previous round's outcomes. */
    List<IslandJob> nextRound(TaskSource source, long seed, int round, List<IslandOutcome> previous) {
        List<IslandOutcome> rank = ranked(previous);
        Code[] start = new Code[islands];
        IslandSettings[] settings = new IslandSettings[islands];
        for (IslandOutcome o : previous) {
            start[o.island()] = o.program();
            settings[o.island()] = o.settings().withSeed(mix(seed, o.island(), round));
        }
        int replaced = islands < 2 ? 0 : Math.max(1, islands / 4);
        for (int j = 0; j < replaced; j++) {
            IslandOutcome winner = rank.get(j), loser = rank.get(islands - 1 - j);
            start[loser.island()] = winner.program();
            settings[loser.island()] = perturbed(winner.settings(), mix(seed, loser.island(), round));
        }
        List<IslandJob> jobs = new ArrayList<>();
        for (int i = 0; i < islands; i++) jobs.add(new IslandJob(source, i, round, settings[i], start[i], roundBudget));
        return jobs;
    }

    /**
     * The answer of one round: among its solved islands the one that solved with the fewest of
     * its own episodes (then the lower id), else the best ranked.
     */
    public static IslandOutcome best(List<IslandOutcome> round) {
        return round.stream().filter(IslandOutcome::solved)
                .min(Comparator.comparingLong(IslandOutcome::episodesToSolve).thenComparingInt(IslandOutcome::island))
                .orElseGet(() -> ranked(round).get(0));
    }

    /** Best first: exact training words, shaped training score, shorter program, lower island id. */
    static List<IslandOutcome> ranked(List<IslandOutcome> outcomes) {
        List<IslandOutcome> out = new ArrayList<>(outcomes);
        out.sort(Comparator.comparingDouble(IslandOutcome::trainWords).reversed()
                .thenComparing(Comparator.comparingDouble(IslandOutcome::trainScore).reversed())
                .thenComparingInt(o -> o.program().length())
                .thenComparingInt(IslandOutcome::island));
        return out;
    }

    /** {@code s} perturbed by draws from {@code seed}, which also becomes its seed. */
    static IslandSettings perturbed(IslandSettings s, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ SETTINGS_STREAM);
        int c = switch (r.nextInt(3)) {
            case 0 -> Math.max(1, s.chains() / 2);
            case 1 -> Math.min(IslandSettings.MAX_CHAINS, s.chains() * 2);
            default -> s.chains();
        };
        double share = Math.min(IslandSettings.MAX_SHARE, Math.max(IslandSettings.MIN_SHARE, s.sketchShare() * (r.nextBoolean() ? 0.8 : 1.25)));
        boolean gradients = r.nextInt(4) == 0 ? !s.gradients() : s.gradients();
        return new IslandSettings(seed, c, Math.round(share * 100) / 100.0, gradients);
    }

    /** One outcome per island of {@code round}, in island order; anything else is a runner's bug, and refused. */
    private List<IslandOutcome> inIslandOrder(List<IslandOutcome> outcomes, int round) {
        IslandOutcome[] byIsland = new IslandOutcome[islands];
        for (IslandOutcome o : outcomes) {
            if (o.round() != round || o.island() < 0 || o.island() >= islands || byIsland[o.island()] != null)
                throw new IllegalStateException("island runner returned an unexpected outcome: island " + o.island() + ", round " + o.round());
            byIsland[o.island()] = o;
        }
        for (int i = 0; i < islands; i++)
            if (byIsland[i] == null) throw new IllegalStateException("island runner lost island " + i + " of round " + round);
        return List.of(byIsland);
    }

    /** Any fixed odd constant: keeps the settings draws apart from the search streams seeded by the same number. */
    private static final long SETTINGS_STREAM = 0x5DEECE66DL;

    /** A 64-bit mix of (seed, island, round) (SplittableRandom's finaliser), so neighbouring islands and rounds get unrelated seeds. */
    static long mix(long seed, int island, int round) {
        long z = seed * 0x9E3779B97F4A7C15L + island * 0xBF58476D1CE4E5B9L + round * 0x94D049BB133111EBL + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
