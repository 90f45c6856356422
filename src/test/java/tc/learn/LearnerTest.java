package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.*;
import static tc.learn.Reference.i;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

class LearnerTest {
    private static LearnResult learnAndCheck(String name, long seed, long budget) {
        Task task = TaskSuite.task(name, seed);
        LearnResult r = Learner.discrete(Learner.DEFAULT_POPULATION).learn(task, seed, budget, e -> { });
        assertTrue(r.solved(), name + " solved within " + budget + " episodes");
        assertEquals(1.0, r.accuracy());
        // Independent check on the discrete interpreter, not through the learner's scorer.
        assertEquals(task.test().size(), Reference.passed(r.program(), task, task.test()), name + " held-out");
        assertEquals(task.train().size(), Reference.passed(r.program(), task, task.train()), name + " train");
        return r;
    }

    @Test void addIsLearnedInAFewDozenEpisodes() {
        LearnResult r = learnAndCheck("add", 1, 300);
        assertTrue(r.program().equals(List.of(i(ADD, 0, 1, 0, 0))) || r.program().equals(List.of(i(ADD, 0, 0, 1, 0))), r.assembly());
        assertTrue(r.episodesToSolve() <= 85, "the issue's target for add: " + r.episodesToSolve());
    }

    @Test void maxIsLearnedWithinASmallBudget() {
        LearnResult r = learnAndCheck("max", 1, 10_000);
        assertTrue(r.program().size() <= 3, r.assembly());
        assertTrue(r.program().stream().anyMatch(x -> x.op().isJump()), "max by a branch: " + r.assembly());
    }

    @Test void learningIsDeterministicForASeed() {
        LearnResult a = Learner.discrete(4).learn(TaskSuite.task("max", 5), 5, 3_000, e -> { });
        LearnResult b = Learner.discrete(4).learn(TaskSuite.task("max", 5), 5, 3_000, e -> { });
        assertEquals(a.program(), b.program());
        assertEquals(a.episodesTotal(), b.episodesTotal());
        assertEquals(a.episodesToSolve(), b.episodesToSolve());
    }

    @Test void extractionStripsDeadInstructionsAndKeepsHeldOutAccuracy() {
        Task task = TaskSuite.task("max", 3);
        List<TcInstruction> padded = List.of(i(ADDI, 0, 0, 0, 0), // r0 ← r0 + 0: no effect
                i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 5), i(MOV, 0, 1, 0, 0), i(JMP, 0, 0, 0, 5));
        assertEquals(task.test().size(), Reference.passed(padded, task, task.test()));
        LearnState state = new LearnState();
        state.program = padded;
        state.solved = true;
        EpisodeCounter counter = new EpisodeCounter(100);
        new Extraction().run(new LearnContext(task, counter, state, 1, 1, e -> { }));
        assertEquals(List.of(i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 3), i(MOV, 0, 1, 0, 0)), state.program);
        assertEquals(task.test().size(), Reference.passed(state.program, task, task.test()));
        assertTrue(counter.episodes() > 0);
    }

    @Test void crystallizeTakesTheArgmaxProgramAndVerifiesItInTwoEpisodes() {
        Task task = TaskSuite.task("add", 1);
        TcProgram add = new TcProgram(List.of(i(ADD, 0, 0, 1, 0)), task.spec(), new int[0]);
        double[] params = TcParams.encode(add, 1.0);
        SplittableRandom noise = new SplittableRandom(9);
        for (int k = 0; k < params.length; k++) params[k] += noise.nextDouble(-0.4, 0.4); // still the same argmax
        LearnState state = new LearnState();
        state.params = params;
        EpisodeCounter counter = new EpisodeCounter(10);
        new Crystallize().run(new LearnContext(task, counter, state, 1, 1, e -> { }));
        assertTrue(state.solved);
        assertEquals(List.of(i(ADD, 0, 0, 1, 0)), state.program);
        assertEquals(2, counter.episodes(), "train batch + held-out check");
    }

    @Test void gradientPhasesPlugInFrontOfTheDiscreteOnes() {
        Phase fakeWarmUp = new Phase() {
            @Override public String name() { return "warm-up"; }
            @Override public void run(LearnContext ctx) {
                ctx.counter().gradientStep(() -> null);
                Task t = ctx.task();
                ctx.state().params = TcParams.encode(new TcProgram(List.of(i(ADD, 0, 0, 1, 0)), t.spec(), new int[0]), 1.0);
            }
        };
        Learner learner = Learner.discrete(2).withPhases(List.of(fakeWarmUp));
        assertEquals(List.of("warm-up", "crystallize", "search", "extract"), learner.phases().stream().map(Phase::name).toList());
        LearnResult r = learner.learn(TaskSuite.task("add", 1), 1, 100, e -> { });
        assertTrue(r.solved());
        assertEquals(3, r.episodesToSolve(), "one gradient step, then crystallisation's train and held-out episodes");
    }

    @Test void insertAndDeleteKeepJumpsPointingAtTheSameInstructions() {
        Task task = TaskSuite.task("max", 2);
        List<TcInstruction> max = List.of(i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 3), i(MOV, 0, 1, 0, 0));
        for (int pos = 0; pos <= max.size(); pos++) {
            List<TcInstruction> longer = Mutations.insert(max, pos, i(LI, 2, 0, 0, 7)); // r2 is unused
            assertEquals(task.test().size(), Reference.passed(longer, task, task.test()), "inserted at " + pos);
            assertEquals(max, Mutations.delete(longer, pos));
        }
        List<TcInstruction> all = new ArrayList<>(max);
        assertEquals(all, Mutations.canonical(all));
    }
}
