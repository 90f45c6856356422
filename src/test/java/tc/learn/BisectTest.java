package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.*;
import static tc.learn.Reference.i;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/** The bisection template, the idioms at an index that come with it, and binary_search learned through them. */
class BisectTest {
    private static final Task SEARCH = TaskSuite.task("binary_search", 1);
    /** binary_search's bisection: one = r3, lo = r4, mid = r5, hi = r1; the probe goes to r6. */
    private static final List<Sketch> PROBE_MID = SketchEdits.probe(6, 5, 0);

    private static Sketch op(TcOp o, int rd, int rs1, int rs2, int imm) { return new Sketch.Op(i(o, rd, rs1, rs2, imm)); }

    /** Upper bound (key ≥ a[mid]: keep the upper half), then r0 = lo − 1 where a[lo − 1] is the key, else −1. */
    private static List<Sketch> upperBoundSearch() {
        List<Sketch> p = new ArrayList<>(List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE)));
        p.addAll(SketchEdits.probe(6, 4, -1));
        p.add(op(LI, 0, 0, 0, -1));
        p.add(new Sketch.If(2, 6, JNZ, List.of(op(ADDI, 0, 4, 0, -1))));
        return p;
    }

    @Test void theTemplateCompilesToTheDocumentedLoop() {
        List<TcInstruction> code = Sketch.compile(List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE)));
        assertEquals(List.of(i(LI, 3, 0, 0, 1), i(CMP, 0, 4, 1, 0), i(JGE, 0, 0, 0, 13), i(ADD, 5, 4, 1, 0), i(SHR, 5, 5, 3, 0),
                i(ADD, 6, 0, 5, 0), i(LOAD, 6, 6, 0, 0), i(CMP, 0, 2, 6, 0), i(JGE, 0, 0, 0, 11), i(MOV, 1, 5, 0, 0), i(JMP, 0, 0, 0, 1),
                i(ADDI, 4, 5, 0, 1), i(JMP, 0, 0, 0, 1)), code);
    }

    /** Whatever the verdict, each turn drops a half: the loop halts on the longest held-out arrays within the step budget. */
    @Test void everyVerdictEndsTheLoopWithinTheStepBudget() {
        for (TcOp verdict : SketchSpace.CONDITIONS) {
            List<Sketch> p = List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, verdict), op(MOV, 0, 4, 0, 0));
            Task fake = everyCaseAnswers(SEARCH, p);
            assertEquals(fake.test().size(), Reference.passed(Sketch.compile(p), fake, fake.test()), verdict + " halts on every case");
        }
    }

    /** The task with each case's expected r0 replaced by what {@code p} leaves there (so "passes" means "halts in time"). */
    private static Task everyCaseAnswers(Task t, List<Sketch> p) {
        Task unlimited = new Task(t.name(), t.description(), t.registers(), true, t.maxLength(), 1_000_000, t.spec(), t.train(), t.test());
        List<TaskCase> test = new ArrayList<>();
        for (TaskCase c : t.test()) {
            var m = Scorer.run(new tc.computer.isa.TcProgram(Sketch.compile(p), t.spec(), new int[0]), unlimited, c);
            test.add(new TaskCase(c.registers(), c.memory(), List.of(TaskCase.register(0, m.register(0)))));
        }
        return new Task(t.name(), t.description(), t.registers(), true, t.maxLength(), t.stepLimit(), t.spec(), t.train(), test);
    }

    @Test void anUpperBoundSearchCheckedAtLoMinusOneSolvesBinarySearch() {
        List<TcInstruction> code = Sketch.compile(upperBoundSearch());
        assertTrue(code.size() <= SEARCH.maxLength());
        assertTrue(SketchSearch.worthRunning(code, SEARCH), "the search would run it");
        for (long seed = 1; seed <= 5; seed++) {
            Task t = TaskSuite.task("binary_search", seed);
            assertEquals(t.train().size(), Reference.passed(code, t, t.train()), "train, seed " + seed);
            assertEquals(t.test().size(), Reference.passed(code, t, t.test()), "held-out, seed " + seed);
        }
    }

    /** A lower-bound search checks a[lo]: with the key above every word, lo = n and it reads past the array, where the training set put the key. */
    @Test void aLowerBoundSearchThatReadsPastTheArrayFailsTraining() {
        List<Sketch> p = new ArrayList<>(List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGT)));
        p.addAll(SketchEdits.probe(6, 4, 0));
        p.add(op(LI, 0, 0, 0, -1));
        p.add(new Sketch.If(2, 6, JNZ, List.of(op(MOV, 0, 4, 0, 0))));
        List<TcInstruction> code = Sketch.compile(p);
        int above = 6; // one case per training length with the key above all words
        assertEquals(SEARCH.train().size() - above, Reference.passed(code, SEARCH, SEARCH.train()));
    }

    /** From the search's cheap core (found by the enumeration), the check is one guard with a fallback away. */
    @Test void theCheckIsOneGuardAwayFromTheUpperBoundCore() {
        List<Sketch> core = List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE), op(ADDI, 0, 4, 0, -1));
        SketchSpace space = new SketchSpace(SEARCH);
        Set<List<Sketch>> around = new HashSet<>();
        new SketchEdits(space, SEARCH).neighbours(core, around::add);
        assertTrue(around.contains(upperBoundSearch()), "guard r0 ← lo − 1 by a[lo − 1] = key, falling back to −1");
        int core0 = Reference.passed(Sketch.compile(core), SEARCH, SEARCH.train());
        assertEquals(SEARCH.train().size() - 6, core0, "the core answers every present key, none of the absent ones");
    }

    @Test void onlyAnArrayTaskWithAKeyGetsTheBisectionAndItsIdioms() {
        assertTrue(names(new SketchSpace(SEARCH)).contains("bisect"));
        for (String name : List.of("sum_array", "bubble_sort", "add", "gcd")) {
            Task t = TaskSuite.task(name, 1);
            SketchSpace space = new SketchSpace(t);
            assertFalse(names(space).contains("bisect"), name);
            // no reads or guards at an index: those are the only edits that load at offset −1
            if (!t.usesMemory()) continue;
            List<Sketch> pass = List.of(new Sketch.Each(0, 1, List.of(op(LOAD, 2, 0, 0, 0))), op(MOV, 0, 2, 0, 0));
            new SketchEdits(space, t).neighbours(pass, n -> assertEquals(0, loadsBefore(n), name + ": " + n));
        }
        List<Sketch> core = List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE), op(ADDI, 0, 4, 0, -1));
        int[] reads = {0};
        new SketchEdits(new SketchSpace(SEARCH), SEARCH).neighbours(core, n -> reads[0] += loadsBefore(n));
        assertTrue(reads[0] > 0, "binary_search's neighbours do read a[x − 1]");
    }

    /** A read is also an edit of its own: a program that compares with a word it never read gets it in one step. */
    @Test void aReadAtAnIndexIsOneEdit() {
        List<Sketch> stale = new ArrayList<>(List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE)));
        stale.add(op(LI, 0, 0, 0, -1));
        stale.add(new Sketch.If(2, 6, JNZ, List.of(op(ADDI, 0, 4, 0, -1)))); // r6: the last word the loop probed
        assertTrue(Reference.passed(Sketch.compile(stale), SEARCH, SEARCH.test()) < SEARCH.test().size(), "the last probe is not a[lo − 1]");
        Set<List<Sketch>> around = new HashSet<>();
        new SketchEdits(new SketchSpace(SEARCH), SEARCH).neighbours(stale, around::add);
        assertTrue(around.contains(upperBoundSearch()));
    }

    /** LOADs at offset −1 anywhere in {@code block}: the enumeration uses offsets 0 and 1 only. */
    private static int loadsBefore(List<Sketch> block) {
        int n = 0;
        for (Sketch s : block)
            n += switch (s) {
                case Sketch.Op o -> o.ins().op() == LOAD && o.ins().imm() == -1 ? 1 : 0;
                case Sketch.Each e -> loadsBefore(e.body());
                case Sketch.Times t -> loadsBefore(t.body());
                case Sketch.While w -> loadsBefore(w.body());
                case Sketch.If f -> loadsBefore(f.then());
                case Sketch.Bisect h -> loadsBefore(h.body());
                case Sketch.Call c -> 0;
            };
        return n;
    }

    private static List<String> names(SketchSpace space) { return space.families().stream().map(SketchSpace.Family::name).toList(); }

    @Test void theBisectionFamilyListsTheCoreAtCostTen() {
        List<Sketch> core = List.of(SketchSpace.bisect(3, PROBE_MID, 2, 6, JGE), op(ADDI, 0, 4, 0, -1));
        SketchSpace.Family bisect = new SketchSpace(SEARCH).families().stream().filter(f -> f.name().equals("bisect")).findFirst().orElseThrow();
        List<List<Sketch>> listed = new ArrayList<>();
        bisect.programs().list(SketchSpace.BISECT + SketchSpace.PROBE + SketchSpace.cost(ADDI), listed::add);
        assertTrue(listed.contains(core), "template 4 + probe 3 + ADDI 3");
    }

    /** The whole learner, seed 1 (the table's first): binary_search learned and checked on TcMachine directly. */
    @Test void binarySearchIsLearned() {
        LearnResult r = Variants.FULL.learner(SEARCH, Learner.DEFAULT_POPULATION).learn(SEARCH, 1, LearnTable.defaultBudget("binary_search"), e -> { });
        assertTrue(r.solved(), r.assembly());
        assertEquals(SEARCH.test().size(), Reference.passed(r.program(), SEARCH, SEARCH.test()));
        assertEquals(SEARCH.train().size(), Reference.passed(r.program(), SEARCH, SEARCH.train()));
    }
}
