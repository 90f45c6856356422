package tc.difftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.computer.isa.TcProgram;
import tc.computer.selfhost.ImageVariables;
import tc.computer.selfhost.MachineRun;
import tc.computer.selfhost.SelfHost;
import tc.ir.IrInterpreter;

/**
 * Random programs from the gcc-differential generator (every one passes an array by reference
 * and walks one with a pointer), compiled on the seed machine by the self-hosted compiler, must
 * print, return and leave in their variables what the IR interpreter (the oracle) gives at 32
 * bits. Variables the image notes as pointers hold addresses, which depend on the layout, and
 * are not compared.
 *
 * <p>{@code -Dtc.selfhostdiff.programs=K} runs seeds 0..K-1 (default 30); {@code
 * -Dtc.selfhostdiff.seed=K} reruns one. A program whose IR run leaves the arrays' bounds is
 * counted and not compared, as in {@link TcDifferentialTest}.
 */
class SelfhostDifferentialTest {
    private static final long MAX_STEPS = 5_000_000;
    private static final TcProgram COMPILER = SelfHost.stage1().program();
    private static final AtomicInteger compared = new AtomicInteger(), outOfBounds = new AtomicInteger(), variables = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> selfHostedCompilerAgreesWithTheIrInterpreter() {
        return GeneratedCases.seeds("tc.selfhostdiff", 30).stream().map(s -> DynamicTest.dynamicTest("seed " + s, () -> check(s)));
    }

    static void check(long seed) {
        GeneratedCases.Reference ref = GeneratedCases.reference(seed, MAX_STEPS);
        var p = ref.program();
        IrInterpreter.Result want = ref.result();
        if (ref.outOfBounds()) {
            outOfBounds.incrementAndGet();
            return;
        }
        assertEquals(IrInterpreter.Status.RETURNED, want.status(), "seed " + seed + ": the generator promises termination");
        String where = "seed " + seed + " (rerun with -Dtc.selfhostdiff.seed=" + seed + ")\n" + p.text();
        MachineRun compiled = SelfHost.compileOnMachine(COMPILER, p.text(), 50_000_000L);
        assertTrue(compiled.succeeded(), "the self-hosted compiler failed: " + compiled.console() + "\n" + where);
        MachineRun run = SelfHost.run(SelfHost.assemble("gen-" + seed + ".s", compiled.console()), "", 50 * MAX_STEPS);
        assertTrue(run.halted(), run.fault() + "\n" + where);
        assertEquals(want.outputs(), run.state().outputs(), where);
        assertEquals(want.retval(), run.exitStatus(), where);
        Map<String, int[]> got = ImageVariables.values(compiled.console(), run.state());
        for (var n : ImageVariables.notes(compiled.console(), run.state().memory().length)) {
            int[] value = want.variables().get(n.name());
            if (n.pointer() || !got.containsKey(n.name()) || value == null) continue;
            assertArrayEquals(value, got.get(n.name()), n.name() + " in " + where);
            variables.incrementAndGet();
        }
        compared.incrementAndGet();
    }

    @AfterAll
    static void mostProgramsWereCompared() {
        int n = compared.get(), skipped = outOfBounds.get();
        System.out.printf("selfhost differential: %d programs compared (%d variables), %d left out (index out of bounds at 32 bits)%n",
                n, variables.get(), skipped);
        assertTrue(skipped * 10 <= n + skipped, "too many generated programs index out of bounds at 32 bits: " + skipped + " of " + (n + skipped));
    }
}
