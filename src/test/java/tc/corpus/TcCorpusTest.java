package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import tc.ir.IrInterpreter;
import tc.loom.engine.Fault;
import tc.source.CompileException;

/**
 * The golden corpus on the Tensor Computer target ({@code --target tc}, 32-bit {@code int}, the
 * discrete interpreter). Expectations come from {@link CorpusProgram#parse32}: a file's
 * {@code // expect-32:} lines where its results differ at 32 bits, else its ordinary ones.
 * Programs that cannot mean anything on this target are listed in {@link #NOT_FOR_TC} with the
 * reason and get no test here (an aborted test would read as a bound to lift, which they are not);
 * {@link #everyExclusionNamesACorpusFile} keeps the list honest.
 */
class TcCorpusTest {
    static final long MAX_STEPS = 5_000_000L;

    /** Programs whose point does not exist on the Tensor Computer, with why. */
    static final Map<String, String> NOT_FOR_TC = Map.of(
            "faults/pointer_out_of_range.c", "Tensor Computer addresses wrap modulo memory (the machine is total, for the soft machine's sake): no pointer fault exists",
            "faults/read_out_of_range.c", "Tensor Computer addresses wrap modulo memory: no pointer fault exists");

    @TestFactory
    Stream<DynamicTest> corpusOnTheTensorComputer() {
        return Corpus.load().stream().filter(p -> !NOT_FOR_TC.containsKey(p.path()))
                .map(p -> DynamicTest.dynamicTest(p.path() + " on tc/interp", () -> check(CorpusProgram.parse32(p.path(), p.text()))));
    }

    @Test void everyExclusionNamesACorpusFile() {
        Set<String> paths = Corpus.load().stream().map(CorpusProgram::path).collect(Collectors.toSet());
        for (String excluded : NOT_FOR_TC.keySet()) assertTrue(paths.contains(excluded), "no corpus file " + excluded);
    }

    static void check(CorpusProgram p) {
        if (p.expectations().isEmpty()) fail(p.path() + " states no expectation");
        Expectation.CompileError wanted = p.expectedError();
        TcCompiled compiled;
        try {
            compiled = TcBackend.compile(p.source());
        } catch (CompileException e) {
            if (wanted == null) fail(p.path() + ": unexpected compile error:\n" + e.diagnostic().format());
            CorpusTest.checkError(p, wanted, e.diagnostic());
            return;
        }
        if (wanted != null) fail(p.path() + ": compiled for tc, but an error was expected: " + CorpusTest.describe(wanted));
        TcOutcome r = TcRunner.run(compiled, TcEngines.INTERP, MAX_STEPS);
        List<String> problems = new ArrayList<>();
        Fault.Kind fault = p.expectedFault();
        if (fault == Fault.Kind.STACK_OVERFLOW) {
            if (r.status() != TcOutcome.Status.STACK_OVERFLOW) problems.add("expected a stack overflow but the run ended " + r.status());
        } else if (fault != null) {
            problems.add("fault " + fault + " cannot happen on the Tensor Computer; list the file in NOT_FOR_TC or give it expect-32 lines");
        } else if (r.status() != TcOutcome.Status.HALTED) {
            problems.add("run did not halt: " + r.status() + " after " + r.steps() + " steps");
        }
        for (Expectation x : p.expectations()) {
            switch (x) {
                case Expectation.Retval v -> { if (r.retval() != v.value()) problems.add("retval: expected " + v.value() + ", got " + r.retval()); }
                case Expectation.Scalar s -> {
                    Object got = r.variables().get(s.name());
                    if (!(got instanceof Integer g) || g != s.value()) problems.add(s.name() + ": expected " + s.value() + ", got " + show(got));
                }
                case Expectation.Array a -> {
                    Object got = r.variables().get(a.name());
                    int[] want = a.values().stream().mapToInt(Integer::intValue).toArray();
                    if (!(got instanceof int[] g) || !Arrays.equals(g, want)) problems.add(a.name() + ": expected " + Arrays.toString(want) + ", got " + show(got));
                }
                case Expectation.Output o -> { if (!o.values().equals(r.outputs())) problems.add("output: expected " + o.values() + ", got " + r.outputs()); }
                case Expectation.FaultKind f -> { }
                case Expectation.CompileError c -> { }
            }
        }
        if (fault == null) {
            // The IR oracle at 32 bits must agree too: the expectations are about C, not about this back end.
            IrInterpreter.Result ir = IrInterpreter.run(CFrontEnd.compile(p.source(), 32), MAX_STEPS);
            if (ir.status() == IrInterpreter.Status.RETURNED) {
                if (ir.retval() != r.retval()) problems.add("IR interpreter returned " + ir.retval() + ", tc " + r.retval());
                if (!ir.outputs().equals(r.outputs())) problems.add("IR interpreter output " + ir.outputs() + ", tc " + r.outputs());
            }
        }
        if (!problems.isEmpty()) fail(p.path() + " on tc/interp:\n  " + String.join("\n  ", problems));
    }

    private static String show(Object o) { return o instanceof int[] a ? Arrays.toString(a) : String.valueOf(o); }

    @Test void expect32LinesReplaceTheOrdinaryOnes() {
        CorpusProgram p = CorpusProgram.parse32("x.c", "// expect: retval 1\n// expect-32: retval 300\n// expect-32: output 1 2\nint main() { return 300; }");
        assertEquals(List.of(new Expectation.Retval(300), new Expectation.Output(List.of(1, 2))), p.expectations());
        CorpusProgram plain = CorpusProgram.parse32("y.c", "// word-bits: 16\n// expect: retval 1\nint main() { return 1; }");
        assertEquals(List.of(new Expectation.Retval(1)), plain.expectations());
        assertEquals(List.of(new Expectation.Retval(1)), CorpusProgram.parse("x.c", "// expect: retval 1\n// expect-32: retval 300\nint main() { return 1; }").expectations());
    }
}
