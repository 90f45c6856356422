package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tc.loom.Engines;
import tc.loom.backend.Compiler;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.CompileException;
import tc.source.Diagnostic;

/**
 * Compiles every corpus program and runs it on every registered engine, checking every expectation
 * its comments state. One dynamic test per (file, engine); all mismatches of a test are reported together.
 */
class CorpusTest {
    static final long MAX_STEPS = 2_000_000L;

    @TestFactory
    Stream<DynamicNode> corpus() {
        List<Engine> engines = Engines.all();
        assertFalse(engines.isEmpty(), "no engine registered");
        return Corpus.load().stream().map(p -> DynamicContainer.dynamicContainer(p.path(),
                engines.stream().map(e -> DynamicTest.dynamicTest(p.path() + " on " + e.name(), () -> check(p, e)))));
    }

    static void check(CorpusProgram p, Engine engine) {
        if (p.expectations().isEmpty()) fail(p.path() + " states no expectation");
        Expectation.CompileError wanted = p.expectedError();
        Program program;
        try {
            program = Compiler.compile(p.source(), p.options());
        } catch (CompileException e) {
            if (wanted == null) fail(p.path() + ": unexpected compile error:\n" + e.diagnostic().format());
            checkError(p, wanted, e.diagnostic());
            return;
        }
        if (wanted != null) fail(p.path() + ": compiled, but an error was expected: " + describe(wanted));
        checkRun(p, program, engine.run(program, new RunOptions(MAX_STEPS, null)), engine.name());
    }

    /** The expectations {@code p} states, against the run {@code r} of its compiled {@code program} on engine {@code engineName}. */
    static void checkRun(CorpusProgram p, Program program, RunResult r, String engineName) {
        List<String> problems = new ArrayList<>();
        var fault = p.expectedFault();
        if (fault != null) {
            if (r.status() != RunResult.Status.FAULT) problems.add("expected fault " + fault + " but the run ended " + r.status());
            else if (r.fault().kind() != fault) problems.add("expected fault " + fault + " but got " + r.fault());
        } else if (r.status() != RunResult.Status.HALTED) {
            problems.add("run did not halt: " + r.status() + (r.fault() != null ? " " + r.fault() : "") + " after " + r.steps() + " steps");
        }
        for (Expectation x : p.expectations()) {
            switch (x) {
                case Expectation.Retval v -> {
                    int got = r.cell(program.debug().retvalIndex());
                    if (got != v.value()) problems.add("retval: expected " + v.value() + ", got " + got);
                }
                case Expectation.Scalar s -> {
                    Symbol sym = symbol(program, s.name(), problems);
                    if (sym == null) break;
                    if (sym.size() != 1) problems.add(s.name() + " is an array of " + sym.size() + ", expected a scalar");
                    else if (r.cell(sym.index()) != s.value())
                        problems.add(s.name() + ": expected " + s.value() + ", got " + r.cell(sym.index()));
                }
                case Expectation.Array a -> {
                    Symbol sym = symbol(program, a.name(), problems);
                    if (sym == null) break;
                    int[] mem = r.memory();
                    int[] got = Arrays.copyOfRange(mem, sym.index(), Math.min(mem.length, sym.index() + sym.size()));
                    int[] want = a.values().stream().mapToInt(Integer::intValue).toArray();
                    if (!Arrays.equals(got, want)) problems.add(a.name() + ": expected " + Arrays.toString(want) + ", got " + Arrays.toString(got));
                }
                case Expectation.Output o -> {
                    if (!o.values().equals(r.outputs())) problems.add("output: expected " + o.values() + ", got " + r.outputs());
                }
                case Expectation.FaultKind f -> { }
                case Expectation.CompileError c -> { }
            }
        }
        if (!problems.isEmpty()) fail(p.path() + " on " + engineName + ":\n  " + String.join("\n  ", problems));
    }

    /** The user-visible symbol called {@code name}; main's local wins over a global it shadows. */
    static Symbol symbol(Program program, String name, List<String> problems) {
        List<Symbol> found = program.debug().symbols().stream().filter(s -> s.isUserVisible() && s.name().equals(name)).toList();
        List<Symbol> inMain = found.stream().filter(s -> "main".equals(s.function())).toList();
        List<Symbol> candidates = inMain.isEmpty() ? found : inMain;
        if (candidates.size() == 1) return candidates.get(0);
        problems.add(candidates.isEmpty() ? "no global or local of main called '" + name + "'"
                : "'" + name + "' is ambiguous: " + candidates);
        return null;
    }

    static void checkError(CorpusProgram p, Expectation.CompileError wanted, Diagnostic got) {
        List<String> problems = new ArrayList<>();
        if (wanted.pos() != null && !wanted.pos().equals(got.pos()))
            problems.add("error position: expected " + wanted.pos() + ", got " + got.pos());
        if (!got.message().toLowerCase().contains(wanted.substring().toLowerCase()))
            problems.add("error message should contain '" + wanted.substring() + "'");
        if (!problems.isEmpty()) fail(p.path() + ": " + String.join("; ", problems) + "\n" + got.format());
    }

    static String describe(Expectation.CompileError e) {
        return (e.pos() == null ? "" : e.pos() + " ") + e.substring();
    }
}
