package tc.loom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tc.fixtures.CPrograms;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.SparsePass;
import tc.loom.interp.IsaMachine;
import tc.loom.io.LoomState;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.source.SourceFile;

/**
 * The softmax study's detectors and a few of its measured facts (docs/transformer.md, "Softmax
 * attention, measured"), on runs of a few steps.
 */
class SoftmaxDriftTest {

    private static Program fib() { return Compiler.compile(new SourceFile("fib.c", CPrograms.FIB), CompileOptions.defaults()); }

    private static Program referenceFibonacci() throws IOException {
        Path dir = Path.of("../shared/loom-ref/programs");
        return LoomState.read(new SourceFile("fibonacci_state.json", Files.readString(dir.resolve("fibonacci_state.json"))),
                new SourceFile("fibonacci_info.json", Files.readString(dir.resolve("fibonacci_info.json"))));
    }

    @Test
    void theValueSetDetectorFlagsOnlyEntriesMoreThanHalfAwayAndThePrioConstants() {
        Program p = fib();
        StateLayout layout = StateLayout.exact(p.config());
        StateMatrix x = StateMatrix.initial(p, layout);
        assertEquals(0f, ValueSet.farthest(x).distance(), "the initial exact state is in the set");
        int memoryRow = layout.rows(Region.MEMORY).first(), column = layout.memoryColumn(3);
        x.set(memoryRow, column, 0.5f);
        assertEquals(0.5f, ValueSet.farthest(x).distance(), "a half is 0.5 from 0 and 1: not farther than the bound");
        x.set(memoryRow, column, 1.6f);
        ValueSet.Entry far = ValueSet.farthest(x);
        assertEquals(Region.MEMORY, far.region());
        assertEquals(column, far.column());
        assertTrue(far.distance() > SoftmaxDrift.BOUND);
        x.set(memoryRow, column, -1f);
        int prio = layout.rows(Region.PRIO).first();
        float constant = x.get(prio, column);
        assertEquals(2f * p.config().m() - 3, constant, "PRIO holds 2m − i");
        x.set(prio, column, constant + 0.75f);
        far = ValueSet.farthest(x);
        assertEquals(Region.PRIO, far.region(), "PRIO is measured against its constant, not against −1, 0, +1");
        assertEquals(0.75f, far.distance());
    }

    @Test
    void theDecodedDetectorFlagsAFlippedMemoryBitAndAWrongPc() {
        Program p = fib();
        StateMatrix x = StateMatrix.initial(p, StateLayout.exact(p.config()));
        IsaMachine isa = new IsaMachine(p);
        assertNull(SoftmaxDrift.wrong(x, isa, 0));
        StateLayout layout = x.layout();
        int lsb = layout.rows(Region.MEMORY).end() - 1, column = layout.memoryColumn(2);
        x.set(lsb, column, -x.get(lsb, column));
        SoftmaxDrift.Departure d = SoftmaxDrift.wrong(x, isa, 7);
        assertNotNull(d);
        assertEquals(7, d.step());
        assertTrue(d.what().startsWith("cell 2 = "), d.what());
        x.set(lsb, column, -x.get(lsb, column));
        isa.step();
        assertTrue(SoftmaxDrift.wrong(x, isa, 1).what().startsWith("PC "), "the state was not stepped, the interpreter was");
    }

    @Test
    void theArgmaxEngineRunInThePlaceOfSoftmaxNeverDeparts() {
        Program p = Compiler.compile(new SourceFile("fact.c", CPrograms.FACT), CompileOptions.defaults());
        LoomModel model = ExactWeights.build(p.config());
        SoftmaxDrift.Result r = SoftmaxDrift.run(p, model, new SparsePass(model), 100_000, false);
        assertEquals(SoftmaxDrift.End.HALTED, r.end(), "the whole run, " + r.steps() + " steps");
        assertNull(r.valueSet());
        assertNull(r.decoded());
        assertNull(r.argmaxDecoded());
        assertEquals(0f, r.softWorst(), "exact: every entry exactly in the set");
        assertEquals(0f, r.argmaxWorst());
    }

    /** Measured: the exact profile under softmax decodes wrong within two steps at any λ (see the doc for why). */
    @Test
    void exactProfileUnderSoftmaxDecodesWrongAtOnceWhateverLambda() {
        Program p = fib();
        LoomModel model = ExactWeights.build(p.config());
        for (double lambda : new double[] {10, 200}) {
            SoftmaxDrift.Result r = SoftmaxDrift.run(p, model, lambda, 3);
            assertNotNull(r.decoded(), "λ = " + lambda);
            assertTrue(r.decoded().step() <= 2, "λ = " + lambda + ": " + r.decoded());
            assertNull(r.argmaxDecoded(), "the argmax engine follows the interpreter");
            assertEquals(0f, r.argmaxWorst(), "and stays exactly in the value set");
        }
    }

    /**
     * Measured on Loom's own fibonacci state (loom-v1, 155×1024): at λ = 10 the decoded state
     * follows the interpreter for 8 steps, at λ = 100 it is wrong after step 2, the early departure
     * docs/transformer.md explains.
     */
    @Test
    void loomV1FibonacciFollowsAtLambdaTenAndDepartsAtStepTwoAtLambdaHundred() throws IOException {
        Program p = referenceFibonacci();
        LoomModel model = LoomV1Weights.build(p.config());
        SoftmaxDrift.Result ten = SoftmaxDrift.run(p, model, 10, 8);
        assertNull(ten.decoded(), () -> String.valueOf(ten.decoded()));
        assertTrue(ten.argmaxWorst() <= LockstepVerifier.TOLERANCE, "loom-v1 argmax stays within 1e−5 of the set: " + ten.argmaxWorst());
        SoftmaxDrift.Result hundred = SoftmaxDrift.run(p, model, 100, 8);
        assertNotNull(hundred.decoded());
        assertEquals(2, hundred.decoded().step(), hundred.decoded().what());
        assertNull(hundred.argmaxDecoded());
    }

    /**
     * The same departure at λ = 100 is gone when every entry is rounded to the value set after
     * each step: what grows into it is loom-v1's float error (PC bits at 1 + 2^−17), not the
     * program (docs/transformer.md).
     */
    @Test
    void anIdealSnapRemovesTheLambdaHundredDepartureOfLoomV1Fibonacci() throws IOException {
        Program p = referenceFibonacci();
        LoomModel model = LoomV1Weights.build(p.config());
        SoftmaxDrift.Result r = SoftmaxDrift.runSnapped(p, model, 100, 8);
        assertNull(r.decoded(), () -> String.valueOf(r.decoded()));
        assertEquals(8, r.steps());
    }

    @Test
    void roundingPutsEveryEntryInTheSetAndPrioBackToItsConstants() {
        Program p = fib();
        StateLayout layout = StateLayout.exact(p.config());
        StateMatrix x = StateMatrix.initial(p, layout);
        float[] before = x.data().clone();
        java.util.Random random = new java.util.Random(5);
        for (int e = 0; e < before.length; e++) x.data()[e] += 0.49f * (2 * random.nextFloat() - 1);
        ValueSet.round(x);
        assertEquals(0f, ValueSet.farthest(x).distance());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, x.data(), "noise below one half rounds back to the initial state");
    }
}
