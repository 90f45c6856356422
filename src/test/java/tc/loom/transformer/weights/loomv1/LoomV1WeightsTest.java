package tc.loom.transformer.weights.loomv1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.io.FlatWeights;
import tc.loom.io.SparseWeightsJson;
import tc.loom.isa.MachineConfig;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.LayerBudget;
import tc.loom.transformer.weights.RowBlock;

class LoomV1WeightsTest {
    static final Path REF = Path.of("../shared/loom-ref");

    @Test
    void equalsTheReferenceJsonAt146x512() {
        MachineConfig config = MachineConfig.parse("146x512");
        LoomModel reference = SparseWeightsJson.read(REF.resolve("sparse_weights_146x512.json"), config);
        List<LayerBudget> built = LoomV1Weights.rowBudget(config);
        assertNull(ModelDiff.firstDifference(built, reference, 1e-6));
    }

    @Test
    void equalsTheReferenceFlatStreamAt32_160_1024_8() throws Exception {
        MachineConfig config = MachineConfig.parse("32,160,1024,8");
        LoomModel reference = FlatWeights.read(REF.resolve("step-vectors/weights_flat.bin"), config);
        assertNull(ModelDiff.firstDifference(LoomV1Weights.rowBudget(config), reference, 0));
        byte[] ours = FlatWeights.write(LoomV1Weights.build(config));
        assertArrayEquals(Files.readAllBytes(REF.resolve("step-vectors/weights_flat.bin")), ours, "byte for byte");
    }

    @Test
    void weightsDoNotDependOnM() {
        LoomModel a = LoomV1Weights.build(MachineConfig.parse("32,64,1024,8"));
        LoomModel b = LoomV1Weights.build(MachineConfig.parse("32,160,1024,8"));
        assertEquals(a.layers(), b.layers());
    }

    @Test
    void rowBudgetsFollowTheReferenceFormulas() {
        for (int n = 64; n <= 2048; n *= 2) {
            for (int wordBits : new int[] {8, 16}) {
                MachineConfig config = new MachineConfig(32, 16, n, wordBits);
                int l = config.addressBits();
                int nn = wordBits;
                List<LayerBudget> budget = LoomV1Weights.rowBudget(config);
                int[] expected = {18 * l, 80 * nn, 2 * (nn + l) + 12 * nn, 10 * nn, 10 * nn, 43 + 2 * nn + 8 * l, 6 * l + 2,
                        18 * nn + 32 * l};
                String name = "n=" + n + " N=" + wordBits;
                for (int i = 0; i < 8; i++) {
                    Layer layer = budget.get(i).layer();
                    assertEquals(expected[i], layer.hiddenRows(), name + " L" + (i + 1) + " hidden rows");
                    assertEquals(config.rows(), layer.w1().cols(), name + " L" + (i + 1) + " W1 width");
                    assertTiles(budget.get(i), name);
                }
                assertEquals(43 * nn + 2 * l + 4 * 5 + 16, budget.get(1).usedRows(), name + " L2 used rows (43N + 2ℓ + 4k + 16)");
                assertEquals(18 * nn + 16 * l, budget.get(7).usedRows(), name + " L8 used rows (18N + 16ℓ)");
            }
        }
    }

    @Test
    void l2UsedRowsMatchTheReferenceTotals() {
        int[] used = {398, 400, 402};
        for (int i = 0; i < 3; i++) {
            MachineConfig config = new MachineConfig(32, 16, 512 << i, 8);
            assertEquals(used[i], LoomV1Weights.rowBudget(config).get(1).usedRows(), config.toString());
        }
        assertEquals(736, LoomV1Weights.rowBudget(new MachineConfig(32, 8, 64, 16)).get(1).usedRows(), "N=16, ℓ=6");
    }

    @Test
    void nonZeroCountsMatchTheReference() {
        int[] expected = {6264, 8019, 8624, 9239};
        String[] configs = {"32,8,64,8", "146x512", "155x1024", "164x2048"};
        for (int i = 0; i < configs.length; i++) {
            LoomModel m = LoomV1Weights.build(MachineConfig.parse(configs[i]));
            int nnz = 0;
            for (Layer layer : m.layers()) {
                nnz += layer.w1().nonZeros() + layer.w2().nonZeros();
                for (var h : layer.heads()) nnz += h.q().nonZeros() + h.k().nonZeros() + h.v().nonZeros();
            }
            assertEquals(expected[i], nnz, configs[i]);
        }
    }

    @Test
    void aDifferenceIsReportedWithItsLayerMatrixRowColumnAndBlock() {
        MachineConfig config = MachineConfig.parse("146x512");
        List<LayerBudget> built = LoomV1Weights.rowBudget(config);
        LoomModel model = LoomV1Weights.build(config);
        Layer l4 = model.layers().get(3);
        float[] v = l4.w1().values();
        v[0] += 1; // first entry of L4 W1: hidden row 0, the borrow chain of the sign bit
        Layer changed = new Layer(l4.name(), l4.heads(), new tc.loom.transformer.SparseMatrix(l4.w1().rows(), l4.w1().cols(),
                l4.w1().rowIndex(), l4.w1().colIndex(), v), l4.b1(), l4.w2(), l4.b2());
        java.util.List<Layer> layers = new java.util.ArrayList<>(model.layers());
        layers.set(3, changed);
        String diff = ModelDiff.firstDifference(built, new LoomModel("file", config, layers), 1e-6);
        assertTrue(diff != null && diff.startsWith("L4 (L4 subtract) W1: row 0 col ") && diff.contains("borrow chain, result bit 7"), diff);
    }

    private static void assertTiles(LayerBudget b, String name) {
        int next = 0;
        for (RowBlock k : b.blocks()) {
            assertEquals(next, k.first(), name + " " + b.layer().name() + ": block '" + k.purpose() + "' does not follow its predecessor");
            assertTrue(k.count() > 0, name + ": empty block " + k.purpose());
            next = k.end();
        }
        assertEquals(b.layer().hiddenRows(), next, name + " " + b.layer().name() + ": blocks do not cover every row");
    }
}
