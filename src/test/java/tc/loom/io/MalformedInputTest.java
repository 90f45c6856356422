package tc.loom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tc.loom.asm.AsmReader;
import tc.loom.asm.AsmWriter;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

/** Damaged files give a CompileException with a position or a clean program, never another exception. */
class MalformedInputTest {
    private static final String NOISE = " \n,;:=@[]{}\"-0123456789xXaz.HALTMOVSUBLEQ";

    static void mutate(String original, Function<SourceFile, Program> reader, long seed) {
        Random random = new Random(seed);
        int compileErrors = 0;
        for (int round = 0; round < 1500; round++) {
            StringBuilder sb = new StringBuilder(original);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> sb.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                }
            }
            try {
                reader.apply(new SourceFile("m", sb.toString()));
            } catch (CompileException e) {
                compileErrors++;
                assertTrue(e.getMessage().startsWith("m:") || e.getMessage().startsWith("s:"), e.getMessage());   // s: the state, for an info that misdescribes it
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e + " on\n" + sb, e);
            }
        }
        assertTrue(compileErrors > 100, "mutations should mostly break the file, broke " + compileErrors);
    }

    @Test
    void damagedAssembly() { mutate(AsmWriter.write(Programs.kitchenSink()), AsmReader::read, 1); }

    @Test
    void damagedProgramJson() { mutate(ProgramJson.write(Programs.kitchenSink()), ProgramJson::read, 2); }

    @Test
    void damagedInfoFile() {
        Program p = Programs.bare16();
        SourceFile state = new SourceFile("s", LoomState.writeState(p));
        mutate(LoomState.writeInfo(p, "bare", "int main() { return 0; }"), info -> LoomState.read(state, info), 3);
    }
}
