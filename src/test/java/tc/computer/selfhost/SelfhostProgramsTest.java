package tc.computer.selfhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.engine.TcState;
import tc.computer.isa.TcProgram;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * The seed's claim, held here: recursive programs compiled on the machine by the self-hosted
 * compiler run on the discrete seed machine and on the soft one at τ = 1e-3 and return the right
 * value; programs using pointers, array parameters, strings and 2-D arrays, compiled on the
 * machine, give the answers of the tc-compiled program; and a bad source gives an error message
 * on the console and a non-zero exit status, never code.
 */
class SelfhostProgramsTest {
    private static final TcProgram COMPILER = SelfHost.stage1().program();
    private static final double TAU = 1e-3;

    static final String FACTORIAL = """
            // recursive factorial, the seed's example
            int fact(int n) {
                if (n <= 1) return 1;
                return n * fact(n - 1);
            }
            int main() {
                return fact(5);
            }
            """;

    static final String FIBONACCI = """
            int fib(int n) {
                if (n < 2) return n;
                return fib(n - 1) + fib(n - 2);
            }
            int main() { return fib(10); }
            """;

    /** The program the self-hosted compiler wrote on the machine for {@code source}. */
    static TcProgram compiledOnTheMachine(String source) {
        MachineRun run = SelfHost.compileOnMachine(COMPILER, source, 50_000_000L);
        assertTrue(run.succeeded(), "the self-hosted compiler failed: " + run.console());
        return SelfHost.assemble("program.s", run.console());
    }

    @Test void factorialOfFiveIs120OnTheInterpreter() {
        MachineRun run = SelfHost.run(compiledOnTheMachine(FACTORIAL), "", 1_000_000);
        assertTrue(run.halted(), String.valueOf(run.fault()));
        assertEquals(120, run.exitStatus());
    }

    @Test void factorialOfFiveIs120OnTheSoftMachine() {
        TcProgram program = compiledOnTheMachine(FACTORIAL);
        TcState soft = SelfHost.runSoft(program, TAU, 100_000);
        assertTrue(soft.halted());
        assertEquals(120, soft.registers()[0]);
        // step for step the discrete machine's run (the page-fault handler's steps included)
        assertEquals(SelfHost.run(program, "", 1_000_000).steps(), soft.steps());
    }

    @Test void fibonacciOfTenIs55OnTheInterpreter() {
        MachineRun run = SelfHost.run(compiledOnTheMachine(FIBONACCI), "", 1_000_000);
        assertTrue(run.halted(), String.valueOf(run.fault()));
        assertEquals(55, run.exitStatus());
    }

    @Test void fibonacciOfTenIs55OnTheSoftMachine() {
        TcProgram program = compiledOnTheMachine(FIBONACCI);
        TcState soft = SelfHost.runSoft(program, TAU, 200_000);
        assertTrue(soft.halted());
        assertEquals(55, soft.registers()[0]);
        assertEquals(SelfHost.run(program, "", 1_000_000).steps(), soft.steps());
    }

    @Test void outputsAndConsoleOfACompiledProgram() {
        String source = """
                int squares[5];
                int main() {
                    for (int i = 0; i < 5; i++) squares[i] = i * i;
                    output(squares[4]);
                    putchar('o'); putchar('k'); putchar('\\n');
                    return squares[3] + (7 >> 1) - (-7 >> 1) + (1 << 33) + (7 % -3) * 100;
                }
                """;
        MachineRun run = SelfHost.run(compiledOnTheMachine(source), "", 1_000_000);
        assertTrue(run.halted());
        assertEquals(List.of(16), run.state().outputs());
        assertEquals("ok\n", run.console());
        assertEquals(9 + 3 + 4 + 0 + 100, run.exitStatus());
    }

    @Test void aMissingSemicolonIsAnErrorWithItsLineAndNoCode() {
        MachineRun run = SelfHost.compileOnMachine(COMPILER, "int main() {\n    int x = 1\n    return x;\n}\n", 50_000_000L);
        assertTrue(run.halted());
        assertEquals(1, run.exitStatus());
        assertEquals("error: line 3: expected ';'\n", run.console());
        assertThrows(CompileException.class, () -> SelfHost.assemble("bad.s", run.console()));
    }

