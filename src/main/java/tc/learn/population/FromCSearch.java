package tc.learn.population;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tc.computer.isa.TcProgram;
import tc.learn.CReference;
import tc.learn.EpisodeCounter;
import tc.learn.FromC;
import tc.learn.Task;

/**
 * The population search on a {@code tc learn --from} task. As the plain {@code --from} learner
 * ({@link tc.learn.LearnFrom}) does, it runs in stages of growing scratch-register grants
 * ({@link FromC#scratchStages}): the first stage gets a third of each island's budget, the next
 * the rest, and a stage runs only when the one before did not solve the task. Each stage is one
 * {@link PopulationSearch} with the stage's share split into its rounds; no program carries from
 * one stage to the next (their machines name different registers).
 *
 * <p>Episodes are every island's of every round of every stage, summed; the reported accuracy is
 * measured afterwards on a fresh held-out draw, outside the budget.
 */
public final class FromCSearch {
    private FromCSearch() {}

    /** One stage: its scratch grant, the registers the learner could name, and its search. */
    public record Stage(int scratch, int registers, PopulationResult search) {}

    /**
     * The outcome.
     *
     * @param best           the answer: the last stage's best island
     * @param episodes       every episode of every island, every round and every stage
     * @param reportAccuracy the answer's accuracy on fresh held-out cases
     */
    public record Outcome(CReference.Signature signature, Task task, boolean solved, IslandOutcome best, long episodes,
                          double reportAccuracy, List<Stage> stages, String runner, long wallMillis) {
        public Outcome {
            stages = List.copyOf(stages);
        }

        /** Every island outcome of every stage, in order. */
        public List<IslandOutcome> outcomes() {
            return stages.stream().flatMap(s -> s.search().outcomes().stream()).toList();
        }
    }

    /**
     * Learns {@code source}'s function (its scratch grant is replaced by each stage's).
     *
     * @param budget  episodes each island may spend over all stages and rounds
     * @param chains  island 0's local-search chains
     * @param onRound sees each round's outcomes in island order
     */
    public static Outcome run(FromCSource source, int islands, int rounds, long budget, int chains, IslandRunner runner,
                              Consumer<List<IslandOutcome>> onRound) {
        long start = System.nanoTime();
        CReference.Signature signature = source.reference().signature();
        int[] grants = FromC.scratchStages(signature.shape());
        List<Stage> stages = new ArrayList<>();
        long spent = 0, episodes = 0;
        FromCSource stageSource = source;
        for (int s = 0; s < grants.length; s++) {
            long share = s == grants.length - 1 ? budget - spent : Math.max(1, budget / 3); // the first stage always runs
            if (share <= 0) break;
            stageSource = source.withScratch(grants[s]);
            PopulationSearch search = new PopulationSearch(islands, rounds, Math.max(1, share / rounds), chains);
            PopulationResult r = search.run(stageSource, source.seed(), runner, onRound);
            stages.add(new Stage(grants[s], stageSource.task().registers(), r));
            episodes += r.episodes();
            if (r.solved()) break;
            spent += share;
        }
        PopulationResult last = stages.get(stages.size() - 1).search();
        Task report = stageSource.reportTask();
        TcProgram answer = new TcProgram(last.best().program().instructions(), report.spec(), new int[0]);
        double accuracy = new EpisodeCounter(1).evaluate(answer, report, report.test()).accuracy();
        return new Outcome(signature, stageSource.task(), last.solved(), last.best(), episodes, accuracy, stages, runner.describe(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
