package tc.computer.interp;

import tc.computer.engine.TcState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.isa.TcOp.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * Every opcode on the edge values of 32-bit arithmetic, checked against expectations computed a
 * different way (64-bit arithmetic for results, carries and overflows), plus the wrapping rules,
 * the stack discipline and the trace callback.
 */
class TcMachineSemanticsTest {
    static final int MIN = Integer.MIN_VALUE, MAX = Integer.MAX_VALUE;
    static final int[] EDGES = {MIN, MIN + 1, -2, -1, 0, 1, 2, 31, 32, 33, MAX - 1, MAX};
    static final TcMachineSpec SPEC = new TcMachineSpec(16, 8);

    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    static TcMachine machine(TcMachineSpec spec, TcInstruction... code) { return new TcMachine(new TcProgram(List.of(code), spec, new int[0])); }

    /** Runs {@code ins} once with r1 = a, r2 = b; the result is in r3. */
    static TcMachine once(TcInstruction ins, int a, int b) {
        TcMachine m = machine(SPEC, ins).withRegister(1, a).withRegister(2, b);
        m.step();
        return m;
    }

    static String flags(TcMachine m) { return "" + m.flag(TcState.Z) + m.flag(TcState.N) + m.flag(TcState.C) + m.flag(TcState.V); }

    static String expectFlags(int r, boolean c, boolean v) { return (r == 0 ? "1" : "0") + (r < 0 ? "1" : "0") + (c ? "1" : "0") + (v ? "1" : "0"); }

    @Test void addAndAddiSetCarryAndOverflowAsIn64Bits() {
        for (int a : EDGES) for (int b : EDGES) {
            long wide = (long) a + b;
            int r = (int) wide;
            boolean carry = (a & 0xFFFF_FFFFL) + (b & 0xFFFF_FFFFL) > 0xFFFF_FFFFL;
            String what = a + " + " + b;
            TcMachine add = once(i(ADD, 3, 1, 2, 0), a, b);
            assertEquals(r, add.register(3), what);
            assertEquals(expectFlags(r, carry, wide != r), flags(add), what);
            TcMachine addi = once(i(ADDI, 3, 1, 0, b), a, 12345);
            assertEquals(r, addi.register(3), what);
            assertEquals(flags(add), flags(addi), what);
        }
    }

    @Test void subAndCmpBorrowAndOverflow() {
        for (int a : EDGES) for (int b : EDGES) {
            long wide = (long) a - b;
            int r = (int) wide;
            boolean borrow = (a & 0xFFFF_FFFFL) < (b & 0xFFFF_FFFFL);
            String what = a + " - " + b;
            TcMachine sub = once(i(SUB, 3, 1, 2, 0), a, b);
            assertEquals(r, sub.register(3), what);
            assertEquals(expectFlags(r, borrow, wide != r), flags(sub), what);
            TcMachine cmp = once(i(CMP, 0, 1, 2, 0), a, b);
            assertEquals(flags(sub), flags(cmp), what);
            assertEquals(0, cmp.register(0), "CMP writes no register");
            assertEquals(0, cmp.register(3));
        }
    }

    @Test void conditionalJumpsAfterCmpAreTheSignedComparisons() {
        record Cond(TcOp op, IntBinaryOperator taken) {}
        List<Cond> conds = List.of(new Cond(JZ, (a, b) -> a == b ? 1 : 0), new Cond(JNZ, (a, b) -> a != b ? 1 : 0),
                new Cond(JLT, (a, b) -> a < b ? 1 : 0), new Cond(JGE, (a, b) -> a >= b ? 1 : 0),
                new Cond(JLE, (a, b) -> a <= b ? 1 : 0), new Cond(JGT, (a, b) -> a > b ? 1 : 0));
        for (Cond c : conds) for (int a : EDGES) for (int b : EDGES) {
            TcMachine m = machine(SPEC, i(CMP, 0, 1, 2, 0), i(c.op(), 0, 0, 0, 5)).withRegister(1, a).withRegister(2, b);
            m.step();
            m.step();
            assertEquals(c.taken().applyAsInt(a, b) == 1 ? 5 : 2, m.pc(), c.op() + " after cmp " + a + ", " + b);
        }
        TcMachine jmp = machine(SPEC, i(JMP, 0, 0, 0, 6));
        jmp.step();
        assertEquals(6, jmp.pc());
    }

