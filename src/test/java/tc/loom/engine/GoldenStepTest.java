package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc.loom.io.StateVectors;
import tc.loom.state.StateMatrix;

/** One step of the reference's golden vector (INC mem[0] = 5 → 6, PC 192 → 193) must be reproduced exactly. */
class GoldenStepTest {

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE", "FAST"})
    void oneStepMapsTestInputToTestOutputExactly(PassKind kind) throws IOException {
        StateMatrix x = StateVectors.read(ReferenceData.STEP_VECTORS.resolve("test_input.bin"), ReferenceData.FLAT_CONFIG);
        StateMatrix expected = StateVectors.read(ReferenceData.STEP_VECTORS.resolve("test_output.bin"), ReferenceData.FLAT_CONFIG);
        assertEquals(192, x.pc());
        assertEquals(5, x.memory(0));
        kind.create(ReferenceData.flatWeights()).step(x);
        int d = x.layout().rows(), n = x.layout().columns(), differing = 0;
        float worst = 0;
        for (int r = 0; r < d; r++)
            for (int j = 0; j < n; j++) {
                float delta = Math.abs(x.get(r, j) - expected.get(r, j));
                if (delta != 0) differing++;
                worst = Math.max(worst, delta);
            }
        assertEquals(0, differing, "entries differing from test_output.bin (max |Δ| = " + worst + ")");
        assertEquals(193, x.pc());
        assertEquals(6, x.memory(0));
    }
}
