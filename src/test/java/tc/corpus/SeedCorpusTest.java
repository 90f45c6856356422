package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.device.Devices;
import tc.computer.interp.SeedMachine;
import tc.source.CompileException;

/**
 * The golden corpus compiled for {@code --machine seed} and run on the discrete seed machine (every
 * page demand-paged through 256 words of main memory) ends as it does on the cpu machine: status,
 * retval, outputs and every global and variable of main. Steps differ (the page-fault handler's
 * run in between).
 */
class SeedCorpusTest {
    /** Programs whose cpu run depends on what the seed machine defines differently, with the reason. */
    static final Map<String, String> NOT_FOR_SEED = Map.of(
            "arrays/large_array_8bit.c", "indexes a[-57]: the cpu machine wraps the negative address into memory; on the seed machine "
                    + "negative addresses are memory-mapped devices, and this one is a bus error");

    @Test void everyExclusionNamesACorpusFile() {
        var paths = Corpus.load().stream().map(CorpusProgram::path).toList();
        for (String excluded : NOT_FOR_SEED.keySet()) assertTrue(paths.contains(excluded), "no corpus file " + excluded);
    }

    @Test void theExcludedProgramFaultsOnTheSeedMachine() {
        CorpusProgram p = Corpus.load().stream().filter(c -> c.path().equals("arrays/large_array_8bit.c")).findFirst().orElseThrow();
        TcCompiled seed = TcBackend.compile(CFrontEnd.compile(p.source(), TcBackend.WORD_BITS), TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
        SeedMachine m = new SeedMachine(seed.program(), TcBackend.SEED_CONFIG, Devices.inMemory(TcBackend.SEED_CONFIG));
        m.run(1_000_000);
        assertTrue(m.fault() != null && m.fault().message().startsWith("bus error: no device at address 0xffffffc7"), String.valueOf(m.fault()));
    }

    @TestFactory
    Stream<DynamicTest> corpusOnTheSeedMachine() {
        return Corpus.load().stream().filter(p -> !TcCorpusTest.NOT_FOR_TC.containsKey(p.path()) && !NOT_FOR_SEED.containsKey(p.path()))
                .map(p -> DynamicTest.dynamicTest(p.path() + " on seed", () -> check(CorpusProgram.parse32(p.path(), p.text()))));
    }

    private static final java.util.concurrent.atomic.AtomicInteger COMPARED = new java.util.concurrent.atomic.AtomicInteger(),
            COMPILE_ERRORS = new java.util.concurrent.atomic.AtomicInteger(), CUT = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll static void report() {
        System.out.println("seed corpus: " + COMPARED + " programs compared with the cpu machine, " + COMPILE_ERRORS
                + " compile errors (TcCorpusTest checks them), " + CUT + " cut by the step limit on cpu, " + NOT_FOR_SEED.size() + " excluded");
    }

    static void check(CorpusProgram p) {
        tc.ir.IrProgram ir;
        TcCompiled cpu;
        try {
            ir = CFrontEnd.compile(p.source(), TcBackend.WORD_BITS);
            cpu = TcBackend.compile(ir, TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.CPU);
        } catch (CompileException e) {
            COMPILE_ERRORS.incrementAndGet();
            return; // a compile error is the cpu machine's expectation, checked by TcCorpusTest
        }
        TcCompiled seed = TcBackend.compile(ir, TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
        TcOutcome want = TcRunner.run(cpu, TcEngines.INTERP, TcCorpusTest.MAX_STEPS);
        if (want.status() == TcOutcome.Status.STEP_LIMIT) {
            CUT.incrementAndGet();
            return; // nothing to compare at a cut
        }
        SeedMachine m = new SeedMachine(seed.program(), TcBackend.SEED_CONFIG, Devices.inMemory(TcBackend.SEED_CONFIG));
        TcOutcome got = TcRunner.outcome(seed, m.run(40 * TcCorpusTest.MAX_STEPS));
        assertNull(m.fault(), p.path());
        assertEquals(want.status(), got.status(), p.path());
        assertEquals(want.retval(), got.retval(), p.path());
        assertEquals(want.outputs(), got.outputs(), p.path());
        assertEquals(want.variables().keySet(), got.variables().keySet(), p.path());
        for (var e : want.variables().entrySet()) {
            Object b = got.variables().get(e.getKey());
            if (e.getValue() instanceof int[] a) assertArrayEquals(a, (int[]) b, p.path() + ": " + e.getKey());
            else assertEquals(e.getValue(), b, p.path() + ": " + e.getKey());
        }
        COMPARED.incrementAndGet();
    }
}
