package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;

/**
 * The fast engine's index over attention keys against the dense engine, at n = 512 (16 index
 * blocks), on random models built to stress it: keys are bipolar codes of few distinct columns
 * (many identical keys, so ties broken by column index), plus a row whose values put scores
 * around the tie gap (gaps of exactly 1, 1 − 2⁻²⁴, 1 + 2⁻²³), a head with Q ≠ K, zero keys, and
 * now and then a NaN, an infinity or a value too large for the index (the full-scan fallback).
 * Every step's state must be dense's bit for bit, every decision the index makes is checked
 * against a full scan as it is made ({@code checkIndex}), and every tenth step all decisions are.
 */
class FastPassTest {
    private static final MachineConfig CONFIG = new MachineConfig(32, 8, 512, 8);
    private static final int D = CONFIG.rows(), N = CONFIG.n(), CODE = 9;
    private static final int TIE_ROW = 13;
    private static final float[] NEAR_TIES = {0f, 0.5f, 1f, 1f - 0x1p-24f, 1f + 0x1p-23f, 0x1.fffffep-1f, 2f, -1f};
    private static final float[] WILD = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e20f, -2e7f};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void fastEqualsDenseAndTheIndexEqualsTheScanOnEveryStep(long seed) {
        Random random = new Random(seed);
        LoomModel model = new LoomModel("random", CONFIG, List.of(layer(random, 1f), layer(random, 0.5f)));
        StateMatrix dense = new StateMatrix(StateLayout.of(CONFIG)), fast = new StateMatrix(StateLayout.of(CONFIG));
        for (int j = 0; j < N; j++) randomColumn(random, dense, j);
        System.arraycopy(dense.data(), 0, fast.data(), 0, dense.data().length);
        DensePass a = new DensePass(model);
        FastPass b = new FastPass(model, true);
        boolean edited = true;
        int wildUntil = -1, nextStep = 0;
        for (int step = 1; step <= 120; step++) {
            a.step(dense);
            if (edited) b.step(fast.data());
            else b.stepNext(fast.data());
            DenseSparseDifferentialTest.assertSameBits(dense, fast, step);
            if (step % 10 == 0) b.checkAllDecisions();
            edited = false;
            int edits = random.nextInt(5);
            for (int e = 0; e < edits; e++) {
                edited = true;
                int j = random.nextInt(N);
                if (random.nextInt(3) == 0) randomColumn(random, dense, j);
                else dense.set(TIE_ROW, j, NEAR_TIES[random.nextInt(NEAR_TIES.length)]);
            }
            if (step % 37 == 0) {
                // a wild key for a few steps, then bounded again
                edited = true;
                dense.set(random.nextInt(CODE), random.nextInt(N), WILD[random.nextInt(WILD.length)]);
                wildUntil = step + 3;
            }
            if (step == wildUntil) {
                edited = true;
                for (int j = 0; j < N; j++) randomColumn(random, dense, j);
            }
            // the FFN feeds rows 40..42 back into the keys' neighbourhood; keep values bounded
            if (step % 20 == 0) {
                edited = true;
                for (int r = 30; r < 45; r++) for (int j = 0; j < N; j++) dense.set(r, j, 0f);
            }
            if (edited) System.arraycopy(dense.data(), 0, fast.data(), 0, dense.data().length);
            nextStep++;
        }
        assertTrue(nextStep > 0 && b.scoresComputed() > 0);
    }

    /** Bipolar code of one of 24 columns in rows 0..8 (so keys repeat), a near-tie value, values, and sometimes a zero key. */
    private static void randomColumn(Random random, StateMatrix x, int j) {
        int code = random.nextInt(24) * 21;
        boolean zero = random.nextInt(16) == 0;
        for (int r = 0; r < CODE; r++) x.set(r, j, zero ? 0f : ((code >> (CODE - 1 - r)) & 1) == 1 ? 1f : -1f);
        x.set(TIE_ROW, j, zero ? 0f : NEAR_TIES[random.nextInt(NEAR_TIES.length)]);
        for (int r = 9; r < 12; r++) x.set(r, j, random.nextInt(3) - 1);
        for (int r = 20; r < 24; r++) x.set(r, j, random.nextInt(5) - 2);
    }

    /**
     * Head A: Q = K = [code rows; tie row], values rows 20..22 → 30..32. Head B: Q ≠ K on rows
     * 9..11, value row 23 → 33 scaled. A small FFN reads 30..33 and writes 40..42.
     */
    private static Layer layer(Random random, float tieWeight) {
        List<Float> k = new ArrayList<>();
        for (int r = 0; r < CODE; r++) { k.add((float) r); k.add((float) r); k.add(1f); }
        k.add((float) CODE); k.add((float) TIE_ROW); k.add(tieWeight);
        SparseMatrix keyA = TinyModels.matrix(CODE + 1, D, floats(k));
        SparseMatrix valueA = TinyModels.matrix(D, D, 30, 20, 1f, 31, 21, 1f, 32, 22, 0.5f);
        AttentionHead a = new AttentionHead("A", keyA, keyA, valueA);
        SparseMatrix keyB = TinyModels.matrix(2, D, 0, 9, 1f, 1, 10, 2f);
        SparseMatrix queryB = TinyModels.matrix(2, D, 0, 11, 1f, 1, 9, random.nextBoolean() ? 1f : -1f);
        AttentionHead b = new AttentionHead("B", queryB, keyB, TinyModels.matrix(D, D, 33, 23, 0.25f));
        SparseMatrix w1 = TinyModels.matrix(3, D, 0, 30, 1f, 0, 33, 1f, 1, 31, -1f, 2, 32, 2f, 2, 30, 0.5f);
        SparseMatrix w2 = TinyModels.matrix(D, 3, 40, 0, 1f, 41, 1, 0.5f, 42, 2, -0.25f);
        ZoneBias b1 = new ZoneBias(new float[] {0.1f, 0f, -0.1f}, new float[] {0f, 0.2f, 0f}, new float[] {-0.3f, 0.1f, 0.05f});
        return new Layer("random", List.of(a, b), w1, b1, w2, ZoneBias.zeros(D));
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }
}
