package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tc.fixtures.CPrograms;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.source.SourceFile;

/**
 * The softmax pass's shortcuts (query groups, skipped zero query rows, exps only near the maximum,
 * parallel chunks) against its literal loops: the same bits after every step, on both profiles,
 * at a low and a high λ, on runs that leave the value set within a few steps (so the scores are
 * far from the designed bipolar ones), and on states with noise added before every step (no two
 * queries alike, no zero query).
 */
class SoftmaxPassTest {
    private static final int STEPS = 8;

    private static Program fib() { return Compiler.compile(new SourceFile("fib.c", CPrograms.FIB), CompileOptions.defaults()); }

    @Test
    void shortcutsGiveTheLiteralBitsOnBothProfiles() {
        Program p = fib();
        for (boolean exact : new boolean[] {true, false}) {
            LoomModel model = exact ? ExactWeights.build(p.config()) : LoomV1Weights.build(p.config());
            for (double lambda : new double[] {10, 200}) same(p, model, exact, lambda, 0);
        }
    }

    @Test
    void shortcutsGiveTheLiteralBitsOnNoisyStates() {
        Program p = fib();
        same(p, LoomV1Weights.build(p.config()), false, 20, 0.05f);
    }

    private static void same(Program p, LoomModel model, boolean exact, double lambda, float noise) {
        StateLayout layout = exact ? StateLayout.exact(p.config()) : StateLayout.of(p.config());
        StateMatrix fast = StateMatrix.initial(p, layout), literal = StateMatrix.initial(p, layout);
        SoftmaxPass a = new SoftmaxPass(model, lambda), b = new SoftmaxPass(model, lambda, true);
        Random random = new Random(14);
        boolean moved = false;
        for (int step = 1; step <= STEPS; step++) {
            if (noise > 0)
                for (int e = 0; e < fast.data().length; e++) {
                    float v = fast.data()[e] + noise * (float) random.nextGaussian();
                    fast.data()[e] = v;
                    literal.data()[e] = v;
                }
            float[] before = fast.data().clone();
            a.step(fast);
            b.step(literal);
            assertArrayEquals(literal.data(), fast.data(), model.profile() + " λ=" + lambda + " step " + step);
            moved |= !java.util.Arrays.equals(before, fast.data());
        }
        assertTrue(moved, "the runs must change the state");
    }
}
