package tc.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.Programs;
import tc.source.SourcePos;

/** C programs through the front end and the IR interpreter: the semantics the back ends must match. */
class IrInterpreterTest {
    private static IrInterpreter.Result run(String src) { return Programs.run(src, 8); }

    private static int ret(String src, int bits) { return Programs.run(src, bits).retval(); }

    private static int ret(String src) { return ret(src, 8); }

    @Test
    void recursiveFactorial() {
        String src = "int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }\n"
                + "int main() { return fact(5); }";
        assertEquals(120, ret(src));
        assertEquals(5040, ret(src.replace("fact(5)", "fact(7)"), 16));
        assertEquals((byte) 5040, ret(src.replace("fact(5)", "fact(7)"), 8), "wraps at 8 bits");
    }

    @Test
    void arraysAndGlobals() {
        IrInterpreter.Result r = run("""
                int g[5] = {5, 1, 4};
                int total;
                int main() {
                    int i;
                    for (i = 0; i < 5; i++) total += g[i];
                    int b[] = {9, 8, 7};
                    b[1] = b[0] + b[2];
                    g[4] = b[1];
                    return total;
                }""");
        assertEquals(10, r.retval());
        assertArrayEquals(new int[] {5, 1, 4, 0, 16}, r.variables().get("g"));
        assertArrayEquals(new int[] {9, 16, 7}, r.variables().get("b"));
        assertArrayEquals(new int[] {10}, r.variables().get("total"));
    }

    @Test
    void bubbleSort() {
        IrInterpreter.Result r = run("""
                int a[] = {5, -3, 9, 0, 2, -8};
                int main() {
                    for (int i = 0; i < 6; i++)
                        for (int j = 0; j + 1 < 6 - i; j++)
                            if (a[j] > a[j + 1]) swap(a[j], a[j + 1]);
                    return a[0];
                }""");
        assertArrayEquals(new int[] {-8, -3, 0, 2, 5, 9}, r.variables().get("a"));
    }

    @Test
    void breakContinueAndDoWhile() {
        assertEquals(25, ret("int main() { int s = 0; for (int i = 0; ; i++) { if (i >= 10) break; if (i % 2 == 0) continue; s += i; } return s; }"));
        assertEquals(3, ret("int main() { int n = 0; do { n++; if (n == 3) break; } while (1); return n; }"));
        assertEquals(1, ret("int main() { int n = 0; do n++; while (0); return n; }"));
        assertEquals(12, ret("int main() { int i = 0; int s = 0; while (i < 6) { i++; if (i == 3) continue; s += i; } return s - 6; }"));
    }

    @Test
    void shortCircuitSkipsSideEffects() {
        IrInterpreter.Result r = run("""
                int calls;
                int f(int v) { calls++; output(v); return v; }
                int main() {
                    int a = f(0) && f(1);
                    int b = f(2) || f(3);
                    if (f(0) || f(4) && f(0)) output(99);
                    int c = !f(5) ? 7 : f(6);
                    return a * 100 + b * 10 + c;
                }""");
        assertEquals(List.of(0, 2, 0, 4, 0, 5, 6), r.outputs());
        assertEquals(16, r.retval());
        assertArrayEquals(new int[] {7}, r.variables().get("calls"));
    }

    @Test
    void incrementAndDecrement() {
        IrInterpreter.Result r = run("""
                int main() {
                    int x = 5;
                    int a[3] = {1, 2, 3};
                    int p = x++;
                    int q = ++x;
                    int s = a[1]--;
                    int t = --a[2];
                    x--;
                    output(p); output(q); output(s); output(t);
                    return x;
                }""");
        assertEquals(List.of(5, 7, 2, 2), r.outputs());
        assertEquals(6, r.retval());
        assertArrayEquals(new int[] {1, 1, 2}, r.variables().get("a"));
    }

    @Test
    void compoundAssignments() {
        IrInterpreter.Result r = run("""
                int main() {
                    int x = 100;
                    x += 27; output(x);
                    x -= 28; output(x);
                    x *= 3; output(x);
                    x /= 5; output(x);
                    x %= 7; output(x);
                    x <<= 4; output(x);
                    x >>= 2; output(x);
                    x &= 12; output(x);
                    x |= 3; output(x);
                    x ^= 5; output(x);
                    int a[2];
                    a[1] = 3;
                    a[1] *= a[1] += 2;
                    return a[1];
                }""");
        // 99 * 3 = 297 wraps to 41 at 8 bits; 41 / 5 = 8; 8 % 7 = 1; 1 << 4 = 16; 16 >> 2 = 4; 4 & 12 = 4; 4 | 3 = 7; 7 ^ 5 = 2
        assertEquals(List.of(127, 99, 41, 8, 1, 16, 4, 4, 7, 2), r.outputs());
        assertEquals(15, r.retval(), "the left operand is read before the right side runs");
    }