    /** The ops whose flags are Z and N of the result with C = V = 0. */
    @Test void logicalAndMultiplicativeOpsClearCarryAndOverflow() {
        record Op(TcOp op, IntBinaryOperator f) {}
        List<Op> ops = List.of(
                new Op(MUL, (a, b) -> (int) ((long) a * b)),
                new Op(DIV, (a, b) -> b == 0 ? -1 : (int) Math.max(Math.min((long) a / b, MAX), MIN)),
                new Op(MOD, (a, b) -> b == 0 ? a : (int) ((long) a % b)),
                new Op(AND, (a, b) -> a & b), new Op(OR, (a, b) -> a | b), new Op(XOR, (a, b) -> a ^ b),
                new Op(SHL, (a, b) -> (int) ((a & 0xFFFF_FFFFL) << (b & 31))),
                new Op(SHR, (a, b) -> (int) ((a & 0xFFFF_FFFFL) >> (b & 31))),
                new Op(SRA, (a, b) -> (int) ((long) a >> (b & 31))));
        for (Op op : ops) for (int a : EDGES) for (int b : EDGES) {
            // Carry and overflow set beforehand (MIN − 1 sets V; 0 − 1 sets C) must be cleared.
            TcMachine m = machine(SPEC, i(SUB, 4, 5, 6, 0), i(op.op(), 3, 1, 2, 0)).withRegister(1, a).withRegister(2, b)
                    .withRegister(5, 0).withRegister(6, 1);
            m.step();
            assertEquals("0110", flags(m));
            m.step();
            int expected = op.f().applyAsInt(a, b);
            String what = a + " " + op.op().mnemonic() + " " + b;
            // DIV's MIN / −1 = MIN: the clamp above would say MAX, so it is the one special case.
            if (op.op() == DIV && a == MIN && b == -1) expected = MIN;
            assertEquals(expected, m.register(3), what);
            assertEquals(expectFlags(expected, false, false), flags(m), what);
        }
    }

    @Test void notMovLiAndOut() {
        for (int a : EDGES) {
            TcMachine not = once(i(NOT, 3, 1, 0, 0), a, 0);
            assertEquals(-a - 1, not.register(3));
            assertEquals(expectFlags(-a - 1, false, false), flags(not));
        }
        // MOV, LI, LOAD, STORE, PUSH, POP, OUT, NOP leave the flags as CMP MIN, 1 set them (V only).
        for (TcInstruction ins : List.of(i(MOV, 3, 1, 0, 0), i(LI, 3, 0, 0, MIN), i(LOAD, 3, 1, 0, 0), i(STORE, 0, 1, 2, 0),
                i(PUSH, 0, 1, 0, 0), i(POP, 3, 0, 0, 0), i(OUT, 0, 1, 0, 0), TcInstruction.of(NOP))) {
            TcMachine m = machine(SPEC, i(CMP, 0, 1, 2, 0), ins).withRegister(1, MIN).withRegister(2, 1);
            m.step();
            m.step();
            assertEquals("0001", flags(m), ins.toString());
        }
        assertEquals(MIN, once(i(MOV, 3, 1, 0, 0), MIN, 0).register(3));
        assertEquals(-1, once(i(LI, 3, 0, 0, -1), 0, 0).register(3));
        TcState out = machine(SPEC, i(OUT, 0, 1, 0, 0), i(OUT, 0, 2, 0, 0), TcInstruction.of(HALT))
                .withRegister(1, MIN).withRegister(2, MAX).run(10);
        assertEquals(List.of(MIN, MAX), out.outputs());
    }

    @Test void addressesWrapModuloMemory() {
        // memory 16: rs1 + imm is taken mod 16, negative values included, with the sum in 64 bits.
        int[][] cases = {{0, 16, 0}, {0, -1, 15}, {5, 20, 9}, {MAX, 1, 0}, {MIN, 0, 0}, {MAX, MAX, 14}, {-17, 0, 15}};
        for (int[] c : cases) {
            TcMachine st = machine(SPEC, i(STORE, 0, 1, 2, c[1])).withRegister(1, c[0]).withRegister(2, 777);
            st.step();
            int[] mem = st.state().memory();
            assertEquals(777, mem[c[2]], Arrays.toString(c));
            assertEquals(1, Arrays.stream(mem).filter(w -> w == 777).count(), "one word written");
            TcMachine ld = machine(SPEC, i(LOAD, 3, 1, 0, c[1])).withRegister(1, c[0]).withMemory(c[2], -42);
            ld.step();
            assertEquals(-42, ld.register(3), Arrays.toString(c));
        }
    }

    @Test void jumpTargetsAndThePcWrapModuloSlots() {
        for (int[] c : new int[][] {{9, 1}, {-1, 7}, {MIN, 0}, {MAX, 7}, {8 * 1000 + 3, 3}}) {
            TcMachine m = machine(SPEC, i(JMP, 0, 0, 0, c[0]));
            m.step();
            assertEquals(c[1], m.pc(), "jmp " + c[0]);
        }
        // A program filling every slot runs off the end into slot 0.
        TcInstruction[] full = new TcInstruction[4];
        Arrays.fill(full, TcInstruction.of(NOP));
        full[0] = i(ADDI, 1, 1, 0, 1);
        TcState s = machine(new TcMachineSpec(16, 4), full).run(9);
        assertEquals(1, s.pc());
        assertEquals(3, s.register(1));
        assertFalse(s.halted());
        // Slots past the code hold HALT.
        TcState h = machine(SPEC, i(JMP, 0, 0, 0, 6)).run(100);
        assertTrue(h.halted());
        assertEquals(6, h.pc());
        assertEquals(2, h.steps());
    }

