package tc.computer.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.interp.TcMachine;
import tc.computer.engine.TcState;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.source.SourceFile;

class TcAsmRoundTripTest {
    static TcProgram read(String text) { return TcAsmReader.read(new SourceFile("t.s", text)); }

    static void assertSameProgram(TcProgram expected, TcProgram actual) {
        assertEquals(expected.code(), actual.code());
        assertEquals(expected.spec(), actual.spec());
        assertArrayEquals(expected.data(), actual.data());
    }

    @Test void randomProgramsReadBackEqual() {
        var random = new SplittableRandom(20261123);
        int[] memories = {2, 16, 256, 1024};
        for (int n = 0; n < 3000; n++) {
            int length = 1 + random.nextInt(40);
            TcProgram p = RandomInstructions.program(random, memories[n % memories.length], length);
            String text = TcAsmWriter.write(p);
            TcProgram back = read(text);
            assertSameProgram(p, back);
            assertEquals(text, TcAsmWriter.write(back), "writing is deterministic");
        }
    }

    @Test void extremeImmediatesAndEveryRegisterReadBack() {
        var spec = new TcMachineSpec(64, 8);
        List<TcInstruction> code = List.of(
                new TcInstruction(TcOp.LI, 15, 0, 0, Integer.MIN_VALUE),
                new TcInstruction(TcOp.ADDI, 0, 15, 0, Integer.MAX_VALUE),
                new TcInstruction(TcOp.LOAD, 7, 15, 0, -1),
                new TcInstruction(TcOp.STORE, 0, 9, 15, Integer.MIN_VALUE),
                new TcInstruction(TcOp.JMP, 0, 0, 0, -5),          // wraps: written as a number
                new TcInstruction(TcOp.CALL, 0, 0, 0, 6),          // past the code: HALT slot, still a label
                new TcInstruction(TcOp.JNZ, 0, 0, 0, 1 << 20));
        var p = new TcProgram(code, spec, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Integer.MIN_VALUE, 0, 0, 0, 0, 0, 0, 0});
        String text = TcAsmWriter.write(p);
        assertSameProgram(p, read(text));
        assertTrue(text.contains("L6:"), text);
        assertTrue(text.contains("jmp -5"), text);
    }

    @Test void emptyProgramAndEmptyData() {
        var p = new TcProgram(List.of(), TcMachineSpec.fitting(256, 0), new int[0]);
        assertSameProgram(p, read(TcAsmWriter.write(p)));
    }

    @Test void handWrittenFactorialRunsToOneHundredTwenty() {
        String src = """
                # recursive factorial of 5
                .memory 256
                main:   li r1, 5
                        call fact            ; r0 = fact(r1)
                        out r0
                        halt
                fact:   li r3, 1
                        cmp r1, r3
                        jgt recurse
                        li r0, 1
                        ret
                recurse:
                        push r1
                        addi r1, r1, -1
                        call fact
                        pop r1
                        mul r0, r0, r1
                        ret
                """;
        TcAssembly a = TcAsmReader.assemble(new SourceFile("fact.s", src));
        assertEquals(4, a.labels().get("fact"));
        // each instruction's source line: a label alone on its line gives its slot the next line's
        assertEquals(3, a.lineOf(0));
        assertEquals(7, a.lineOf(4));
        assertEquals(11, a.lineOf(8));
        assertEquals(13, a.lineOf(9));
        assertEquals(0, a.lineOf(a.program().code().size()));
        assertEquals(new TcMachineSpec(256, 16), a.program().spec(), "slots default to the smallest power of two holding the code");
        TcState s = new TcMachine(a.program()).run(10_000);
        assertTrue(s.halted());
        assertEquals(List.of(120), s.outputs());
        assertEquals(256, s.register(TcMachineSpec.SP));
    }

    @Test void syntaxVariantsMeanTheSame() {
        TcProgram a = read("""
                .slots 8
                .data 2: 0x10, -0x1, 0xFFFFFFFF
                .data 0: 7
                top: LOAD R1, (SP)
                     store r3, +4(r2)
                     addi r1, r2, 0x7fffffff
                     jnz top
                """);
        TcProgram b = read("""
                .memory 256
                .slots 8
                .data 0: 7, 0, 16, -1, -1
                L0:
                    load r1, 0(r15)
                    store r3, 4(r2)
                    addi r1, r2, 2147483647
                    jnz 0
                """);
        assertSameProgram(b, a);
        assertEquals(new TcInstruction(TcOp.STORE, 0, 2, 3, 4), a.code().get(1));
    }

    @Test void labelAsImmediateIsItsSlot() {
        TcProgram p = read("""
                    li r0, here
                    nop
                here: halt
                    addi r1, r0, end
                end:
                """);
        assertEquals(2, p.code().get(0).imm());
        assertEquals(4, p.code().get(3).imm());
    }
}
