package tc.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcProgram;
import tc.source.SourceFile;

/**
 * {@code --from} tasks: functions outside the suite learned to 100% on fresh held-out cases (fixed
 * seeds), every case checked against the compiled reference, and the episode count equal to the
 * batches scored.
 */
class LearnFromTest {
    static SourceFile resource(String name) {
        try (InputStream in = LearnFromTest.class.getResourceAsStream("/tc/learn/from/" + name)) {
            return new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code program} on every case of {@code task} as the scorer would, and checks it against the reference directly. */
    static void agreesWithTheReference(List<TcInstruction> program, Task task, CReference ref) {
        for (TaskCase c : task.test()) {
            var m = Scorer.run(new TcProgram(program, task.spec(), new int[0]), task, c);
            assertTrue(m.halted(), "halts");
            int[] regs = c.registers();
            int[] want;
            if (ref.signature().shape().array()) {
                int base = regs[0], n = regs[1];
                int[] a = java.util.Arrays.copyOfRange(c.memory(), base, base + n);
                want = ref.run(a, java.util.Arrays.copyOfRange(regs, 2, regs.length));
                if (ref.signature().shape() == CReference.Shape.ARRAY_IN_PLACE) {
                    for (int k = 0; k < n; k++) assertEquals(want[k], m.memory(base + k));
                    continue;
                }
            } else want = ref.run(new int[0], regs);
            assertEquals(want[0], m.register(0));
        }
    }

    @Test void aScalarFunctionOutsideTheSuiteIsLearnedToFullHeldOutAccuracy() {
        CReference ref = CReference.compile(resource("pronic.c"), null, 8);
        long before = Scorer.BATCHES_SCORED.get();
        LearnFrom.Outcome o = LearnFrom.learn(ref, FromC.Options.DEFAULT, 1, 5_000, Variants.SEARCH_ONLY, 4, Library.EMPTY, e -> { });
        long scored = Scorer.BATCHES_SCORED.get() - before;
        assertTrue(o.solved());
        assertEquals(1.0, o.reportAccuracy(), "fresh held-out cases");
        // every evaluation of every candidate is an episode (+1: the fresh report, outside the budget)
        assertEquals(o.episodesTotal() + 1, scored);
        assertTrue(o.episodes() <= o.episodesTotal());
        agreesWithTheReference(o.result().program(), FromC.reportTask(ref, FromC.Options.DEFAULT, 1, o.stages().get(o.stages().size() - 1).scratch()), ref);
        assertNotNull(o.provenance());
        int own = Extraction.ownLength(o.result().program());
        assertEquals(own, o.provenance().template() + o.provenance().search());
    }

    @Test void anArrayToIntFunctionOutsideTheSuiteGeneralisesToLengthsNeverTrainedOn() {
        CReference ref = CReference.compile(resource("sum_twice.c"), null, 8);
        LearnFrom.Outcome o = LearnFrom.learn(ref, FromC.Options.DEFAULT, 1, 5_000, Variants.SEARCH_ONLY, 4, Library.EMPTY, e -> { });
        assertTrue(o.solved());
        assertEquals(1.0, o.reportAccuracy());
        Task report = FromC.reportTask(ref, FromC.Options.DEFAULT, 1, o.stages().get(o.stages().size() - 1).scratch());
        for (TaskCase c : report.test()) assertTrue(c.registers()[1] >= 5 && c.registers()[1] <= 8, "held-out lengths 5..8");
        for (TaskCase c : o.task().train()) assertTrue(c.registers()[1] >= 1 && c.registers()[1] <= 4, "trained on 1..4");
        agreesWithTheReference(o.result().program(), report, ref);
        assertTrue(o.provenance().template() > 0 && o.provenance().search() > 0, o.provenance().toString());
    }

    @Test void anArrayToArrayFunctionOutsideTheSuiteGeneralisesToLengthsNeverTrainedOn() {
        CReference ref = CReference.compile(resource("negate_all.c"), null, 8);
        assertEquals(CReference.Shape.ARRAY_IN_PLACE, ref.signature().shape());
        LearnFrom.Outcome o = LearnFrom.learn(ref, FromC.Options.DEFAULT, 1, 5_000, Variants.SEARCH_ONLY, 4, Library.EMPTY, e -> { });
        assertTrue(o.solved());
        assertEquals(1.0, o.reportAccuracy());
        agreesWithTheReference(o.result().program(), FromC.reportTask(ref, FromC.Options.DEFAULT, 1, o.stages().get(o.stages().size() - 1).scratch()), ref);
    }

    @Test void casesFollowTheCompiledFunctionAndTheSeed() {
        CReference ref = CReference.compile(resource("sign.c"), null, 8);
        Task a = FromC.task(ref, FromC.Options.DEFAULT, 3, 1), b = FromC.task(ref, FromC.Options.DEFAULT, 3, 1), c = FromC.task(ref, FromC.Options.DEFAULT, 4, 1);
        assertEquals(24, a.train().size());
        assertEquals(FromC.TEST, a.test().size());
        for (int k = 0; k < a.train().size(); k++) {
            int x = a.train().get(k).registers()[0];
            assertTrue(x >= -50 && x <= 50);
            assertEquals(Integer.signum(x), a.train().get(k).expected().get(0).value());
            assertEquals(x, b.train().get(k).registers()[0], "same seed, same cases");
        }
        assertFalse(java.util.Arrays.equals(a.train().get(0).registers(), c.train().get(0).registers()) && java.util.Arrays.equals(a.train().get(1).registers(), c.train().get(1).registers()));
        // the report set is a fresh draw, not the held-out set the learner verified on
        Task report = FromC.reportTask(ref, FromC.Options.DEFAULT, 3, 1);
        assertFalse(report.test().equals(a.test()));
        assertEquals(2, a.registers(), "one input and the first stage's one scratch register");
    }

    @Test void theStagesGrantMoreRegistersAndCountEveryEpisode() {
        // a budget too small for anything: every stage spends its share, and the total is the budget
        CReference ref = CReference.compile(resource("sign.c"), null, 8);
        LearnFrom.Outcome o = LearnFrom.learn(ref, FromC.Options.DEFAULT, 1, 90, Variants.SEARCH_ONLY, 4, Library.EMPTY, e -> { });
        assertFalse(o.solved());
        assertEquals(90, o.episodesTotal());
        assertEquals(2, o.stages().size());
        assertTrue(o.stages().get(1).registers() > o.stages().get(0).registers());
        assertEquals(30, o.stages().get(0).result().episodesTotal());
    }

    @Test void aBudgetTooSmallToSplitStillRunsTheFirstStage() {
        CReference ref = CReference.compile(resource("sign.c"), null, 8);
        for (long budget : new long[]{1, 2}) {
            LearnFrom.Outcome o = LearnFrom.learn(ref, FromC.Options.DEFAULT, 1, budget, Variants.SEARCH_ONLY, 4, Library.EMPTY, e -> { });
            assertEquals(budget, o.episodesTotal());
            assertFalse(o.stages().isEmpty());
        }
    }

    @Test void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new FromC.Options(5, 4, 1, 4, 5, 8, 24, 0));
        assertThrows(IllegalArgumentException.class, () -> new FromC.Options(0, 4, 3, 2, 5, 8, 24, 0));
        assertThrows(IllegalArgumentException.class, () -> new FromC.Options(0, 4, 1, 4, 5, 8, 0, 0));
    }
}
