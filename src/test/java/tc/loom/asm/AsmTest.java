package tc.loom.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.io.LoomStateTest;
import tc.loom.io.Programs;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

class AsmTest {

    static Program roundTrip(Program p) {
        String text = AsmWriter.write(p);
        Program back = AsmReader.read(new SourceFile("p.s", text));
        assertEquals(p, back, text);
        Programs.assertSameDebug(p.debug(), back.debug());
        assertEquals(text, AsmWriter.write(back));
        return back;
    }

    @Test
    void kitchenSinkRoundTrips() {
        Program p = Programs.kitchenSink();
        roundTrip(p);
        String text = AsmWriter.write(p);
        assertTrue(text.contains(".config 155x1024\n"), text);
        assertTrue(text.contains(".cell 9 g = 5\n"), text);
        assertTrue(text.contains(".cell 12 arr[2] = 127\n"), text);
        assertTrue(text.contains("    MOV main.x, g "), text);       // x is ambiguous: qualified
        assertTrue(text.contains("    ADD arr[2], arr[0] "), text);
        assertTrue(text.contains("    JZ f.x, loop "), text);
        assertTrue(text.contains("    JMP 102 "), text);
        assertTrue(text.contains("    SUBLEQ __one, x@12, 98 "), text);
        assertTrue(text.contains("    CMP stack[3], 0 "), text);
        assertTrue(text.contains("    INC \"odd name \\\"q\\\"\", 7 "), text);
        assertTrue(text.contains("    .raw 25, 33, 3 "), text);
        assertTrue(text.contains("    LOAD 5, 1000 "), text);
        assertTrue(text.contains("    SWAP @19, stack[1] "), text);
        assertTrue(text.contains("    ; line 4\n"), text);
        assertTrue(text.contains("    ; line 0\n"), text);
        assertTrue(text.contains("end:\n"), text);
    }

    @Test
    void bare16BitProgramRoundTrips() {
        roundTrip(Programs.bare16());
        assertTrue(AsmWriter.write(Programs.bare16()).contains(".config 32,8,64,16\n"));
    }

    @ParameterizedTest
    @CsvSource({"fibonacci", "gcd", "collatz", "bubblesort", "primes"})
    void referenceProgramsRoundTrip(String name) throws IOException {
        roundTrip(LoomStateTest.reference(name));
    }

    @Test
    void sourceTextGoesIntoLineMarkers() {
        Program p = Programs.kitchenSink();
        StringBuilder src = new StringBuilder();
        for (int i = 1; i <= 16; i++) src.append("  stmt").append(i).append(";\n");
        String text = AsmWriter.write(p, new SourceFile("sink.c", src.toString()));
        assertTrue(text.contains("    ; line 3: stmt3;\n"), text);
        Program back = AsmReader.read(new SourceFile("p.s", text));
        Programs.assertSameDebug(p.debug(), back.debug());
    }

    @Test
    void handWrittenAssemblyRuns() {
        String text = """
                ; sum of 1..n, written by hand
                .config 32,16,64,8
                .cell 1 one = 1
                .cell 9 n = 5
                .cell 10 acc = 0x00       ; hex is fine
                loop:   ADD acc, n        ; line comments too
                        DEC n
                        JNZ n, loop
                        MOV @7, acc
                        HALT
                """;
        Program p = AsmReader.read(new SourceFile("sum.s", text));
        assertEquals(5, p.size());
        assertEquals(0, p.memory()[2]);  // cells not listed start at 0
        RunResult r = new Interpreter().run(p, RunOptions.defaults());
        assertTrue(r.halted());
        assertEquals(15, r.cell(7));
        assertEquals(5 * 3 + 2, r.steps());
        assertEquals(0, p.debug().labels().get("loop"));
        assertEquals("n", p.debug().symbols().get(1).name());
    }

