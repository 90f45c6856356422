package tc.loom.backend;

import static tc.loom.backend.MemoryLayout.OUTPUT;
import static tc.loom.backend.MemoryLayout.SCRATCH_A;

import java.util.List;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Operand;
import tc.ir.Var;
import tc.ir.Word;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Ref;
import tc.loom.isa.Opcode;
import tc.source.CompileException;

/** Instruction selection for one function body: IR instructions → symbolic Loom code. */
final class FunctionSelector {
    private final Emitter e;
    private final Refs refs;
    private final IrProgram program;
    private final CompareSelector compare;
    private final ArithmeticSelector arithmetic;
    private final CallSelector calls;

    FunctionSelector(Emitter e, Refs refs, IrProgram program, CallSelector calls) {
        this.e = e;
        this.refs = refs;
        this.program = program;
        this.compare = new CompareSelector(e, refs);
        this.arithmetic = new ArithmeticSelector(e, refs, compare);
        this.calls = calls;
    }

    /** The name user labels of {@code function} get in the code and in the debug info. */
    static String labelName(String function, String label) { return function + "." + label; }

    void select(IrFunction f) {
        e.line(f.pos().line());
        e.mark(f.name());
        List<Instr> body = f.body();
        for (int i = 0; i < body.size(); i++) {
            switch (body.get(i)) {
                case Instr.Line l -> e.line(l.line());
                case Instr.Label l -> e.mark(labelName(f.name(), l.name()));
                case Instr.Jump j -> e.jump(labelName(f.name(), j.target()));
                case Instr.Branch b -> compare.branch(b.op(), b.left(), b.right(), labelName(f.name(), b.target()));
                case Instr.Move m -> e.op(Opcode.MOV, refs.cell(m.dst()), refs.of(m.src()));
                case Instr.Unary u -> arithmetic.unary(u.op(), u.dst(), u.src());
                case Instr.Binary b -> arithmetic.binary(b.op(), b.dst(), b.left(), b.right());
                case Instr.LoadElem l -> loadElem(l);
                case Instr.StoreElem s -> storeElem(s);
                // A pointer is a cell index: LOAD and STORE read it as an unsigned N-bit number.
                case Instr.AddrOf a -> e.op(Opcode.MOV, refs.cell(a.dst()), Refs.constant(Word.wrap(refs.layout().cell(a.target()), refs.bits())));
                case Instr.Load l -> e.op(Opcode.LOAD, refs.cell(l.dst()), refs.of(l.address()));
                case Instr.Store st -> e.op(Opcode.STORE, refs.of(st.src()), refs.of(st.address()));
                case Instr.Swap s -> { if (s.a() != s.b()) e.op(Opcode.SWAP, refs.cell(s.a()), refs.cell(s.b())); }
                case Instr.Output o -> e.op(Opcode.MOV, OUTPUT, refs.of(o.value()));
                case Instr.Device d -> throw new IllegalStateException("device builtins are refused before selection");
                case Instr.Call c -> calls.call(f, i, c);
                case Instr.Return r -> calls.ret(f, r.value());
            }
        }
        if (canFallOffTheEnd(body)) calls.ret(f, f.returnsValue() ? new Imm(0) : null);
        if (f.name().equals("main")) calls.mainEpilogue(f);
    }

    /** The IR promises a Return on every path; a body that could still run off its end gets one. */
    private static boolean canFallOffTheEnd(List<Instr> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            Instr ins = body.get(i);
            if (ins instanceof Instr.Line) continue;
            return !(ins instanceof Instr.Return || ins instanceof Instr.Jump);
        }
        return true;
    }

    private void loadElem(Instr.LoadElem l) {
        if (l.index() instanceof Imm k) e.op(Opcode.MOV, refs.cell(l.dst()), element(l.array(), k));
        else e.op(Opcode.LOAD, refs.cell(l.dst()), pointer(l.array(), l.index()));
    }

    private void storeElem(Instr.StoreElem s) {
        if (s.index() instanceof Imm k) e.op(Opcode.MOV, element(s.array(), k), refs.of(s.src()));
        else e.op(Opcode.STORE, refs.of(s.src()), pointer(s.array(), s.index()));
    }

    private Cell element(Var array, Imm index) {
        int k = Word.wrap(index.value(), refs.bits());
        if (k < 0 || k >= array.size())
            throw new CompileException(program.source(), array.pos(), "index " + k + " is out of bounds for '"
                    + array.name() + "' of size " + array.size());
        return new Cell(refs.layout().cell(array) + k);
    }

    /** Scratch A ← base + index: LOAD and STORE read it as an unsigned N-bit cell index. */
    private Ref pointer(Var array, Operand index) {
        Cell p = Refs.fixed(SCRATCH_A);
        e.op(Opcode.MOV, p, Refs.constant(Word.wrap(refs.layout().cell(array), refs.bits())));
        e.op(Opcode.ADD, p, refs.of(index));
        return p;
    }
}
