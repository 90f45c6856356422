package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.CFrontEnd;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

/** Pointers on Loom: cell indices, LOAD and STORE; the relational comparisons past 127 at N = 8; the one refusal. */
class LoomPointersTest {
    private static IrProgram ir(String src, int bits) { return CFrontEnd.compile(new SourceFile("p.c", src), bits); }

    @Test
    void pointersIntoCellsAbove127CompareByTheirDifferenceAtN8() {
        // pad pushes a past cell 127, where a cell index read as a signed 8-bit int is negative.
        String src = """
                int pad[120];
                int a[8];
                int main() {
                    int *p = &a[1];
                    int *q = &a[6];
                    output(p < q); output(q > p); output(p >= q); output(q - p); output(p - q);
                    for (int *w = a; w < a + 8; w++) *w = 3;
                    int n = 0;
                    for (int *w = a + 8; w > a; ) n += *--w;
                    return n;
                }""";
        Program program = Run.compile(ir(src, 8));
        int cellOfA = program.debug().symbols().stream().filter(s -> s.name().equals("a")).findFirst().orElseThrow().index();
        assertTrue(cellOfA > 127, "a is at cell " + cellOfA + ": the test needs it past 127");
        RunResult r = Run.run(program);
        assertTrue(r.halted(), r.status() + " " + r.fault());
        assertEquals(List.of(1, 1, 0, 5, -5), r.outputs());
        assertEquals(24, r.cell(7));
        assertEquals(IrInterpreter.run(ir(src, 8), 100_000).outputs(), r.outputs());
    }

    @Test
    void aRecursiveFunctionMayNotPassItsLocalArray() {
        String src = """
                int sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
                int f(int n) {
                    int local[2] = {n, n};
                    if (n == 0) return 0;
                    return sum(local, 2) + f(n - 1);
                }
                int main() { return f(3); }""";
        CompileException e = assertThrows(CompileException.class, () -> Run.compile(ir(src, 16)));
        assertEquals("3:9", e.diagnostic().pos().toString());
        assertTrue(e.diagnostic().message().startsWith("the address of 'local' is taken in recursive function 'f'"), e.diagnostic().message());
        // The same program is fine where frames are real: the IR interpreter gives 2 * (3 + 2 + 1).
        assertEquals(12, IrInterpreter.run(ir(src, 16), 100_000).retval());
    }

    @Test
    void aRecursiveFunctionMayTakeAndPassPointers() {
        String src = """
                int g[4] = {5, 6, 7, 8};
                int total(int *a, int n) { if (n == 0) return 0; return a[0] + total(a + 1, n - 1); }
                int main() { int loc[3] = {1, 2, 3}; return total(g, 4) + total(loc, 3); }""";
        assertEquals(32, Run.retval(ir(src, 8)));
    }
}