    @Test
    void theExampleInDocsFormatsMdAssemblesAndRuns() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/formats.md"));
        int start = doc.indexOf("```\n; sum of 1..n") + 4;
        String text = doc.substring(start, doc.indexOf("```", start));
        Program p = AsmReader.read(new SourceFile("formats.md", text));
        assertEquals(-4, p.memory()[12]);
        assertEquals(java.util.List.of(3, 3, 3, 3, 3), java.util.Arrays.stream(p.debug().lines()).boxed().toList());
        RunResult r = new Interpreter().run(p, RunOptions.defaults());
        assertEquals(15, r.cell(7));
    }

    @Test
    void numericOperandsAreColumns() {
        Program p = AsmReader.read(new SourceFile("n.s", ".config 32,8,64,8\nMOV 33, @2\nJMP 40\nstart: JMP start\nSUBLEQ @1, @2, 0\n"));
        assertEquals(new tc.loom.isa.Instruction(1, 33, 34), p.instructions().get(0));
        assertEquals(40, p.instructions().get(1).c());
        assertEquals(42, p.instructions().get(2).c());
        assertEquals(new tc.loom.isa.Instruction(33, 34, 0), p.instructions().get(3));
    }

    static String error(String text) {
        CompileException e = assertThrows(CompileException.class, () -> AsmReader.read(new SourceFile("bad.s", text)));
        return e.getMessage();
    }

    @Test
    void errorsPointAtTheProblem() {
        String cfg = ".config 32,8,64,8\n";
        assertEquals("bad.s:2:1: error: unknown mnemonic 'FOO'", error(cfg + "FOO @1, @2\n"));
        assertEquals("bad.s:2:5: error: undefined label 'nowhere'", error(cfg + "JMP nowhere\n"));
        assertEquals("bad.s:2:3: error: ADD takes 2 operands, found 1", error(cfg + "  ADD @1\n"));
        assertTrue(error(cfg + ".cell 3 = 200\n").startsWith("bad.s:2:11: error: value 200 is out of range for a 8-bit word"));
        assertTrue(error(cfg + ".cell 9 = 1\n").startsWith("bad.s:2:7: error: cell 9 is outside memory 0..7"));
        assertTrue(error(cfg + "a: HALT\na: HALT\n").startsWith("bad.s:3:1: error: duplicate label 'a'"));
        assertTrue(error(cfg + "HALT\n".repeat(25)).startsWith("bad.s:26:1: error: too many instructions: 25 do not fit the 24"));
        assertTrue(error("HALT\n").contains("missing .config"));
        assertTrue(error(".config 12x34\n").startsWith("bad.s:1:9: error: unknown configuration '12x34'"));
        assertTrue(error(cfg + "MOV @1, @9\n").startsWith("bad.s:2:10: error: memory cell @9 is outside 0..7"));
        assertTrue(error(cfg + "MOV 1, 64\n").startsWith("bad.s:2:8: error: column 64 is out of range 0..63"));
        assertTrue(error(cfg + "MOV y, @1\n").startsWith("bad.s:2:5: error: undefined symbol 'y'"));
        assertTrue(error(cfg + ".cell 2 a = 1\n.cell 2 = 3\n").startsWith("bad.s:3:7: error: cell 2 is given twice"));
        assertTrue(error(cfg + ".sym a global @1 size 2\nMOV a[2], @1\n").startsWith("bad.s:3:7: error: index 2 is out of range for a (size 2)"));
        assertTrue(error(cfg + "SUBLEQ 5, @1, 0\n").contains("SUBLEQ's first operand must be a memory cell"));
        assertTrue(error(cfg + ".bogus\n").startsWith("bad.s:2:1: error: unknown directive .bogus"));
        assertTrue(error(cfg + "MOV @1,\n").contains("missing operand"));
        assertTrue(error(cfg + "JMP @3\n").startsWith("bad.s:2:5: error: a jump target is a label or a column number"));
        assertTrue(error(cfg + "MOV @1 # 2\n").startsWith("bad.s:2:8: error: unexpected character '#'"));
    }
}
