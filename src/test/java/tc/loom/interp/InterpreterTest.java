package tc.loom.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.engine.Fault;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.TraceEvent;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;

/** The ideal ISA, opcode by opcode, on a small machine (s=32, m=16, n=64: program starts at column 48). */
class InterpreterTest {
    static final MachineConfig CFG = new MachineConfig(32, 16, 64, 8);
    static final int S = 32, START = 48;

    /** Memory column of cell i. */
    static int c(int i) { return S + i; }

    static Instruction op(Opcode op, int b, int c) { return Instruction.of(op, b, c); }

    static final Instruction HALT = op(Opcode.HALT, 0, 0);

    static Program program(int[] cells, Instruction... code) {
        int[] mem = new int[CFG.m()];
        System.arraycopy(cells, 0, mem, 0, cells.length);
        return new Program(CFG, mem, List.of(code), DebugInfo.minimal("test", code.length));
    }

    static RunResult run(Program p) { return new Interpreter().run(p, RunOptions.defaults()); }

    /** Runs {@code ins; HALT} on memory {@code cells} and returns the final memory. */
    static int[] after(int[] cells, Instruction ins) {
        RunResult r = run(program(cells, ins, HALT));
        assertEquals(RunResult.Status.HALTED, r.status(), () -> String.valueOf(r.fault()));
        assertEquals(2, r.steps());
        return java.util.Arrays.copyOf(r.memory(), cells.length);
    }

    @Test void arithmeticWraps() {
        assertArrayEquals(new int[] {-128, 1}, after(new int[] {127, 1}, op(Opcode.ADD, c(0), c(1))));
        assertArrayEquals(new int[] {-56, 100}, after(new int[] {100, 100}, op(Opcode.ADD, c(0), c(1))));
        assertArrayEquals(new int[] {14}, after(new int[] {7}, op(Opcode.ADD, c(0), c(0))));
        assertArrayEquals(new int[] {-96, -80}, after(new int[] {80, -80}, op(Opcode.SUB, c(0), c(1))));
        assertArrayEquals(new int[] {-128}, after(new int[] {127}, op(Opcode.INC, c(0), 0)));
        assertArrayEquals(new int[] {127}, after(new int[] {-128}, op(Opcode.DEC, c(0), 0)));
        assertArrayEquals(new int[] {-128}, after(new int[] {64}, op(Opcode.SHL, c(0), 0)));
        assertArrayEquals(new int[] {-64}, after(new int[] {-128}, op(Opcode.SHR, c(0), 0)));
        assertArrayEquals(new int[] {-1}, after(new int[] {-2}, op(Opcode.SHR, c(0), 0)));
    }

    @Test void bitwiseMoveSwapCmov() {
        assertArrayEquals(new int[] {0b1000, 0b1010}, after(new int[] {0b1100, 0b1010}, op(Opcode.AND, c(0), c(1))));
        assertArrayEquals(new int[] {0b1110, 0b1010}, after(new int[] {0b1100, 0b1010}, op(Opcode.OR, c(0), c(1))));
        assertArrayEquals(new int[] {0b0110, 0b1010}, after(new int[] {0b1100, 0b1010}, op(Opcode.XOR, c(0), c(1))));
        assertArrayEquals(new int[] {9, 9}, after(new int[] {3, 9}, op(Opcode.MOV, c(0), c(1))));
        assertArrayEquals(new int[] {9, 3}, after(new int[] {3, 9}, op(Opcode.SWAP, c(0), c(1))));
        assertArrayEquals(new int[] {-5}, after(new int[] {-5}, op(Opcode.SWAP, c(0), c(0))));
        assertArrayEquals(new int[] {7, 7}, after(new int[] {-1, 7}, op(Opcode.CMOV, c(0), c(1))));
        assertArrayEquals(new int[] {0, 7}, after(new int[] {0, 7}, op(Opcode.CMOV, c(0), c(1))));
        assertArrayEquals(new int[] {0, 0}, after(new int[] {-128, 0}, op(Opcode.CMOV, c(0), c(1))));
    }

    @Test void mulaccMatchesTheReferenceSingleSteps() {
        int[][] cases = {{1, 5, 2}, {-1, 3, 1}, {-128, 1, 1}, {64, 7, -128}, {-64, 10, -118}};
        for (int[] k : cases)
            assertEquals(k[2], after(new int[] {k[0], k[1]}, op(Opcode.MULACC, c(0), c(1)))[0]);
    }

    @Test void loadAndStoreReachEveryCellThroughAnUnsignedPointer() {
        // cell 0 = pointer 15 (last cell), cell 1 = destination
        int[] m = new int[16];
        m[0] = 15;
        m[15] = 42;
        assertEquals(42, after(m, op(Opcode.LOAD, c(1), c(0)))[1]);
        int[] s = new int[16];
        s[0] = 13;
        s[1] = -7;
        int[] out = run(program(s, op(Opcode.STORE, c(1), c(0)), HALT)).memory();
        assertEquals(-7, out[13]);
        // LOAD with b == c
        int[] same = new int[16];
        same[2] = 2;
        assertEquals(2, after(same, op(Opcode.LOAD, c(2), c(2)))[2]);
    }

    @Test void pointerOutsideMemoryFaultsInsteadOfWrapping() {
        RunResult r = run(program(new int[] {-1, 0}, op(Opcode.LOAD, c(1), c(0)), HALT));
        assertEquals(RunResult.Status.FAULT, r.status());
        assertEquals(Fault.Kind.POINTER_OUT_OF_RANGE, r.fault().kind());
        assertTrue(r.fault().message().contains("255"), r.fault().message());
        assertEquals(START, r.fault().pc());
        assertEquals(1, r.fault().step());
    }