    @Test void otherBadSourcesAreErrorsToo() {
        String[][] cases = {
                {"int main() {\n  return 1 +;\n}\n", "error: line 2: expression expected\n"},
                {"int main() {\n\n  return y;\n}\n", "error: line 3: undefined name y\n"},
                {"int main() { return 0; }\n@\n", "error: line 2: unexpected character\n"},
                {"int f();\nint main() { return f(); }\n", "error: line 2: undefined function f\n"},
                {"int main() { return 0; /* open\n", "error: line 1: unterminated comment\n"},
                {"int main() {\n  output(\"abc);\n  return 0;\n}\n", "error: line 2: unterminated string\n"},
                {"int f(int m[][3]) { return m[0][0]; }\nint main() { return 0; }\n",
                        "error: line 1: two-dimensional parameter not supported\n"},
                {"int main() {\n  int x = 1;\n  int *p = &(x + 1);\n  return 0;\n}\n", "error: line 3: not an lvalue\n"},
                {"int main() {\n  int a[2];\n  int b[2];\n  a = b;\n  return 0;\n}\n", "error: line 4: not an lvalue\n"},
        };
        for (String[] c : cases) {
            MachineRun run = SelfHost.compileOnMachine(COMPILER, c[0], 50_000_000L);
            assertTrue(run.halted(), c[0]);
            assertEquals(1, run.exitStatus(), c[0]);
            assertEquals(c[1], run.console(), c[0]);
            assertFalse(run.console().contains(".memory"), c[0]);
        }
    }

    /**
     * {@code source} compiled on the machine and run on the seed machine ends as tc's own build of
     * it does on the cpu machine: halted, with the same return value and outputs.
     */
    private static void sameAsTc(String source) {
        TcOutcome want = TcRunner.run(TcBackend.compile(CFrontEnd.compile(new SourceFile("program.c", source), TcBackend.WORD_BITS), TcBackend.DEFAULT_MEMORY_WORDS,
                TcBackend.Machine.CPU), TcEngines.INTERP, 1_000_000);
        assertEquals(TcOutcome.Status.HALTED, want.status());
        MachineRun run = SelfHost.run(compiledOnTheMachine(source), "", 10_000_000);
        assertTrue(run.halted(), String.valueOf(run.fault()));
        assertEquals(want.retval(), run.exitStatus(), "retval");
        assertEquals(want.state().outputs(), run.state().outputs(), "outputs");
        assertFalse(want.state().outputs().isEmpty());
    }

    @Test void pointersCompiledOnTheMachine() {
        sameAsTc("""
                int g[6] = {3, 1, 4, 1, 5, 9};
                int count;
                int *last(int *a, int n) { return a + n - 1; }   // a pointer result
                void inc(int *p) { *p += 1; count++; }
                int sum(int *from, int *to) { int s = 0; while (from < to) s += *from++; return s; }
                int main() {
                    int x = 10;
                    int *p = &x;
                    *p = *p * 2;
                    inc(p);
                    inc(&g[2]);
                    output(x);
                    output(*last(g, 6));
                    output(sum(g, g + 6));
                    output(last(g, 6) - g);
                    int *q = g;
                    q += 2;
                    output(q[1] + q[-1]);
                    output(q > g);
                    output(q <= g);
                    output(q == &g[2] && &*q == q);
                    --q;
                    *q = 7;
                    q[3] = -1;
                    output(g[1] * 10 + g[4]);
                    int local[3] = {5, 6, 7};
                    int *r = local + 2;
                    output(*r - r[-2]);
                    output(!r + (r != 0));
                    return count + x;
                }
                """);
    }

    @Test void arrayParametersCompiledOnTheMachine() {
        sameAsTc("""
                int data[5] = {5, 3, 8, 1, 9};
                void sort(int a[], int n) {
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j + 1 < n - i; j++)
                            if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
                }
                int dot(const int *a, int b[3]) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
                void zero(int *a, int n) { while (n--) *a++ = 0; }
                int main() {
                    int v[3] = {1, 2, 3};
                    sort(data, 5);
                    for (int i = 0; i < 5; i++) output(data[i]);
                    output(dot(v, data + 2));
                    int w[4] = {4, 4, 4, 4};
                    zero(w + 1, 2);
                    output(w[0] + w[1] * 10 + w[2] * 100 + w[3] * 1000);
                    sort(w, 4);
                    output(w[0] + w[3]);
                    return dot(data, data);
                }
                """);
    }

    @Test void stringsCompiledOnTheMachine() {
        sameAsTc("""
                int hello[] = "hello";
                char name[8] = "tc";
                int two[2] = "hi";
                int len(int *s) { int n = 0; while (*s++) n++; return n; }
                int same(int a[], int b[]) { int i = 0; while (a[i] && a[i] == b[i]) i++; return a[i] == b[i]; }
                void put(int *s) { while (*s) { output(*s); s++; } }
                int main() {
                    int local[] = "a\\tb\\\\";
                    int buf[10] = "xyz";
                    output(len(hello));
                    output(len(name));
                    output(sizeof hello + sizeof "abc" * 10);
                    output(sizeof local);
                    put(local);
                    output(same("tc", name));
                    output(same("hel" "lo", hello));
                    output(same("help", hello));
                    output(buf[2] + buf[3] + buf[9]);
                    output(two[1]);
                    put("\\x41\\102\\n");
                    return len("");
                }
                """);
    }

