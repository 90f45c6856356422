package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.Engines;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.Engine;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.TransformerEngine;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.verify.LockstepVerifier;
import tc.loom.verify.Verification;
import tc.source.CompileException;

/**
 * The golden corpus on the exact transformer engines, computed from the weights alone.
 *
 * <p>Each engine (sparse, dense) runs every program at every named configuration of its word width
 * where it compiles: its run must equal the interpreter's (status, steps, PC, memory, outputs,
 * fault kind), and at the program's own configuration also meet the expectations its comments
 * state (the check {@link CorpusTest} applies to the interpreter); sparse, being cheap, also runs
 * that check on its own, for programs of at most {@code tc.corpus.sparseSteps} steps (default
 * 10,000: every program of the corpus but the long demos, such as Sudoku's million steps, which
 * take hours at today's ~1,000 steps/s). CI bounds the other runs too:
 * sparse at other configurations to programs of at most {@code tc.corpus.otherConfigSteps} steps
 * (default 400); dense at the named configurations to programs of at most {@code tc.corpus.denseSteps} steps
 * (default 30, as pom.xml sets it). {@code -Pexhaustive} lifts all three bounds. A run left out by a bound is reported as an
 * aborted test with the reason, never passed silently.
 *
 * <p>And every program runs on dense at its own configuration, in lockstep with the interpreter
 * ({@link LockstepVerifier}: after every step the PC, every memory cell and every state entry
 * exactly −1, 0 or +1): its whole run when it has at most {@code tc.corpus.densePrefix} steps
 * (default 2,000), else its first {@code tc.corpus.densePrefix} steps; the test's name says which.
 * So no program of the corpus goes untested on dense. {@code -Pexhaustive} runs them whole.
 */
class ExactCorpusTest {
    static final long DENSE_STEPS = Long.getLong("tc.corpus.denseSteps", 30);
    static final long DENSE_PREFIX = Long.getLong("tc.corpus.densePrefix", 2_000);
    static final long OTHER_CONFIG_STEPS = Long.getLong("tc.corpus.otherConfigSteps", 400);
    static final long SPARSE_STEPS = Long.getLong("tc.corpus.sparseSteps", 10_000);

    @TestFactory
    Stream<DynamicNode> corpusOnExactEngines() {
        Engine sparse = Engines.get("sparse", "exact");
        Engine dense = Engines.get("dense", "exact");
        List<DynamicNode> nodes = new ArrayList<>();
        for (CorpusProgram p : Corpus.load()) {
            if (p.expectedError() != null) continue; // compile errors: no run on any engine (CorpusTest checks them)
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(p.path() + " on sparse (exact)", () -> {
                Program program = Compiler.compile(p.source(), p.options());
                assumeWithin(new Interpreter().run(program, new RunOptions(CorpusTest.MAX_STEPS, null)), SPARSE_STEPS, "tc.corpus.sparseSteps");
                CorpusTest.check(p, sparse);
            }));
            for (MachineConfig c : MachineConfig.namedInOrder()) {
                MachineConfig config = c.withWordBits(p.options().wordBits());
                // A configuration the program does not fit is not a test: nothing runs there.
                if (!fits(p, config)) continue;
                tests.add(DynamicTest.dynamicTest(p.path() + " at " + config.name() + " on sparse (exact) = interp",
                        () -> sameAsInterpreter(p, config, sparse, OTHER_CONFIG_STEPS, "tc.corpus.otherConfigSteps")));
                // dense is slow: one run per configuration, which at the program's own configuration
                // is checked against its stated expectations as well
                tests.add(DynamicTest.dynamicTest(p.path() + " at " + config.name() + " on dense (exact) = interp",
                        () -> sameAsInterpreter(p, config, dense, DENSE_STEPS, "tc.corpus.denseSteps")));
            }
            tests.add(denseLockstep(p, (TransformerEngine) dense));
            nodes.add(DynamicContainer.dynamicContainer(p.path(), tests));
        }
        assertFalse(nodes.isEmpty(), "empty corpus");
        return nodes.stream();
    }

    /**
     * The program on dense at its own configuration in lockstep with the interpreter: the whole
     * run, or its first {@link #DENSE_PREFIX} steps, as the name says.
     */
    private static DynamicTest denseLockstep(CorpusProgram p, TransformerEngine dense) {
        Program program = Compiler.compile(p.source(), p.options());
        long total = new Interpreter().run(program, new RunOptions(CorpusTest.MAX_STEPS, null)).steps();
        boolean whole = total <= DENSE_PREFIX;
        long steps = whole ? total : DENSE_PREFIX;
        String run = whole ? String.format("whole run, %,d steps", total) : String.format("first %,d of %,d steps", steps, total);
        String name = p.path() + " at its own " + program.config().name() + " on dense (exact), in lockstep with interp: " + run;
        return DynamicTest.dynamicTest(name, () -> {
            Verification v = LockstepVerifier.run(program, PassKind.DENSE.create(dense.model(program.config())), Math.max(1, steps));
            String what = p.path() + " on dense (exact), " + run + ": " + v.status() + " after " + v.steps() + " steps"
                    + (v.divergence() == null ? "" : ", " + v.divergence());
            if (whole) assertTrue(v.verified() && v.steps() == total, what);
            else assertTrue(v.status() == Verification.Status.STEP_LIMIT && v.steps() == steps, what);
        });
    }

    private static void assumeWithin(RunResult ideal, long bound, String property) {
        org.junit.jupiter.api.Assumptions.assumeTrue(ideal.steps() <= bound,
                () -> ideal.steps() + " steps: above the CI bound of " + bound + " (raise " + property + " or use -Pexhaustive)");
    }

    private static boolean fits(CorpusProgram p, MachineConfig config) {
        try {
            Compiler.compile(p.source(), CompileOptions.of(config));
            return true;
        } catch (CompileException e) {
            return false;
        }
    }

    /** At a configuration the program fits: the same run as the interpreter's. */
    static void sameAsInterpreter(CorpusProgram p, MachineConfig config, Engine engine, long bound, String property) {
        Program program = Compiler.compile(p.source(), CompileOptions.of(config));
        RunOptions options = new RunOptions(CorpusTest.MAX_STEPS, null);
        RunResult ideal = new Interpreter().run(program, options);
        assumeWithin(ideal, bound, property);
        RunResult tensor = engine.run(program, options);
        String at = p.path() + " at " + config.name();
        if (program.config().equals(Compiler.compile(p.source(), p.options()).config()))
            CorpusTest.checkRun(p, program, tensor, engine.name() + " at " + config.name());
        assertEquals(ideal.status(), tensor.status(), at + " status (" + tensor.fault() + ")");
        assertEquals(ideal.steps(), tensor.steps(), at + " steps");
        assertEquals(ideal.pc(), tensor.pc(), at + " pc");
        assertArrayEquals(ideal.memory(), tensor.memory(), at + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), at + " outputs");
        assertEquals(ideal.fault() == null ? null : ideal.fault().kind(), tensor.fault() == null ? null : tensor.fault().kind(), at + " fault");
    }
}
