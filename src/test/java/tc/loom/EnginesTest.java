package tc.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.engine.Engine;

class EnginesTest {
    @Test void theCorpusEnginesAreTheIdealOnes() {
        assertEquals(List.of("interp"), Engines.all().stream().map(Engine::name).toList());
        assertEquals(List.of("interp", "dense", "sparse", "fast", "softmax", "onnx"), Engines.names());
    }

    @Test void transformerEnginesNeedAProfileThatExists() {
        assertEquals("sparse", Engines.get("sparse", "loom-v1").name());
        assertTrue(Engines.get("dense", "loom-v1").description().contains("loom-v1"));
        assertTrue(Engines.get("sparse").description().contains("exact"), "exact is the default profile");
        assertTrue(Engines.get("dense", "exact").description().contains("exact"));
        assertEquals(List.of("dense", "sparse", "fast", "softmax", "onnx"), Engines.exact().stream().map(Engine::name).toList());
        var unknown = assertThrows(IllegalArgumentException.class, () -> Engines.get("sparse", "v9"));
        assertTrue(unknown.getMessage().contains("exact, loom-v1"), unknown.getMessage());
        var noWeights = assertThrows(IllegalArgumentException.class, () -> Engines.get("interp", "loom-v1"));
        assertTrue(noWeights.getMessage().contains("no weights"), noWeights.getMessage());
        var engine = assertThrows(IllegalArgumentException.class, () -> Engines.get("gpu"));
        assertTrue(engine.getMessage().contains("interp, dense, sparse, fast, softmax"), engine.getMessage());
        assertEquals("interp", Engines.get("interp", "exact").name());
    }
}
