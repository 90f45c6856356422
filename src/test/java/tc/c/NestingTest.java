package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.parse.Parser;
import tc.ir.IrInterpreter;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.Diagnostic;
import tc.source.SourceFile;

/**
 * Long flat code is not nesting: a sum of a thousand terms or an else-if chain of a thousand
 * branches compiles and runs on both machines, while real nesting past {@link Parser#MAX_DEPTH}
 * gets a diagnostic that names the construct (never a StackOverflowError). The programs run on
 * a thread with the JVM's default stack size, as a user's compile does.
 */
class NestingTest {
    private static final int TERMS = 1000;
    /** A 16-bit Loom large enough for a thousand branches (the named shapes hold under 2,000 instructions). */
    private static final MachineConfig BIG_LOOM = new MachineConfig(32, 4096, 16384, 16);

    /** Loom's retval and outputs, and the Tensor Computer's, for a 16-bit-safe program. */
    private static void runsOnBothMachines(String src, int retval, List<Integer> outputs) {
        onDefaultStack(() -> {
            Program program = Compiler.compile(new SourceFile("t.c", src), CompileOptions.of(BIG_LOOM));
            RunResult loom = new Interpreter().run(program, RunOptions.defaults().withMaxSteps(5_000_000));
            assertTrue(loom.halted(), "Loom run ended " + loom.status());
            assertEquals(retval, loom.cell(program.debug().retvalIndex()), "Loom retval");
            assertEquals(outputs, loom.outputs(), "Loom outputs");
            TcOutcome tc = TcRunner.run(TcBackend.compile(new SourceFile("t.c", src)), TcEngines.INTERP, 5_000_000);
            assertEquals(TcOutcome.Status.HALTED, tc.status(), "Tensor Computer run");
            assertEquals(retval, tc.retval(), "Tensor Computer retval");
            assertEquals(outputs, tc.outputs(), "Tensor Computer outputs");
        });
    }

