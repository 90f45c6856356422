package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tc.loom.engine.TinyModels.D;
import static tc.loom.engine.TinyModels.N;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;
import tc.source.SourceFile;

/**
 * The dense engine as it runs (zero products left out, targets found from block bounds, all
 * cores, tiled feed-forward) against {@link TextbookDense}, the
 * forward pass written as the formula reads (every product, one thread): the same state bit for
 * bit after every step, on random models (few-valued keys, so ties, three-way ties and zero keys
 * are common) and on compiled programs of both profiles.
 */
class DenseEveryProductTest {

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void sameBitsOnRandomModels(long seed) {
        Random random = new Random(seed);
        LoomModel model = new LoomModel("random", TinyModels.CONFIG, List.of(
                IncrementalDifferentialTest.layer(random, true), IncrementalDifferentialTest.layer(random, false)));
        StateMatrix fast = TinyModels.zeroState();
        for (int r = 0; r < 12; r++) for (int j = 0; j < N; j++) fast.set(r, j, IncrementalDifferentialTest.level(random));
        StateMatrix literal = copy(fast);
        TextbookDense a = new TextbookDense(model);
        ForwardPass b = new DensePass(model);
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

    /**
     * Wider random models: four-row keys over arbitrary values (non-dyadic weights, so every sum's
     * order shows in its bits), some keys and whole groups of keys equal, −0 entries, rows no
     * layer writes, and column counts that cut into blocks differently.
     */
    @ParameterizedTest
    @CsvSource({"31, 64", "32, 128", "33, 256", "34, 512"})
    void sameBitsOnRandomWideModels(long seed, int n) {
        Random random = new Random(seed);
        MachineConfig config = new MachineConfig(32, 8, n, 8);
        int d = config.rows();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < 3; l++) layers.add(randomLayer(random, d));
        LoomModel model = new LoomModel("random", config, layers);
        StateMatrix fast = new StateMatrix(StateLayout.of(config));
        float[] levels = {-1f, 0f, -0f, 1f, 0.3f, -0.7f}; // −0 too: the engine reads it as +0, as the textbook's layers end up doing
        for (int r = 0; r < 16; r++) for (int j = 0; j < n; j++) fast.set(r, j, levels[random.nextInt(levels.length)]);
        StateMatrix literal = copy(fast);
        TextbookDense a = new TextbookDense(model);
        ForwardPass b = new DensePass(model);
        for (int step = 1; step <= 30; step++) {
            a.step(literal);
            b.step(fast);
            DenseSparseDifferentialTest.assertSameBits(literal, fast, step);
            if (step % 10 == 0)
                for (int r = 0; r < d; r++) for (int j = 0; j < n; j++) {
                    float v = r < 16 ? levels[random.nextInt(levels.length)] : 0f;
                    literal.set(r, j, v);
                    fast.set(r, j, v);
                }
        }
    }

    /** loom-v1's non-dyadic weights make the order of every sum matter; exact has the extra layer L0 and rows. */
    @ParameterizedTest
    @CsvSource({
        "loom-v1, longrun/forever.c, 32;32;128;8, 150",
        "exact, longrun/forever.c, 32;32;128;8, 150",
        "exact, corpus/algorithms/insertion_sort.c, 32;32;128;8, 150",
        "loom-v1, corpus/functions/hanoi.c, 32;32;128;8, 150",
        "exact, corpus/algorithms/binary_search.c, 32;64;512;8, 40",
        "exact, longrun/forever.c, 146x512, 12",
        "loom-v1, longrun/forever.c, 146x512, 12",
    })
    void sameBitsOnCompiledPrograms(String profile, String file, String config, int steps) throws Exception {
        Path path = Path.of("src/test/resources", file);
        Program program = Compiler.compile(new SourceFile(path.toString(), Files.readString(path)),
                CompileOptions.of(MachineConfig.parse(config.replace(';', ','))));
        boolean exact = profile.equals("exact");
        var machine = program.config();
        LoomModel model = exact ? tc.loom.transformer.weights.exact.ExactWeights.build(machine)
                : tc.loom.transformer.weights.loomv1.LoomV1Weights.build(machine);
        StateLayout layout = exact ? StateLayout.exact(machine) : StateLayout.of(machine);
        StateMatrix literal = StateMatrix.initial(program, layout), fast = StateMatrix.initial(program, layout);
        TextbookDense a = new TextbookDense(model);
        ForwardPass b = new DensePass(model);
        int ran = 0;
        for (int step = 1; step <= steps && literal.pc() != 0; step++, ran++) {
            a.step(literal);
            b.step(fast);
            DenseSparseDifferentialTest.assertSameBits(literal, fast, step);
        }
        assertEquals(Math.min(steps, ran), ran);
    }