    @Test void pushPopAndStackPointerWrap() {
        TcMachine m = machine(SPEC, i(PUSH, 0, 1, 0, 0), i(PUSH, 0, 2, 0, 0), i(POP, 3, 0, 0, 0), i(POP, 4, 0, 0, 0))
                .withRegister(1, 11).withRegister(2, 22);
        assertEquals(16, m.register(TcMachineSpec.SP), "sp starts at the memory size");
        m.step();
        assertEquals(15, m.register(15));
        assertEquals(11, m.memory(15));
        m.step();
        assertEquals(22, m.memory(14));
        m.step();
        m.step();
        assertEquals(22, m.register(3));
        assertEquals(11, m.register(4));
        assertEquals(16, m.register(15));

        // sp = 0: PUSH makes sp −1 and writes word 15; sp stays a plain register value.
        TcMachine low = machine(SPEC, i(PUSH, 0, 1, 0, 0), i(POP, 2, 0, 0, 0)).withRegister(15, 0).withRegister(1, 99);
        low.step();
        assertEquals(-1, low.register(15));
        assertEquals(99, low.memory(15));
        low.step();
        assertEquals(99, low.register(2));
        assertEquals(0, low.register(15));

        // POP into sp: the popped value wins over the increment.
        TcMachine popSp = machine(SPEC, i(POP, 15, 0, 0, 0)).withRegister(15, 4).withMemory(4, 1234);
        popSp.step();
        assertEquals(1234, popSp.register(15));
        // PUSH sp stores the old sp.
        TcMachine pushSp = machine(SPEC, i(PUSH, 0, 15, 0, 0));
        pushSp.step();
        assertEquals(16, pushSp.memory(15));
    }

    @Test void callPushesTheReturnSlotAndRetPopsIt() {
        TcMachine m = machine(SPEC, i(CALL, 0, 0, 0, 3), TcInstruction.of(HALT), TcInstruction.of(NOP), TcInstruction.of(RET));
        m.step();
        assertEquals(3, m.pc());
        assertEquals(15, m.register(15));
        assertEquals(1, m.memory(15));
        m.step();
        assertEquals(1, m.pc());
        assertEquals(16, m.register(15));

        // CALL from the last slot returns to slot 0; RET to a stored value past the slots wraps.
        TcInstruction[] code = new TcInstruction[8];
        Arrays.fill(code, TcInstruction.of(NOP));
        code[0] = i(JMP, 0, 0, 0, 7);
        code[7] = i(CALL, 0, 0, 0, 2);
        code[2] = TcInstruction.of(RET);
        TcMachine last = machine(SPEC, code);
        last.step();
        last.step();
        assertEquals(2, last.pc());
        assertEquals(0, last.memory(last.register(15)), "return slot wrapped to 0");
        last.step();
        assertEquals(0, last.pc());
        TcMachine far = machine(SPEC, TcInstruction.of(RET)).withMemory(15, 8 * 5 + 6).withRegister(15, 15);
        far.step();
        assertEquals(6, far.pc());
    }

    @Test void haltStaysAndTheStepLimitStops() {
        TcMachine m = machine(SPEC, TcInstruction.of(NOP), TcInstruction.of(HALT));
        TcState s = m.run(100);
        assertTrue(s.halted());
        assertEquals(1, s.pc());
        assertEquals(2, s.steps());
        m.step();
        assertEquals(2, m.steps(), "a halted machine does not step");

        TcState limited = machine(SPEC, i(JMP, 0, 0, 0, 0)).run(7);
        assertFalse(limited.halted());
        assertEquals(7, limited.steps());
    }

    @Test void traceSeesEveryStepInOrderWithTheStateAfterIt() {
        record Seen(long step, int pc, TcOp op, int r1) {}
        List<Seen> seen = new ArrayList<>();
        TcProgram p = new TcProgram(List.of(i(LI, 1, 0, 0, 3), i(ADDI, 1, 1, 0, -1), i(JNZ, 0, 0, 0, 1), TcInstruction.of(HALT)));
        TcState s = new TcMachine(p).run(100, (step, pc, ins, after) -> seen.add(new Seen(step, pc, ins.op(), after.register(1))));
        assertEquals(s.steps(), seen.size());
        assertEquals(new Seen(1, 0, LI, 3), seen.get(0));
        assertEquals(new Seen(2, 1, ADDI, 2), seen.get(1));
        assertEquals(new Seen(3, 2, JNZ, 2), seen.get(2));
        assertEquals(new Seen(s.steps(), 3, HALT, 0), seen.get(seen.size() - 1));
        for (int k = 0; k < seen.size(); k++) assertEquals(k + 1, seen.get(k).step());
    }
}
