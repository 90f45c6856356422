package tc.loom.engine;

import static tc.loom.engine.TinyModels.D;
import static tc.loom.engine.TinyModels.N;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * The onnx pass against the dense engine on random small models (IncrementalDifferentialTest's:
 * keys with few values, so ties, three-way ties and zero keys are common; Q ≠ K heads; non-dyadic
 * biases) with random edits and non-dyadic noise between steps, so that float32 results depend on
 * the order of the sums: every state equal bit for bit.
 */
class OnnxDifferentialTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void onnxEqualsDenseUnderRandomEditsAndNoise(long seed) {
        Random random = new Random(seed);
        LoomModel model = new LoomModel("random", TinyModels.CONFIG, List.of(IncrementalDifferentialTest.layer(random, true),
                IncrementalDifferentialTest.layer(random, false), IncrementalDifferentialTest.layer(random, true)));
        StateMatrix dense = TinyModels.zeroState();
        for (int r = 0; r < 12; r++) for (int j = 0; j < N; j++) dense.set(r, j, IncrementalDifferentialTest.level(random));
        StateMatrix onnx = TinyModels.zeroState();
        System.arraycopy(dense.data(), 0, onnx.data(), 0, dense.data().length);
        ForwardPass a = new DensePass(model), b = PassKind.ONNX.create(model);
        float[] noise = {3.8146973E-6f, 7.6293945E-6f, -3.8146973E-6f, 1e-3f, 0.3f, 0.1f};
        for (int step = 1; step <= 40; step++) {
            a.step(dense);
            b.step(onnx);
            DenseSparseDifferentialTest.assertSameBits(dense, onnx, step);
            if (step % 10 == 0) // back to bounded levels now and then, so values do not run away
                for (int r = 0; r < D; r++) for (int j = 0; j < N; j++) {
                    float v = r < 12 ? IncrementalDifferentialTest.level(random) : 0f;
                    dense.set(r, j, v);
                    onnx.set(r, j, v);
                }
            for (int e = random.nextInt(6); e > 0; e--) {
                int r = random.nextInt(6), j = random.nextInt(N);
                float v = random.nextBoolean() ? IncrementalDifferentialTest.level(random) : dense.get(r, j) + noise[random.nextInt(noise.length)];
                dense.set(r, j, v);
                onnx.set(r, j, v);
            }
        }
    }
}
