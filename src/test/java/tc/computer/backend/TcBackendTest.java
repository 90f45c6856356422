package tc.computer.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.fixtures.CPrograms.FACT;
import static tc.fixtures.CPrograms.FIB;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.computer.interp.TcMachine;
import tc.ir.BinaryOp;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.source.CompileException;
import tc.fixtures.CPrograms;
import tc.source.SourceFile;

class TcBackendTest {

    static TcOutcome run(String c) {
        return TcRunner.run(TcBackend.compile(new SourceFile("t.c", c)), TcEngines.INTERP, 10_000_000);
    }

    @Test void recursiveFactorial() {
        TcOutcome o = run(FACT);
        assertEquals(TcOutcome.Status.HALTED, o.status());
        assertEquals(120, o.retval());
    }

    @Test void recursiveFibonacci() {
        TcOutcome o = run(FIB);
        assertEquals(TcOutcome.Status.HALTED, o.status());
        assertEquals(55, o.retval());
        assertEquals(List.of(13), o.outputs());
    }

    @Test void intIs32Bits() {
        TcOutcome o = run("int main() { int x = 2147483647; output(x + 1); output(65536 * 65536); output(-2147483647 - 1); return 100000 * 3; }");
        assertEquals(List.of(Integer.MIN_VALUE, 0, Integer.MIN_VALUE), o.outputs());
        assertEquals(300000, o.retval());
    }

    @Test void mainsVariablesAndGlobalsAreReadable() {
        TcOutcome o = run("int g[3] = {1, 2, 3}; int h; int main() { int a[2]; int x = 7; a[1] = x * 2; g[2] = 9; h = 5; return 0; }");
        assertEquals(7, o.variables().get("x"));
        assertEquals(5, o.variables().get("h"));
        assertArrayEquals(new int[] {0, 14}, (int[]) o.variables().get("a"));
        assertArrayEquals(new int[] {1, 2, 9}, (int[]) o.variables().get("g"));
    }

    /** A static local sharing a global's name is a second global: both readable, the later one as name@line. */
    @Test void staticLocalsAndGlobalsOfOneNameStayApart() {
        TcOutcome o = run("int f() { static int n; return ++n; }\nint n;\nint main() { f(); n = 7; return f(); }");
        assertEquals(2, o.retval());
        assertEquals(2, o.variables().get("n"));
        assertEquals(7, o.variables().get("n@2"));
    }

    /** The native DIV/MOD must mean what the IR's operators mean, edge cases included. */
    @Test void divisionSemanticsAgreeWithTheIr() {
        int[] values = {0, 1, -1, 2, -2, 7, -7, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1};
        for (int a : values) for (int b : values) {
            assertEquals(BinaryOp.DIV.apply(a, b, 32), TcMachine.div(a, b), a + " / " + b);
            assertEquals(BinaryOp.MOD.apply(a, b, 32), TcMachine.mod(a, b), a + " % " + b);
        }
    }