    @Test void twoDimensionalArraysCompiledOnTheMachine() {
        sameAsTc("""
                int m[3][4] = {{1, 2}, {3, 4, 5, 6}, {7}};
                int flat[2][2] = {1, 2, 3};
                int sumRow(int r[], int n) { int s = 0; for (int j = 0; j < n; j++) s += r[j]; return s; }
                int main() {
                    int t[2][2] = {{1, 2}, {3, 4}};
                    int u[3][2];
                    for (int i = 0; i < 3; i++)
                        for (int j = 0; j < 2; j++) u[i][j] = m[i][j] * 10 + i;
                    output(sizeof m);
                    output(sizeof m[0]);
                    output(sizeof t);
                    output(sumRow(m[1], 4));
                    output(sumRow(u[2], 2));
                    t[1][0] += t[0][1];
                    t[0][0]++;
                    output(t[1][0] * 10 + t[0][0]);
                    int *p = m[2];
                    output(p[0] + m[1][3]);
                    output(*m[1] + flat[1][0] + flat[1][1]);
                    output(&m[2][1] - &m[0][0]);
                    return u[1][1];
                }
                """);
    }

    @Test void pointersInStaticsRowsAndBackwardLoopsCompiledOnTheMachine() {
        sameAsTc("""
                int *gp = 0;
                int tab[2][3] = {{1, 2, 3}, {4, 5, 6}};
                int counter() { static int *cp = 0; static int cell = 5; if (!cp) cp = &cell; *cp += 1; return *cp; }
                int pick(int *a, int *b, int which) { return *(which ? a : b); }
                int sum2(int *p, int n) { int s = 0; for (int *e = p + n; p != e; ++p) s += *p; return s; }
                int main() {
                    int v[4] = {1, 2, 3, 4};
                    gp = &v[1];
                    output(*gp + gp[1] + *(1 + gp));
                    output(counter() + counter());
                    output(pick(&v[0], &v[3], 0) * 10 + pick(v, v + 3, 1));
                    output(sum2(tab[0], 6));
                    output(sum2(&tab[1][1], 2));
                    int *q = &v[3];
                    while (q >= v) { output(*q); q--; }
                    static int st[2][2] = {{7, 8}, {9}};
                    output(st[1][0] + st[1][1] + sizeof st);
                    int *r = &gp[-1];
                    output(r == v);
                    output(gp - r);
                    int x = 3;
                    int *px = &x;
                    px[0] *= 5;
                    (*px)--;
                    return x;
                }
                """);
    }

    @Test void parenthesisedLvaluesCompiledOnTheMachine() {
        // (*p)++ and (x) = v: the self-hosted compiler takes back the load it wrote for the parentheses
        sameAsTc("""
                int g;
                int arr[3] = {1, 2, 3};
                int main() {
                    int x = 1;
                    int *p = arr;
                    (x)++;
                    (g) = 4;
                    (arr[1]) += 10;
                    (*p) = 7;
                    *(p)++ = 9;
                    output(x); output(g); output(arr[0]); output(arr[1]); output(*p);
                    (*p)--;
                    ++(*p);
                    --((x));
                    output(arr[1] + (g, x));
                    return (x) + sizeof(int);
                }
                """);
    }

    @Test void indexedPointerExpressionsCompiledOnTheMachine() {
        sameAsTc("""
                int a[4] = {1, 2, 3, 4};
                int *f() { return a + 1; }
                int main() {
                    output(f()[1]);
                    output((a + 2)[1]);
                    output("xyz"[2]);
                    f()[0] = 9;
                    return a[1];
                }
                """);
    }

    @Test void aPointerProgramCompiledOnTheMachineRunsOnTheSoftMachine() {
        // stores and loads through computed addresses, on the soft seed machine's memory path
        TcProgram program = compiledOnTheMachine("""
                void bump(int *p) { *p = *p + 1; }
                int depth(int n) {
                    int here = n;
                    bump(&here);
                    if (n == 0) return here;
                    return depth(n - 1) + here;
                }
                int main() { int s[] = "ab"; return depth(3) + s[1] - *s; }
                """);
        MachineRun discrete = SelfHost.run(program, "", 1_000_000);
        assertTrue(discrete.halted(), String.valueOf(discrete.fault()));
        assertEquals(11, discrete.exitStatus());
        TcState soft = SelfHost.runSoft(program, TAU, 200_000);
        assertTrue(soft.halted());
        assertEquals(11, soft.registers()[0]);
        assertEquals(discrete.steps(), soft.steps());
    }
}
