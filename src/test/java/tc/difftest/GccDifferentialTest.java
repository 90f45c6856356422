package tc.difftest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * Random programs ({@link ProgramGenerator}) compiled by our compiler and run on the ideal
 * interpreter must print and return exactly what gcc's translation does.
 *
 * <p>{@code -Dtc.gcc.programs=K} runs seeds 0..K-1 (even seeds at N = 8, odd at N = 16; the pom
 * passes 300, or 10,000 under {@code -Pfuzz}); {@code -Dtc.gcc.seed=K} reruns seed K alone.
 * Failing programs are written to {@code target/difftest-failures/}.
 */
class GccDifferentialTest {
    private static final String CONFIG = "164x2048";
    private static final long MAX_STEPS = 5_000_000;
    private static final int BATCH = 250;
    private static final Path FAILURES = Path.of("target", "difftest-failures");

    static int bitsFor(long seed) { return seed % 2 == 0 ? 8 : 16; }

    @TestFactory
    Stream<DynamicTest> ourCompilerAgreesWithGcc() {
        List<Long> seeds = new ArrayList<>();
        Long only = Long.getLong("tc.gcc.seed");
        if (only != null) seeds.add(only);
        else for (long s = 0, n = Integer.getInteger("tc.gcc.programs", 300); s < n; s++) seeds.add(s);

        clearOldFailures();
        List<ProgramGenerator.Generated> programs = new ArrayList<>();
        for (long s : seeds) programs.add(ProgramGenerator.generate(s, bitsFor(s)));
        long start = System.nanoTime();
        List<GccOracle.Result> expected = gccResults(programs);
        System.out.printf("gcc oracle: %d programs in %d ms%n", programs.size(), (System.nanoTime() - start) / 1_000_000);

        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            var p = programs.get(i);
            var want = expected.get(i);
            tests.add(DynamicTest.dynamicTest("seed " + p.seed() + " (N=" + p.bits() + ")", () -> check(p, want)));
        }
        return tests.stream();
    }

    private static List<GccOracle.Result> gccResults(List<ProgramGenerator.Generated> programs) {
        GccOracle gcc = GccOracle.find();
        List<GccOracle.Result> results = new ArrayList<>();
        for (int from = 0; from < programs.size(); from += BATCH) {
            List<GccOracle.Unit> units = new ArrayList<>();
            for (var p : programs.subList(from, Math.min(programs.size(), from + BATCH)))
                units.add(new GccOracle.Unit(prefix(p), p.gcc(prefix(p))));
            results.addAll(gcc.run(units));
        }
        return results;
    }

    private static String prefix(ProgramGenerator.Generated p) { return "s" + p.seed() + "_"; }

    private static void check(ProgramGenerator.Generated p, GccOracle.Result want) {
        String name = "gen-" + p.seed() + ".c";
        GccOracle.Result got;
        String problem;
        try {
            MachineConfig config = MachineConfig.parse(CONFIG).withWordBits(p.bits());
            Program program = Compiler.compile(new SourceFile(name, p.text()), new CompileOptions(config, p.bits()));
            RunResult run = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(MAX_STEPS));
            got = new GccOracle.Result(run.outputs(), run.cell(program.debug().retvalIndex()));
            if (!run.halted()) problem = "run ended with " + run.status() + " after " + run.steps() + " steps"
                    + (run.fault() != null ? ": " + run.fault() : "");
            else if (!got.equals(want)) problem = "results differ";
            else return;
        } catch (CompileException e) {
            got = null;
            problem = "our compiler rejected a valid program: " + e.getMessage();
        } catch (RuntimeException e) {
            got = null;
            problem = "our compiler or interpreter threw " + e;
        }
        String gccText = p.gcc(prefix(p));
        save(p, gccText, problem, want, got);
        fail("seed " + p.seed() + " (N=" + p.bits() + ", rerun with -Dtc.gcc.seed=" + p.seed() + "): " + problem
                + "\n  gcc: " + want + "\n  ours: " + (got == null ? "-" : got)
                + "\n---- our dialect (" + name + ")\n" + p.text()
                + "---- gcc translation (calls " + prefix(p) + "main)\n" + gccText);
    }

    private static void clearOldFailures() {
        if (!Files.isDirectory(FAILURES)) return;
        try (Stream<Path> files = Files.list(FAILURES)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new IllegalStateException("could not clear " + FAILURES + ": " + e.getMessage(), e);
        }
    }

    private static void save(ProgramGenerator.Generated p, String gccText, String problem, GccOracle.Result want,
                             GccOracle.Result got) {
        try {
            Files.createDirectories(FAILURES);
            Files.writeString(FAILURES.resolve("gen-" + p.seed() + ".c"),
                    "// seed " + p.seed() + ", N = " + p.bits() + ": " + problem.replace('\n', ' ')
                            + "\n// gcc:  " + want + "\n// ours: " + got + "\n" + p.text());
            Files.writeString(FAILURES.resolve("gen-" + p.seed() + ".gcc.c"),
                    GccOracle.batchSource(List.of(new GccOracle.Unit(prefix(p), gccText))));
        } catch (IOException e) {
            throw new IllegalStateException("could not save the failing program: " + e.getMessage(), e);
        }
    }
}
