package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.loom.backend.IrKit.imm;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.UnaryOp;
import tc.ir.Var;
import tc.loom.engine.RunResult;
import tc.loom.isa.Instruction;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/** Layout, debug info and each IR instruction kind on small hand-built programs. */
class LoomBackendTest {

    @Test void fixedCellsGlobalsAndInitialisedLocals() {
        IrKit k = new IrKit(8);
        k.global("g", 42);
        k.globalArray("arr", 1, 2, 3);
        IrKit.Fn main = k.fn("main", true);
        Var x = main.local("x", 9);
        main.local("y");
        main.temp();
        main.ret(x).done();
        Program p = Run.compile(k.build());
        int[] mem = p.memory();
        assertEquals(0, mem[0]);
        assertEquals(1, mem[1]);
        assertEquals(-128, mem[2]);
        assertEquals(9, Run.indexOf(p, "g"));
        assertEquals(42, mem[9]);
        assertEquals(10, Run.indexOf(p, "arr"));
        assertEquals(List.of(1, 2, 3), List.of(mem[10], mem[11], mem[12]));
        Symbol xs = Run.symbol(p, "x", "main");
        assertEquals(13, xs.index());
        assertEquals(Symbol.Kind.LOCAL, xs.kind());
        assertEquals(9, mem[13]);
        assertEquals(14, Run.symbol(p, "y", "main").index());
        assertEquals(Symbol.Kind.TEMP, Run.symbol(p, "t0", "main").kind());
        for (String reserved : List.of("SP", "RV", "__retval", "__output"))
            assertEquals(Symbol.Kind.RESERVED, Run.symbol(p, reserved, null).kind());
        assertEquals(7, Run.indexOf(p, "__retval"));
        assertEquals(8, Run.indexOf(p, "__output"));
        assertEquals(7, p.debug().retvalIndex());
        assertEquals(8, p.debug().outputIndex());
        assertEquals(-1, p.debug().stackBase());
        assertEquals(-1, p.debug().stackLimit());
        assertEquals(0, p.debug().labels().get("main"));
        // main returns x: MOV __retval, x; HALT
        assertEquals(List.of(new Instruction(1, 32 + 7, 32 + 13), new Instruction(0, 0, 0)), p.instructions());
        assertEquals(9, Run.run(p).cell(7));
    }

    @Test void constantPoolIsDedupedAndReusesFixedCells() {
        IrKit k = new IrKit(8);
        Var g = k.global("g"), h = k.global("h");
        k.fn("main", true)
                .move(g, imm(77)).move(h, imm(77)).out(imm(1)).out(imm(0)).out(imm(-128)).out(imm(77)).out(imm(-3))
                .ret(imm(0)).done();
        Program p = Run.compile(k.build());
        long pooled = p.debug().symbols().stream().filter(s -> s.kind() == Symbol.Kind.CONSTANT && s.index() > 8).count();
        assertEquals(2, pooled, "only 77 and -3 need pool cells: " + p.debug().symbols());
        assertEquals(77, p.memory()[Run.indexOf(p, "77")]);
        assertEquals(-3, p.memory()[Run.indexOf(p, "-3")]);
        RunResult r = Run.run(p);
        assertEquals(List.of(1, 0, -128, 77, -3), r.outputs());
        assertEquals(-3, r.cell(8));
    }

    @Test void shadowedNamesGetALineSuffix() {
        IrKit k = new IrKit(8);
        IrKit.Fn main = k.fn("main", true);
        Var x1 = main.local("x"), x2 = main.local("x");
        main.move(x1, imm(1)).move(x2, imm(2)).bin(BinaryOp.ADD, x1, x1, x2).ret(x1).done();
        Program p = Run.compile(k.build());
        assertEquals(Run.symbol(p, "x", "main").index() + 1, Run.symbol(p, "x@" + x2.pos().line(), "main").index());
        assertEquals(3, Run.run(p).cell(7));
    }

    @Test void linesAndLabels() {
        IrKit k = new IrKit(8);
        Var g = k.global("g");
        k.fn("main", true).line(3).move(g, imm(5)).line(4).label("again").bin(BinaryOp.SUB, g, g, imm(1))
                .br(CmpOp.NE, g, imm(0), "again").line(6).ret(g).done();
        Program p = Run.compile(k.build());
        assertEquals(1, p.debug().labels().get("main.again"));
        assertEquals(3, p.debug().lineOf(0));
        assertEquals(4, p.debug().lineOf(1));
        assertEquals(4, p.debug().lineOf(2));
        assertEquals(6, p.debug().lineOf(3));
        assertTrue(p.debug().labels().keySet().stream().noneMatch(l -> l.contains("$")), "internal labels leak");
        assertEquals(0, Run.run(p).cell(7));
    }

