package tc.loom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.loom.isa.MachineConfig;
import tc.loom.transformer.LoomModel;

class ReferenceFilesTest {
    static final Path REF = Path.of("../shared/loom-ref");
    static final Path FLAT = REF.resolve("step-vectors/weights_flat.bin");
    static final MachineConfig FLAT_CONFIG = MachineConfig.parse("32,160,1024,8");

    @TempDir Path tmp;

    @Test
    void flatFileRoundTrips() throws Exception {
        byte[] original = Files.readAllBytes(FLAT);
        LoomModel model = FlatWeights.read(FLAT, FLAT_CONFIG);
        assertEquals(8, model.layers().size());
        assertEquals(35_017 * 4, original.length);
        assertArrayEquals(original, FlatWeights.write(model));
    }

    @Test
    void jsonFileReadsAsTheDocumentedShape() {
        LoomModel model = SparseWeightsJson.read(REF.resolve("sparse_weights_146x512.json"), MachineConfig.parse("146x512"));
        int[] hidden = {162, 640, 130, 80, 80, 131, 56, 432};
        int[] heads = {1, 3, 2, 1, 2, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            assertEquals(hidden[i], model.layers().get(i).hiddenRows(), "L" + (i + 1));
            assertEquals(heads[i], model.layers().get(i).heads().size(), "L" + (i + 1));
        }
        // Written as a flat stream and read back, the JSON model is unchanged.
        assertEquals(model.layers(), readFlat(FlatWeights.write(model), MachineConfig.parse("146x512")).layers());
    }

    private LoomModel readFlat(byte[] bytes, MachineConfig config) {
        try {
            Path p = tmp.resolve("w.bin");
            Files.write(p, bytes);
            return FlatWeights.read(p, config);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String flatError(byte[] bytes, MachineConfig config) {
        return assertThrows(IllegalArgumentException.class, () -> readFlat(bytes, config)).getMessage();
    }

    @Test
    void malformedFlatStreamsAreNamed() throws Exception {
        byte[] good = Files.readAllBytes(FLAT);
        String m = flatError(Arrays.copyOf(good, good.length - 4), FLAT_CONFIG);
        assertTrue(m.contains("w.bin") && m.contains("ends early"), m);
        m = flatError(Arrays.copyOf(good, good.length - 2), FLAT_CONFIG);
        assertTrue(m.contains("not a multiple of 4"), m);
        m = flatError(Arrays.copyOf(good, good.length + 4), FLAT_CONFIG);
        assertTrue(m.contains("left over"), m);
        m = flatError(good, MachineConfig.parse("146x512"));
        assertTrue(m.contains("L1 W1") && m.contains("configuration 146x512") && m.contains("outside"), m);
        byte[] badCount = good.clone();
        ByteBuffer.wrap(badCount).order(ByteOrder.LITTLE_ENDIAN).putFloat(4, 2.5f); // number of layers
        m = flatError(badCount, FLAT_CONFIG);
        assertTrue(m.contains("number of layers") && m.contains("2.5"), m);
        byte[] badS = good.clone();
        ByteBuffer.wrap(badS).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 16f);
        assertTrue(flatError(badS, FLAT_CONFIG).contains("s = 16"));
    }

    private String jsonError(String text) throws Exception {
        Path p = tmp.resolve("w.json");
        Files.writeString(p, text);
        return assertThrows(IllegalArgumentException.class, () -> SparseWeightsJson.read(p, MachineConfig.parse("32,8,64,8"))).getMessage();
    }

    private static final String EMPTY = "[[],[],[]]";

    private static String layer(String w1, String b1Zone) {
        return "[1,6,1,[[" + EMPTY + "," + EMPTY + "," + EMPTY + "]]," + w1 + ",[" + b1Zone + "," + b1Zone + "," + b1Zone + "]," + EMPTY
                + ",[" + zeros(119) + "," + zeros(119) + "," + zeros(119) + "]]";
    }

    private static String zeros(int k) { return "[" + String.join(",", java.util.Collections.nCopies(k, "0")) + "]"; }

    @Test
    void malformedJsonIsNamed() throws Exception {
        String eof = jsonError("{");
        assertTrue(eof.contains("malformed JSON at line 1"), eof);
        assertFalse(eof.contains("Unexpected") || eof.contains("Source:") || eof.contains("com.fasterxml"), eof);
        assertTrue(jsonError("{\"d\":146,\"s\":32,\"layers\":[]}").contains("d = 146"));
        assertTrue(jsonError("{\"d\":119,\"s\":32}").contains("layers is missing"));
        String ok = "{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0],[3],[1.5]]", "[0]") + "]}";
        Path p = tmp.resolve("ok.json");
        Files.writeString(p, ok);
        assertEquals(1, SparseWeightsJson.read(p, MachineConfig.parse("32,8,64,8")).layers().size());
        String m = jsonError("{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0,0],[3,1],[1.5,2]]", "[0]") + "]}");
        assertTrue(m.contains("w.json") && m.contains("layers[0].W1") && m.contains("not sorted"), m);
        m = jsonError("{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0],[3],[0]]", "[0]") + "]}");
        assertTrue(m.contains("explicit zero"), m);
        m = jsonError("{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0],[300],[1]]", "[0]") + "]}");
        assertTrue(m.contains("outside"), m);
        m = jsonError("{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0],[3],[1]]", "[0,1]") + "]}");
        assertTrue(m.contains("layers[0].b1.col0 has 2 values, expected 1"), m);
        m = jsonError("{\"d\":119,\"s\":32,\"layers\":[" + layer("[[0],[3.5],[1]]", "[0]") + "]}");
        assertTrue(m.contains("not a non-negative integer"), m);
    }
}
