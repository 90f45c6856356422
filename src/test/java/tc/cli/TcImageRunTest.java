package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.computer.selfhost.MachineRun;
import tc.computer.selfhost.SelfHost;

/**
 * {@code tc run --target tc} on program images: what the self-hosted compiler wrote (assembly) and
 * what {@code tc asm --target tc} and {@code tc compile --target tc --format json} write (a program file) run on the seed machine and report what
 * the C source compiled by tc reports; a cpu program runs on the cpu machine; the wrong machine,
 * assembly errors and other files get one clear error.
 */
class TcImageRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Recursion, a global array, console output and OUT: main returns 120. */
    private static final String PROGRAM = """
            int seen[3];
            int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }
            int main() {
              int i;
              for (i = 0; i < 3; i++) seen[i] = fact(i + 2);
              putchar('o'); putchar('k'); putchar('\\n');
              output(seen[2]);
              return fact(5);
            }
            """;

    @TempDir static Path dir;
    static Path source, image;

    @BeforeAll static void compileOnTheMachine() throws Exception {
        source = dir.resolve("prog.c");
        image = dir.resolve("prog.s");
        Files.writeString(source, PROGRAM);
        Cli r = Cli.run("selfhost", "--compile", source.toString(), "-o", image.toString());
        assertEquals(Main.OK, r.exit(), r.out() + r.err());
    }

    private static JsonNode json(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(Main.OK, r.exit(), r.out() + r.err());
        return JSON.readTree(r.out());
    }

    @Test void theImageRunsOnTheSeedMachineAsTheSourceDoes() throws Exception {
        JsonNode fromC = json("run", "--target", "tc", "--machine", "seed", source.toString(), "--json");
        JsonNode fromImage = json("run", "--target", "tc", "--machine", "seed", image.toString(), "--json");
        assertEquals(120, fromC.get("retval").asInt());
        for (String key : new String[] {"retval", "status", "outputs", "console"})
            assertEquals(fromC.get(key), fromImage.get(key), key);
        assertEquals("ok\n", fromImage.get("console").asText());
        // the global the self-hosted compiler notes in its image is read back as tc's symbol is
        assertEquals(fromC.get("variables").get("seen"), fromImage.get("variables").get("seen"));
        assertEquals("[2,6,24]", fromImage.get("variables").get("seen").toString());

        // the exit status the self-hosted tools read (MachineRun) is the retval reported here
        MachineRun api = SelfHost.run(SelfHost.assemble("prog.s", Files.readString(image)), "", 10_000_000);
        assertEquals(api.exitStatus(), fromImage.get("retval").asInt());
        assertEquals(api.steps(), fromImage.get("steps").asLong());
        assertEquals(api.console(), fromImage.get("console").asText());

        // the text summary: console output first, then the report
        Cli text = Cli.run("run", "--target", "tc", "--machine", "seed", image.toString());
        assertEquals(Main.OK, text.exit(), text.err());
        assertTrue(text.out().startsWith("ok\nretval = 120\nsteps = " + api.steps() + "\nstatus = halted\noutputs = 24\n"), text.out());
    }

    @Test void theImageRunsOnTheSoftSeedMachineStepForStep() throws Exception {
        JsonNode interp = json("run", "--target", "tc", "--machine", "seed", image.toString(), "--json");
        JsonNode soft = json("run", "--target", "tc", "--machine", "seed", "--engine", "soft", image.toString(), "--json");
        assertEquals("soft", soft.get("engine").asText());
        for (String key : new String[] {"retval", "steps", "status", "outputs", "console"})
            assertEquals(interp.get(key), soft.get(key), key);
    }

    @Test void theProgramFileTcAsmWritesRunsToo() throws Exception {
        Path file = dir.resolve("prog.json");
        Cli asm = Cli.run("asm", "--target", "tc", image.toString(), "-o", file.toString());
        assertEquals(Main.OK, asm.exit(), asm.err());
        JsonNode fromAsm = json("run", "--target", "tc", "--machine", "seed", image.toString(), "--json");
        JsonNode fromFile = json("run", "--target", "tc", "--machine", "seed", file.toString(), "--json");
        for (String key : new String[] {"retval", "steps", "status", "outputs", "console"})
            assertEquals(fromAsm.get(key), fromFile.get(key), key);
    }

    @Test void tcsOwnProgramFileRunsAsItsSourceDoes() throws Exception {
        Path cpuSource = dir.resolve("cpu.c"); // the cpu machine has no console
        Files.writeString(cpuSource, PROGRAM.replace("putchar('o'); putchar('k'); putchar('\\n');", ""));
        for (String machine : new String[] {"cpu", "seed"}) {
            Path c = machine.equals("cpu") ? cpuSource : source;
            Path file = dir.resolve("tc-" + machine + ".json");
            Cli compile = Cli.run("compile", "--target", "tc", "--machine", machine, c.toString(), "--format", "json", "-o", file.toString());
            assertEquals(Main.OK, compile.exit(), compile.err());
            JsonNode fromC = json("run", "--target", "tc", "--machine", machine, c.toString(), "--json");
            JsonNode fromFile = json("run", "--target", "tc", "--machine", machine, file.toString(), "--json");
            assertEquals(120, fromFile.get("retval").asInt(), machine);
            for (String key : new String[] {"retval", "steps", "status", "outputs", "console"})
                assertEquals(fromC.get(key), fromFile.get(key), machine + " " + key);
        }
    }

    @Test void aCpuProgramRunsOnTheCpuMachineOnBothEngines() throws Exception {
        Path sum = dir.resolve("sum.s");
        Files.writeString(sum, """
                ; r0 = 5 + 4 + 3 + 2 + 1
                main:   li r1, 5
                        li r0, 0
                loop:   add r0, r0, r1
                        addi r1, r1, -1
                        li r2, 0
                        cmp r1, r2
                        jgt loop
                        out r0
                        halt
                """);
        for (String engine : new String[] {"interp", "soft"}) {
            JsonNode r = json("run", "--target", "tc", "--engine", engine, sum.toString(), "--json");
            assertEquals(15, r.get("retval").asInt(), engine);
            assertEquals("[15]", r.get("outputs").toString(), engine);
            assertEquals(2 + 5 * 5 + 2, r.get("steps").asInt(), engine);
        }
    }

    @Test void aSeedImageOnTheCpuMachineIsRefusedAtItsHandlerInstall() throws Exception {
        Cli r = Cli.run("run", "--target", "tc", image.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.clean());
        int line = 1;
        for (String l : Files.readString(image).split("\n")) {
            if (l.contains("store") && l.contains("-1073741776(")) break;
            line++;
        }
        assertTrue(r.err().startsWith(image + ":" + line + ":9: error: this is a program for the seed machine: it installs a page-fault handler"), r.err());
        assertTrue(r.err().contains("run it with --machine seed"), r.err());
        assertEquals("", r.out());
    }

    @Test void aCpuImageOnTheSeedMachineFaultsWithAHint() throws Exception {
        Path big = dir.resolve("big.s");
        Files.writeString(big, ".memory 16384\nmain: li r1, 7\n  store r1, 9000(r14)\n  halt\n");
        Cli r = Cli.run("run", "--target", "tc", "--machine", "seed", big.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.out().contains("status = fault: page fault at address 9000") && r.out().contains("is this a program for --machine cpu?")
                && r.out().contains("line 3)"), r.out());
        assertEquals(Main.OK, Cli.run("run", "--target", "tc", big.toString()).exit());
    }

    @Test void anAssemblyErrorIsOneMessageAtFileLineColumn() throws Exception {
        Path bad = dir.resolve("bad.s");
        Files.writeString(bad, "main: li r0, 1\n  bogus r1\n  halt\n");
        Cli r = Cli.run("run", "--target", "tc", "--machine", "seed", bad.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertEquals(bad + ":2:3: error: unknown mnemonic 'bogus'\n  bogus r1\n  ^\n", r.err());
        assertEquals("", r.out());
    }

    @Test void otherFilesAndOptionsAreRefused() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "int main() { return 0; }\n");
        Cli wrong = Cli.run("run", "--target", "tc", text.toString());
        assertEquals(Main.FAILURE, wrong.exit());
        assertEquals("tc: error: --target tc runs C sources (.c), Tensor Computer assembly (.s, .asm) or program files (.json); "
                + text + " is none of these\n", wrong.err());

        Path loom = dir.resolve("loom.json");
        Files.writeString(loom, "{\"format\": \"loom-program\"}\n");
        Cli notTc = Cli.run("run", "--target", "tc", loom.toString());
        assertEquals(Main.FAILURE, notTc.exit());
        assertTrue(notTc.err().startsWith(loom + ":1:"), notTc.err());
        assertTrue(notTc.err().contains("not a Tensor Computer program file") && notTc.clean(), notTc.err());

        Cli memory = Cli.run("run", "--target", "tc", "--machine", "seed", image.toString(), "--memory-words", "1024");
        assertEquals(Main.FAILURE, memory.exit());
        assertTrue(memory.err().contains("--memory-words is for C sources") && memory.clean(), memory.err());

        Cli missing = Cli.run("run", "--target", "tc", dir.resolve("none.s").toString());
        assertEquals(Main.FAILURE, missing.exit());
        assertTrue(missing.err().contains("none.s") && missing.clean(), missing.err());
    }
}
