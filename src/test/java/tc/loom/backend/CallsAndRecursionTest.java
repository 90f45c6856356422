package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.loom.backend.IrKit.imm;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.Var;
import tc.loom.engine.Fault;
import tc.loom.engine.RunResult;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/** Calls with one and many call sites, recursion through the stack, and the helpers for * / %. */
class CallsAndRecursionTest {

    @Test void singleCallSiteReturnsWithAJump() {
        IrKit k = new IrKit(8);
        IrKit.Fn f = k.fn("inc", true, "x");
        Var t = f.temp();
        f.bin(BinaryOp.ADD, t, f.p(0), imm(1)).ret(t).done();
        IrKit.Fn main = k.fn("main", true);
        Var r = main.local("r");
        main.call(r, "inc", imm(41)).ret(r).done();
        Program p = Run.compile(k.build());
        assertEquals(42, Run.run(p).cell(7));
        assertTrue(p.debug().symbols().stream().noneMatch(s -> s.name().equals("__site")), "one call site needs no site cell");
        assertEquals(-1, p.debug().stackBase());
        assertTrue(p.debug().labels().containsKey("inc"));
    }

    @Test void manyCallSitesDispatchOnTheSiteCell() {
        IrKit k = new IrKit(8);
        IrKit.Fn twice = k.fn("twice", true, "x");
        Var t = twice.temp();
        twice.bin(BinaryOp.ADD, t, twice.p(0), twice.p(0)).ret(t).done();
        IrKit.Fn say = k.fn("say", false, "v");
        say.out(say.p(0)).ret(null).done();
        IrKit.Fn main = k.fn("main", true);
        Var a = main.local("a"), b = main.local("b"), c = main.local("c");
        main.call(a, "twice", imm(1)).call(null, "say", a).call(b, "twice", a).call(null, "say", b)
                .call(c, "twice", b).call(null, "say", c).call(c, "twice", c).ret(c).done();
        k.fn("unused", true).ret(imm(99)).done();
        Program p = Run.compile(k.build());
        RunResult r = Run.run(p);
        assertEquals(List.of(2, 4, 8), r.outputs());
        assertEquals(16, r.cell(7));
        assertFalse(p.debug().labels().containsKey("unused"), "unreachable functions are dropped");
        assertEquals(Symbol.Kind.TEMP, Run.symbol(p, "__site", "twice").kind());
        assertEquals(-1, p.debug().stackBase(), "no recursion, no stack");
    }

    /** fact(n) = n <= 1 ? 1 : n * fact(n - 1), with * through the hand-written __mul. */
    @Test void recursiveFactorial() {
        for (int n = 0; n <= 7; n++) {
            IrKit k = new IrKit(16);
            k.addMul();
            IrKit.Fn fact = k.fn("fact", true, "n");
            Var t = fact.temp(), u = fact.temp();
            fact.br(CmpOp.GT, fact.p(0), imm(1), "rec").ret(imm(1))
                    .label("rec").bin(BinaryOp.SUB, t, fact.p(0), imm(1)).call(u, "fact", t)
                    .bin(BinaryOp.MUL, u, fact.p(0), u).ret(u).done();
            IrKit.Fn main = k.fn("main", true);
            Var r = main.local("r");
            main.call(r, "fact", imm(n)).ret(r).done();
            Program p = Run.compile(k.build());
            assertTrue(p.debug().hasStack());
            assertEquals(p.config().m(), p.debug().stackLimit());
            assertEquals(p.debug().stackBase(), p.memory()[3], "SP starts at the stack base");
            int expected = 1;
            for (int i = 2; i <= n; i++) expected *= i;
            RunResult res = Run.run(p);
            assertEquals(expected, res.cell(7), "fact(" + n + ")");
            assertEquals(p.debug().stackBase(), res.cell(3), "SP is back at the base");
        }
    }

