package tc.learn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.soft.SoftAddressing;
import tc.computer.soft.SoftGradients;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;

/** The learner's {@code addressing} option reaches the gradient phase's soft machine, and nothing else changes without it. */
class GradientAddressingTest {
    private static final SoftAddressing CONTENT = SoftAddressing.content(0.5, 4);

    private static LearnContext context(Task task, SoftAddressing addressing) {
        return new LearnContext(task, new EpisodeCounter(1_000), new LearnState(), 1, 1, e -> { }, Library.EMPTY, addressing);
    }

    /** A context whose soft program has been initialised by the phase (zero steps) and whose slot 0 leans to LOAD. */
    private static LearnContext initialised(Task task, SoftAddressing addressing) {
        LearnContext ctx = context(task, addressing);
        GradientPhase.warmUp(2, 0).run(ctx);
        ctx.state().params[TcParams.OPCODE + TcOp.LOAD.ordinal()] += 2; // a program that reads memory, so the addressing matters
        return ctx;
    }

    @Test void theGradientPhaseDifferentiatesTheMachineItsContextNames() {
        Task task = TaskSuite.task("sum_array", 1);
        assertTrue(task.usesMemory());
        LearnContext content = initialised(task, CONTENT), location = initialised(task, SoftAddressing.LOCATION);
        assertArrayEquals(location.state().params, content.state().params, "same seed, same starting program");
        SoftTemperatures temps = new SoftTemperatures(1, 1, 1, 1);
        SoftState[] initial = TaskLoss.initialStates(task.spec(), task.train());
        TaskLoss loss = new TaskLoss(task.train(), GradientPhase.HALT_WEIGHT);
        int horizon = GradientPhase.horizon(task);

        SoftGradients.Result viaPhase = GradientPhase.softGradient(content, temps, initial, horizon, loss);
        SoftGradients.Result direct = SoftGradients.compute(task.spec(), content.state().params, temps, CONTENT, initial, horizon, loss, true);
        assertEquals(direct.loss(), viaPhase.loss(), 0.0);
        assertArrayEquals(direct.gradient(), viaPhase.gradient(), 0.0, "the phase computes exactly SoftGradients with the context's addressing");

        SoftGradients.Result byLocation = GradientPhase.softGradient(location, temps, initial, horizon, loss);
        SoftGradients.Result plain = SoftGradients.compute(task.spec(), location.state().params, temps, initial, horizon, loss);
        assertArrayEquals(plain.gradient(), byLocation.gradient(), 0.0, "location is the machine the phase always used");
        assertNotEquals(byLocation.loss(), viaPhase.loss(), "content addressing changes what the LOADs read");
        assertFalse(Arrays.equals(byLocation.gradient(), viaPhase.gradient()), "and the gradient");
    }

    @Test void aGradientStepUnderContentAddressingMovesTheProgramDifferently() {
        Task task = TaskSuite.task("sum_array", 1);
        LearnContext content = context(task, CONTENT), location = context(task, SoftAddressing.LOCATION),
                byDefault = new LearnContext(task, new EpisodeCounter(1_000), new LearnState(), 1, 1, e -> { });
        for (LearnContext c : new LearnContext[]{content, location, byDefault}) GradientPhase.warmUp(2, 1).run(c);
        assertArrayEquals(location.state().params, byDefault.state().params, 0.0, "the default context is location addressing");
        assertFalse(Arrays.equals(location.state().params, content.state().params), "the step followed a different gradient");
        assertEquals(location.counter().episodes(), content.counter().episodes(), "a gradient step is one episode either way");
    }

    @Test void theLearnerHandsItsAddressingToEveryPhase() {
        Task task = TaskSuite.task("sum_array", 1);
        SoftAddressing[] seen = new SoftAddressing[1];
        Learner l = new Learner(java.util.List.of(new Phase() {
            @Override public String name() { return "probe"; }
            @Override public void run(LearnContext ctx) { seen[0] = ctx.addressing(); }
        }), 1);
        assertSame(SoftAddressing.LOCATION, l.addressing());
        l.withAddressing(CONTENT).withPhases(java.util.List.of()).learn(task, 1, 10, e -> { });
        assertEquals(CONTENT, seen[0]);
    }
}
