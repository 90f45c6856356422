package tc.c.lower;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tc.c.ast.Expr;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Param;
import tc.c.ast.Stmt;
import tc.c.ast.VarDecl;
import tc.c.check.ConstEval;
import tc.c.check.VarSymbol;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.Operand;
import tc.ir.Var;

/** Lowers one function's statements; expressions go to {@link ExprLowerer}. */
final class StmtLowerer {
    private record Loop(String breakLabel, String continueLabel) {}

    private final FunctionContext ctx;
    private final ExprLowerer exprs;
    private final FunctionDecl function;
    private final Deque<Loop> loops = new ArrayDeque<>();

    private StmtLowerer(FunctionContext ctx, FunctionDecl function) {
        this.ctx = ctx;
        this.exprs = new ExprLowerer(ctx);
        this.function = function;
    }

    static IrFunction lower(FunctionContext ctx, FunctionDecl f) {
        return new StmtLowerer(ctx, f).run();
    }

    private IrFunction run() {
        for (Param p : function.params()) ctx.param(ctx.program.symbol(p));
        // main runs once, so its outermost declarations with constant initializers can live in
        // the memory image instead of costing instructions.
        boolean once = function.name().equals("main");
        for (Stmt s : function.body().body()) {
            if (once && s instanceof Stmt.Declaration d) declaration(d, true);
            else statement(s);
        }
        Instr last = ctx.body.isEmpty() ? null : ctx.body.get(ctx.body.size() - 1);
        if (!(last instanceof Instr.Return) && !(last instanceof Instr.Jump)) ctx.emit(fallOffReturn());
        return new IrFunction(function.name(), ctx.params, ctx.locals, ctx.body, !function.returnsVoid(), function.pos());
    }

    private Instr.Return fallOffReturn() {
        return new Instr.Return(function.returnsVoid() ? null : new Imm(0));
    }

