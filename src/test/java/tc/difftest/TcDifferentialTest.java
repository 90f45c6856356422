package tc.difftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.backend.TcSymbol;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;

/**
 * Random programs from the gcc-differential generator, compiled at 32 bits for the Tensor
 * Computer and run on its discrete interpreter, must print, return and leave in their globals
 * exactly what the IR interpreter (the oracle) gives at 32 bits. The generator writes programs for
 * 8- or 16-bit words; at 32 bits they are still valid C, with other values.
 *
 * <p>{@code -Dtc.tcdiff.programs=K} runs seeds 0..K-1 (default 300); {@code -Dtc.tcdiff.seed=K}
 * reruns one. A program whose IR run leaves the arrays' bounds (undefined in the IR, and possible
 * because the generator keeps indices in range only at its own width) is not compared; it is
 * counted and the count must stay a small minority.
 */
class TcDifferentialTest {
    private static final long MAX_STEPS = 5_000_000;
    private static final AtomicInteger compared = new AtomicInteger(), outOfBounds = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> tensorComputerAgreesWithTheIrInterpreter() {
        return GeneratedCases.seeds("tc.tcdiff", 300).stream().map(s -> DynamicTest.dynamicTest("seed " + s, () -> check(s)));
    }

    static void check(long seed) {
        GeneratedCases.Reference ref = GeneratedCases.reference(seed, MAX_STEPS);
        var p = ref.program();
        IrProgram ir = ref.ir();
        IrInterpreter.Result want = ref.result();
        if (ref.outOfBounds()) {
            outOfBounds.incrementAndGet();
            return;
        }
        assertEquals(IrInterpreter.Status.RETURNED, want.status(), "seed " + seed + ": the generator promises termination");
        TcCompiled compiled = TcBackend.compile(ir, 256);
        TcOutcome got = TcRunner.run(compiled, TcEngines.INTERP, 50 * MAX_STEPS);
        String where = "seed " + seed + " (rerun with -Dtc.tcdiff.seed=" + seed + ")\n" + p.text();
        assertEquals(TcOutcome.Status.HALTED, got.status(), where);
        assertEquals(want.outputs(), got.outputs(), where);
        assertEquals(want.retval(), got.retval(), where);
        for (TcSymbol g : compiled.symbols()) {
            if (g.function() != null || compiled.symbols().stream().filter(x -> x.name().equals(g.name())).count() > 1) continue;
            int[] value = want.variables().get(g.name());
            Object mine = got.variables().get(g.name());
            if (g.array()) assertArrayEquals(value, (int[]) mine, g.name() + " in " + where);
            else assertEquals(value[0], (Integer) mine, g.name() + " in " + where);
        }
        compared.incrementAndGet();
    }

    @AfterAll
    static void mostProgramsWereCompared() {
        int n = compared.get(), skipped = outOfBounds.get();
        System.out.printf("tc differential: %d programs compared, %d left out (index out of bounds at 32 bits)%n", n, skipped);
        assertTrue(skipped * 10 <= n + skipped, "too many generated programs index out of bounds at 32 bits: " + skipped + " of " + (n + skipped));
    }
}
