package tc.loom.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Operand;
import tc.ir.UnaryOp;
import tc.ir.Var;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** A small builder for hand-written IR programs (the C front end is not available to these tests). */
final class IrKit {
    final int bits;
    private final List<Var> globals = new ArrayList<>();
    private final List<IrFunction> functions = new ArrayList<>();
    private int nextId = 1;
    private int nextLine = 1;

    IrKit(int bits) { this.bits = bits; }

    Var global(String name) { return global(name, 0); }

    Var global(String name, int init) {
        Var v = new Var(nextId++, name, Var.Kind.GLOBAL, null, 1, false, new int[] {init}, pos());
        globals.add(v);
        return v;
    }

    Var globalArray(String name, int... init) {
        Var v = new Var(nextId++, name, Var.Kind.GLOBAL, null, init.length, true, init, pos());
        globals.add(v);
        return v;
    }

    private SourcePos pos() { return new SourcePos(nextLine++, 5); }

    Fn fn(String name, boolean returnsValue, String... params) { return new Fn(name, returnsValue, params); }

    IrProgram build() {
        return new IrProgram(bits, globals, functions, new SourceFile("test.c", "// hand-written IR\n".repeat(nextLine + 2)));
    }

    static Imm imm(int v) { return new Imm(v); }

    /** One function under construction. */
    final class Fn {
        final String name;
        final boolean returnsValue;
        final List<Var> params = new ArrayList<>();
        final List<Var> locals = new ArrayList<>();
        final List<Instr> body = new ArrayList<>();
        final SourcePos pos = pos();
        private int temps;

        Fn(String name, boolean returnsValue, String... paramNames) {
            this.name = name;
            this.returnsValue = returnsValue;
            for (String p : paramNames) params.add(new Var(nextId++, p, Var.Kind.PARAM, name, 1, false, null, pos()));
        }

        Var p(int i) { return params.get(i); }

        Var local(String n) { return local(n, null); }

        /** A local whose initial value comes from the memory image. */
        Var local(String n, Integer init) {
            Var v = new Var(nextId++, n, Var.Kind.LOCAL, name, 1, false, init == null ? null : new int[] {init}, pos());
            locals.add(v);
            return v;
        }

        Var array(String n, int size) {
            Var v = new Var(nextId++, n, Var.Kind.LOCAL, name, size, true, null, pos());
            locals.add(v);
            return v;
        }

        Var temp() {
            Var v = new Var(nextId++, "t" + temps++, Var.Kind.TEMP, name, 1, false, null, null);
            locals.add(v);
            return v;
        }

        Fn add(Instr... is) { body.addAll(Arrays.asList(is)); return this; }

        Fn move(Var d, Operand s) { return add(new Instr.Move(d, s)); }
        Fn bin(BinaryOp op, Var d, Operand l, Operand r) { return add(new Instr.Binary(op, d, l, r)); }
        Fn un(UnaryOp op, Var d, Operand s) { return add(new Instr.Unary(op, d, s)); }
        Fn br(CmpOp op, Operand l, Operand r, String t) { return add(new Instr.Branch(op, l, r, t)); }
        Fn jmp(String t) { return add(new Instr.Jump(t)); }
        Fn label(String l) { return add(new Instr.Label(l)); }
        Fn line(int l) { return add(new Instr.Line(l)); }
        Fn call(Var d, String f, Operand... args) { return add(new Instr.Call(d, f, List.of(args))); }
        Fn ret(Operand v) { return add(new Instr.Return(v)); }
        Fn out(Operand v) { return add(new Instr.Output(v)); }
        Fn load(Var d, Var a, Operand i) { return add(new Instr.LoadElem(d, a, i)); }
        Fn store(Var a, Operand i, Operand s) { return add(new Instr.StoreElem(a, i, s)); }
        Fn swap(Var a, Var b) { return add(new Instr.Swap(a, b)); }

        IrFunction done() {
            IrFunction f = new IrFunction(name, params, locals, body, returnsValue, pos);
            functions.add(f);
            return f;
        }
    }

    /** {@code __mul} by shift-and-add over N bits: the low N bits of the product, right for every pair. */
    void addMul() {
        Fn f = fn("__mul", true, "a", "b");
        Var r = f.local("r"), i = f.local("i"), t = f.temp();
        f.move(r, imm(0)).move(i, imm(bits))
                .label("loop").br(CmpOp.EQ, i, imm(0), "end")
                .bin(BinaryOp.AND, t, f.p(1), imm(1)).br(CmpOp.EQ, t, imm(0), "skip")
                .bin(BinaryOp.ADD, r, r, f.p(0))
                .label("skip").bin(BinaryOp.SHL, f.p(0), f.p(0), imm(1)).bin(BinaryOp.SHR, f.p(1), f.p(1), imm(1))
                .bin(BinaryOp.SUB, i, i, imm(1)).jmp("loop")
                .label("end").ret(r).done();
    }
}