    @Test void movesSwapsAndOutput() {
        IrKit k = new IrKit(8);
        Var a = k.global("a", 3), b = k.global("b", -4);
        k.fn("main", true).swap(a, b).swap(a, a).move(a, a).out(a).out(b).bin(BinaryOp.SUB, b, a, b).out(b).ret(b).done();
        RunResult r = Run.compileAndRun(k.build());
        assertEquals(List.of(-4, 3, -7), r.outputs());
        assertEquals(-7, r.cell(7));
    }

    @Test void arraysByConstantAndVariableIndex() {
        IrKit k = new IrKit(8);
        Var data = k.globalArray("data", 5, 9, 13, 17);
        Var sum = k.global("sum");
        IrKit.Fn main = k.fn("main", true);
        Var i = main.local("i"), t = main.temp(), local = main.array("buf", 4);
        // buf[i] = data[3 - i] + i for i = 0..3, then sum = buf[0] + ... + buf[3]; buf[i] = buf[i] read/write via var index
        main.move(i, imm(0))
                .label("fill").br(CmpOp.GE, i, imm(4), "filled")
                .bin(BinaryOp.SUB, t, imm(3), i).load(t, data, t).bin(BinaryOp.ADD, t, t, i).store(local, i, t)
                .bin(BinaryOp.ADD, i, i, imm(1)).jmp("fill")
                .label("filled").move(i, imm(0)).move(sum, imm(0))
                .label("sum").br(CmpOp.EQ, i, imm(4), "done").load(t, local, i).bin(BinaryOp.ADD, sum, sum, t)
                .bin(BinaryOp.ADD, i, i, imm(1)).jmp("sum")
                .label("done").out(sum).store(data, imm(0), sum).store(data, i, imm(-1)) // data[4] is the next cell: sum
                .load(t, local, imm(3)).out(t).load(t, data, imm(0)).out(t).ret(sum).done();
        RunResult r = Run.compileAndRun(k.build());
        // buf = {17, 14, 11, 8}: sum 50
        assertEquals(List.of(50, 8, 50), r.outputs());
        assertEquals(-1, r.cell(7));
    }

    @Test void pointerBeyondMemoryFaults() {
        IrKit k = new IrKit(8);
        Var a = k.globalArray("a", 0, 0), i = k.global("i", 100);
        IrKit.Fn main = k.fn("main", true);
        Var t = main.temp();
        main.load(t, a, i).ret(t).done();
        Program p = Run.compile(k.build(), new tc.loom.isa.MachineConfig(32, 64, 512, 8));
        RunResult r = Run.run(p);
        assertEquals(RunResult.Status.FAULT, r.status());
        assertEquals(tc.loom.engine.Fault.Kind.POINTER_OUT_OF_RANGE, r.fault().kind());
    }

    @Test void lnotAndComparisonValuesIntoOperands() {
        IrKit k = new IrKit(8);
        Var a = k.global("a", 0), b = k.global("b", 7);
        k.fn("main", true).un(UnaryOp.LNOT, a, a).out(a).un(UnaryOp.LNOT, a, a).out(a)
                .bin(BinaryOp.LT, b, a, b).out(b).bin(BinaryOp.GE, a, a, imm(-128)).out(a).ret(imm(0)).done();
        assertEquals(List.of(1, 0, 1, 1), Run.compileAndRun(k.build()).outputs());
    }

    @Test void peepholeLeavesNoUselessInstructions() {
        IrKit k = new IrKit(8);
        Var a = k.global("a");
        k.fn("main", true).move(a, a).jmp("next").label("next").jmp("far").label("unused").out(a)
                .label("far").jmp("end").label("end").ret(a).done();
        Program p = Run.compile(k.build());   // Run.compile checks: no MOV x,x and no JMP to the next instruction
        assertEquals(2, p.size(), "expected MOV __retval, a; HALT but got " + p.instructions());
    }

    @Test void variableShiftsAndConstantShiftsPastTheWidth() {
        IrKit k = new IrKit(16);
        Var a = k.global("a", -300), n = k.global("n", 3);
        k.fn("main", true).bin(BinaryOp.SHR, n, a, n).out(n).bin(BinaryOp.SHL, a, a, imm(20)).out(a)
                .move(a, imm(-5)).bin(BinaryOp.SHR, a, a, imm(40)).out(a).ret(imm(0)).done();
        assertEquals(List.of(-38, 0, -1), Run.compileAndRun(k.build()).outputs());
    }

    @Test void onlyDefinedOpcodesAreEmitted() {
        IrKit k = new IrKit(8);
        Var a = k.global("a", 5);
        k.addMul();
        k.fn("main", true).bin(BinaryOp.MUL, a, a, imm(7)).ret(a).done();
        Program p = Run.compile(k.build());
        for (Instruction ins : p.instructions()) {
            assertTrue(ins.a() <= 20, "opcode " + ins.a());
            Opcode op = Opcode.byNumber(ins.a()).orElseThrow();
            assertFalse(op == Opcode.SUBLEQ || op == Opcode.FIND || op == Opcode.MULACC);
        }
        assertEquals(35, Run.run(p).cell(7));
    }
}
