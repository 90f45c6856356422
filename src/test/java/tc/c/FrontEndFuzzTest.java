package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tc.c.lex.Lexer;
import tc.c.lex.Token;
import tc.c.lex.TokenKind;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * Mutated programs must either compile (front end and Loom back end) or fail with a positioned
 * diagnostic: never another exception, never a hang. The mutants are seeded, so a failure reproduces.
 */
class FrontEndFuzzTest {
    private static final String[] SEEDS = {
        "int main() { int x = 3; int y = x * 2 + 1; output(y); return y; }",
        "int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }\nint main() { return fact(5); }",
        "int a[] = {5, 3, 9, 1};\nint main() { for (int i = 0; i < 4; i++) for (int j = 0; j + 1 < 4 - i; j++) if (a[j] > a[j + 1]) swap(a[j], a[j + 1]); return a[0]; }",
        "int g;\nvoid bump(int k) { g += k; }\nint main() { int i = 0; while (i < 10) { if (i % 3 == 0) { i++; continue; } bump(i); if (g > 20) break; i++; } return g; }",
        "int main() { int x = 0x7F; int y = -128; x >>= 2; y <<= 1; x ^= ~y; return x > y ? min(x, y) : max(abs(x), y); }",
        "int f(int a, int b);\nint main() { int n = 0; do { n = f(n, 1); } while (n < 5 && n != 3 || !n); return n; }\nint f(int a, int b) { return a + b; }",
        "int main() { int c = 'a'; int d = '\\n'; /* block */ // line\n return (c == 97) + (d != 10) * 2 + mul(c, 2) / 3 % 5; }",
        "int t[3];\nint main() { int k = 1; t[k]++; --t[2]; t[0] = t[1]-- + ++t[2]; { int k = 2; t[k] |= 4; } return t[0] & t[1] | t[2]; }",
        "int sq(int x) { return x * x; }\nint main() { int s = 0; for (int i = -3; i <= 3; i++) s += sq(i) - (i < 0 ? -i : i); output(s); return s; }",
        "void p(int x) { if (x <= 0) return; output(x); p(x - 2); }\nint main() { p(7); int q[4] = {1, 2}; return q[1] + q[3]; }",
        "static const char s[] = {'\\x41', '\\n', '\\0'};\nint max(int a, int b, int c) { return a + b + c; }\nint tick() { static int n; return ++n; }\n"
                + "int main() { int r = 0; for (int i = 0, j = 3; i < j; i++, j--) switch (i) { case 0: r += 2; case 1: r++; break; default: continue; }\n"
                + " return (tick(), tick()) + max(r, sizeof s, sizeof(int)) + s[1]; }",
    };

    private static final String[] INSERTS = {
        ";", "{", "}", "(", ")", "[", "]", ",", "=", "==", "+", "-", "*", "/", "%", "<<", ">>=", "&&", "||", "!", "~", "?", ":",
        "++", "--", "int", "void", "if", "else", "while", "do", "for", "return", "break", "continue", "main", "x", "a[0]",
        "abs(", "swap(", "output(", "min(1,", "0", "1", "127", "128", "-129", "0xFF", "0x10000", "99999999999999999999999",
        "'z'", "'\\'", "/*", "*/", "//", "#", "@", "\"s\"", "\n", "\t", "__mul", "char",
        "switch", "case", "default", "case 1:", "sizeof", "static", "const", "'\\x41'", "'\\x'", "'\\q'", "'\\777'",
    };

