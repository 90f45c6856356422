package tc.computer.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tc.source.CompileException;
import tc.source.SourceFile;

/** Malformed assembly is reported at file:line:col with the offending line and a caret. */
class TcAsmErrorTest {
    static CompileException fail(String text) {
        return assertThrows(CompileException.class, () -> TcAsmReader.read(new SourceFile("bad.s", text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            frob r1, r2                 | 1:1  | unknown mnemonic 'frob'
            add r1, r2, r16             | 1:13 | no register 'r16'
            add r1, r2, x               | 1:13 | expected a register, found 'x'
            add r1, r2                  | 1:1  | add takes 3 operands (add rd, rs1, rs2), found 2
            add r1, r2, r3, r4          | 1:17 | add takes 3 operands
            add r1, , r3                | 1:9  | missing operand before ','
            add r1, r2,                 | 1:11 | missing operand after ','
            halt r0                     | 1:6  | halt takes no operands
            jnz nowhere                 | 1:5  | undefined label 'nowhere'
            li r0, 4294967296           | 1:8  | out of the 32-bit range
            li r0, 2147483648           | 1:8  | out of the 32-bit range
            li r0, -2147483649          | 1:8  | out of the 32-bit range
            li r0, 0x100000000          | 1:8  | out of the 32-bit range
            li r0, 99999999999999999999 | 1:8  | out of the 32-bit range
            li r0, 12ab                 | 1:8  | malformed number '12ab'
            li r0, r1                   | 1:8  | wants an immediate here (li rd, imm), not the register r1
            load r1, 4                  | 1:10 | expected a memory operand imm(rs1)
            load r1, 4(r2               | 1:10 | expected a memory operand imm(rs1)
            store r1, 4(x)              | 1:13 | expected a register, found 'x'
            add r1 r2, r3, r4           | 1:8  | unexpected 'r2' after register r1
            r1: halt                    | 1:1  | 'r1' is a register name and cannot be a label
            add r1, r2, @               | 1:13 | unexpected character '@'
            .frob 3                     | 1:1  | unknown directive .frob
            .memory 100                 | 1:9  | .memory must be a power of two
            .slots 0                    | 1:8  | .slots must be a power of two
            .memory                     | 1:1  | .memory needs a number
            .data 0 5                   | 1:7  | .data needs a start address and a colon
            .data 256: 1                | 1:7  | address 256 is outside memory 0..255
            .data 255: 1, 2             | 1:15 | word 256 is past the end of memory
            .data 0: x                  | 1:10 | expected a number, found 'x'
            """)
    void oneLineErrors(String line, String where, String message) {
        CompileException e = fail(line);
        String header = e.diagnostic().header();
        assertTrue(header.startsWith("bad.s:" + where + ": error: "), header);
        assertTrue(header.contains(message), header + " should say: " + message);
    }

    @Test void diagnosticShowsTheLineAndACaret() {
        CompileException e = fail("    li r0, 1\n    add r0, r0, rx   ; oops\n    halt\n");
        assertEquals("""
                bad.s:2:17: error: expected a register, found 'rx': registers are r0..r15 (sp = r15)
                    add r0, r0, rx   ; oops
                                ^""", e.diagnostic().format());
    }

    @Test void duplicatesAreReportedWhereTheSecondOneIs() {
        assertEquals("bad.s:3:1: error: duplicate label 'a'", fail("a: nop\nnop\na: halt\n").diagnostic().header());
        assertTrue(fail(".slots 4\nnop\n.slots 8\n").diagnostic().header().startsWith("bad.s:3:1: error: duplicate .slots directive (the first is at line 1)"));
        assertTrue(fail(".data 0: 1, 2\n.data 1: 3\n").diagnostic().header().startsWith("bad.s:2:10: error: word 1 is already set at line 1"));
    }

    @Test void codeThatOverflowsItsSlots() {
        assertEquals("bad.s:1:8: error: 3 instructions do not fit .slots 2", fail(".slots 2\nnop\nnop\nhalt\n").diagnostic().header());
    }

    @Test void labelBeforeDirectiveIsRejected() {
        assertTrue(fail("x: .memory 16\n").diagnostic().header().contains("a label must be followed by an instruction"));
    }

    @Test void commentsAndBlankLinesAreIgnored() {
        var p = TcAsmReader.read(new SourceFile("ok.s", "; only 5 comments\n# add r1, r2\n\n   \t\nhalt # stop ; here\n"));
        assertEquals(java.util.List.of(tc.computer.isa.TcInstruction.of(tc.computer.isa.TcOp.HALT)), p.code());
    }

    /** Randomly damaged assembly either reads or fails with a diagnostic inside the file, never another exception. */
    @Test void damagedTextNeverEscapesAsAnotherException() {
        var random = new java.util.SplittableRandom(99);
        String alphabet = "r1sp,:()-+0x9#;. \nabcjmpLzq@";
        int failures = 0;
        for (int n = 0; n < 3000; n++) {
            var program = tc.computer.isa.RandomInstructions.program(random, 32, 1 + random.nextInt(12));
            StringBuilder text = new StringBuilder(TcAsmWriter.write(program));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) text.deleteCharAt(at);
                else text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            SourceFile file = new SourceFile("fuzz.s", text.toString());
            try {
                TcAsmReader.read(file);
            } catch (CompileException e) {
                failures++;
                int lines = text.toString().split("\n", -1).length;
                assertTrue(e.diagnostic().pos().line() >= 1 && e.diagnostic().pos().line() <= lines, e.diagnostic().header());
                assertTrue(e.diagnostic().pos().column() >= 1, e.diagnostic().header());
            }
        }
        assertTrue(failures > 1000, "most damage should be caught: " + failures);
    }
}
