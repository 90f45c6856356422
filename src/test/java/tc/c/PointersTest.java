package tc.c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tc.ir.IrInterpreter;
import tc.source.Diagnostic;

/**
 * Pointers to int, array parameters, string literals and two-dimensional arrays, through the front
 * end and the IR interpreter at every word width; and every diagnostic for their misuse, with its
 * position. (The back ends run the same programs in the corpus's {@code pointers/} directory.)
 */
class PointersTest {

    private static IrInterpreter.Result run(String src, int bits) { return Programs.run(src, bits); }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 32})
    void arraysArePassedByReference(int bits) {
        IrInterpreter.Result r = run("""
                int g[3];
                void set(int a[], int i, int v) { a[i] = v; }
                int get(int *a, int i) { return a[i]; }
                int main() {
                    int loc[2];
                    set(g, 1, 7); set(loc, 0, 5); set(loc + 1, 0, 6);
                    return get(g, 1) + get(loc, 0) + loc[1];
                }""", bits);
        assertEquals(18, r.retval());
        assertArrayEquals(new int[] {0, 7, 0}, r.variables().get("g"));
        assertArrayEquals(new int[] {5, 6}, r.variables().get("loc"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 32})
    void pointersReadWriteAndMove(int bits) {
        IrInterpreter.Result r = run("""
                int total;
                void add(int *acc, int v) { *acc += v; (*acc)++; }
                int *second(int *a) { return a + 1; }
                int main() {
                    int a[4] = {1, 2, 3, 4};
                    int x = 10;
                    int *p = &x;
                    *p = *p + 1;
                    add(&total, 5);
                    add(&a[2], 10);
                    int *q = second(a);
                    int *e = &a[3];
                    output(x); output(total); output(a[2]); output(*q); output(q[1]);
                    output(e - q); output(q < e); output(e <= q); output(q == a + 1); output(p != 0);
                    q++; q -= 1; q = q + 2;
                    output(*q);
                    output(*--q);
                    return x;
                }""", bits);
        assertEquals(11, r.retval());
        assertEquals(List.of(11, 6, 14, 2, 14, 2, 1, 0, 1, 1, 4, 14), r.outputs());
    }

    @Test
    void aStoreThroughAPointerIsSeenByTheExpressionAroundIt() {
        // Operands are read left to right: x (whose address is taken) is read before the store
        // through p and before the call that writes it, not after.
        IrInterpreter.Result r = run("""
                void set(int *p, int v) { *p = v; }
                int main() {
                    int x = 1;
                    int *p = &x;
                    int a = x + (*p = 5);
                    int b = x + (set(p, 7), 0);
                    return a * 16 + b;
                }""", 16);
        assertEquals(6 * 16 + 5, r.retval());
    }

    @Test
    void recursionGetsAFreshAddressPerActivation() {
        IrInterpreter.Result r = run("""
                void bump(int *p) { *p = *p + 1; }
                int depth(int n) {
                    int here = n;
                    bump(&here);
                    if (n == 0) return here;
                    return depth(n - 1) + here;
                }
                int main() { return depth(3); }""", 16);
        assertEquals(10, r.retval());
    }

    @Test
    void stringsAreZeroTerminatedArrays() {
        IrInterpreter.Result r = run("""
                int s[] = "hi";
                char t[5] = "ab";
                int exact[2] = "ab";
                int length(int *p) { int n = 0; while (*p++) n++; return n; }
                int main() {
                    int local[] = "\\x41\\n" "z";
                    return length("hello") * 1000 + length(s) * 100 + length(local) * 10 + sizeof local;
                }""", 32);
        assertEquals(5234, r.retval());
        assertArrayEquals(new int[] {'h', 'i', 0}, r.variables().get("s"));
        assertArrayEquals(new int[] {'a', 'b', 0, 0, 0}, r.variables().get("t"));
        assertArrayEquals(new int[] {'a', 'b'}, r.variables().get("exact"));
        assertArrayEquals(new int[] {'A', '\n', 'z', 0}, r.variables().get("local"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 32})
    void twoDimensionalArrays(int bits) {
        IrInterpreter.Result r = run("""
                int g[2][3] = {{1, 2}, {4, 5, 6}};
                int sum(int r[], int n) { int s = 0; for (int j = 0; j < n; j++) s += r[j]; return s; }
                int main() {
                    int m[3][2] = {1, 2, 3, 4, 5};
                    int i = 1, j = 2;
                    g[i][j] += 10;
                    m[2][1] = g[0][1];
                    int *row = g[1];
                    return sum(g[0], 3) * 10 + row[2] + m[2][1] + sizeof g + sizeof g[1];
                }""", bits);
        assertEquals(3 * 10 + 16 + 2 + 6 + 3, r.retval());
        assertArrayEquals(new int[] {1, 2, 0, 4, 5, 16}, r.variables().get("g"));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 2}, r.variables().get("m"));
    }

    @Test
    void aPointerToConstMovesAndReads() {
        IrInterpreter.Result r = run("""
                const int table[4] = {3, 1, 4, 1};
                int sum(const int *p, int n) { int s = 0; while (n-- > 0) s += *p++; return s; }
                int main() { const int *q = table + 1; q++; return sum(table, 4) * 10 + *q; }""", 16);
        assertEquals(94, r.retval());
        assertEquals(1, run("int main() { return sizeof(int *); }", 8).retval());
    }

    @Test
    void anAddressOutsideEveryVariableStopsTheInterpreter() {
        IrInterpreter.Result r = IrInterpreter.run(Programs.compile("int main() { int a[2]; int *p = a; return p[5]; }", 16), 1000);
        assertEquals(IrInterpreter.Status.INDEX_OUT_OF_BOUNDS, r.status());
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                c("int main() { int x; return *x; }", "'*' needs a pointer operand, and this is an int", 1, 28),
                c("int main() { int x; int *p = &(x + 1); return 0; }", "cannot take the address of this expression (only of a variable or an element)", 1, 30),
                c("int main() { int a[2]; int *p = &a; return 0; }", "'&' of array 'a': the array's name alone is the address of its first element", 1, 33),
                c("int main() { int *p; int *q = &p; return 0; }", "'&' of pointer 'p': pointers to pointers are not supported", 1, 31),
                c("int main() { const int k = 1; int *p = &k; return 0; }", "cannot take the address of const 'k' (it could be written through the pointer)", 1, 40),
                c("int main() { int a[2]; int b[2]; a = b; return 0; }", "cannot assign to array 'a'", 1, 34),
                c("int main() { int x; int *p = x; return 0; }", "cannot initialize 'p' with an int where a pointer is expected", 1, 30),
                c("int main() { int x; int *p = 0; x = p; return 0; }", "cannot assign a pointer where an int is expected", 1, 37),
                c("int main() { int *p = 0; int *q = 0; return p + q == 0; }", "cannot add two pointers", 1, 47),
                c("int main() { int *p = 0; return 1 - p == 0; }", "cannot subtract a pointer from an int", 1, 35),
                c("int main() { int *p = 0; int x = 1; return p < x; }", "comparison between a pointer and an int", 1, 46),
                c("int main() { int *p = 0; return -p == 0; }", "unary '-' needs an int operand, not a pointer", 1, 33),
                c("int main() { int *p = 0; p *= 2; return 0; }", "'*=' on a pointer: only '+=' and '-=' of an int are allowed", 1, 28),
                c("int main() { int a[2]; output(a); return 0; }", "arrays cannot be passed to builtin 'output' ('a')", 1, 31),
                c("int main() { int x = 1; int *p = &x; output(p); return 0; }", "argument 1 of builtin 'output' must be an int, not a pointer", 1, 45),
                c("int main() { int a[2]; int *p = a; swap(p[0], a[1]); return 0; }",
                        "swap arguments must be variables or elements of one-dimensional arrays (not places reached through a pointer)", 1, 41),
                c("int f(int *a) { return a[0]; }\nint main() { int x = 2; return f(x); }", "cannot pass an int where a pointer is expected", 2, 34),
                c("int *f() { return 1; }\nint main() { return 0; }", "cannot return an int where a pointer is expected", 1, 19),
                c("int f(int *a);\nint f(int a) { return a; }\nint main() { return 0; }", "conflicting types for 'f'", 2, 5),
                c("int x;\nint main() { return x[0]; }", "'x' is not an array or a pointer", 2, 21),
                c("int main() { return (1 + 2)[0]; }", "subscripted value is not an array or a pointer", 1, 28),
                c("int g[2][3];\nint main() { return g; }", "two-dimensional array 'g' used without indices", 2, 21),
                c("int g[2][3];\nint main() { g[1] = 0; return 0; }", "cannot assign to a row of two-dimensional array 'g'", 2, 14),
                c("int g[2][3];\nint main() { return g[2][0]; }", "array index 2 is out of bounds for 'g' (size 2)", 2, 23),
                c("int g[2][3];\nint main() { return g[1][3]; }", "column index 3 is out of bounds for 'g' (3 columns)", 2, 26),
                c("int g[2][3] = {{1, 2, 3, 4}};\nint main() { return 0; }", "too many initializers in a row of 'g' (3 columns)", 1, 26),
                c("const int a[2] = {1, 2};\nint f(int *p) { return *p; }\nint main() { return f(a + 1); }",
                        "cannot pass an address of const ints where a pointer to (non-const) int is expected (declare the pointer 'const int *')", 3, 23),
                c("int f(const int *p) { p++; *p = 1; return 0; }\nint main() { return 0; }",
                        "cannot assign to an int through a pointer to const int", 1, 28),
                c("int f(const int a[]) { a[0] = 1; return 0; }\nint main() { return 0; }",
                        "cannot assign to an int through 'a', a pointer to const int", 1, 24),
                c("int main() { const int a[2] = {1, 2}; const int *p = a; int *q = p; return 0; }",
                        "cannot initialize 'q' with an address of const ints where a pointer to (non-const) int is expected (declare the pointer 'const int *')", 1, 66),
                c("int x;\nint *p = &x;\nint main() { return 0; }",
                        "initializer of global pointer 'p' must be 0 (addresses are not constants here; assign the address in a function)", 2, 10),
                c("char s[2] = \"abc\";\nint main() { return 0; }", "string of 3 characters is too long for 's' (size 2)", 1, 13),
                c("int main() { int x; int s = \"a\"; return 0; }", "cannot initialize 's' with a pointer where an int is expected", 1, 29),
                c("int f(int a[][3]) { return 0; }\nint main() { return 0; }",
                        "two-dimensional array parameters are not supported (pass a pointer to the first element and index it as row * columns + column)", 1, 14),
                c("int *a[3];\nint main() { return 0; }", "arrays of pointers are not supported", 1, 7),
                c("void *p;\nint main() { return 0; }", "void pointers are not supported (only pointers to int)", 1, 6),
                c("int (*g)(int);\nint main() { return 0; }", "function pointers are not supported (call functions by name)", 1, 5),
                c("int main() { int (*g)(int); return 0; }", "function pointers are not supported (call functions by name)", 1, 18),
                c("int f(int (*g)(int)) { return 0; }\nint main() { return 0; }", "function pointers are not supported (call functions by name)", 1, 11),
                c("int g[][3];\nint main() { return 0; }", "a two-dimensional array needs both sizes", 1, 8));
    }

    private static Arguments c(String src, String message, int line, int col) { return Arguments.of(src, message, line, col); }

    @ParameterizedTest
    @MethodSource("misuse")
    void misuseIsOneDiagnosticAtItsToken(String src, String message, int line, int col) {
        Diagnostic d = Programs.error(src, 16);
        assertEquals(message, d.message(), src);
        assertEquals(line + ":" + col, d.pos().toString(), src);
        assertEquals(true, d.format().contains("^"), "a caret under the place: " + d.format());
    }
}