    /**
     * One source's decision from block bounds against the rule's scan over every score, on keys
     * and queries from few levels (many equal scores, ties within the gap, three-way ties), with
     * ±0, huge values (sums that overflow), infinities and NaN now and then.
     */
    @Test
    void blockBoundsDecideLikeTheRulesScan() {
        Random random = new Random(41);
        float[] levels = {0f, -0f, 1f, -1f, 0.5f, 2f, -0.25f, 0.3f};
        float[] wild = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 3e38f, -3e38f, Float.MIN_VALUE};
        AttentionRule.Top2 expected = new AttentionRule.Top2();
        for (int n : new int[] {2, 3, 5, 16, 64, 100, 128, 512, 1024}) {
            DensePass.Blocks blocks = new DensePass.Blocks(n, 6);
            DensePass.Sources sources = new DensePass.Sources(blocks);
            float[][] qx = new float[6][n];
            float[] scores = new float[n];
            for (int trial = 0; trial < 300; trial++) {
                int q = 1 + random.nextInt(6), distinct = 1 + random.nextInt(levels.length);
                for (int r = 0; r < q; r++) {
                    for (int j = 0; j < n; j++) qx[r][j] = levels[random.nextInt(distinct)];
                    sources.key[r] = levels[random.nextInt(levels.length)];
                }
                if (trial % 10 == 0) qx[random.nextInt(q)][random.nextInt(n)] = wild[random.nextInt(wild.length)];
                if (trial % 10 == 5) sources.key[random.nextInt(q)] = wild[random.nextInt(wild.length)];
                for (int j = 0; j < n; j++) { // the dense engine's scores: key entries of zero add no product
                    float sum = 0f;
                    for (int r = 0; r < q; r++) if (sources.key[r] != 0f) sum += sources.key[r] * qx[r][j];
                    scores[j] = sum;
                }
                AttentionRule.top2(scores, n, expected);
                boolean expectTied = AttentionRule.tied(expected.bestScore, expected.secondScore);
                blocks.of(qx, q);
                sources.restart();
                sources.decide(qx, q);
                String at = "n = " + n + ", trial " + trial;
                assertEquals(expected.best, sources.best, at + " best");
                assertEquals(expectTied, sources.tied, at + " tied");
                if (expectTied) assertEquals(expected.second, sources.second, at + " second");
            }
        }
    }

    private static StateMatrix copy(StateMatrix x) {
        StateMatrix out = new StateMatrix(x.layout());
        System.arraycopy(x.data(), 0, out.data(), 0, x.data().length);
        return out;
    }

    /** Two heads with four-row keys over state rows 0..7 (values from few levels), values into rows 8..15, an FFN. */
    private static Layer randomLayer(Random random, int d) {
        List<AttentionHead> heads = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            float[] k = new float[4 * d], q = new float[4 * d], v = new float[d * d];
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 8; c++) {
                    if (random.nextInt(3) == 0) continue;
                    k[r * d + c] = random.nextBoolean() ? 1f : 0.37f * (random.nextInt(5) - 2);
                    q[r * d + c] = random.nextBoolean() ? 1f : 0.61f * (random.nextInt(5) - 2);
                }
            for (int r = 8; r < 16; r++) for (int c = 0; c < 8; c++) if (random.nextInt(4) == 0) v[r * d + c] = 0.1f * (random.nextInt(11) - 5);
            SparseMatrix key = dense(4, d, k);
            heads.add(new AttentionHead("h" + h, h == 0 ? key : dense(4, d, q), key, dense(d, d, v)));
        }
        int hidden = 6;
        float[] w1 = new float[hidden * d], w2 = new float[d * hidden];
        for (int k = 0; k < hidden; k++) for (int c = 0; c < 16; c++) if (random.nextInt(3) == 0) w1[k * d + c] = 0.3f * (random.nextInt(7) - 3);
        // rows 12..15 only the heads write (no W2 terms, no bias); rows 16.. nobody does
        for (int r = 0; r < 12; r++) for (int k = 0; k < hidden; k++) if (random.nextInt(3) == 0) w2[r * hidden + k] = 0.7f * (random.nextInt(5) - 2);
        float[] b1c0 = new float[hidden], b1s = new float[hidden], b1r = new float[hidden];
        for (int k = 0; k < hidden; k++) { b1c0[k] = 0.1f * k; b1s[k] = -0.2f; b1r[k] = 0.05f * k; }
        float[] b2c0 = new float[d], b2s = new float[d], b2r = new float[d];
        for (int r = 0; r < 12; r++) { b2c0[r] = 0.01f * r; b2s[r] = -0.03f; b2r[r] = 0.02f; }
        return new Layer("random", heads, dense(hidden, d, w1), new ZoneBias(b1c0, b1s, b1r), dense(d, hidden, w2), new ZoneBias(b2c0, b2s, b2r));
    }

    private static SparseMatrix dense(int rows, int cols, float[] values) {
        List<Float> triples = new ArrayList<>();
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) if (values[r * cols + c] != 0f) {
            triples.add((float) r);
            triples.add((float) c);
            triples.add(values[r * cols + c]);
        }
        float[] t = new float[triples.size()];
        for (int e = 0; e < t.length; e++) t[e] = triples.get(e);
        return TinyModels.matrix(rows, cols, t);
    }
}
