package tc.computer.interp;

import tc.computer.engine.TcState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.isa.TcOp.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

class TcMachineTest {
    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    @Test void loopSumsOneToTen() {
        // r1 = 10; r2 = 0; loop: r2 += r1; r1 -= 1 (ADDI sets Z); JNZ loop; OUT r2; HALT
        var p = new TcProgram(List.of(i(LI, 1, 0, 0, 10), i(LI, 2, 0, 0, 0), i(ADD, 2, 2, 1, 0), i(ADDI, 1, 1, 0, -1),
                i(JNZ, 0, 0, 0, 2), i(OUT, 0, 2, 0, 0), TcInstruction.of(HALT)));
        TcState s = new TcMachine(p).run(1000);
        assertTrue(s.halted());
        assertEquals(55, s.register(2));
        assertEquals(List.of(55), s.outputs());
        assertEquals(2 + 3 * 10 + 2, s.steps());
    }

    @Test void recursiveFactorialThroughCallAndStack() {
        // fact(n in r1) -> r0: if n <= 1 return 1 else return n * fact(n-1)
        var p = new TcProgram(List.of(
                i(LI, 1, 0, 0, 5), i(CALL, 0, 0, 0, 3), TcInstruction.of(HALT),
                /*3*/ i(LI, 3, 0, 0, 1), i(CMP, 0, 1, 3, 0), i(JGT, 0, 0, 0, 8), i(LI, 0, 0, 0, 1), TcInstruction.of(RET),
                /*8*/ i(PUSH, 0, 1, 0, 0), i(ADDI, 1, 1, 0, -1), i(CALL, 0, 0, 0, 3), i(POP, 1, 0, 0, 0),
                i(MUL, 0, 0, 1, 0), TcInstruction.of(RET)));
        TcState s = new TcMachine(p).run(10_000);
        assertTrue(s.halted());
        assertEquals(120, s.register(0));
        assertEquals(TcMachineSpec.DEFAULT.memoryWords(), s.register(TcMachineSpec.SP));
    }

    @Test void flagsFollowTwosComplement() {
        var m = new TcMachine(new TcProgram(List.of(i(CMP, 0, 1, 2, 0), TcInstruction.of(HALT))))
                .withRegister(1, Integer.MIN_VALUE).withRegister(2, 1);
        TcState s = m.run(10);
        assertEquals(List.of(0, 0, 0, 1), java.util.Arrays.stream(s.flags()).boxed().toList()); // MIN-1 overflows: V, N=0
    }

    @Test void divisionEdgeCasesAreTotal() {
        assertEquals(-1, TcMachine.div(7, 0));
        assertEquals(7, TcMachine.mod(7, 0));
        assertEquals(Integer.MIN_VALUE, TcMachine.div(Integer.MIN_VALUE, -1));
        assertEquals(0, TcMachine.mod(Integer.MIN_VALUE, -1));
        assertEquals(-2, TcMachine.div(-7, 3));
        assertEquals(-1, TcMachine.mod(-7, 3));
    }

    @Test void paramsRoundTripEveryOpcode() {
        for (TcOp op : TcOp.values()) {
            var s = op.shape();
            var ins = new TcInstruction(op, s.rd ? 3 : 0, s.rs1 ? 7 : 0, s.rs2 ? 15 : 0, s.imm ? -123456 : 0);
            assertEquals(ins, TcParams.decode(TcParams.encode(ins, 5.0), 0));
        }
    }
}
