package tc.loom.engine;

import static tc.loom.engine.TinyModels.D;
import static tc.loom.engine.TinyModels.N;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.source.SourceFile;

/**
 * The dense engine as it runs (zero weights and zero key entries skipped, sources ranked on all
 * cores, activations held per row) against its literal form (every product, one thread): the
 * same state bit for bit after every step. This is what lets the fast form stand in for the
 * reference forward pass.
 */
class DenseEveryProductTest {

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void sameBitsOnRandomModels(long seed) {
        Random random = new Random(seed);
        LoomModel model = new LoomModel("random", TinyModels.CONFIG, List.of(
                IncrementalDifferentialTest.layer(random, true), IncrementalDifferentialTest.layer(random, false)));
        StateMatrix fast = TinyModels.zeroState();
        for (int r = 0; r < 12; r++) for (int j = 0; j < N; j++) fast.set(r, j, IncrementalDifferentialTest.level(random));
        StateMatrix literal = TinyModels.zeroState();
        System.arraycopy(fast.data(), 0, literal.data(), 0, fast.data().length);
        ForwardPass a = new DensePass(model, true), b = new DensePass(model);
        for (int step = 1; step <= 60; step++) {
            a.step(literal);
            b.step(fast);
            DenseSparseDifferentialTest.assertSameBits(literal, fast, step);
            if (step % 20 == 0) // keep values bounded
                for (int r = 0; r < D; r++) for (int j = 0; j < N; j++) {
                    float v = r < 12 ? IncrementalDifferentialTest.level(random) : 0f;
                    literal.set(r, j, v);
                    fast.set(r, j, v);
                }
        }
    }

    /** loom-v1's non-dyadic weights make the order of every sum matter; exact has the extra layer L0 and rows. */
    @ParameterizedTest
    @ValueSource(strings = {"loom-v1", "exact"})
    void sameBitsOnACompiledProgram(String profile) throws Exception {
        Path file = Path.of("src/test/resources/longrun/forever.c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("32,32,128,8")));
        boolean exact = profile.equals("exact");
        var config = program.config();
        LoomModel model = exact ? ExactWeights.build(config) : LoomV1Weights.build(config);
        StateLayout layout = exact ? StateLayout.exact(config) : StateLayout.of(config);
        StateMatrix literal = StateMatrix.initial(program, layout), fast = StateMatrix.initial(program, layout);
        ForwardPass a = new DensePass(model, true), b = new DensePass(model);
        for (int step = 1; step <= 120; step++) {
            a.step(literal);
            b.step(fast);
            DenseSparseDifferentialTest.assertSameBits(literal, fast, step);
        }
    }
}
