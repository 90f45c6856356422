package tc.loom.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tc.corpus.Corpus;
import tc.corpus.CorpusProgram;
import tc.loom.backend.Compiler;
import tc.loom.engine.Fault;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.source.CompileException;

/**
 * The interpreter's fast path ({@link DecodedProgram}) against its reference path ({@link IsaMachine}
 * stepped one instruction at a time): status, steps, PC, every memory cell, the outputs and the
 * fault (kind, words, PC, step) must all be the same, on the whole golden corpus and on thousands
 * of random programs built to reach every fault and every opcode.
 */
class DecodedProgramTest {
    private static final long CORPUS_MAX_STEPS = 2_000_000L;

    @Test void corpusRunsAlikeOnBothPaths() {
        int compared = 0;
        Map<RunResult.Status, Integer> ends = new EnumMap<>(RunResult.Status.class);
        for (CorpusProgram p : Corpus.load()) {
            Program program;
            try {
                program = Compiler.compile(p.source(), p.options());
            } catch (CompileException e) {
                continue; // a corpus program that states a compile error has nothing to run
            }
            RunResult reference = assertAlike(program, CORPUS_MAX_STEPS, p.path());
            ends.merge(reference.status(), 1, Integer::sum);
            // Cut the same run short at a few places, so that STEP_LIMIT's PC and memory are compared too.
            for (long cut : new long[] {1, 2, reference.steps() / 3, reference.steps() - 1})
                if (cut >= 1 && cut < reference.steps()) assertAlike(program, cut, p.path() + " cut at " + cut);
            compared++;
        }
        assertTrue(compared > 100, "only " + compared + " corpus programs compiled");
        assertTrue(ends.getOrDefault(RunResult.Status.FAULT, 0) >= 3, "the corpus's fault programs did not fault: " + ends);
    }

    @Test void randomProgramsRunAlikeOnBothPaths() {
        Random random = new Random(20261202);
        Map<Fault.Kind, Integer> faults = new EnumMap<>(Fault.Kind.class);
        Map<RunResult.Status, Integer> ends = new EnumMap<>(RunResult.Status.class);
        int[] opcodeSteps = new int[Opcode.EXTENDED_COUNT + 1];
        for (int i = 0; i < 4000; i++) {
            MachineConfig config = i % 4 == 3 ? new MachineConfig(32, 40, 128, 16) : new MachineConfig(32, 16, 64, 8);
            Program program = randomProgram(random, config);
            long maxSteps = 1 + random.nextInt(i % 10 == 0 ? 20 : 600);
            RunResult reference = assertAlike(program, maxSteps, "random program " + i + " " + program.instructions()
                    + " memory " + java.util.Arrays.toString(program.memory()));
            ends.merge(reference.status(), 1, Integer::sum);
            if (reference.fault() != null) faults.merge(reference.fault().kind(), 1, Integer::sum);
            countOpcodes(program, maxSteps, opcodeSteps);
        }
        for (Fault.Kind kind : Fault.Kind.values())
            assertTrue(faults.getOrDefault(kind, 0) >= 20, "too few random runs end in " + kind + ": " + faults);
        for (RunResult.Status status : RunResult.Status.values())
            assertTrue(ends.getOrDefault(status, 0) >= 100, "too few random runs end " + status + ": " + ends);
        for (int op = 0; op < opcodeSteps.length; op++)
            assertTrue(opcodeSteps[op] >= 200, "opcode " + op + " ran only " + opcodeSteps[op] + " times");
    }

    @Test void outputsWrittenBySwapStoreAndSubleqAreKeptInOrder() {
        MachineConfig config = new MachineConfig(32, 16, 64, 8);
        int out = DebugInfo.LOOM_OUTPUT, s = 32, start = 48;
        int[] mem = new int[16];
        mem[0] = out; // a pointer to the output cell
        mem[1] = 5;
        mem[2] = 3;
        List<Instruction> code = List.of(
                Instruction.of(Opcode.STORE, s + 1, s), // output 5
                Instruction.of(Opcode.SWAP, s + out, s + 2), // output 3, then cell 2 = 5
                Instruction.subleq(s + 1, s + out, start + 3), // output 3 - 5 = -2, branch
                Instruction.of(Opcode.SWAP, s + out, s + out), // output -2 twice
                Instruction.of(Opcode.HALT, 0, 0));
        Program program = new Program(config, mem, code, DebugInfo.minimal("outputs", code.size()));
        RunResult fast = assertAlike(program, 100, "outputs");
        assertEquals(List.of(5, 3, -2, -2, -2), fast.outputs());
    }

