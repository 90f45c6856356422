package tc.computer.soft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.isa.TcOp.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.TcEngines;
import tc.computer.interp.TcMachine;
import tc.computer.engine.TcState;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

class SoftMachineTest {
    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    /** fact(n in r1) → r0, recursive: n ≤ 1 ? 1 : n · fact(n − 1). */
    static final TcProgram FACTORIAL = new TcProgram(List.of(
            i(LI, 1, 0, 0, 5), i(CALL, 0, 0, 0, 3), TcInstruction.of(HALT),
            /*3*/ i(LI, 3, 0, 0, 1), i(CMP, 0, 1, 3, 0), i(JGT, 0, 0, 0, 8), i(LI, 0, 0, 0, 1), TcInstruction.of(RET),
            /*8*/ i(PUSH, 0, 1, 0, 0), i(ADDI, 1, 1, 0, -1), i(CALL, 0, 0, 0, 3), i(POP, 1, 0, 0, 0),
            i(MUL, 0, 0, 1, 0), TcInstruction.of(RET)));

    /** fib(n in r1) → r0, recursive: n < 2 ? n : fib(n − 1) + fib(n − 2); OUTs the answer. */
    static final TcProgram FIBONACCI = new TcProgram(List.of(
            i(LI, 1, 0, 0, 10), i(CALL, 0, 0, 0, 4), i(OUT, 0, 0, 0, 0), TcInstruction.of(HALT),
            /*4*/ i(LI, 3, 0, 0, 2), i(CMP, 0, 1, 3, 0), i(JGE, 0, 0, 0, 9), i(MOV, 0, 1, 0, 0), TcInstruction.of(RET),
            /*9*/ i(PUSH, 0, 1, 0, 0), i(ADDI, 1, 1, 0, -1), i(CALL, 0, 0, 0, 4), i(POP, 1, 0, 0, 0),
            /*13*/ i(PUSH, 0, 0, 0, 0), i(PUSH, 0, 1, 0, 0), i(ADDI, 1, 1, 0, -2), i(CALL, 0, 0, 0, 4),
            /*17*/ i(POP, 1, 0, 0, 0), i(POP, 2, 0, 0, 0), i(ADD, 0, 0, 2, 0), TcInstruction.of(RET)));

    static TcState cold(TcProgram p) {
        return SoftMachine.of(p, 1.0, SoftTemperatures.of(1e-3)).run(SoftState.initial(p), 100_000).toTcState();
    }

    @Test void recursiveFactorialOfFiveAtSmallTau() {
        TcState s = cold(FACTORIAL);
        assertTrue(s.halted());
        assertEquals(120, s.register(0));
        assertEquals(TcMachineSpec.DEFAULT.memoryWords(), s.register(TcMachineSpec.SP));
        assertEquals(new TcMachine(FACTORIAL).run(100_000), s);
    }

    @Test void recursiveFibonacciOfTenAtSmallTau() {
        TcState s = cold(FIBONACCI);
        assertTrue(s.halted());
        assertEquals(55, s.register(0));
        assertEquals(List.of(55), s.outputs());
        assertEquals(new TcMachine(FIBONACCI).run(100_000), s);
    }

    @Test void softEngineIsRegisteredAndExactAtSmallTau() {
        assertTrue(TcEngines.names().contains("soft"));
        var engine = TcEngines.get("soft", 1e-3);
        assertEquals("soft", engine.name());
        assertEquals(TcEngines.INTERP.run(FACTORIAL, 10_000), engine.run(FACTORIAL, 10_000));
        assertThrows(IllegalArgumentException.class, () -> TcEngines.get("soft", 0));
    }

    @Test void aHaltedMachineStopsChanging() {
        // at τ = 0.5 the blend is far from one-hot; once the halted mass is 1 nothing moves
        var p = new TcProgram(List.of(TcInstruction.of(HALT), i(LI, 1, 0, 0, 7)));
        SoftMachine m = SoftMachine.of(p, 100.0, SoftTemperatures.of(1.0));
        SoftState s = SoftState.initial(p).withRegister(1, 3.25);
        m.step(s);
        assertEquals(1.0, s.halted());
        SoftState before = s.copy();
        for (int t = 0; t < 5; t++) m.step(s);
        assertArrayEquals(before.reg, s.reg);
        assertArrayEquals(before.pc, s.pc);
        assertArrayEquals(before.mem, s.mem);
        assertEquals(1.0, s.steps());
    }

    @Test void aSoftRunBlendsAndStaysANormalisedDistribution() {
        // LI r1, 10 with opcode and registers at τ = 2 from ±1 logits (sharp immediate bits): after
        // one step r1 mixes 10 (LI) with the 16 other writing operations' results
        var p = new TcProgram(List.of(i(LI, 1, 0, 0, 10), TcInstruction.of(HALT)));
        SoftMachine m = SoftMachine.of(p, 1.0, new SoftTemperatures(2.0, 2.0, 1e-3, 1.0));
        SoftState s = m.run(SoftState.initial(p), 1);
        assertTrue(Math.abs(s.register(1) - 10) > 0.5 && s.register(1) != Math.rint(s.register(1)), "r1 = " + s.register(1));
        for (int t = 0; t < 3; t++) m.step(s);
        for (int f = 0; f < 4; f++) assertTrue(s.flag(f) >= 0 && s.flag(f) <= 1);
        double mass = 0;
        for (int k = 0; k < p.spec().slots(); k++) mass += s.pc(k);
        assertEquals(1.0, mass, 1e-12);
        assertTrue(s.halted() > 0 && s.halted() < 1);
    }

    @Test void badArgumentsAreRefusedClearly() {
        var spec = new TcMachineSpec(16, 4);
        assertThrows(IllegalArgumentException.class, () -> new SoftMachine(spec, new double[3], SoftTemperatures.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new SoftTemperatures(1, 1, 1, 2));
        var m = new SoftMachine(spec, new double[4 * TcParams.PER_INSTRUCTION], SoftTemperatures.of(1));
        assertThrows(IllegalArgumentException.class, () -> m.step(SoftState.initial(new TcMachineSpec(16, 8))));
    }
}
