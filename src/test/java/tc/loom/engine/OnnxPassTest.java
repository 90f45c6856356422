package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tc.loom.io.StateVectors;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.onnx.StepGraph;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;

/**
 * The onnx pass (the exported step run by ONNX Runtime) against the reference's golden step and
 * the sparse engine on loom-v1 weights, whose non-dyadic values make float32 results depend on
 * the order of every sum: so these runs check that the graph keeps the engines' order.
 */
class OnnxPassTest {

    @Test void theGraphUsesTheEnginesAttentionConstants() {
        assertEquals(AttentionRule.TIE_GAP, StepGraph.TIE_GAP);
        assertEquals(AttentionRule.ZERO_KEY, StepGraph.ZERO_KEY);
    }

    @Test void oneStepMapsTestInputToTestOutputExactly() throws IOException {
        StateMatrix x = StateVectors.read(ReferenceData.STEP_VECTORS.resolve("test_input.bin"), ReferenceData.FLAT_CONFIG);
        StateMatrix expected = StateVectors.read(ReferenceData.STEP_VECTORS.resolve("test_output.bin"), ReferenceData.FLAT_CONFIG);
        PassKind.ONNX.create(ReferenceData.flatWeights()).step(x);
        assertArrayEquals(expected.data(), x.data(), "test_output.bin, bit for bit");
        assertEquals(193, x.pc());
        assertEquals(6, x.memory(0));
    }

    /** Loom's fibonacci on loom-v1 weights at 155×1024: the first steps, the whole state after each equal to sparse's bit for bit. */
    @Test void loomV1FibonacciStepsEqualSparseBitForBit() throws IOException {
        Program program = ReferenceData.program("fibonacci");
        MachineConfig config = program.config();
        LoomModel model = LoomV1Weights.build(config);
        StateMatrix a = StateMatrix.initial(program, StateLayout.of(config)), b = StateMatrix.initial(program, StateLayout.of(config));
        ForwardPass onnx = PassKind.ONNX.create(model), sparse = PassKind.SPARSE.create(model);
        for (int step = 1; step <= 12; step++) {
            onnx.stepNext(a.data());
            sparse.stepNext(b.data());
            int i = Arrays.mismatch(a.data(), b.data());
            assertEquals(-1, i, () -> "step: first difference at entry " + i);
        }
    }

    @Test void aStateOfTheWrongSizeIsRefused() {
        ForwardPass onnx = PassKind.ONNX.create(TinyModels.attentionOnly(TinyModels.copyHead(0, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> onnx.step(new float[TinyModels.D * TinyModels.N + 1]));
    }
}
