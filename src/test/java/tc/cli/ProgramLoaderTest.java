package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.loom.backend.CompileOptions;
import tc.source.CompileException;
import tc.source.SourceFile;

class ProgramLoaderTest {
    @TempDir Path tmp;

    @Test void recognisesLoomStateFiles() {
        assertTrue(ProgramLoader.isLoomState(new SourceFile("a.json", "{\"name\": {\"state\": 1}, \"state\": [[1]]}")));
        assertFalse(ProgramLoader.isLoomState(new SourceFile("b.json", "{\"config\": {\"state\": 1}, \"memory\": []}")));
        assertFalse(ProgramLoader.isLoomState(new SourceFile("c.json", "[1, 2]")));
        CompileException e = assertThrows(CompileException.class, () -> ProgramLoader.isLoomState(new SourceFile("d.json", "{\"x\": ")));
        assertTrue(e.getMessage().startsWith("d.json:1:"), e.getMessage());
    }

    @Test void recognisesTheReferenceStateFiles() throws Exception {
        Path gcd = Path.of("../shared/loom-ref/programs/gcd_state.json");
        assertTrue(ProgramLoader.isLoomState(SourceFiles.read(gcd)));
        SourceFile info = ProgramLoader.siblingInfo(gcd);
        assertEquals("../shared/loom-ref/programs/gcd_info.json", info.name());
    }

    @Test void infoFileIsOptional() throws Exception {
        Path state = Files.writeString(tmp.resolve("p_state.json"), "{\"state\": []}");
        assertNull(ProgramLoader.siblingInfo(state));
        Files.writeString(tmp.resolve("p_info.json"), "{}");
        assertEquals("{}", ProgramLoader.siblingInfo(state).text());
        assertNull(ProgramLoader.siblingInfo(tmp.resolve("other.json")));
    }

    @Test void machineOptions() {
        MachineOptions m = new MachineOptions();
        assertEquals(CompileOptions.defaults(), m.toCompileOptions());
        m.config = "155x1024";
        assertEquals(CompileOptions.of(tc.loom.isa.MachineConfig.NAMED.get("155x1024")), m.toCompileOptions());
        m.wordBits = 16;
        var wide = m.toCompileOptions();
        assertEquals(16, wide.wordBits());
        assertEquals(new tc.loom.isa.MachineConfig(32, 64, 1024, 16), wide.config());
        m.config = "32,100,256,8";
        UsageError e = assertThrows(UsageError.class, m::toCompileOptions);
        assertTrue(e.getMessage().contains("--config 32,100,256,8 has N = 8 (8-bit words) but --word-bits is 16"), e.getMessage());
        m.wordBits = null;
        assertEquals(new tc.loom.isa.MachineConfig(32, 100, 256, 8), m.toCompileOptions().config());
    }
}