    /** Runs {@code body} on a fresh thread with the default stack size, rethrowing what it throws. */
    private static void onDefaultStack(Runnable body) {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "nesting-test");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (thrown[0] instanceof RuntimeException r) throw r;
        if (thrown[0] instanceof Error e) throw e;
    }

    private static Diagnostic parseError(String src) {
        Diagnostic[] d = new Diagnostic[1];
        onDefaultStack(() -> d[0] = assertThrows(CompileException.class, () -> Programs.compile(src, 16)).diagnostic());
        return d[0];
    }

    private static String tooDeep(String construct) {
        return construct + " nested too deeply (the limit is " + Parser.MAX_DEPTH + " levels)";
    }

    @Test
    void aThousandTermSumRuns() {
        String sum = "a" + " + a".repeat(TERMS - 1);
        String mixed = "a" + " - b + 2".repeat(TERMS / 2);
        String src = "int main() { int a = 3; int b = 1; output(" + mixed + "); return " + sum + "; }";
        runsOnBothMachines(src, 3 * TERMS, List.of(3 + TERMS / 2));
    }

    @Test
    void aThousandBranchElseIfChainRuns() {
        StringBuilder chain = new StringBuilder("int pick(int x) {\n  int r;\n  if (x == 0) r = 100;\n");
        for (int k = 1; k < TERMS; k++) chain.append("  else if (x == ").append(k).append(") r = ").append(100 + k).append(";\n");
        chain.append("  else r = -1;\n  return r;\n}\n");
        String src = chain + "int main() { output(pick(0)); output(pick(500)); output(pick(999)); return pick(1000); }";
        runsOnBothMachines(src, -1, List.of(100, 600, 1099));
    }

    @Test
    void longShortCircuitAndComparisonChainsRun() {
        StringBuilder any = new StringBuilder("x == 0");
        StringBuilder all = new StringBuilder("x != 0");
        for (int k = 1; k < TERMS; k++) {
            any.append(" || x == ").append(k);
            all.append(" && x != ").append(k);
        }
        String src = "int any(int x) { return " + any + "; }\nint all(int x) { if (" + all + ") return 1; return 0; }\n"
                + "int main() { int x = 5; int n = 0; x == 1 || x == 2" + " || n++ == -1".repeat(TERMS) + ";\n"
                + "output(any(0)); output(any(999)); output(any(1000)); output(all(1000)); output(all(7)); output(n);\n"
                // A chain of additions under a comparison chain: one left spine of non-short-circuit operators.
                + "return x - x" + " + x - x".repeat(TERMS / 2) + " < 9 == 1; }";
        runsOnBothMachines(src, 1, List.of(1, 1, 0, 1, 0, TERMS));
    }

    /**
     * Chains far longer than any recursion over them could survive: every pass after the parser
     * walks them in loops. Front end and IR interpreter only, since no Loom shape holds such code.
     */
    @Test
    void chainsOfTenThousandNeedNoStack() {
        int n = 10_000;
        StringBuilder src = new StringBuilder("int g;\nint bump() { g++; return g; }\nint pick(int x) {\n  if (x == 0) return 7;\n");
        for (int k = 1; k < n; k++) src.append("  else if (x == ").append(k).append(") return ").append(k % 100).append(";\n");
        src.append("  return -1;\n}\n");
        src.append("int any(int x) { return x == 0").append(" || x == 1".repeat(n)).append(" || x == 2; }\n");
        src.append("int main() { int a = 1; int n = 0; n == 1").append(" && n++ == 0".repeat(n)).append(";\n");
        src.append("output(pick(0)); output(pick(" + (n - 1) + ")); output(pick(" + n + ")); output(any(2)); output(n);\n");
        // A variable compared with a long chain: whether the chain may change it is asked before it is read.
        src.append("output(a < a").append(" + a".repeat(n)).append(");\n");
        // A chain evaluated for its effects only.
        src.append("a").append(" + bump()".repeat(n)).append(";\noutput(g);\n");
        src.append("return a").append(" + a".repeat(n - 1)).append(" - 1").append(" + 0 * 1".repeat(n)).append("; }\n");
        onDefaultStack(() -> {
            IrInterpreter.Result r = IrInterpreter.run(Programs.compile(src.toString(), 32), 10_000_000);
            assertEquals(IrInterpreter.Status.RETURNED, r.status());
            assertEquals(List.of(7, (n - 1) % 100, -1, 1, 0, 1, n), r.outputs());
            assertEquals(n - 1, r.retval());
        });
    }

    @Test
    void aHundredNestedWhileLoopsCompileAndRun() {
        int loops = 100;
        StringBuilder src = new StringBuilder("int main() {\n  int n = 0;\n");
        for (int k = 0; k < loops; k++) src.append("  int i").append(k).append(" = 0;\n");
        for (int k = 0; k < loops; k++) src.append("while (i").append(k).append(" < 1) { i").append(k).append("++;\n");
        src.append("n++;\n").append("}".repeat(loops)).append("\n  return n;\n}\n");
        runsOnBothMachines(src.toString(), 1, List.of());
    }

    /** Real nesting just inside the limit goes through every later pass on both machines. */
    @Test
    void nestingAtTheLimitCompilesOnBothMachines() {
        int d = Parser.MAX_DEPTH - 2;
        runsOnBothMachines("int main() { int a = 1; return " + "a + (".repeat(d) + "a" + ")".repeat(d) + "; }", d + 1, List.of());
        runsOnBothMachines("int main() { int a = 1; return " + "- ".repeat(d) + "a; }", 1, List.of());
        runsOnBothMachines("int main() { int a = 0; int b; " + "b = ".repeat(d) + "a + 2; return b; }", 2, List.of());
        runsOnBothMachines("int main() { int a = 1; return " + "a ? 2 : ".repeat(d) + "3; }", 2, List.of());
        runsOnBothMachines("int main() { int n = 0; " + "if (n < 1) ".repeat(d) + "n++; return n; }", 1, List.of());
        runsOnBothMachines("int main() { int a[2] = {1, 0}; return " + "a[".repeat(d) + "1" + "]".repeat(d) + "; }",
                d % 2 == 0 ? 1 : 0, List.of());
    }

    @Test
    void realNestingBeyondTheLimitNamesTheConstruct() {
        // A pathological depth for the case a user is likeliest to generate, a shallower one for the rest (to keep lexing quick).
        int pathological = 100_000;
        assertEquals(tooDeep("parenthesized expression"),
                parseError("int main() { return " + "(".repeat(pathological) + "1" + ")".repeat(pathological) + "; }").message());
        int deep = 5_000;
        assertEquals(tooDeep("block"), parseError("int main() { " + "{".repeat(deep) + "}".repeat(deep) + " return 0; }").message());
        assertEquals(tooDeep("'while' statement"), parseError("int main() { " + "while (1) ".repeat(deep) + "; return 0; }").message());
        assertEquals(tooDeep("'if' statement"), parseError("int main() { " + "if (1) { ".repeat(deep) + "}".repeat(deep) + " return 0; }").message());
        assertEquals(tooDeep("unary operator '-'"), parseError("int main() { return " + "- ".repeat(deep) + "1; }").message());
        assertEquals(tooDeep("assignment"), parseError("int main() { int x; " + "x = ".repeat(deep) + "1; return x; }").message());
        assertEquals(tooDeep("conditional expression"), parseError("int main() { return " + "1 ? 2 : ".repeat(deep) + "3; }").message());
        assertEquals(tooDeep("function call"), parseError("int f(int x) { return x; }\nint main() { return " + "f(".repeat(deep) + "1" + ")".repeat(deep) + "; }").message());
        assertEquals(tooDeep("array index"), parseError("int a[1];\nint main() { return " + "a[".repeat(deep) + "0" + "]".repeat(deep) + "; }").message());
        Diagnostic d = parseError("int main() {\n  return " + "(".repeat(deep) + "1" + ")".repeat(deep) + "; }");
        // The function's body is the first level, so the parenthesis that fails is number MAX_DEPTH.
        assertEquals("2:" + (9 + Parser.MAX_DEPTH), d.pos().toString(), "at the parenthesis one past the limit");
    }
}