    @Test void theInterpreterTakesTheReferencePathWhenTraced() {
        Program program = randomProgram(new Random(7), new MachineConfig(32, 16, 64, 8));
        List<Long> seen = new ArrayList<>();
        RunResult traced = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(300).withTrace(e -> seen.add(e.step())));
        assertEquals(traced.steps(), seen.size());
        assertSame(Interpreter.stepByStep(program, RunOptions.defaults().withMaxSteps(300)), traced, "traced");
    }

    /** Runs both paths (and the engine) and asserts them equal; returns the reference's result. */
    private static RunResult assertAlike(Program program, long maxSteps, String what) {
        RunResult reference = Interpreter.stepByStep(program, RunOptions.defaults().withMaxSteps(maxSteps));
        assertSame(reference, DecodedProgram.of(program).run(maxSteps), what);
        assertSame(reference, new Interpreter().run(program, RunOptions.defaults().withMaxSteps(maxSteps)), what + " (engine)");
        return reference;
    }

    private static void assertSame(RunResult want, RunResult got, String what) {
        assertEquals(want.status(), got.status(), () -> what + ": status");
        assertEquals(want.steps(), got.steps(), () -> what + ": steps");
        assertEquals(want.pc(), got.pc(), () -> what + ": pc");
        assertArrayEquals(want.memory(), got.memory(), () -> what + ": memory");
        assertEquals(want.outputs(), got.outputs(), () -> what + ": outputs");
        assertEquals(want.fault(), got.fault(), () -> what + ": fault");
    }

    /**
     * A random program that exercises everything the fast path must get right or hand over: mostly
     * valid operands and in-program jumps (so runs last), now and then an operand outside memory, a
     * jump outside the program, an undefined opcode, a SUBLEQ with a bad subtrahend, pointers past m
     * and a push onto the end of a declared stack.
     */
    static Program randomProgram(Random random, MachineConfig config) {
        int s = config.s(), m = config.m(), start = config.programStart();
        int size = 3 + random.nextInt(Math.min(40, config.instructionSlots() - 3));
        int bits = config.wordBits();
        List<Instruction> code = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            int roll = random.nextInt(100);
            int b = memoryColumn(random, config), c;
            if (roll < 2) {
                code.add(new Instruction(Opcode.EXTENDED_COUNT + random.nextInt(s - Opcode.EXTENDED_COUNT), b, b));
                continue;
            }
            if (roll < 12) {
                int a = random.nextInt(30) == 0 ? start + random.nextInt(config.n() - start) : s + random.nextInt(m);
                code.add(Instruction.subleq(a, b, target(random, config, size)));
                continue;
            }
            // HALT rarely, so that most runs go on long enough to meet the other endings.
            Opcode op = roll < 13 ? Opcode.HALT : Opcode.byNumber(1 + random.nextInt(Opcode.EXTENDED_COUNT - 1)).orElseThrow();
            c = op.jumps() ? target(random, config, size) : memoryColumn(random, config);
            code.add(Instruction.of(op, b, c));
        }
        int[] memory = new int[m];
        int lo = -(1 << (bits - 1)), hi = 1 << (bits - 1);
        for (int i = 0; i < m; i++) {
            int roll = random.nextInt(8);
            // m itself is a push one past the stack: STACK_OVERFLOW when the program declares one.
            memory[i] = roll == 0 ? m : roll < 3 ? lo + random.nextInt(hi - lo) : random.nextInt(Math.min(m + 3, hi)) - 2;
        }
        int stackBase = m / 2;
        DebugInfo debug = random.nextBoolean()
                ? new DebugInfo("random", List.of(), new int[size], Map.of(), 7, random.nextInt(m), stackBase, m)
                : DebugInfo.minimal("random", size);
        return new Program(config, memory, code, debug);
    }

    /** A memory column, or once in 60 any column at all (most of which are not memory). */
    private static int memoryColumn(Random random, MachineConfig config) {
        return random.nextInt(60) == 0 ? random.nextInt(config.n()) : config.s() + random.nextInt(config.m());
    }

    /** An instruction of the program, or once in 40 any column (usually outside the program). */
    private static int target(Random random, MachineConfig config, int size) {
        return random.nextInt(40) == 0 ? random.nextInt(config.n()) : config.programStart() + random.nextInt(size);
    }

    /** Adds to {@code counts} the instructions the reference runs, by opcode number (SUBLEQ last). */
    private static void countOpcodes(Program program, long maxSteps, int[] counts) {
        IsaMachine machine = new IsaMachine(program);
        while (machine.running() && machine.steps() < maxSteps) {
            Instruction ins = machine.current();
            Opcode op = ins == null ? null : ins.opcode(program.config());
            if (op != null) counts[op == Opcode.SUBLEQ ? Opcode.EXTENDED_COUNT : op.number()]++;
            machine.step();
        }
    }
}
