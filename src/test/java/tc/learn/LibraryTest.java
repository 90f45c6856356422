package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.*;
import static tc.learn.Reference.i;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcProgram;

class LibraryTest {
    static final Library.Routine MAX = new Library.Routine("max", List.of(i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 3), i(MOV, 0, 1, 0, 0)), 2);
    static final Library.Routine GCD = new Library.Routine("gcd", List.of(i(MOD, 2, 0, 1, 0), i(MOV, 0, 1, 0, 0), i(MOV, 1, 2, 0, 0), i(JNZ, 0, 0, 0, 0)), 3);
    static final Library.Routine ABS = new Library.Routine("abs", List.of(i(CMP, 0, 0, 1, 0), i(JGT, 0, 0, 0, 3), i(SUB, 0, 1, 0, 0)), 2);

    private static Sketch.Call call(Library.Routine r, Integer... registers) { return new Sketch.Call(r, List.of(registers)); }

    @Test void aCallIsACallToOneCopyOfTheRoutineLaidOutAfterAHalt() {
        List<Sketch> max3 = List.of(call(MAX, 0, 1), call(MAX, 0, 2), call(MAX, 0, 1));
        assertEquals(List.of(i(CALL, 0, 0, 0, 4), i(CALL, 0, 0, 0, 8), i(CALL, 0, 0, 0, 4), i(HALT, 0, 0, 0, 0),
                i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 7), i(MOV, 0, 1, 0, 0), i(RET, 0, 0, 0, 0),
                i(CMP, 0, 0, 2, 0), i(JGE, 0, 0, 0, 11), i(MOV, 0, 2, 0, 0), i(RET, 0, 0, 0, 0)), Sketch.compile(max3),
                "one copy per distinct renaming, the routine's exit is its RET");
        assertEquals(List.of(i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 3), i(MOV, 0, 1, 0, 0), i(CMP, 0, 0, 2, 0), i(JGE, 0, 0, 0, 6), i(MOV, 0, 2, 0, 0),
                i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 9), i(MOV, 0, 1, 0, 0)), Sketch.inline(max3), "inlined: exits fall through");
        assertFalse(Sketch.calls(List.of(new Sketch.Op(i(ADD, 0, 0, 1, 0)))));
        assertTrue(Sketch.calls(List.of(new Sketch.While(List.of(call(GCD, 0, 1, 2))))));
    }

    /** The CALL form (run with its stack) and the inlined form compute the same, case by case, inside loops too. */
    @Test void calledAndInlinedFormsAgreeOnTheMachine() {
        List<List<Sketch>> programs = List.of(
                List.of(call(GCD, 0, 1, 3), call(GCD, 0, 2, 3)),
                List.of(call(GCD, 1, 2, 3), new Sketch.Op(i(MUL, 0, 0, 1, 0))),
                List.of(new Sketch.Each(0, 1, List.of(new Sketch.Op(i(LOAD, 2, 0, 0, 0)), call(ABS, 2, 4), new Sketch.Op(i(ADD, 3, 3, 2, 0)))),
                        new Sketch.Op(i(MOV, 0, 3, 0, 0))));
        SplittableRandom r = new SplittableRandom(5);
        for (List<Sketch> p : programs) {
            List<TcInstruction> called = Sketch.compile(p), inlined = Sketch.inline(p);
            assertTrue(called.stream().anyMatch(x -> x.op() == CALL) && inlined.stream().noneMatch(x -> x.op() == CALL));
            for (int k = 0; k < 200; k++) {
                int[] regs = {8, r.nextInt(0, 6), r.nextInt(1, 200), r.nextInt(1, 200)};
                int[] mem = new int[16];
                for (int a = 8; a < 16; a++) mem[a] = r.nextInt(-50, 51);
                if (p.get(0) instanceof Sketch.Call) regs[0] = r.nextInt(1, 200);
                TcMachine a = run(called, regs, mem), b = run(inlined, regs, mem);
                assertTrue(a.halted() && b.halted());
                for (int reg = 0; reg < 5; reg++) assertEquals(b.register(reg), a.register(reg), p + " r" + reg);
            }
        }
    }

    private static TcMachine run(List<TcInstruction> code, int[] regs, int[] mem) {
        TcMachine m = new TcMachine(new TcProgram(code, tc.computer.isa.TcMachineSpec.fitting(64, 32), new int[0]));
        for (int k = 0; k < regs.length; k++) m.withRegister(k, regs[k]);
        for (int a = 0; a < mem.length; a++) m.withMemory(a, mem[a]);
        m.run(10_000);
        return m;
    }

    /**
     * abs as learned compares with r1, which it never writes: it was 0 where abs was learned. The
     * routine zeroes it on entry, so a caller whose register under r1 holds a value still gets |x|.
     */
    @Test void aRoutineZeroesTheScratchRegistersItReadsBeforeWriting() {
        Task abs = TaskSuite.task("abs", 1), gcd = TaskSuite.task("gcd", 1);
        Library.Routine learnedAbs = LibraryCurriculum.routine(abs, solved(abs, ABS.code()));
        assertEquals(0b10, learnedAbs.zeroed(), "r1 is read before any write");
        assertEquals(0, LibraryCurriculum.routine(gcd, solved(gcd, GCD.code())).zeroed(), "gcd writes r2 before reading it");
        List<Sketch> p = List.of(call(learnedAbs, 0, 2));
        assertEquals(List.of(i(LI, 2, 0, 0, 0), i(CMP, 0, 0, 2, 0), i(JGT, 0, 0, 0, 4), i(SUB, 0, 2, 0, 0)), Sketch.inline(p));
        for (int x : new int[]{-7, 0, 9}) {
            int[] regs = {x, 0, 123};
            assertEquals(Math.abs(x), run(Sketch.compile(p), regs, new int[0]).register(0), "called, r2 = 123 before the call");
            assertEquals(Math.abs(x), run(Sketch.inline(p), regs, new int[0]).register(0), "inlined");
            assertNotEquals(Math.abs(x), run(Sketch.inline(List.of(call(ABS, 0, 2))), regs, new int[0]).register(0),
                    "without the zeroing the same call compares with 123");
        }
        assertThrows(IllegalArgumentException.class, () -> new Library.Routine("x", ABS.code(), 2, 0b100));
    }

    private static LearnResult solved(Task task, List<TcInstruction> program) {
        return new LearnResult(task.name(), 1, true, 1, 1, 1.0, program, 0, List.of());
    }

    @Test void callsMapEveryRoutineRegisterToADistinctUnfrozenOne() {
        Library lib = Library.EMPTY.with(MAX).with(GCD);
        assertEquals(4 * 3 + 4 * 3 * 2, lib.calls(4, 0).size(), "ordered choices of 2 and of 3 registers among 4");
        assertEquals(3 * 2 + 3 * 2 * 1, lib.calls(5, 0b11).size(), "r0 and r1 frozen: 3 registers left");
        assertTrue(lib.calls(5, 0b11).stream().allMatch(c -> c.registers().stream().allMatch(x -> x >= 2)));
    }

    @Test void aRoutineMayNotUseTheStackOrNameRegistersItDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> new Library.Routine("x", List.of(i(PUSH, 0, 0, 0, 0)), 1));
        assertThrows(IllegalArgumentException.class, () -> new Library.Routine("x", List.of(i(ADD, 0, 0, 2, 0)), 2));
    }

    @Test void libraryTasksHaveHandWrittenSolutionsThatCallTheirRoutines() {
        var solutions = java.util.Map.of(
                "max3", List.<Sketch>of(call(MAX, 0, 1), call(MAX, 0, 2)),
                "gcd3", List.<Sketch>of(call(GCD, 0, 1, 3), call(GCD, 0, 2, 3)),
                "sum_abs", List.<Sketch>of(new Sketch.Each(0, 1, List.of(new Sketch.Op(i(LOAD, 2, 0, 0, 0)), call(ABS, 2, 4), new Sketch.Op(i(ADD, 3, 3, 2, 0)))),
                        new Sketch.Op(i(MOV, 0, 3, 0, 0))));
        assertEquals(java.util.Set.copyOf(TaskSuite.LIBRARY_NAMES), solutions.keySet());
        for (String name : TaskSuite.LIBRARY_NAMES) {
            Task t = TaskSuite.task(name, 7);
            List<TcInstruction> code = Sketch.compile(solutions.get(name));
            assertTrue(code.size() < t.spec().slots(), name + " fits with its routines");
            assertTrue(Sketch.inline(solutions.get(name)).size() <= t.maxLength(), name);
            assertEquals(t.test().size(), Reference.passed(code, t, t.test()), name);
            assertTrue(Reference.passed(List.of(), t, t.test()) < t.test().size() / 2, name + ": doing nothing fails");
            assertFalse(t.uses().isEmpty());
        }
    }

    @Test void max3CallsTheLearnedMaxAndBeatsLearningWithoutIt() {
        Task task = TaskSuite.task("max3", 1);
        LibraryCurriculum.Built built = LibraryCurriculum.build(task, 1, t -> Variants.FULL.learner(t, 4).learn(t, 1, 2_000, e -> { }));
        assertEquals(List.of("max"), built.prerequisites().stream().map(LearnResult::task).toList());
        assertTrue(built.library().routines().containsKey("max"));
        LearnResult with = Variants.FULL.learner(task, 4).learn(task, built.library(), 1, 5_000, e -> { });
        LearnResult without = Variants.FULL.learner(task, 4).learn(task, 1, 5_000, e -> { });
        assertTrue(with.solved(), with.assembly());
        assertTrue(with.program().stream().anyMatch(x -> x.op() == CALL), "the learned program calls max: " + with.assembly());
        assertEquals(task.test().size(), Reference.passed(with.program(), task, task.test()));
        assertTrue(!without.solved() || with.episodesToSolve() < without.episodesToSolve(),
                "with " + with.episodesToSolve() + ", without " + without.episodesToSolve());
    }

    @Test void extractionShrinksOnlyTheCallersOwnCode() {
        List<TcInstruction> code = Sketch.compile(List.of(new Sketch.Op(i(MOV, 3, 0, 0, 0)), call(MAX, 0, 1), call(MAX, 0, 2)));
        assertEquals(3, Extraction.ownLength(code), "the routines start after the HALT at 3");
        assertEquals(2, Extraction.ownLength(List.of(i(ADD, 0, 0, 1, 0), i(SUB, 0, 0, 1, 0))));
        Task task = TaskSuite.task("max3", 1);
        LearnState state = new LearnState();
        state.program = code;
        state.solved = true;
        new Extraction().run(new LearnContext(task, new EpisodeCounter(100), state, 1, 1, e -> { }));
        assertEquals(Sketch.compile(List.of(call(MAX, 0, 1), call(MAX, 0, 2))), state.program, "the dead MOV goes, the routines stay");
    }

    /** The local search's insert and delete keep CALL targets on their routines, as they do jump targets. */
    @Test void insertingOrDeletingBeforeARoutineMovesTheCallWithIt() {
        List<TcInstruction> code = Sketch.compile(List.of(call(MAX, 0, 1)));
        assertEquals(i(CALL, 0, 0, 0, 2), code.get(0));
        List<TcInstruction> longer = Mutations.insert(code, 1, i(MOV, 3, 0, 0, 0));
        assertEquals(i(CALL, 0, 0, 0, 3), longer.get(0));
        assertEquals(code, Mutations.delete(longer, 1));
    }

    @Test void anUnsolvedPrerequisiteLeavesTheLibraryWithoutIt() {
        LibraryCurriculum.Built built = LibraryCurriculum.build(TaskSuite.task("gcd3", 1), 1, t -> Variants.SEARCH_ONLY.learner(t, 1).learn(t, 1, 5, e -> { }));
        assertEquals(1, built.prerequisites().size());
        assertFalse(built.prerequisites().get(0).solved());
        assertTrue(built.library().routines().isEmpty());
    }
}
