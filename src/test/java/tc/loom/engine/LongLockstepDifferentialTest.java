package tc.loom.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.source.SourceFile;

/**
 * A thousand steps (five thousand with {@code -Plong}) of a compiled endless loop on loom-v1, sparse and fast against dense bit for bit after
 * every step, at a small shape (n = 128) where the dense engine is fast enough. Long runs are
 * where the sparse engine's bounds on scores (which drift with the idle columns' noise until a
 * rescan resets them) and its per-column memory of earlier inputs get exercised.
 */
class LongLockstepDifferentialTest {
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = PassKind.class, names = {"SPARSE", "FAST"})
    void incrementalEqualsDenseForThousandsOfCompiledSteps(PassKind kind) throws Exception {
        Path file = Path.of("src/test/resources/longrun/forever.c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("32,32,128,8")));
        LoomModel model = LoomV1Weights.build(program.config());
        StateMatrix dense = StateMatrix.initial(program), sparse = StateMatrix.initial(program);
        DensePass denseEngine = new DensePass(model);
        ForwardPass sparseEngine = kind.create(model);
        // 1,000 steps in the normal build (the dense engine is the slow side), 5,000 with -Plong
        int steps = Long.getLong("tc.long.steps", 20_000) >= 1_000_000 ? 5_000 : 1_000;
        for (int step = 1; step <= steps; step++) {
            denseEngine.step(dense);
            if (step == 1) sparseEngine.step(sparse);
            else sparseEngine.stepNext(sparse.data());
            DenseSparseDifferentialTest.assertSameBits(dense, sparse, step);
        }
    }
}
