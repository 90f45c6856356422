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

    @Test void mainIsRefused() {
        var e = assertThrows(CReference.Refused.class, () -> ref("int main() { return 0; }", null));
        assertTrue(e.getMessage().contains("defines main"), e.getMessage());
    }
}
