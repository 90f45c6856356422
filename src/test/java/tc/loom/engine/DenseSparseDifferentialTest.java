package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * The sparse engine must leave exactly the dense engine's state (every float's bits) after every
 * step of real programs. The dense engine is slow, so each run is capped; the output shows ms/step
 * for both (informational, no timing assertion).
 */
class DenseSparseDifferentialTest {

    @ParameterizedTest
    @CsvSource({"fibonacci, 30, SPARSE", "gcd, 30, SPARSE", "fibonacci, 30, FAST", "gcd, 30, FAST"})
    void incrementalEqualsDenseBitForBitAfterEveryStep(String name, int steps, PassKind kind) throws IOException {
        Program program = ReferenceData.program(name);
        StateMatrix dense = StateMatrix.initial(program), sparse = StateMatrix.initial(program);
        DensePass denseEngine = new DensePass(ReferenceData.flatWeights());
        ForwardPass sparseEngine = kind.create(ReferenceData.flatWeights());
        long denseNanos = 0, sparseNanos = 0;
        int ran = 0;
        for (int step = 1; step <= steps && sparse.pc() != 0; step++, ran++) {
            long t0 = System.nanoTime();
            denseEngine.step(dense);
            long t1 = System.nanoTime();
            if (step == 1) sparseEngine.step(sparse);
            else sparseEngine.stepNext(sparse.data());
            long t2 = System.nanoTime();
            denseNanos += t1 - t0;
            // The first sparse step computes everything; count the incremental ones.
            if (step > 1) sparseNanos += t2 - t1;
            assertSameBits(dense, sparse, step);
        }
        assertEquals(steps, ran);
        System.out.printf("%s: %d steps, dense %.1f ms/step, %s %.3f ms/step (after the first step)%n",
                name, ran, denseNanos / 1e6 / ran, kind, sparseNanos / 1e6 / Math.max(1, ran - 1));
    }

    static void assertSameBits(StateMatrix expected, StateMatrix actual, long step) {
        float[] a = expected.data(), b = actual.data();
        for (int e = 0; e < a.length; e++)
            if (Float.floatToRawIntBits(a[e]) != Float.floatToRawIntBits(b[e])) {
                int n = expected.layout().columns();
                fail("step " + step + ": entry (" + e / n + ", " + e % n + ") is " + b[e] + ", dense gives " + a[e]);
            }
    }
}