    private static String mutate(String seed, Random rnd) {
        List<Token> tokens = Lexer.tokenize(new SourceFile("seed.c", seed));
        List<String> parts = new ArrayList<>();
        for (Token t : tokens) if (t.kind() != TokenKind.EOF) parts.add(t.text());
        String s = seed;
        int edits = rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(3) : 1;
        for (int e = 0; e < edits; e++) {
            int n = parts.size();
            switch (rnd.nextInt(10)) {
                case 0 -> { if (n > 0) parts.remove(rnd.nextInt(n)); s = String.join(" ", parts); }
                case 1 -> { if (n > 0) { int i = rnd.nextInt(n); parts.add(i, parts.get(i)); } s = String.join(" ", parts); }
                case 2 -> { if (n > 1) { int i = rnd.nextInt(n), j = rnd.nextInt(n); String t = parts.get(i); parts.set(i, parts.get(j)); parts.set(j, t); } s = String.join(" ", parts); }
                case 3 -> { parts.add(rnd.nextInt(n + 1), INSERTS[rnd.nextInt(INSERTS.length)]); s = String.join(" ", parts); }
                case 4 -> s = s.substring(0, rnd.nextInt(s.length() + 1));
                case 5 -> { if (!s.isEmpty()) { int i = rnd.nextInt(s.length()); s = s.substring(0, i) + s.substring(i + 1); } }
                case 6 -> { int i = rnd.nextInt(s.length() + 1); s = s.substring(0, i) + (char) (32 + rnd.nextInt(95)) + s.substring(i); }
                case 7 -> { if (!s.isEmpty()) { int i = rnd.nextInt(s.length()); s = s.substring(0, i) + s.charAt(i) + s.substring(i); } }
                case 8 -> {
                    int depth = 50 + rnd.nextInt(400);
                    String deep = switch (rnd.nextInt(4)) {
                        case 0 -> "(".repeat(depth) + "1" + ")".repeat(depth);
                        case 1 -> "1" + " + 1".repeat(depth);
                        case 2 -> "-".repeat(depth) + "1";
                        default -> "x = ".repeat(depth) + "1";
                    };
                    String wrap = rnd.nextBoolean() ? "{".repeat(depth) + "}".repeat(depth) : "if (1) ".repeat(depth) + ";";
                    String add = rnd.nextBoolean() ? deep : wrap;
                    int i = s.indexOf('{');
                    int at = i < 0 ? rnd.nextInt(s.length() + 1) : i + 1;
                    s = s.substring(0, at) + add + (add == deep ? ";" : "") + s.substring(at);
                }
                default -> {
                    int i = rnd.nextInt(s.length() + 1);
                    s = s.substring(0, i) + INSERTS[rnd.nextInt(INSERTS.length)] + s.substring(i);
                }
            }
            if (e + 1 < edits) {
                try {
                    parts = new ArrayList<>();
                    for (Token t : Lexer.tokenize(new SourceFile("m.c", s))) if (t.kind() != TokenKind.EOF) parts.add(t.text());
                } catch (CompileException ex) {
                    break;
                }
            }
        }
        return s;
    }

    @Test
    void mutantsCompileOrFailWithAPositionedDiagnostic() throws Exception {
        int count = Integer.getInteger("tc.frontend.mutants", 10000);
        Random rnd = new Random(0xC0FFEE);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-compile");
            t.setDaemon(true);
            return t;
        });
        int compiled = 0;
        int rejected = 0;
        try {
            for (String seed : SEEDS) Programs.compile(seed, 8);
            for (int k = 0; k < count; k++) {
                String mutant = mutate(SEEDS[k % SEEDS.length], rnd);
                int bits = rnd.nextBoolean() ? 8 : 16;
                Future<Object> result = worker.submit(() -> {
                    IrProgram ir;
                    try {
                        ir = Programs.compile(mutant, bits);
                    } catch (CompileException e) {
                        return e;
                    }
                    // Whatever compiles must be well-formed enough to run (labels, variables, returns).
                    IrInterpreter.run(ir, 2_000);
                    // ...and must go through the back end (or get a capacity diagnostic) and run as ISA code.
                    tc.loom.isa.Program program;
                    try {
                        program = tc.loom.backend.Compiler.compile(new SourceFile("m.c", mutant),
                                new tc.loom.backend.CompileOptions(null, bits));
                    } catch (CompileException e) {
                        return e;
                    }
                    new tc.loom.interp.Interpreter().run(program, tc.loom.engine.RunOptions.defaults().withMaxSteps(2_000));
                    return ir;
                });
                Object outcome;
                try {
                    outcome = result.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    throw new AssertionError("mutant " + k + " took over 2 s:\n" + mutant);
                } catch (ExecutionException e) {
                    throw new AssertionError("mutant " + k + " threw " + e.getCause() + ":\n" + mutant, e.getCause());
                }
                if (outcome instanceof CompileException e) {
                    if (e.diagnostic().pos().line() < 1 || e.diagnostic().message().isEmpty()) {
                        fail("mutant " + k + " got an unpositioned diagnostic '" + e.getMessage() + "':\n" + mutant);
                    }
                    rejected++;
                } else {
                    compiled++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertEquals(count, compiled + rejected);
        System.out.println("front-end fuzz: " + compiled + " mutants compiled, " + rejected + " rejected");
        // Both outcomes must actually occur, or the mutator is not exercising the front end.
        if (count >= 1000 && (compiled < count / 100 || rejected < count / 10)) {
            fail("unbalanced mutants: " + compiled + " compiled, " + rejected + " rejected");
        }
    }
}
