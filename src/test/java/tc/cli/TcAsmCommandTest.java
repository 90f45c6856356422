package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.computer.asm.TcAsmReader;
import tc.computer.interp.TcMachine;
import tc.computer.io.TcProgramJson;
import tc.computer.isa.TcProgram;
import tc.source.SourceFile;

/** {@code tc asm --target tc} and {@code tc disasm --target tc}. */
class TcAsmCommandTest {
    @TempDir Path tmp;

    static final String SUM = """
            ; sum 1..10
            .memory 16
                li r1, 10
                li r2, 0
            loop: add r2, r2, r1
                addi r1, r1, -1
                jnz loop
                out r2
                halt
            """;

    @Test void assembleToJsonThenDisassembleBack() throws Exception {
        Path src = Files.writeString(tmp.resolve("sum.s"), SUM);
        Path json = tmp.resolve("sum.json");
        Cli asm = Cli.run("asm", "--target", "tc", src.toString(), "-o", json.toString());
        assertEquals(0, asm.exit(), asm.err());
        assertEquals("assembled " + src + " for the Tensor Computer (16 memory words, 8 slots): 7 instructions -> " + json + "\n", asm.err());
        TcProgram p = TcProgramJson.read(new SourceFile("sum.json", Files.readString(json))).program();
        assertEquals(List.of(55), new TcMachine(p).run(1000).outputs());
        assertEquals(List.of(), List.of(Files.list(tmp).filter(f -> f.getFileName().toString().endsWith(".tmp")).toArray()), "no temporary files left");

        Cli dis = Cli.run("disasm", "--target", "tc", json.toString());
        assertEquals(0, dis.exit(), dis.err());
        assertTrue(dis.out().contains("L2:\n    add r2, r2, r1"), dis.out());
        TcProgram back = TcAsmReader.read(new SourceFile("back.s", dis.out()));
        assertEquals(p.code(), back.code());
        assertEquals(p.spec(), back.spec());
    }

    @Test void asmFormatPrintsNormalisedAssembly() throws Exception {
        Path src = Files.writeString(tmp.resolve("sum.s"), SUM);
        Cli asm = Cli.run("asm", "--target", "TC", src.toString(), "--format", "asm");
        assertEquals(0, asm.exit(), asm.err());
        assertTrue(asm.out().startsWith("; Tensor Computer assembly"), asm.out());
        assertTrue(asm.out().contains("    jnz L2"), asm.out());
    }

    @Test void sourceErrorsAreDiagnosticsWithACaret() throws Exception {
        Path src = Files.writeString(tmp.resolve("bad.s"), "    li r0, 1\n    jmp nowhere\n");
        Path out = tmp.resolve("bad.json");
        Cli r = Cli.run("asm", "--target", "tc", src.toString(), "-o", out.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertEquals(src + ":2:9: error: undefined label 'nowhere'\n    jmp nowhere\n        ^\n", r.err());
        assertTrue(r.clean());
        assertFalse(Files.exists(out), "nothing written on error");
    }

    @Test void wrongKindsOfFilesGetOneLine() throws Exception {
        Path src = Files.writeString(tmp.resolve("sum.s"), SUM);
        Cli loomState = Cli.run("asm", "--target", "tc", src.toString(), "--format", "loom-state");
        assertEquals(Main.USAGE, loomState.exit());
        assertTrue(loomState.err().startsWith("tc: error: --format loom-state is for the Loom target"), loomState.err());

        Cli target = Cli.run("asm", "--target", "x86", src.toString());
        assertEquals(Main.USAGE, target.exit());
        assertTrue(target.err().contains("unknown target 'x86': choose one of loom, tc"), target.err());

        Path loomJson = Files.writeString(tmp.resolve("loom.json"), "{\"format\": \"tc-program\", \"version\": 1}");
        Cli dis = Cli.run("disasm", "--target", "tc", loomJson.toString());
        assertEquals(Main.FAILURE, dis.exit());
        assertTrue(dis.err().contains("this is a Loom program: drop --target tc"), dis.err());
        assertTrue(dis.clean());

        Cli missing = Cli.run("asm", "--target", "tc", tmp.resolve("nope.s").toString());
        assertEquals(Main.FAILURE, missing.exit());
        assertTrue(missing.err().startsWith("tc: error: cannot read "), missing.err());
    }

    @Test void loomIsStillTheDefault() throws Exception {
        Path src = Files.writeString(tmp.resolve("sum.s"), SUM);
        Cli r = Cli.run("asm", src.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.err().contains("error: unknown directive .memory"), r.err());  // read as Loom assembly
    }
}