    @Test void shiftsFollowTheIrForEveryCount() {
        int[] counts = {0, 1, 5, 31, 32, 33, 100, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        int[] values = {1, -1, 12345, Integer.MIN_VALUE, Integer.MAX_VALUE};
        StringBuilder src = new StringBuilder("int v[5] = {1, -1, 12345, -2147483647 - 1, 2147483647};\nint c[10] = {0, 1, 5, 31, 32, 33, 100, -1, -2147483647 - 1, 2147483647};\n"
                + "int main() { for (int i = 0; i < 5; i++) for (int k = 0; k < 10; k++) { output(v[i] << c[k]); output(v[i] >> c[k]); } return 0; }");
        TcOutcome o = run(src.toString());
        int n = 0;
        for (int v : values) for (int k : counts) {
            assertEquals(BinaryOp.SHL.apply(v, k, 32), o.outputs().get(n++), v + " << " + k);
            assertEquals(BinaryOp.SHR.apply(v, k, 32), o.outputs().get(n++), v + " >> " + k);
        }
    }

    @Test void agreesWithTheIrInterpreterOnManyLocals() {
        // More scalars than registers, a loop and a call: exercises spilling.
        String c = """
                int mix(int a, int b, int c, int d, int e, int f) { return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6; }
                int main() {
                    int a = 1; int b = 2; int c = 3; int d = 4; int e = 5; int f = 6; int g = 7; int h = 8;
                    int i = 9; int j = 10; int k = 11; int l = 12; int m = 13;
                    for (int n = 0; n < 5; n++) { a += b; b ^= c; c -= d; d += e * n; e = f % 7; f = g / 2 + h; g = i - j; h = k + l; i = m * n; output(mix(a, b, c, d, e, f)); }
                    return a + b + c + d + e + f + g + h + i + j + k + l + m;
                }
                """;
        IrProgram ir = CFrontEnd.compile(new SourceFile("t.c", c), 32);
        IrInterpreter.Result want = IrInterpreter.run(ir, 1_000_000);
        TcOutcome got = TcRunner.run(TcBackend.compile(ir, 256), TcEngines.INTERP, 1_000_000);
        assertEquals(want.outputs(), got.outputs());
        assertEquals(want.retval(), got.retval());
        assertEquals(want.variables().get("m")[0], got.variables().get("m"));
    }

    @Test void deepRecursionEndsInStackOverflowNotCorruption() {
        TcOutcome o = run("int g = 5; int down(int n) { if (n == 0) return g; return down(n - 1) + 1; } int main() { return down(100000); }");
        assertEquals(TcOutcome.Status.STACK_OVERFLOW, o.status());
        assertEquals(5, o.variables().get("g"), "the globals below the stack are intact");
    }

    @Test void growsMemoryForLargeGlobals() {
        IrProgram ir = CFrontEnd.compile(new SourceFile("t.c", "int a[300]; int main() { a[299] = 4; return a[299]; }"), 32);
        TcCompiled c = TcBackend.compile(ir, 256);
        assertTrue(c.program().spec().memoryWords() >= 512);
        assertEquals(4, TcRunner.run(c, TcEngines.INTERP, 1000).retval());
    }

    static final String DOWN = """
            int down(int n) {
                int keep = n * 2;
                return down(n + 1) + keep;
            }
            int main() {
                int x = 7;
                x = x * 6;
                return down(x) + x;
            }
            """;

    @Test void mainsVariablesComeFromItsFrameWhenTheRunStopsInACallee() {
        TcCompiled c = TcBackend.compile(new SourceFile("spin.c", CPrograms.SPIN));
        TcSymbol x = c.symbols().stream().filter(s -> s.name().equals("x")).findFirst().orElseThrow();
        assertTrue(x.inRegister(), "the test needs x in a register: " + x);
        for (long steps : new long[] {12, 13, 14, 15, 200, 201}) { // in spin's prologue, body and loop
            TcOutcome o = TcRunner.run(c, TcEngines.INTERP, steps);
            assertEquals(TcOutcome.Status.STEP_LIMIT, o.status());
            assertEquals(47, o.variables().get("x"), "after " + steps + " steps");
            assertEquals(40, o.variables().get("y"), "after " + steps + " steps");
        }
        assertTrue(TcRunner.run(c, TcEngines.INTERP, 200).state().register(x.register()) != 47, "spin has reused x's register");
    }

    @Test void mainsVariableIsRightWhereverTheRunStops() {
        // Callees with arrays in their frames, two levels deep, entered and left several times:
        // stopping at any step (prologues and epilogues included) must show x = 47 once set.
        TcCompiled c = TcBackend.compile(new SourceFile("nest.c", """
                int leaf(int a) { int t[3]; t[0] = a; t[1] = a * 2; t[2] = t[0] + t[1]; return t[2]; }
                int mid(int a, int b) { int u = a + b; int v = leaf(u) + leaf(b); return u * v; }
                int main() { int x = 47; int s = 0; int i; for (i = 0; i < 3; i = i + 1) s = s + mid(i, x); return s + x; }
                """));
        assertTrue(c.symbols().stream().anyMatch(s -> s.name().equals("x") && s.inRegister()), "the test needs x in a register");
        long total = TcRunner.run(c, TcEngines.INTERP, 1_000_000).steps();
        boolean set = false;
        for (long k = 1; k <= total; k++) {
            Object x = TcRunner.run(c, TcEngines.INTERP, k).variables().get("x");
            if (Integer.valueOf(47).equals(x)) set = true;
            else assertTrue(!set && (x == null || x.equals(0)), "after " + k + " steps x = " + x);
        }
        assertTrue(set);
    }

    @Test void mainsVariablesSurviveAStackOverflowDeepInsideRecursion() {
        TcOutcome o = run(DOWN);
        assertEquals(TcOutcome.Status.STACK_OVERFLOW, o.status());
        assertEquals(42, o.variables().get("x"));
    }

    @Test void mainsVariablesAreUnknownBeforeMainRuns() {
        TcOutcome o = TcRunner.run(TcBackend.compile(new SourceFile("spin.c", CPrograms.SPIN)), TcEngines.INTERP, 1);
        assertTrue(o.variables().containsKey("x"));
        assertEquals(null, o.variables().get("x"), "main has not been entered: no value to show");
    }

    @Test void stackOverflowNamesTheCallThatOverflowed() {
        TcCompiled c = TcBackend.compile(new SourceFile("down.c", DOWN));
        TcOutcome o = TcRunner.run(c, TcEngines.INTERP, 10_000_000);
        TcOutcome.Fault f = o.fault();
        assertEquals(3, f.line(), "the recursive call is on line 3");
        assertEquals(tc.computer.isa.TcOp.CALL, c.program().at(f.pc()).op(), "pc names the CALL, not the overflow HALT");
        assertTrue(f.pc() != o.state().pc());
        assertTrue(f.message().contains("the call of down"), f.message());
        // The fault's step is the one at which that CALL ran: replay to just before it.
        TcMachine m = new TcMachine(c.program());
        m.run(f.step() - 1);
        assertEquals(f.pc(), m.pc());
    }

    @Test void defaultMemoryHoldsAThousandNestedCalls() {
        TcOutcome o = run("int f(int n) { if (n == 0) return 0; return f(n - 1) + 1; } int main() { return f(1000); }");
        assertEquals(TcOutcome.Status.HALTED, o.status());
        assertEquals(1000, o.retval());
    }

    @Test void wordShiftsAreRightAt32Bits() {
        // Counts with the top bit set are huge unsigned counts: all bits out, or the sign fill.
        assertEquals(0, tc.ir.Word.shl(1, -1, 32));
        assertEquals(0, tc.ir.Word.shl(1, Integer.MIN_VALUE, 32));
        assertEquals(-1, tc.ir.Word.shr(-8, Integer.MIN_VALUE, 32));
        assertEquals(0, tc.ir.Word.shr(8, -1, 32));
        assertEquals(Integer.MIN_VALUE, tc.ir.Word.shl(1, 31, 32));
    }

    @Test void programsBeyondTheLargestMemoryAreACompileError() {
        StringBuilder big = new StringBuilder();
        for (int k = 0; k < 18; k++) big.append("int a").append(k).append("[60000];\n"); // 1,080,000 words > 2^20
        big.append("int main() { a17[1] = 1; return a17[1]; }");
        CompileException e = assertThrows(CompileException.class, () -> TcBackend.compile(new SourceFile("big.c", big.toString())));
        assertTrue(e.getMessage().contains("memory words"), e.getMessage());
    }

    @Test void rejectsIrOfAnotherWidth() {
        IrProgram ir = CFrontEnd.compile(new SourceFile("t.c", "int main() { return 1; }"), 8);
        CompileException e = assertThrows(CompileException.class, () -> TcBackend.compile(ir, 256));
        assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
    }
}
