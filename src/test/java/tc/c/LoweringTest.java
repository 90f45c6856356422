package tc.c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tc.ir.BinaryOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Var;

/** The shape of the IR the front end emits (what the back end relies on). */
class LoweringTest {
    private static IrFunction main(String body) {
        return Programs.compile("int g; int h;\nint f(int a) { return a; }\nint main() {\n" + body + "\n}", 8).function("main").orElseThrow();
    }

    private static List<Instr> code(IrFunction f) {
        return f.body().stream().filter(i -> !(i instanceof Instr.Line)).toList();
    }

    private static long temps(IrFunction f) { return f.locals().stream().filter(v -> v.kind() == Var.Kind.TEMP).count(); }

    @Test
    void assignmentsTargetTheVariableDirectly() {
        IrFunction f = main("int y = g; int x; x = y + 1; x = y - x; return x;");
        List<Instr> c = code(f);
        assertEquals(0, temps(f));
        assertTrue(c.get(1) instanceof Instr.Binary b && b.op() == BinaryOp.ADD && b.dst().name().equals("x")
                && b.left() instanceof Var y && y.name().equals("y") && b.right().equals(new Imm(1)), c.toString());
    }

    @Test
    void constantsAreFoldedWithWordSemantics() {
        List<Instr> c = code(main("return (100 + 100) * 2 - (7 / 0) + (1 << 9) + abs(-128) + min(3, -4);"));
        // (200 wraps to -56) * 2 = -112; - (-1) = -111; + 0; + -128 (wraps) = 17; + -4 = 13
        assertEquals(List.of(new Instr.Return(new Imm(13))), c);
    }

    @Test
    void conditionsBranchWithoutMaterialisingBooleans() {
        IrFunction f = main("int x = g; while (x < 10 && !(x == 3) || h) x++; if (x) return 1; return 0;");
        for (Instr i : f.body()) {
            if (i instanceof Instr.Binary b) assertFalse(b.op().isComparison(), "comparison materialised: " + b);
            if (i instanceof Instr.Unary u) assertFalse(u.op() == tc.ir.UnaryOp.LNOT, "! materialised: " + u);
        }
        assertEquals(0, temps(f));
    }

    @Test
    void comparisonsUsedAsNumbersBecomeBinaryOps() {
        IrFunction f = main("int x = g; return (x < 3) + h;");
        assertTrue(f.body().stream().anyMatch(i -> i instanceof Instr.Binary b && b.op() == BinaryOp.LT));
    }

    @Test
    void temporariesAreReused() {
        IrFunction f = main("return (g + 1) * (h + 2) + (g - 3) * (h - 4) + (g ^ 5) * (h | 6);");
        assertTrue(temps(f) <= 3, f.toString());
    }

    @Test
    void mainsTopLevelConstantDeclarationsAreStatic() {
        IrFunction f = main("int a = 5; int b[3] = {1, 2}; int c; int d = g; { int e = 4; } while (c) { int k = 1; } return a;");
        Var a = local(f, "a");
        assertArrayEquals(new int[] {5}, a.init());
        assertArrayEquals(new int[] {1, 2, 0}, local(f, "b").init());
        assertArrayEquals(new int[] {0}, local(f, "c").init());
        assertNull(local(f, "d").init());
        assertNull(local(f, "e").init());
        assertNull(local(f, "k").init());
        assertTrue(f.body().stream().noneMatch(i -> i instanceof Instr.Move m && m.dst() == a), "static locals cost no code");
        IrFunction other = Programs.compile("int f() { int z = 1; return z; }\nint main() { return f(); }", 8).function("f").orElseThrow();
        assertNull(local(other, "z").init(), "only main runs once");
    }

    @Test
    void repeatedFileScopeDeclarationsAreOneVariable() {
        String src = "int x;\nint a[2];\nint get() { return x; }\nint x = 5;\nint a[2] = {3, 4};\nint x;\n"
                + "int main() { x++; return get() * 10 + a[1]; }";
        IrProgram p = Programs.compile(src, 8);
        assertEquals(List.of("x", "a"), p.globals().stream().map(Var::name).toList());
        assertArrayEquals(new int[] {5}, p.globals().get(0).init(), "the initializer counts wherever it comes");
        assertEquals(64, Programs.run(src, 8).retval());
    }

    private static Var local(IrFunction f, String name) {
        return f.locals().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void wellFormedProgram() {
        IrProgram p = Programs.compile("""
                int g[3] = {1, 2, 3};
                void v(int x) { if (x) return; output(x); }
                int f(int n) { while (n > 0) { if (n == 5) break; n--; } return n ? f(n - 1) : 0; }
                int main() { int i; for (i = 0; i < 3; i++) { int t = g[i] * 2 / 3 % 2; v(t); } return f(9); }
                """, 16);
        Set<Integer> ids = new HashSet<>();
        for (Var g : p.globals()) assertTrue(ids.add(g.id()));
        for (IrFunction fn : p.functions()) {
            for (Var v : fn.params()) assertTrue(ids.add(v.id()), "duplicate id " + v);
            for (Var v : fn.locals()) assertTrue(ids.add(v.id()), "duplicate id " + v);
            Set<String> labels = new HashSet<>();
            for (Instr i : fn.body()) if (i instanceof Instr.Label l) assertTrue(labels.add(l.name()), "duplicate label " + l);
            for (Instr i : fn.body()) {
                if (i instanceof Instr.Jump j) assertTrue(labels.contains(j.target()));
                if (i instanceof Instr.Branch b) assertTrue(labels.contains(b.target()));
            }
            Instr last = fn.body().get(fn.body().size() - 1);
            assertTrue(last instanceof Instr.Return || last instanceof Instr.Jump, fn.name() + " ends in " + last);
        }
        assertTrue(p.function("f").orElseThrow().body().stream().anyMatch(i -> i instanceof Instr.Line l && l.line() == 3));
        assertTrue(p.function("main").orElseThrow().body().stream().anyMatch(i -> i instanceof Instr.Binary b && b.op() == BinaryOp.MUL));
    }
}