    private void line(Stmt s) {
        int line = s.pos().line();
        boolean repeated = !ctx.body.isEmpty() && ctx.body.get(ctx.body.size() - 1) instanceof Instr.Line l && l.line() == line;
        if (!repeated) ctx.emit(new Instr.Line(line));
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.Block b -> {
                for (Stmt inner : b.body()) statement(inner);
            }
            case Stmt.Empty e -> { }
            case Stmt.ExprStmt e -> {
                line(s);
                exprs.effect(e.expr());
            }
            case Stmt.Declaration d -> declaration(d, false);
            case Stmt.If first -> ifChain(first);
            case Stmt.While w -> {
                line(s);
                String top = ctx.label("while");
                String done = ctx.label("endwhile");
                ctx.emit(new Instr.Label(top));
                exprs.branch(w.cond(), false, done);
                loop(w.body(), done, top);
                ctx.emit(new Instr.Jump(top));
                ctx.emit(new Instr.Label(done));
            }
            case Stmt.DoWhile d -> {
                line(s);
                String top = ctx.label("do");
                String next = ctx.label("dotest");
                String done = ctx.label("enddo");
                ctx.emit(new Instr.Label(top));
                loop(d.body(), done, next);
                ctx.emit(new Instr.Label(next));
                exprs.branch(d.cond(), true, top);
                ctx.emit(new Instr.Label(done));
            }
            case Stmt.For f -> {
                line(s);
                if (f.init() != null) statement(f.init());
                String top = ctx.label("for");
                String next = ctx.label("forstep");
                String done = ctx.label("endfor");
                ctx.emit(new Instr.Label(top));
                if (f.cond() != null) exprs.branch(f.cond(), false, done);
                loop(f.body(), done, next);
                ctx.emit(new Instr.Label(next));
                for (var u : f.updates()) exprs.effect(u);
                ctx.emit(new Instr.Jump(top));
                ctx.emit(new Instr.Label(done));
            }
            case Stmt.Return r -> {
                line(s);
                if (r.value() == null) {
                    ctx.emit(fallOffReturn());
                } else {
                    Operand o = exprs.value(r.value());
                    ctx.release(o);
                    ctx.emit(new Instr.Return(o));
                }
            }
            case Stmt.Switch sw -> switchStatement(sw);
            case Stmt.Case c -> throw new IllegalStateException("the checker let through a case label outside a switch body");
            case Stmt.Break b -> {
                line(s);
                ctx.emit(new Instr.Jump(loops.peek().breakLabel()));
            }
            case Stmt.Continue c -> {
                line(s);
                ctx.emit(new Instr.Jump(loops.peek().continueLabel()));
            }
        }
    }

    /**
     * An if statement and the ifs in its else position, in a loop (an else-if chain is as deep as
     * it is long). The code is what lowering each else branch recursively would give: each 'if'
     * with an else jumps to its own end label, and those labels close innermost first.
     */
    private void ifChain(Stmt.If first) {
        Deque<String> ends = new ArrayDeque<>();
        Stmt.If i = first;
        while (true) {
            line(i);
            String otherwise = ctx.label("else");
            exprs.branch(i.cond(), false, otherwise);
            statement(i.then());
            if (i.otherwise() == null) {
                ctx.emit(new Instr.Label(otherwise));
                break;
            }
            String done = ctx.label("endif");
            ends.push(done);
            ctx.emit(new Instr.Jump(done));
            ctx.emit(new Instr.Label(otherwise));
            if (!(i.otherwise() instanceof Stmt.If next)) {
                statement(i.otherwise());
                break;
            }
            i = next;
        }
        while (!ends.isEmpty()) ctx.emit(new Instr.Label(ends.pop()));
    }

    /**
     * A switch as a chain of equality tests on the selector, evaluated once, then the body with
     * a label at each case: control falls through from one case into the next until a break,
     * which leaves the switch; a continue still belongs to the enclosing loop.
     */
    private void switchStatement(Stmt.Switch sw) {
        line(sw);
        Operand selector = exprs.value(sw.selector());
        String done = ctx.label("endswitch");
        String defaultLabel = done;
        String constantTarget = null;
        java.util.Map<Stmt.Case, String> labels = new java.util.IdentityHashMap<>();
        for (Stmt s : sw.body()) {
            if (!(s instanceof Stmt.Case c)) continue;
            String label = ctx.label(c.value() == null ? "default" : "case");
            labels.put(c, label);
            if (c.value() == null) {
                defaultLabel = label;
            } else {
                int v = ConstEval.eval(c.value(), ctx.bits, ctx.program);
                // A constant selector picks its case now: a comparison of two constants has no instruction.
                if (selector instanceof Imm k) { if (k.value() == v) constantTarget = label; }
                else ctx.emit(new Instr.Branch(tc.ir.CmpOp.EQ, selector, new Imm(v), label));
            }
        }
        ctx.release(selector);
        ctx.emit(new Instr.Jump(constantTarget != null ? constantTarget : defaultLabel));
        Loop enclosing = loops.peek();
        loops.push(new Loop(done, enclosing == null ? null : enclosing.continueLabel()));
        for (Stmt s : sw.body()) {
            if (s instanceof Stmt.Case c) ctx.emit(new Instr.Label(labels.get(c)));
            else statement(s);
        }
        loops.pop();
        ctx.emit(new Instr.Label(done));
    }

    private void loop(Stmt body, String breakLabel, String continueLabel) {
        loops.push(new Loop(breakLabel, continueLabel));
        statement(body);
        loops.pop();
    }

    private void declaration(Stmt.Declaration d, boolean runsOnce) {
        boolean lined = false;
        for (VarDecl v : d.vars()) {
            VarSymbol sym = ctx.program.symbol(v);
            // A static local is one of the program's globals, initialised in the memory image.
            if (sym.kind() == VarSymbol.Kind.GLOBAL) continue;
            int[] image = runsOnce ? staticContents(v, sym.size()) : null;
            Var var = ctx.local(sym, image);
            if (image != null) continue;
            if (!lined) {
                line(d);
                lined = true;
            }
            initialise(v, var);
        }
    }

    /** The declaration's contents when they are all constant (absent elements are 0), else null. */
    private int[] staticContents(VarDecl v, int size) {
        int[] out = new int[size];
        List<Expr> elems = v.array() ? ctx.program.elements(v) : v.init() != null ? List.of(v.init()) : List.of();
        for (int k = 0; k < elems.size(); k++) {
            if (elems.get(k) == null) continue;
            Integer c = ConstEval.eval(elems.get(k), ctx.bits, ctx.program);
            if (c == null) return null;
            out[k] = c;
        }
        return out;
    }

    /** Code that gives a local its initial value each time the declaration executes. */
    private void initialise(VarDecl v, Var var) {
        if (!var.isArray()) {
            if (v.init() != null) exprs.into(v.init(), var);
            else ctx.emit(new Instr.Move(var, new Imm(0)));
            return;
        }
        List<Expr> elems = ctx.program.elements(v);
        for (int k = 0; k < var.size(); k++) {
            Operand o = k < elems.size() && elems.get(k) != null ? exprs.value(elems.get(k)) : new Imm(0);
            ctx.release(o);
            ctx.emit(new Instr.StoreElem(var, new Imm(k), o));
        }
    }
}
