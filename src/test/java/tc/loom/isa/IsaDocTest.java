package tc.loom.isa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/isa.md in step with the opcode table in code. */
class IsaDocTest {
    @Test void everyOpcodeIsDocumentedWithItsNumber() throws Exception {
        String doc = Files.readString(Path.of("docs/isa.md"));
        for (Opcode op : Opcode.values()) {
            String row = op == Opcode.SUBLEQ ? "| ≥ s | `SUBLEQ" : "| " + op.number() + " | `" + op.mnemonic();
            assertTrue(doc.contains(row), "docs/isa.md lacks the row for " + op + " (" + row + ")");
        }
        for (var e : MachineConfig.NAMED.entrySet()) {
            MachineConfig c = e.getValue();
            assertTrue(doc.contains("| `" + e.getKey() + "` | " + c.s() + " | " + c.m() + " | " + c.n()),
                    "docs/isa.md lacks configuration " + e.getKey());
        }
    }
}
