package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tc.loom.engine.TinyModels.D;
import static tc.loom.engine.TinyModels.N;
import static tc.loom.engine.TinyModels.matrix;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.ZoneBias;

/**
 * The argmax attention rule and the feed-forward block on hand-built models, for both exact
 * engines. Key row 0, value row 1, attention writes row 2.
 */
class EngineMechanicsTest {

    private static StateMatrix keysAndValues(float[] keys, float[] values) {
        StateMatrix x = TinyModels.zeroState();
        for (int j = 0; j < keys.length; j++) {
            x.set(0, j, keys[j]);
            x.set(1, j, values[j]);
        }
        return x;
    }

    private static StateMatrix stepCopy(PassKind kind, float[] keys, float[] values) {
        StateMatrix x = keysAndValues(keys, values);
        kind.create(TinyModels.attentionOnly(TinyModels.copyHead(0, 1, 2))).step(x);
        return x;
    }

    private static float[] column(float... v) {
        float[] out = new float[N];
        System.arraycopy(v, 0, out, 0, v.length);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void equalTopScoresSplitTheValueInHalves(PassKind kind) {
        // Columns 3 and 5 have key 2: each scores 4 against itself and the other, 0 elsewhere.
        StateMatrix x = stepCopy(kind, column(0, 0, 0, 2, 0, 2), column(0, 0, 0, 1, 0, 3));
        assertEquals(2f, x.get(2, 3)); // ½·1 + ½·3
        assertEquals(2f, x.get(2, 5));
        assertEquals(1f, x.get(1, 3)); // the residual keeps the source rows
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void aGapOfAtLeastOneSendsEverythingToTheBestTarget(PassKind kind) {
        // Column 3 (key 2): self 4, column 5: 2 → gap 2, all to itself.
        // Column 5 (key 1): column 3 scores 2, itself 1 → gap exactly 1: all to column 3, nothing to itself.
        StateMatrix x = stepCopy(kind, column(0, 0, 0, 2, 0, 1), column(0, 0, 0, 1, 0, 3));
        assertEquals(4f, x.get(2, 3));
        assertEquals(0f, x.get(2, 5));
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void aGapBelowOneIsATieEvenWithoutEqualScores(PassKind kind) {
        // Column 3 (key 1): itself 1, column 5 1.5 → gap 0.5, halves to 5 and 3.
        // Column 5 (key 1.5): itself 2.25, column 3 1.5 → gap 0.75, halves.
        StateMatrix x = stepCopy(kind, column(0, 0, 0, 1, 0, 1.5f), column(0, 0, 0, 2, 0, 4));
        assertEquals(3f, x.get(2, 3));
        assertEquals(3f, x.get(2, 5));
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void sourcesWithAZeroKeySendNothing(PassKind kind) {
        // Column 4's key 5e-7 is below 1e-6: its value 7 goes nowhere, not even to itself. Column
        // 6's key 2e-6 counts: self-score 4e-12 is best, column 4's 1e-12 second (gap < 1), so
        // each gets half of 8; a skipped source can still be a target.
        StateMatrix x = stepCopy(kind, column(0, 0, 0, 0, 5e-7f, 0, 2e-6f), column(0, 0, 0, 0, 7, 0, 8));
        assertEquals(4f, x.get(2, 4));
        assertEquals(4f, x.get(2, 6));
        assertEquals(0f, x.get(2, 0));
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void threeEqualMaximaGoToTheTwoLowestColumns(PassKind kind) {
        // Columns 3, 5, 7 share key 2: every one of them sends to 3 and 5 (documented tie rule), so 7 gets nothing.
        StateMatrix x = stepCopy(kind, column(0, 0, 0, 2, 0, 2, 0, 2), column(0, 0, 0, 1, 0, 2, 0, 4));
        assertEquals(3.5f, x.get(2, 3));
        assertEquals(3.5f, x.get(2, 5));
        assertEquals(0f, x.get(2, 7));
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void everyHeadReadsTheLayerInput(PassKind kind) {
        // Head 1 writes row 2 from row 1; head 2 copies row 2 into row 3 and must see row 2's old value.
        StateMatrix x = keysAndValues(column(0, 0, 0, 2), column(0, 0, 0, 1));
        x.set(2, 3, 10f);
        kind.create(TinyModels.attentionOnly(TinyModels.copyHead(0, 1, 2), TinyModels.copyHead(0, 2, 3))).step(x);
        assertEquals(11f, x.get(2, 3));
        assertEquals(10f, x.get(3, 3));
    }

    @ParameterizedTest
    @EnumSource(value = PassKind.class, names = {"DENSE", "SPARSE"})
    void feedForwardUsesTheThreeBiasZones(PassKind kind) {
        // h = ReLU(x[0] + b1), x[3] += 2h + b2, with b1 = (1, 2, −5) and b2 = (0.25, 0.5, 0.75) by zone.
        Layer ffn = new Layer("ffn", List.of(), matrix(1, D, 0, 0, 1f), new ZoneBias(new float[] {1}, new float[] {2}, new float[] {-5}),
                matrix(D, 1, 3, 0, 2f), zone(3, 0.25f, 0.5f, 0.75f));
        StateMatrix x = TinyModels.zeroState();
        for (int j = 0; j < N; j++) x.set(0, j, 1f);
        kind.create(new LoomModel("test", TinyModels.CONFIG, List.of(ffn))).step(x);
        assertEquals(4.25f, x.get(3, 0));   // 2·ReLU(1 + 1) + 0.25
        assertEquals(6.5f, x.get(3, 1));    // 2·ReLU(1 + 2) + 0.5
        assertEquals(6.5f, x.get(3, 31));
        assertEquals(0.75f, x.get(3, 32));  // 2·ReLU(1 − 5) + 0.75
        assertEquals(0.75f, x.get(3, 63));
        assertEquals(1f, x.get(0, 40));     // residual
    }

    private static ZoneBias zone(int row, float col0, float scratch, float rest) {
        float[] a = new float[D], b = new float[D], c = new float[D];
        a[row] = col0;
        b[row] = scratch;
        c[row] = rest;
        return new ZoneBias(a, b, c);
    }

    @ParameterizedTest
    @EnumSource(PassKind.class)
    void aStateOfTheWrongShapeIsRefused(PassKind kind) {
        ForwardPass engine = kind.create(TinyModels.attentionOnly(TinyModels.copyHead(0, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> engine.step(new float[D * N + 1]));
    }
}
