package tc.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tc.source.SourceFile;

/** The C reference of a --from task: signatures, answers from the compiled function, and the refusals. */
class CReferenceTest {
    private static CReference ref(String text, String function) {
        return CReference.compile(new SourceFile("f.c", text), function, 8);
    }

    @Test void scalarAnswersComeFromTheCompiledFunction() {
        CReference r = ref("int f(int a, int b, int c) { return a * b - c / 2; }", null);
        assertEquals(CReference.Shape.SCALAR, r.signature().shape());
        assertEquals(3, r.signature().ints());
        assertArrayEquals(new int[]{6 * -7 - (-9 / 2)}, r.run(new int[0], new int[]{6, -7, -9}));
        // 32-bit wrap-around, as the Tensor Computer computes it
        assertArrayEquals(new int[]{Integer.MAX_VALUE * 2 - 0}, ref("int f(int a, int b) { return a * b; }", null).run(new int[0], new int[]{Integer.MAX_VALUE, 2}));
    }

    @Test void theFunctionIsChosenByNameAmongSeveral() {
        String text = "int twice(int x) { return x + x; }\nint f(int x) { return twice(x) + 1; }\n";
        assertArrayEquals(new int[]{9}, ref(text, "f").run(new int[0], new int[]{4}));
        var e = assertThrows(CReference.Refused.class, () -> ref(text, null));
        assertTrue(e.getMessage().contains("--function"), e.getMessage());
        var missing = assertThrows(CReference.Refused.class, () -> ref(text, "g"));
        assertTrue(missing.getMessage().contains("no function 'g'"), missing.getMessage());
    }

    @Test void aFileThatDoesNotCompileIsRefusedWithItsDiagnostic() {
        var e = assertThrows(CReference.Refused.class, () -> ref("int f(int x) { return x +; }", null));
        assertTrue(e.getMessage().startsWith("f.c does not compile: f.c:1:"), e.getMessage());
        var undefined = assertThrows(CReference.Refused.class, () -> ref("int f(int x) { return y; }", null));
        assertTrue(undefined.getMessage().contains("does not compile"), undefined.getMessage());
    }

    @Test void otherSignaturesAreRefused() {
        for (String text : new String[]{"int f() { return 1; }", "int f(int a, int b, int c, int d, int e) { return a; }", "void f(int x) { }"}) {
            var e = assertThrows(CReference.Refused.class, () -> ref(text, null), text);
            assertTrue(e.getMessage().contains("the learner takes"), e.getMessage());
        }
    }

    @Test void aFunctionThatLoopsForeverIsRefusedNamingTheInput() {
        CReference r = ref("int f(int x) { while (x != 0) x = x - 2; return 1; }", null);
        assertArrayEquals(new int[]{1}, r.run(new int[0], new int[]{4}));
        var e = assertThrows(CReference.Refused.class, () -> r.run(new int[0], new int[]{3}));
        assertTrue(e.getMessage().contains("does not return within") && e.getMessage().contains("(3)"), e.getMessage());
    }

    @Test void arraySignaturesPassTheArrayAndAnswerFromItOrInPlace() {
        CReference sum = ref("int f(int *a, int n, int k) { int s = 0; for (int i = 0; i < n; i++) s += a[i] * k; return s; }", null);
        assertEquals(CReference.Shape.ARRAY_TO_INT, sum.signature().shape());
        assertEquals(3, sum.signature().inputs());
        assertArrayEquals(new int[]{(1 + 2 + 3) * 5}, sum.run(new int[]{1, 2, 3}, new int[]{5}));
        CReference rev = ref("void f(int a[], int n) { for (int i = 0; i < n / 2; i++) { int t = a[i]; a[i] = a[n - 1 - i]; a[n - 1 - i] = t; } }", null);
        assertEquals(CReference.Shape.ARRAY_IN_PLACE, rev.signature().shape());
        assertArrayEquals(new int[]{4, 3, 2, 1}, rev.run(new int[]{1, 2, 3, 4}, new int[0]));
        var two = assertThrows(CReference.Refused.class, () -> ref("int f(int a[], int b[]) { return a[0]; }", null));
        assertTrue(two.getMessage().contains("not as (int a[], int n, ...)"), two.getMessage());
    }

    @Test void readingOrWritingOutsideTheArrayIsCaught() {
        var read = assertThrows(CReference.Refused.class, () -> ref("int f(int a[], int n) { return a[n]; }", null).run(new int[]{1, 2}, new int[0]));
        assertTrue(read.getMessage().contains("reads outside its array"), read.getMessage());
        var before = assertThrows(CReference.Refused.class, () -> ref("int f(int a[], int n) { return a[-1] + n; }", null).run(new int[]{1}, new int[0]));
        assertTrue(before.getMessage().contains("reads outside its array"), before.getMessage());
        var write = assertThrows(CReference.Refused.class, () -> ref("void f(int a[], int n) { a[n] = 0; }", null).run(new int[]{1, 2}, new int[0]));
        assertTrue(write.getMessage().contains("writes outside its array (a[2]"), write.getMessage());
        var below = assertThrows(CReference.Refused.class, () -> ref("void f(int a[], int n) { a[-2] = 5; }", null).run(new int[]{1}, new int[0]));
        assertTrue(below.getMessage().contains("writes outside its array (a[-2]"), below.getMessage());
        // reading within the array, whatever lies around it, is fine
        assertArrayEquals(new int[]{2}, ref("int f(int a[], int n) { return a[n - 1]; }", null).run(new int[]{1, 2}, new int[0]));
    }

    @Test void mainIsRefused() {
        var e = assertThrows(CReference.Refused.class, () -> ref("int main() { return 0; }", null));
        assertTrue(e.getMessage().contains("defines main"), e.getMessage());
    }
}
