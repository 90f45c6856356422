package tc.learn.population;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.learn.LearnResult;
import tc.learn.Task;
import tc.learn.Variants;

class PopulationSearchTest {
    @Test void oneIslandForOneRoundIsThePlainLearner() {
        SuiteTask source = new SuiteTask("max", 3);
        Task task = source.task();
        LearnResult plain = Variants.FULL.learner(task, 4).learn(task, 3, 400, e -> { });
        PopulationResult r = new PopulationSearch(1, 1, 400, 4).run(source, 3, new InProcessIslands(1), o -> { });
        assertTrue(plain.solved(), "the reference run solves");
        assertEquals(plain.solved(), r.solved());
        assertEquals(plain.episodesTotal(), r.episodes(), "same episodes: the island adds no evaluation of its own");
        assertEquals(plain.program(), r.best().program().instructions());
        assertEquals(plain.episodesToSolve(), r.best().episodesToSolve());
    }

    @Test void theResultForASeedDoesNotDependOnTheThreads() {
        PopulationResult one = Runs.reference();
        PopulationResult four = Runs.SEARCH.run(Runs.TASK, Runs.SEED, new InProcessIslands(4), o -> { });
        assertEquals(Runs.comparable(one), Runs.comparable(four));
        assertEquals(one.episodes(), four.episodes());
        assertEquals(Runs.timeless(one.best()), Runs.timeless(four.best()));
        // The run the Spark tests rely on: exploit/explore happened twice, and it solved in the end.
        assertEquals(3, one.rounds());
        assertTrue(one.solved());
        assertEquals(1.0, one.best().heldOut());
        assertEquals(2, one.best().round());
        assertEquals(one.outcomes().stream().mapToLong(IslandOutcome::episodes).sum(), one.episodes(), "the islands' counts, summed once");
        for (IslandOutcome o : one.outcomes()) assertTrue(o.episodes() >= 1 && o.episodes() <= 150, o.toString());
    }

    @Test void resumingFromAProgramCostsItsEvaluationsLikeAnyOther() {
        // add's answer handed in: one training episode, one held-out episode, then extraction
        // tries deleting its one instruction (one training episode, which fails): three in all.
        List<TcInstruction> add = List.of(new TcInstruction(TcOp.ADD, 0, 0, 1, 0));
        IslandSettings s = new IslandSettings(7, 2, 0.9, true);
        IslandOutcome o = IslandLearner.run(new IslandJob(new SuiteTask("add", 1), 0, 1, s, Code.of(add), 500));
        assertTrue(o.solved());
        assertEquals(3, o.episodes());
        assertEquals(2, o.episodesToSolve());
        assertEquals(add, o.program().instructions());
        assertEquals(1.0, o.trainWords());
    }

    @Test void theBottomIslandTakesTheTopIslandsProgramAndPerturbedSettings() {
        PopulationSearch search = new PopulationSearch(4, 2, 100, 4);
        SuiteTask source = new SuiteTask("abs", 1);
        List<IslandOutcome> round0 = new ArrayList<>();
        double[] words = {0.5, 0.9, 0.1, 0.5};
        for (int i = 0; i < 4; i++)
            round0.add(new IslandOutcome(i, 0, search.initialSettings(1, i), Code.of(List.of(new TcInstruction(TcOp.LI, 0, 0, 0, i))),
                    words[i], words[i], false, 100, -1, 0, 0));
        List<IslandJob> next = search.nextRound(source, 1, 1, round0);
        assertEquals(4, next.size());
        IslandJob loser = next.get(2);
        assertEquals(round0.get(1).program(), loser.start(), "island 2 (worst) continues from island 1's (best) program");
        IslandSettings from = round0.get(1).settings(), to = loser.settings();
        assertEquals(PopulationSearch.mix(1, 2, 1), to.seed(), "its randomness comes from (seed, island, round)");
        assertTrue(to.chains() == from.chains() || to.chains() == Math.max(1, from.chains() / 2) || to.chains() == Math.min(8, from.chains() * 2));
        assertNotEquals(from.sketchShare(), to.sketchShare(), "island 1's share (0.56) is scaled by 0.8 or 1.25");
        for (int i : new int[]{0, 1, 3}) {
            assertEquals(round0.get(i).program(), next.get(i).start(), "island " + i + " continues from its own program");
            assertEquals(round0.get(i).settings().withSeed(PopulationSearch.mix(1, i, 1)), next.get(i).settings());
        }
        assertEquals(next, search.nextRound(source, 1, 1, round0), "deterministic");
        // Ties are broken by shorter program, then island id: islands 0 and 3 tie on words and length.
        assertEquals(List.of(1, 0, 3, 2), PopulationSearch.ranked(round0).stream().map(IslandOutcome::island).toList());
    }

    @Test void aRunnerThatDuplicatesOrLosesAnIslandIsRefused() {
        PopulationSearch search = new PopulationSearch(2, 1, 50, 4);
        IslandRunner twice = new IslandRunner() {
            @Override public List<IslandOutcome> run(List<IslandJob> jobs) {
                List<IslandOutcome> out = new ArrayList<>(jobs.stream().map(IslandLearner::run).toList());
                out.add(out.get(0)); // a retried task's result delivered twice would be counted twice
                return out;
            }
            @Override public String describe() { return "duplicating"; }
        };
        IslandRunner losing = new IslandRunner() {
            @Override public List<IslandOutcome> run(List<IslandJob> jobs) { return List.of(IslandLearner.run(jobs.get(0))); }
            @Override public String describe() { return "losing"; }
        };
        assertThrows(IllegalStateException.class, () -> search.run(new SuiteTask("add", 1), 1, twice, o -> { }));
        assertThrows(IllegalStateException.class, () -> search.run(new SuiteTask("add", 1), 1, losing, o -> { }));
    }

    @Test void aProgramSurvivesItsTripAsNumbers() {
        List<TcInstruction> p = List.of(new TcInstruction(TcOp.ADDI, 3, 2, 0, -7), new TcInstruction(TcOp.CMP, 0, 1, 2, 0), TcInstruction.of(TcOp.HALT));
        assertEquals(p, Code.of(p).instructions());
        assertEquals(Code.of(p), Code.of(List.copyOf(p)));
    }
}
