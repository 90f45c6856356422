package tc.learn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;

class GradientPhaseTest {
    private static LearnContext context(Task task, long seed, long budget) {
        return new LearnContext(task, new EpisodeCounter(budget), new LearnState(), seed, 1, e -> { });
    }

    private static List<LearnState.CurvePoint> gradientPoints(LearnState s) {
        return s.curve.stream().filter(p -> Double.isNaN(p.score()) && !Double.isNaN(p.tau())).toList();
    }

    @Test void warmUpLowersTheSoftLossAndCountsEveryStepAndCheck() {
        Task task = TaskSuite.task("max", 1); // not solved by gradients
        LearnContext ctx = context(task, 1, 1_000);
        long scored = Scorer.BATCHES_SCORED.get();
        GradientPhase phase = GradientPhase.warmUp(2, 24);
        phase.run(ctx);
        List<LearnState.CurvePoint> steps = gradientPoints(ctx.state());
        assertTrue(steps.size() <= 24 && steps.size() % GradientPhase.CHECK_EVERY == 0,
                "one curve point per gradient step, stopping (early, when the argmax settles) only at a check: " + steps.size());
        long checks = Scorer.BATCHES_SCORED.get() - scored;
        assertTrue(checks >= 1 && checks <= steps.size() / GradientPhase.CHECK_EVERY, "crystallisation checks: " + checks);
        assertEquals(steps.size() + checks, ctx.counter().episodes(), "a gradient step is one episode, each scored batch one more, nothing else");
        double first = steps.get(0).loss(), last = steps.get(steps.size() - 1).loss();
        assertTrue(Double.isFinite(first) && last < 0.8 * first, "soft loss " + first + " → " + last);
        // The learned slots moved; slots past the learned ones are still HALT.
        assertEquals(TcOp.HALT, TcParams.decode(ctx.state().params, 2 * TcParams.PER_INSTRUCTION).op());
    }

    @Test void aPhaseStopsOnceItsArgmaxProgramStopsMoving() {
        Task task = TaskSuite.task("max", 1);
        LearnContext ctx = context(task, 1, 1_000);
        GradientPhase.warmUp(1, 200).run(ctx);
        int ran = gradientPoints(ctx.state()).size();
        assertTrue(ran < 200 && ran >= 2 * GradientPhase.CHECK_EVERY, "stopped after two equal checks, not at 200: " + ran);
    }

    @Test void annealingLowersTauGeometricallyAndTheEntropyTermHasItsGradient() {
        GradientPhase a = GradientPhase.anneal(1, 5);
        assertEquals(GradientPhase.TAU_HIGH, a.tau(0), 1e-12);
        assertEquals(GradientPhase.TAU_LOW, a.tau(4), 1e-12);
        assertEquals(Math.sqrt(GradientPhase.TAU_HIGH * GradientPhase.TAU_LOW), a.tau(2), 1e-12);
        // dH/dz by central differences on a random parameter vector.
        Task task = TaskSuite.task("add", 1);
        double[] p = new double[task.spec().slots() * TcParams.PER_INSTRUCTION];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian();
        double[] g = new double[p.length];
        GradientPhase.addEntropy(p, task, 0.7, 1.0, g);
        for (int i : new int[]{TcParams.OPCODE + 3, TcParams.RD + 1, TcParams.PER_INSTRUCTION + TcParams.RS2 + 7}) {
            double h = 1e-6, keep = p[i];
            p[i] = keep + h;
            double up = GradientPhase.addEntropy(p, task, 0.7, 1.0, new double[p.length]);
            p[i] = keep - h;
            double down = GradientPhase.addEntropy(p, task, 0.7, 1.0, new double[p.length]);
            p[i] = keep;
            // addEntropy returns weight·ΣH / maxLength; its gradient is of weight·ΣH.
            assertEquals((up - down) / (2 * h) * task.maxLength(), g[i], 1e-6, "parameter " + i);
        }
    }

    /** The auxiliary halting loss: w·(1 − halted)², zero once all the mass has halted; its adjoint is checked in SoftGradientCheckTest. */
    @Test void theHaltingLossChargesMassStillRunningAtTheEnd() {
        Task task = TaskSuite.task("add", 1);
        TaskLoss loss = new TaskLoss(task.train(), 2.0);
        tc.computer.soft.SoftState running = TaskLoss.initialStates(task.spec(), task.train())[0];
        double[] g = {0};
        assertEquals(2.0, loss.evaluateHalting(0, running, g), 1e-12);
        assertEquals(-4.0, g[0], 1e-12);
        tc.computer.soft.SoftState done = running.copy();
        var halt = new tc.computer.isa.TcProgram(List.of(tc.computer.isa.TcInstruction.of(TcOp.HALT)), task.spec(), new int[0]);
        tc.computer.soft.SoftMachine.of(halt, 20, new tc.computer.soft.SoftTemperatures(0.05, 0.05, 0.05, 0.05)).step(done);
        assertEquals(1.0, done.halted(), 1e-6);
        double[] g2 = {0};
        assertEquals(0.0, loss.evaluateHalting(0, done, g2), 1e-9);
        assertEquals(0.0, new TaskLoss(task.train()).evaluateHalting(0, running, new double[1]), "no weight, no loss");
        assertThrows(IllegalArgumentException.class, () -> new GradientPhase("x", 1, 1, 1, 1, 0, -1));
    }

    @Test void gradientsAloneLearnAddAndTheProgramPassesTheDiscreteInterpreter() {
        Task task = TaskSuite.task("add", 1);
        LearnResult res = Variants.GRADIENTS_ONLY.learner(task, 1).learn(task, 1, 200, e -> { });
        assertTrue(res.solved(), res.assembly());
        assertTrue(res.episodesToSolve() <= 85, "episodes " + res.episodesToSolve());
        assertTrue(res.curve().stream().anyMatch(p -> !Double.isNaN(p.loss())), "gradient steps were taken");
        assertEquals(task.test().size(), Reference.passed(res.program(), task, task.test()));
    }

    @Test void theFullLearnerCountsExactlyTheGradientStepsAndScoredBatches() {
        for (String name : List.of("add", "max")) {
            Task task = TaskSuite.task(name, 2);
            long scored = Scorer.BATCHES_SCORED.get();
            LearnResult res = Variants.FULL.learner(task, 4).learn(task, 2, 5_000, e -> { });
            long gradientSteps = res.curve().stream().filter(p -> Double.isNaN(p.score()) && !Double.isNaN(p.tau())).count();
            long batches = Scorer.BATCHES_SCORED.get() - scored - (res.solved() ? 0 : 1);
            assertEquals(res.episodesTotal(), gradientSteps + batches, name);
            assertTrue(res.solved(), name + ": " + res.assembly());
            assertEquals(task.test().size(), Reference.passed(res.program(), task, task.test()), name);
        }
    }
}
