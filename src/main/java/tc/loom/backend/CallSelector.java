package tc.loom.backend;

import static tc.loom.backend.MemoryLayout.RETVAL;
import static tc.loom.backend.MemoryLayout.RV;
import static tc.loom.backend.MemoryLayout.SCRATCH_A;
import static tc.loom.backend.MemoryLayout.SP;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Operand;
import tc.ir.Var;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Ref;
import tc.loom.isa.Opcode;
import tc.source.CompileException;

/**
 * Calls and returns (docs/architecture.md, "Calls"). Loom has no indirect jump, so a function
 * returns through a chain of tests on its return-site cell, or a plain JMP when it has one call
 * site. A call that may re-enter the caller saves the caller's live cells and its return-site cell
 * on the stack around the jump.
 */
final class CallSelector {
    private final Emitter e;
    private final Refs refs;
    private final CallGraph graph;
    private final IrProgram program;
    /** Per callee, the label each return site resumes at, in site-number order. */
    private final Map<String, List<String>> sites = new HashMap<>();
    /** "caller#instruction index" → site number at that call. */
    private final Map<String, Integer> siteOfCall = new HashMap<>();
    private final Map<String, Liveness> liveness = new HashMap<>();

    CallSelector(Emitter e, Refs refs, CallGraph graph, IrProgram program) {
        this.e = e;
        this.refs = refs;
        this.graph = graph;
        this.program = program;
        // number every call site up front: a return may be emitted before its callers
        // a called main keeps site 0 for its outermost return, which halts
        if (graph.needsSiteCell("main")) sites.computeIfAbsent("main", k -> new ArrayList<>()).add(haltLabel());
        for (IrFunction f : graph.functions()) {
            List<Instr> body = f.body();
            for (int i = 0; i < body.size(); i++) {
                if (!(body.get(i) instanceof Instr.Call c)) continue;
                List<String> list = sites.computeIfAbsent(c.callee(), k -> new ArrayList<>());
                siteOfCall.put(f.name() + "#" + i, list.size());
                list.add(e.freshLabel(c.callee() + ".ret"));
            }
        }
    }

    private static String haltLabel() { return "main$halt"; }

    /** The call at {@code caller.body()[index]}. */
    void call(IrFunction caller, int index, Instr.Call c) {
        IrFunction callee = program.function(c.callee()).orElseThrow();
        if (c.args().size() != callee.params().size())
            throw new CompileException(program.source(), caller.pos(), "call of '" + callee.name() + "' with "
                    + c.args().size() + " arguments, but it takes " + callee.params().size());
        int site = siteOfCall.get(caller.name() + "#" + index);
        List<Cell> saved = graph.isRecursiveCall(caller.name(), callee.name()) ? savedCells(caller, index) : List.of();
        for (Cell x : saved) {
            e.op(Opcode.STORE, x, Refs.fixed(SP));
            e.op(Opcode.INC, SP, null);
        }
        List<Cell> params = new ArrayList<>();
        for (Var p : callee.params()) params.add(refs.cell(p));
        List<Ref> args = new ArrayList<>();
        for (Operand a : c.args()) args.add(refs.of(a));
        ParallelMove.emit(e, params, args, Refs.fixed(SCRATCH_A));
        Integer siteCell = refs.layout().siteCell(callee.name());
        if (siteCell != null) e.op(Opcode.MOV, siteCell, Refs.constant(site));
        e.jump(callee.name());
        e.mark(sites.get(callee.name()).get(site));
        for (int k = saved.size() - 1; k >= 0; k--) {
            e.op(Opcode.DEC, SP, null);
            e.op(Opcode.LOAD, saved.get(k), Refs.fixed(SP));
        }
        if (c.dst() != null) e.op(Opcode.MOV, refs.cell(c.dst()), Refs.fixed(RV));
    }

    /** Every cell of the caller's live variables, then its return-site cell. */
    private List<Cell> savedCells(IrFunction caller, int index) {
        List<Cell> cells = new ArrayList<>();
        Liveness live = liveness.computeIfAbsent(caller.name(), k -> Liveness.of(caller));
        for (Var v : live.liveAcrossCall(index))
            for (int k = 0; k < v.size(); k++) cells.add(new Cell(refs.layout().cell(v) + k));
        Integer site = refs.layout().siteCell(caller.name());
        if (site != null) cells.add(new Cell(site));
        return cells;
    }

    /** Number of cells the call at {@code caller.body()[index]} pushes (0 when it is not recursive). */
    int frameSize(IrFunction caller, int index) {
        Instr.Call c = (Instr.Call) caller.body().get(index);
        return graph.isRecursiveCall(caller.name(), c.callee()) ? savedCells(caller, index).size() : 0;
    }

    /** {@code return value} from {@code f}. */
    void ret(IrFunction f, Operand value) {
        boolean isMain = f.name().equals("main");
        if (isMain && !graph.needsSiteCell("main")) {
            if (value != null) e.op(Opcode.MOV, RETVAL, refs.of(value));
            e.halt();
            return;
        }
        if (value != null) e.op(Opcode.MOV, RV, refs.of(value));
        List<String> targets = sites.getOrDefault(f.name(), List.of());
        if (targets.isEmpty()) { e.halt(); return; }
        Integer siteCell = refs.layout().siteCell(f.name());
        for (int k = 0; k < targets.size() - 1; k++) {
            e.jump(Opcode.JZ, new Cell(siteCell), targets.get(k));
            e.op(Opcode.DEC, siteCell, null);
        }
        e.jump(targets.get(targets.size() - 1));
    }

    /** Code at the end of main when main is also called: the outermost return stops the machine. */
    void mainEpilogue(IrFunction main) {
        if (!graph.needsSiteCell("main")) return;
        e.mark(haltLabel());
        if (main.returnsValue()) e.op(Opcode.MOV, RETVAL, Refs.fixed(RV));
        e.halt();
    }
}