    /** fib(n) = n < 2 ? n : fib(n-1) + fib(n-2): a value and the parameter live across calls. */
    @Test void recursiveFibonacci() {
        IrKit k = new IrKit(8);
        IrKit.Fn fib = k.fn("fib", true, "n");
        Var a = fib.local("a"), t = fib.temp(), b = fib.temp();
        fib.br(CmpOp.LT, fib.p(0), imm(2), "base")
                .bin(BinaryOp.SUB, t, fib.p(0), imm(1)).call(a, "fib", t)
                .bin(BinaryOp.SUB, t, fib.p(0), imm(2)).call(b, "fib", t)
                .bin(BinaryOp.ADD, a, a, b).ret(a)
                .label("base").ret(fib.p(0)).done();
        IrKit.Fn main = k.fn("main", true);
        Var i = main.local("i"), r = main.temp();
        main.move(i, imm(0)).label("loop").br(CmpOp.GT, i, imm(11), "end")
                .call(r, "fib", i).out(r).bin(BinaryOp.ADD, i, i, imm(1)).jmp("loop").label("end").ret(i).done();
        RunResult res = Run.compileAndRun(k.build());
        assertEquals(List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89), res.outputs());
    }

    /** even(n) / odd(n) calling each other. */
    @Test void mutualRecursion() {
        IrKit k = new IrKit(8);
        IrKit.Fn even = k.fn("even", true, "n");
        Var t = even.temp(), r = even.temp();
        even.br(CmpOp.EQ, even.p(0), imm(0), "yes").bin(BinaryOp.SUB, t, even.p(0), imm(1)).call(r, "odd", t).ret(r)
                .label("yes").ret(imm(1)).done();
        IrKit.Fn odd = k.fn("odd", true, "n");
        Var t2 = odd.temp(), r2 = odd.temp();
        odd.br(CmpOp.EQ, odd.p(0), imm(0), "no").bin(BinaryOp.SUB, t2, odd.p(0), imm(1)).call(r2, "even", t2).ret(r2)
                .label("no").ret(imm(0)).done();
        IrKit.Fn main = k.fn("main", true);
        Var x = main.temp();
        for (int n : new int[] {0, 1, 6, 9, 20}) main.call(x, "even", imm(n)).out(x).call(x, "odd", imm(n)).out(x);
        main.ret(imm(0)).done();
        assertEquals(List.of(1, 0, 0, 1, 1, 0, 0, 1, 1, 0), Run.compileAndRun(k.build()).outputs());
    }

    /** g(a, b, n) = n == 0 ? a - b : g(b, a, n - 1): arguments that are the callee's own parameters, swapped. */
    @Test void recursiveCallWithSwappedParameters() {
        IrKit k = new IrKit(8);
        IrKit.Fn g = k.fn("g", true, "a", "b", "n");
        Var t = g.temp(), r = g.temp();
        g.br(CmpOp.EQ, g.p(2), imm(0), "base").bin(BinaryOp.SUB, t, g.p(2), imm(1))
                .call(r, "g", g.p(1), g.p(0), t).ret(r)
                .label("base").bin(BinaryOp.SUB, r, g.p(0), g.p(1)).ret(r).done();
        // h(a, b, c, n) rotates: h(b, c, a, n - 1); base: a + 4b + 16c
        IrKit.Fn h = k.fn("h", true, "a", "b", "c", "n");
        Var s = h.temp(), q = h.temp();
        h.br(CmpOp.EQ, h.p(3), imm(0), "base").bin(BinaryOp.SUB, s, h.p(3), imm(1))
                .call(q, "h", h.p(1), h.p(2), h.p(0), s).ret(q)
                .label("base").bin(BinaryOp.SHL, s, h.p(1), imm(2)).bin(BinaryOp.ADD, s, s, h.p(0))
                .bin(BinaryOp.SHL, q, h.p(2), imm(4)).bin(BinaryOp.ADD, s, s, q).ret(s).done();
        IrKit.Fn main = k.fn("main", true);
        Var x = main.temp();
        for (int n = 0; n < 4; n++) main.call(x, "g", imm(10), imm(3), imm(n)).out(x);
        for (int n = 0; n < 4; n++) main.call(x, "h", imm(1), imm(2), imm(3), imm(n)).out(x);
        main.ret(imm(0)).done();
        Program p = Run.compile(k.build());
        assertTrue(p.instructions().stream().anyMatch(i -> i.a() == Opcode.SWAP.number()), "a 2-cycle of arguments is one SWAP");
        // h: 1+8+48 = 57; rotated once (2,3,1): 2+12+16 = 30; twice (3,1,2): 3+4+32 = 39
        assertEquals(List.of(7, -7, 7, -7, 57, 30, 39, 57), Run.run(p).outputs());
    }

    /** A local array read after a recursive call is saved and restored whole. */
    @Test void localArrayLiveAcrossRecursion() {
        IrKit k = new IrKit(8);
        IrKit.Fn f = k.fn("f", true, "n");
        Var buf = f.array("buf", 3), i = f.local("i"), sum = f.local("sum"), t = f.temp();
        f.move(i, imm(0))
                .label("fill").br(CmpOp.EQ, i, imm(3), "filled").bin(BinaryOp.ADD, t, f.p(0), i).store(buf, i, t)
                .bin(BinaryOp.ADD, i, i, imm(1)).jmp("fill")
                .label("filled").move(sum, imm(0)).br(CmpOp.EQ, f.p(0), imm(0), "add")
                .bin(BinaryOp.SUB, t, f.p(0), imm(1)).call(sum, "f", t)
                .label("add").move(i, imm(0))
                .label("loop").br(CmpOp.EQ, i, imm(3), "done").load(t, buf, i).bin(BinaryOp.ADD, sum, sum, t)
                .bin(BinaryOp.ADD, i, i, imm(1)).jmp("loop")
                .label("done").ret(sum).done();
        IrKit.Fn main = k.fn("main", true);
        Var r = main.temp();
        for (int n = 0; n <= 5; n++) main.call(r, "f", imm(n)).out(r);
        main.ret(imm(0)).done();
        List<Integer> want = new ArrayList<>();
        for (int n = 0; n <= 5; n++) want.add(3 * (n + 1) * (n + 2) / 2);
        assertEquals(want, Run.compileAndRun(k.build()).outputs());
    }

    /** A recursive main: the outermost return halts, the inner ones return to their call sites. */
    @Test void mainMayCallItself() {
        IrKit k = new IrKit(8);
        Var depth = k.global("depth");
        IrKit.Fn main = k.fn("main", true);
        Var r = main.temp();
        main.bin(BinaryOp.ADD, depth, depth, imm(1)).br(CmpOp.GE, depth, imm(4), "stop")
                .call(r, "main").out(r).bin(BinaryOp.ADD, r, r, imm(10)).ret(r)
                .label("stop").ret(imm(1)).done();
        RunResult res = Run.compileAndRun(k.build());
        assertEquals(List.of(1, 11, 21), res.outputs());
        assertEquals(31, res.cell(7));
    }

    @Test void unboundedRecursionOverflowsTheStack() {
        IrKit k = new IrKit(8);
        IrKit.Fn f = k.fn("f", true, "n");
        Var t = f.temp(), u = f.temp();
        f.bin(BinaryOp.ADD, t, f.p(0), imm(1)).call(u, "f", t).bin(BinaryOp.ADD, u, u, f.p(0)).ret(u).done();
        IrKit.Fn main = k.fn("main", true);
        Var r = main.temp();
        main.call(r, "f", imm(0)).ret(r).done();
        for (MachineConfig c : MachineConfig.namedInOrder()) {
            Program p = Run.compile(k.build(), c);
            RunResult res = Run.run(p);
            assertEquals(RunResult.Status.FAULT, res.status(), c.name());
            assertEquals(Fault.Kind.STACK_OVERFLOW, res.fault().kind(), c.name());
        }
    }

    @Test void mulDivModBecomeHelperCalls() {
        IrKit k = new IrKit(8);
        k.addMul();
        // stand-ins that tell which helper ran
        IrKit.Fn div = k.fn("__div", true, "a", "b");
        Var d = div.temp();
        div.bin(BinaryOp.SUB, d, div.p(0), div.p(1)).ret(d).done();
        IrKit.Fn mod = k.fn("__mod", true, "a", "b");
        Var m = mod.temp();
        mod.bin(BinaryOp.XOR, m, mod.p(0), mod.p(1)).ret(m).done();
        Var a = k.global("a", -7), b = k.global("b", 12);
        IrKit.Fn main = k.fn("main", true);
        Var x = main.temp();
        main.bin(BinaryOp.MUL, x, a, b).out(x).bin(BinaryOp.MUL, x, a, imm(8)).out(x)
                .bin(BinaryOp.DIV, x, a, b).out(x).bin(BinaryOp.MOD, x, a, b).out(x)
                .bin(BinaryOp.DIV, x, imm(-128), imm(-1)).out(x).bin(BinaryOp.MOD, x, imm(7), imm(0)).out(x)
                .bin(BinaryOp.MUL, x, imm(100), imm(3)).out(x).ret(imm(0)).done();
        assertEquals(List.of(-84, -56, -19, -7 ^ 12, -128, 7, 44), Run.compileAndRun(k.build()).outputs());
    }

    /** __mul agrees with Word.mul on a sample: also exercises a helper with many call sites. */
    @Test void multiplicationThroughTheHelper() {
        IrKit k = new IrKit(8);
        k.addMul();
        int[] xs = {0, 1, -1, 7, -9, 12, 127, -128, 55};
        IrKit.Fn main = k.fn("main", true);
        Var t = main.temp();
        List<Integer> want = new ArrayList<>();
        for (int x : xs) for (int y : new int[] {3, -5, 127, -128}) {
            main.bin(BinaryOp.MUL, t, imm(x), imm(0)).bin(BinaryOp.ADD, t, t, imm(x)).bin(BinaryOp.MUL, t, t, imm(y)).out(t);
            want.add(tc.ir.Word.mul(x, y, 8));
        }
        main.ret(imm(0)).done();
        assertEquals(want, Run.compileAndRun(k.build()).outputs());
    }
}
