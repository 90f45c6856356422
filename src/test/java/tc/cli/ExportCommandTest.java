package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc export onnx}: the file it writes, and its errors. */
class ExportCommandTest {
    @TempDir Path dir;

    @Test void writesOneStepWithItsLayoutInTheMetadata() throws IOException {
        Path file = dir.resolve("step.onnx");
        Cli c = Cli.run("export", "onnx", "--config", "155x1024", "--profile", "loom-v1", "-o", file.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("wrote " + file), c.out());
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
        Map<String, String> meta = model.getMetadataPropsList().stream()
                .collect(Collectors.toMap(OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
        assertEquals("loom-v1", meta.get("tc.profile"));
        assertEquals("155x1024", meta.get("tc.config"));
        assertEquals("32,64,1024,8", meta.get("tc.config.smnN"));
        assertEquals("155", meta.get("tc.state.rows"));
        assertTrue(meta.get("tc.state.layout").contains("pc:84+10"), meta.get("tc.state.layout"));
        assertEquals(13, model.getOpsetImport(0).getVersion());
        var ops = model.getGraph().getNodeList().stream().map(OnnxMl.NodeProto::getOpType).collect(Collectors.toSet());
        assertTrue(ops.containsAll(java.util.List.of("TopK", "Gather", "Mul", "Add", "Relu", "Loop")), ops.toString());
        assertEquals(java.util.List.of(155L, 1024L), model.getGraph().getInput(0).getType().getTensorType().getShape().getDimList()
                .stream().map(OnnxMl.TensorShapeProto.Dimension::getDimValue).toList());
    }

    @Test void theExactProfileHasItsExtraRows() throws IOException {
        Path file = dir.resolve("exact.onnx");
        assertEquals(0, Cli.run("export", "onnx", "-o", file.toString()).exit());
        var meta = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).getMetadataPropsList();
        assertTrue(meta.stream().anyMatch(p -> p.getKey().equals("tc.config") && p.getValue().equals("146x512")), meta.toString());
        assertTrue(meta.stream().anyMatch(p -> p.getKey().equals("tc.state.rows") && p.getValue().equals("168")), meta.toString());
    }

    @Test void badProfileFormatConfigAndPathAreOneClearErrorWithNothingWritten() throws IOException {
        Path file = dir.resolve("x.onnx");
        Cli profile = Cli.run("export", "onnx", "--profile", "loom-v2", "-o", file.toString());
        assertEquals(2, profile.exit());
        assertTrue(profile.err().contains("unknown profile 'loom-v2': choose one of exact, loom-v1"), profile.err());
        Cli format = Cli.run("export", "tflite", "-o", file.toString());
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("unknown export format 'tflite': choose one of onnx"), format.err());
        Cli config = Cli.run("export", "onnx", "--config", "9x9", "-o", file.toString());
        assertEquals(2, config.exit());
        assertTrue(config.err().contains("--config"), config.err());
        Cli missing = Cli.run("export", "onnx", "-o", dir.resolve("no/such/dir/x.onnx").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Cli noOutput = Cli.run("export", "onnx");
        assertEquals(2, noOutput.exit());
        for (Cli c : new Cli[] {profile, format, config, missing, noOutput}) assertTrue(c.clean(), c.err());
        assertFalse(Files.exists(file));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left behind");
        }
    }
}