    @Test
    void conditionalsAndAssignmentExpressions() {
        assertEquals(3, ret("int main() { int a; int b; a = b = 3; return a; }"));
        assertEquals(-5, ret("int main() { int x = -5; return x < 0 ? x : -x; }"));
        assertEquals(2, ret("int main() { int x = 4; return x > 5 ? 1 : x > 3 ? 2 : 3; }"));
        assertEquals(1, ret("int main() { int x = 3; int y = 3; return (x == y) + (x < y) + (x > y); }"));
    }

    @Test
    void shadowingUsesBlockScopes() {
        IrInterpreter.Result r = run("""
                int x = 1;
                int f() { return x; }
                int main() {
                    int x = 2;
                    { int x = 3; output(x); { int x = 4; output(x); } output(x); }
                    output(x);
                    output(f());
                    for (int x = 9; x < 10; x++) output(x);
                    return x;
                }""");
        assertEquals(List.of(3, 4, 3, 2, 1, 9), r.outputs());
        assertEquals(2, r.retval());
        assertArrayEquals(new int[] {1}, r.variables().get("x"), "the global is the outermost x");
    }

    @Test
    void wraparoundAt8And16Bits() {
        assertEquals(-128, ret("int main() { int x = 127; x++; return x; }", 8));
        assertEquals(128, ret("int main() { int x = 127; x++; return x; }", 16));
        assertEquals(-32768, ret("int main() { int x = 32767; return x + 1; }", 16));
        assertEquals(-1, ret("int main() { return 0xFF; }", 8));
        assertEquals(255, ret("int main() { return 0xFF; }", 16));
        assertEquals(-128, ret("int main() { int m = -128; return abs(m); }", 8));
        assertEquals(-128, ret("int main() { int m = -128; return m / -1; }", 8));
        assertEquals(0, ret("int main() { int m = -128; return m % -1; }", 8));
        assertEquals(-1, ret("int main() { int z = 0; return 7 / z; }", 8));
        assertEquals(7, ret("int main() { int z = 0; return 7 % z; }", 8));
        assertEquals(1, ret("int main() { int a = 100; int b = -100; return a > b; }", 8));
        assertEquals(100, ret("int main() { return max(100, -100); }", 8));
        assertEquals(-100, ret("int main() { int a = 100; int b = -100; return min(a, b); }", 8));
        assertEquals(0, ret("int main() { int s = 9; return 1 << s; }", 8));
        assertEquals(-1, ret("int main() { int s = 9; return -5 >> s; }", 8));
        assertEquals(-56, ret("int main() { return mul(10, 20); }", 8));
        assertEquals(-56, ret("int main() { int a = 10; return mul(a, 20); }", 8));
    }

    @Test
    void leftToRightEvaluation() {
        IrInterpreter.Result r = run("""
                int g;
                int bump() { g += 10; return g; }
                int pair(int a, int b) { return a * 3 + b; }
                int main() {
                    g = 1;
                    int x = g + bump();
                    int y = pair(g, bump());
                    int i = 0;
                    int a[3];
                    a[i] = i = 2;
                    return x;
                }""");
        assertEquals(12, r.retval());
        assertArrayEquals(new int[] {11 * 3 + 21}, r.variables().get("y"));
        assertArrayEquals(new int[] {2, 0, 0}, r.variables().get("a"));
    }

    @Test
    void localsAreZeroedEachTimeTheirDeclarationRuns() {
        assertEquals(3, ret("int main() { int s = 0; for (int i = 0; i < 3; i++) { int t; int b[2]; t++; b[1]++; s += t * b[1]; } return s; }"));
    }

    @Test
    void returnsOnEveryPath() {
        assertEquals(0, ret("int f(int x) { if (x) return 5; }\nint main() { return f(0); }"));
        assertEquals(0, ret("int main() { }"));
        assertEquals(7, ret("void f() { output(1); return; output(2); }\nint main() { f(); return 7; }"));
    }

    @Test
    void stepLimitAndBounds() {
        IrInterpreter.Result r = IrInterpreter.run(Programs.compile("int main() { while (1) { } return 0; }", 8), 1000);
        assertEquals(IrInterpreter.Status.STEP_LIMIT, r.status());
        assertEquals(1000, r.steps());
        IrInterpreter.Result oob = IrInterpreter.run(Programs.compile("int main() { int a[2]; int i = 2; a[i] = 1; return 0; }", 8), 1000);
        assertEquals(IrInterpreter.Status.INDEX_OUT_OF_BOUNDS, oob.status());
    }

    @Test
    void runsHandWrittenIr() {
        Var x = new Var(0, "x", Var.Kind.PARAM, "f", 1, false, null, SourcePos.NONE);
        IrFunction f = new IrFunction("f", List.of(x), List.of(), List.of(
                new Instr.Branch(CmpOp.GE, x, new Imm(0), "done"),
                new Instr.Unary(UnaryOp.NEG, x, x),
                new Instr.Label("done"),
                new Instr.Return(x)), true, SourcePos.NONE);
        IrProgram p = new IrProgram(8, List.of(), List.of(f), new tc.source.SourceFile("x", ""));
        assertEquals(5, IrInterpreter.call(p, "f", List.of(-5), 100).retval());
        assertEquals(4, IrInterpreter.call(p, "f", List.of(-5), 100).steps());
    }
}