    @Test void storePastTheStackIsReportedAsStackOverflow() {
        int[] mem = new int[16];
        mem[0] = 12; // SP
        DebugInfo debug = new DebugInfo("t", List.of(), new int[3], java.util.Map.of(), 7, 8, 12, 16);
        // loop: STORE x, SP; INC SP; JMP loop
        Program p = new Program(CFG, mem, List.of(op(Opcode.STORE, c(1), c(0)), op(Opcode.INC, c(0), 0),
                op(Opcode.JMP, 0, START)), debug);
        RunResult r = run(p);
        assertEquals(Fault.Kind.STACK_OVERFLOW, r.fault().kind());
        assertEquals(13, r.steps()); // 4 pushes of 2 steps + 4 jumps, then the fifth STORE
    }

    @Test void jumpsAndBranches() {
        // JZ taken skips the INC
        int[] m = run(program(new int[] {0, 0}, op(Opcode.JZ, c(0), START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(0, m[1]);
        m = run(program(new int[] {3, 0}, op(Opcode.JZ, c(0), START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(1, m[1]);
        m = run(program(new int[] {3, 0}, op(Opcode.JNZ, c(0), START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(0, m[1]);
        m = run(program(new int[] {-128, 0}, op(Opcode.CMP, c(0), START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(0, m[1]);
        m = run(program(new int[] {0, 0}, op(Opcode.CMP, c(0), START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(1, m[1]);
        m = run(program(new int[] {0, 0}, op(Opcode.JMP, 0, START + 2), op(Opcode.INC, c(1), 0), HALT)).memory();
        assertEquals(0, m[1]);
    }

    @Test void subleqIsSelectedByAnyMemoryColumnAsA() {
        // mem[1] = 5 - 3 = 2 > 0: no branch
        RunResult r = run(program(new int[] {3, 5, 0}, Instruction.subleq(c(0), c(1), START + 2), op(Opcode.INC, c(2), 0), HALT));
        assertEquals(2, r.cell(1));
        assertEquals(1, r.cell(2));
        // mem[1] = 3 - 3 = 0 ≤ 0: branch; also a memory column with bit 5 clear (cell 15 → column 47)
        int[] mem = new int[16];
        mem[15] = 3;
        mem[1] = 3;
        r = run(program(mem, Instruction.subleq(c(15), c(1), START + 2), op(Opcode.INC, c(2), 0), HALT));
        assertEquals(0, r.cell(1));
        assertEquals(0, r.cell(2));
        // -128 - 1 wraps to 127 > 0
        r = run(program(new int[] {1, -128}, Instruction.subleq(c(0), c(1), START), HALT));
        assertEquals(127, r.cell(1));
        assertEquals(2, r.steps());
    }

    @Test void findReturnsTheFirstMatch() {
        int[] mem = new int[16];
        mem[3] = 42;
        mem[5] = 42;
        mem[6] = 0; // destination; cells 0..2 hold 0, so searching 42 finds 3
        assertEquals(3, after(mem, op(Opcode.FIND, c(6), c(5)))[6]);
        int[] zero = new int[16];
        zero[4] = 9;
        assertEquals(0, after(zero, op(Opcode.FIND, c(4), c(7)))[4]);
    }

    @Test void haltStopsWhateverItsTargetAndCounts() {
        RunResult r = run(program(new int[0], op(Opcode.HALT, 0, START + 1), op(Opcode.INC, c(0), 0)));
        assertEquals(RunResult.Status.HALTED, r.status());
        assertEquals(1, r.steps());
        assertEquals(0, r.pc());
        assertEquals(0, r.cell(0));
    }

    @Test void faults() {
        RunResult off = run(program(new int[0], op(Opcode.INC, c(0), 0)));
        assertEquals(Fault.Kind.PC_OUT_OF_PROGRAM, off.fault().kind());
        assertEquals(2, off.steps());
        RunResult illegal = run(program(new int[0], new Instruction(25, c(0), 0)));
        assertEquals(Fault.Kind.ILLEGAL_INSTRUCTION, illegal.fault().kind());
        RunResult operand = run(program(new int[0], op(Opcode.INC, 5, 0)));
        assertEquals(Fault.Kind.OPERAND_OUT_OF_RANGE, operand.fault().kind());
        RunResult jumpOut = run(program(new int[0], op(Opcode.JMP, 0, 5)));
        assertEquals(Fault.Kind.PC_OUT_OF_PROGRAM, jumpOut.fault().kind());
    }

    @Test void stepLimitStopsAnInfiniteLoop() {
        RunResult r = new Interpreter().run(program(new int[0], op(Opcode.JMP, 0, START)), RunOptions.defaults().withMaxSteps(1000));
        assertEquals(RunResult.Status.STEP_LIMIT, r.status());
        assertEquals(1000, r.steps());
        assertEquals(START, r.pc());
    }

    @Test void traceReportsEveryStepWithItsWritesAndOutputsAreRecorded() {
        int[] mem = new int[16];
        mem[0] = 5;
        List<TraceEvent> events = new ArrayList<>();
        Program p = program(mem, op(Opcode.MOV, c(8), c(0)), op(Opcode.INC, c(0), 0), op(Opcode.MOV, c(8), c(0)), HALT);
        RunResult r = new Interpreter().run(p, RunOptions.defaults().withTrace(events::add));
        assertEquals(4, events.size());
        assertEquals(START + 1, events.get(1).pc());
        assertArrayEquals(new int[] {0, 6}, events.get(1).writes());
        assertEquals(0, events.get(3).nextPc());
        assertNotNull(events.get(3).instruction());
        assertEquals(List.of(5, 6), r.outputs());
    }
}
