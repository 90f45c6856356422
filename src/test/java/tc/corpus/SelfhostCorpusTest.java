package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.isa.TcProgram;
import tc.computer.selfhost.ImageVariables;
import tc.computer.selfhost.MachineRun;
import tc.computer.selfhost.SelfHost;
import tc.source.CompileException;

/**
 * The golden corpus compiled on the machine by the self-hosted compiler (stage 1, selfhost.c
 * compiled by tc, running on the seed machine) gives tc's answers: every program tc compiles
 * and the self-hosted compiler accepts ends as the tc-compiled program does on the cpu machine
 * (status, retval, outputs, and every global and variable of main the image notes), and every
 * program tc rejects the self-hosted compiler rejects too, with a message, except those pinned
 * below. The pinned lists are exact both ways, so neither can grow or shrink silently
 * (docs/selfhost.md lists them).
 */
class SelfhostCorpusTest {
    /** Programs tc runs that are outside the self-hosted compiler's reach, and why. */
    static final Map<String, String> OUTSIDE = Map.of(
            "arrays/large_array_8bit.c", "indexes a[-57]: on the seed machine, where the self-hosted compiler's programs run, a negative "
                    + "address is a device and this one a bus error (as for tc's own seed build, SeedCorpusTest)",
            "faults/stack_overflow.c", "runaway recursion: tc's code checks sp in every prologue and stops with stack_overflow; the "
                    + "self-hosted compiler's code has no such check, so the stack runs into the device addresses and the run ends with a bus error");

    /** Programs tc rejects that the self-hosted compiler accepts: checks it does not make. */
    static final Map<String, String> NOT_CHECKED = new TreeMap<>(Map.ofEntries(
            Map.entry("errors/assign_to_const.c", "const is read and ignored"),
            Map.entry("errors/constant_index_out_of_bounds.c", "constant indices are not bounds-checked"),
            Map.entry("loom-defects/constant_index_out_of_bounds.c", "constant indices are not bounds-checked"),
            Map.entry("errors/literal_out_of_range_32.c", "literals wrap at 32 bits instead of being refused"),
            Map.entry("errors/redefinition.c", "two locals of one name in one block are not refused (the later shadows)"),
            Map.entry("errors/return_without_value.c", "return without a value in an int function is not refused"),
            Map.entry("errors/switch_duplicate_case.c", "duplicate case labels are not refused (the first matches)"),
            Map.entry("errors/switch_two_defaults.c", "a second default is not refused (the last wins)"),
            Map.entry("errors/void_value_used.c", "void and int functions are not told apart"),
            Map.entry("errors/wrong_arity.c", "calls are not checked against the function's parameters")));

    private static final TcProgram COMPILER = SelfHost.stage1().program();
    private static final long COMPILE_STEPS = 50_000_000L;
    private static final AtomicInteger SAME = new AtomicInteger(), REJECTED = new AtomicInteger(), VARIABLES = new AtomicInteger();

    @Test void everyPinnedProgramIsACorpusFile() {
        var paths = Corpus.load().stream().map(CorpusProgram::path).toList();
        for (String p : OUTSIDE.keySet()) assertTrue(paths.contains(p), p);
        for (String p : NOT_CHECKED.keySet()) assertTrue(paths.contains(p), p);
    }

    @TestFactory
    Stream<DynamicTest> corpusCompiledOnTheMachine() {
        return Corpus.load().stream().filter(p -> !TcCorpusTest.NOT_FOR_TC.containsKey(p.path()))
                .map(p -> DynamicTest.dynamicTest(p.path() + " by selfhost", () -> check(CorpusProgram.parse32(p.path(), p.text()))));
    }

    @AfterAll static void report() {
        System.out.println("selfhost corpus: " + SAME + " programs give tc's results (" + VARIABLES + " variables compared), "
                + REJECTED + " rejected as tc rejects them, " + OUTSIDE.size() + " outside the subset, " + NOT_CHECKED.size() + " errors not checked");
    }

    private static void check(CorpusProgram p) {
        TcOutcome want;
        try {
            want = TcRunner.run(TcBackend.compile(CFrontEnd.compile(p.source(), TcBackend.WORD_BITS), TcBackend.DEFAULT_MEMORY_WORDS,
                    TcBackend.Machine.CPU), TcEngines.INTERP, TcCorpusTest.MAX_STEPS);
        } catch (CompileException e) {
            want = null;
        }
        MachineRun compiled = SelfHost.compileOnMachine(COMPILER, p.text(), COMPILE_STEPS);
        assertTrue(compiled.halted(), p.path() + ": the compiler did not finish: " + compiled.fault());
        if (want == null) {
            if (NOT_CHECKED.containsKey(p.path())) {
                assertEquals(0, compiled.exitStatus(), p.path() + " is pinned as accepted, but: " + compiled.console());
                return;
            }
            assertEquals(1, compiled.exitStatus(), p.path() + ": tc rejects it, the self-hosted compiler accepted it");
            assertTrue(compiled.console().matches("error: line \\d+: .+\n"), p.path() + ": " + compiled.console());
            REJECTED.incrementAndGet();
            return;
        }
        assertEquals(0, compiled.exitStatus(), p.path() + ": rejected: " + compiled.console());
        MachineRun run = SelfHost.run(SelfHost.assemble(p.path(), compiled.console()), "", 40 * TcCorpusTest.MAX_STEPS);
        if (OUTSIDE.containsKey(p.path())) {
            assertTrue(run.fault() != null && run.fault().message().startsWith("bus error"), p.path() + " is pinned as a bus error: " + run.fault());
            return;
        }
        if (want.status() == TcOutcome.Status.STEP_LIMIT) {
            assertTrue(!run.halted() && run.fault() == null, p.path() + ": tc's run is cut by the step limit, this one ended");
            return;
        }
        assertEquals(TcOutcome.Status.HALTED, want.status(), p.path());
        assertTrue(run.halted(), p.path() + ": " + run.fault());
        assertEquals(want.retval(), run.exitStatus(), p.path() + ": retval");
        assertEquals(want.outputs(), run.state().outputs(), p.path() + ": outputs");
        Map<String, int[]> got = ImageVariables.values(compiled.console(), run.state());
        Map<String, Integer> noted = new LinkedHashMap<>();
        for (var n : ImageVariables.notes(compiled.console(), run.state().memory().length)) noted.merge(n.name(), 1, Integer::sum);
        for (var e : want.variables().entrySet()) {
            String name = e.getKey();
            if (name.contains("@") || e.getValue() == null || noted.getOrDefault(name, 0) > 1) continue; // shadowed: not one variable
            int[] g = got.get(name);
            assertTrue(g != null, p.path() + ": no note of " + name);
            if (e.getValue() instanceof int[] a) assertArrayEquals(a, g, p.path() + ": " + name);
            else assertArrayEquals(new int[] {(Integer) e.getValue()}, g, p.path() + ": " + name);
            VARIABLES.incrementAndGet();
        }
        SAME.incrementAndGet();
    }

    @Test void theListsAreDisjoint() {
        for (String p : OUTSIDE.keySet()) assertTrue(!NOT_CHECKED.containsKey(p), p);
        assertEquals(List.of(), OUTSIDE.keySet().stream().filter(NOT_CHECKED::containsKey).toList());
    }
}
