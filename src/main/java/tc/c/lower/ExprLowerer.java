package tc.c.lower;

import java.util.ArrayList;
import java.util.List;
import tc.c.ast.BinaryOperator;
import tc.c.ast.Chains;
import tc.c.ast.Expr;
import tc.c.ast.UnaryOperator;
import tc.c.check.Builtin;
import tc.c.check.CType;
import tc.c.check.ConstEval;
import tc.c.check.VarSymbol;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.Operand;
import tc.ir.UnaryOp;
import tc.ir.Var;

/**
 * Expressions to IR. Four entry points by what the context wants: a {@link #value} (an operand
 * the caller releases), a value written {@link #into} a given variable, only the side
 * {@link #effect}s, or a {@link #branch} on the truth value (short-circuit, no 0/1 materialised).
 *
 * <p>Operands are evaluated left to right. Variables are used in place as operands, except when
 * an operand to their right has side effects that could change them first: then the variable is
 * copied to a temporary ({@link #stable}).
 */
final class ExprLowerer {
    private static final Imm ZERO = new Imm(0);
    private static final Imm ONE = new Imm(1);

    private final FunctionContext ctx;

    ExprLowerer(FunctionContext ctx) { this.ctx = ctx; }

    /** The builtin a call reaches, or null when a user function (perhaps of a builtin's name) takes it. */
    private Builtin builtin(Expr.Call call) { return ctx.program.builtin(call); }

    private Integer constant(Expr e) { return ConstEval.eval(e, ctx.bits, ctx.program); }

    private Var var(Expr.Name n) { return ctx.var(ctx.program.symbol(n)); }

    private void emit(Instr i) { ctx.emit(i); }

    private VarSymbol symbol(Expr.Name n) { return ctx.program.symbol(n); }

    /** An element of a one-dimensional array, reached with LoadElem/StoreElem as before pointers existed. */
    private boolean arrayElement(Expr.Index i) {
        VarSymbol v = symbol(i.array());
        return v.isArray() && !v.isTwoDimensional();
    }

    /** A place in memory that an lvalue names: an array element by index, or a word by address. */
    private sealed interface Place permits Element, Address {}

    private record Element(Var array, Operand index) implements Place {}

    private record Address(Operand address) implements Place {}

    /**
     * Evaluates the address (or array index) of an lvalue other than a variable, left to right,
     * protected from {@code later}'s side effects (null when nothing follows).
     */
    private Place place(Expr target, Expr later) {
        switch (target) {
            case Expr.Index i when arrayElement(i) -> {
                Operand idx = value(i.index());
                return new Element(var(i.array()), later == null ? idx : stable(idx, later));
            }
            case Expr.Index i -> { // through a pointer variable
                Operand base = stable(var(i.array()), i.index());
                Operand idx = value(i.index());
                Operand address = sum(base, idx);
                return new Address(later == null ? address : stable(address, later));
            }
            case Expr.Subscript sub when twoDimensional(sub) != null -> {
                Expr.Index row = (Expr.Index) sub.base();
                Operand idx = cellIndex(row.index(), twoDimensional(sub).columns(), sub.index());
                return new Element(var(row.array()), later == null ? idx : stable(idx, later));
            }
            case Expr.Subscript sub -> {
                Operand base = stable(value(sub.base()), sub.index());
                Operand idx = value(sub.index());
                Operand address = sum(base, idx);
                return new Address(later == null ? address : stable(address, later));
            }
            case Expr.Deref d -> {
                Operand address = value(d.operand());
                return new Address(later == null ? address : stable(address, later));
            }
            default -> throw new IllegalStateException("not a place: " + target);
        }
    }

    /** The two-dimensional array {@code sub} is an element of ({@code g[i][j]}), or null. */
    private VarSymbol twoDimensional(Expr.Subscript sub) {
        if (sub.base() instanceof Expr.Index row && symbol(row.array()).isTwoDimensional()) return symbol(row.array());
        return null;
    }

    /** row * columns + column, the cell of g[row][column]; operands are released, the result is to be. */
    private Operand cellIndex(Expr row, int columns, Expr column) {
        Integer r = constant(row), c = constant(column);
        if (r != null && c != null) return new Imm(tc.ir.Word.wrap((long) r * columns + c, ctx.bits));
        Operand ro = value(row);
        ctx.release(ro);
        Var t = ctx.temp();
        emit(new Instr.Binary(BinaryOp.MUL, t, ro, new Imm(columns)));
        Operand co = value(column);
        ctx.release(co);
        emit(new Instr.Binary(BinaryOp.ADD, t, t, co));
        return t;
    }

    /** base + offset in a temporary (base itself when offset is 0); releases both operands. */
    private Operand sum(Operand base, Operand offset) {
        if (offset instanceof Imm k && k.value() == 0) return base;
        ctx.release(base);
        ctx.release(offset);
        Var t = ctx.temp();
        emit(new Instr.Binary(BinaryOp.ADD, t, base, offset));
        return t;
    }

    private void load(Place p, Var dst) {
        switch (p) {
            case Element e -> emit(new Instr.LoadElem(dst, e.array(), e.index()));
            case Address w -> emit(new Instr.Load(dst, w.address()));
        }
    }

    private void store(Place p, Operand value) {
        switch (p) {
            case Element e -> emit(new Instr.StoreElem(e.array(), e.index(), value));
            case Address w -> emit(new Instr.Store(w.address(), value));
        }
    }

    private void release(Place p) {
        switch (p) {
            case Element e -> ctx.release(e.index());
            case Address w -> ctx.release(w.address());
        }
    }

    /** The address of a variable or an array into a temporary. */
    private Var addressOf(Var v) {
        Var t = ctx.temp();
        emit(new Instr.AddrOf(t, v));
        return t;
    }

    /** {@code &x}, {@code &a[i]}, {@code &*p}…: the address of an int place. */
    private Operand address(Expr.AddrOf a) {
        if (a.operand() instanceof Expr.Name n) return addressOf(var(n));
        Place p = place(a.operand(), null);
        return switch (p) {
            case Address w -> w.address();
            case Element e -> {
                ctx.release(e.index());
                Var t = addressOf(e.array());
                if (!(e.index() instanceof Imm k && k.value() == 0)) emit(new Instr.Binary(BinaryOp.ADD, t, t, e.index()));
                yield t;
            }
        };
    }

    /** The address of row {@code i.index()} of a two-dimensional array. */
    private Operand rowAddress(Expr.Index i) {
        int columns = symbol(i.array()).columns();
        Integer r = constant(i.index());
        if (r != null) {
            Var t = addressOf(var(i.array()));
            if (r != 0) emit(new Instr.Binary(BinaryOp.ADD, t, t, new Imm(tc.ir.Word.wrap((long) r * columns, ctx.bits))));
            return t;
        }
        Operand ro = value(i.index());
        ctx.release(ro);
        Var off = ctx.temp();
        emit(new Instr.Binary(BinaryOp.MUL, off, ro, new Imm(columns)));
        Var t = addressOf(var(i.array()));
        emit(new Instr.Binary(BinaryOp.ADD, t, t, off));
        ctx.release(off);
        return t;
    }

    /** Relational comparisons of addresses: taken on their difference, since an address may exceed the signed range (Loom at N = 8). */
    private boolean pointerOrder(Expr.Binary b) {
        return b.op().isComparison() && b.op() != BinaryOperator.EQ && b.op() != BinaryOperator.NE
                && ctx.program.type(b.left()) == CType.POINTER;
    }

    // ---- values

    /** Evaluates {@code e}; the result must be released by the caller once consumed. */
    Operand value(Expr e) {
        Integer c = constant(e);
        if (c != null) return new Imm(c);
        switch (e) {
            case Expr.Name n when symbol(n).isArray() -> {
                return addressOf(var(n));
            }
            case Expr.Name n -> {
                return var(n);
            }
            case Expr.StringLit str -> {
                return addressOf(ctx.var(ctx.program.symbol(str)));
            }
            case Expr.AddrOf a -> {
                return address(a);
            }
            case Expr.Index i when symbol(i.array()).isTwoDimensional() -> {
                return rowAddress(i);
            }
            case Expr.Unary u when u.op() == UnaryOperator.PLUS -> {
                return value(u.operand());
            }
            case Expr.Binary b when b.op().isLogical() -> {
                Var t = ctx.temp();
                booleanInto(b, t);
                return t;
            }
            case Expr.Conditional c2 -> {
                Var t = ctx.temp();
                conditionalInto(c2, t);
                return t;
            }
            case Expr.Assign a -> {
                return assign(a, true);
            }
            case Expr.IncDec d -> {
                return incDec(d, true);
            }
            case Expr.Comma list -> {
                return value(commaLast(list));
            }
            case Expr.Call call when builtin(call) == null -> {
                return userCall(call, true);
            }
            case Expr.Call call when builtin(call).device() != null -> {
                return device(call, true);
            }
            case Expr.Call call when builtin(call) == Builtin.MIN || builtin(call) == Builtin.MAX -> {
                Operand[] ab = operands(call.args().get(0), call.args().get(1));
                Var t = ctx.temp();
                minMax(builtin(call), ab[0], ab[1], t);
                ctx.release(ab[0]);
                ctx.release(ab[1]);
                return t;
            }
            default -> {
                // Single-instruction forms: computing into a fresh temporary is what into() does.
                Var t = singleInstruction(e, null);
                return t;
            }
        }
    }

    /**
     * Lowers the expressions that become one instruction (loads, unary and binary operators,
     * abs, mul) with their result in dst, or in a new temporary when dst is null. The operands
     * are released before the destination is chosen: the instruction reads them before writing.
     */
    private Var singleInstruction(Expr e, Var dst) {
        switch (e) {
            case Expr.Index i when arrayElement(i) -> {
                Operand idx = value(i.index());
                ctx.release(idx);
                Var d = dst != null ? dst : ctx.temp();
                emit(new Instr.LoadElem(d, var(i.array()), idx));
                return d;
            }
            case Expr.Index i -> {
                return loadInto(i, dst);
            }
            case Expr.Subscript sub -> {
                return loadInto(sub, dst);
            }
            case Expr.Deref d -> {
                return loadInto(d, dst);
            }
            case Expr.Unary u -> {
                Operand o = value(u.operand());
                ctx.release(o);
                Var d = dst != null ? dst : ctx.temp();
                UnaryOp op = switch (u.op()) {
                    case NEG -> UnaryOp.NEG; case BIT_NOT -> UnaryOp.NOT; case LOGICAL_NOT -> UnaryOp.LNOT;
                    case PLUS -> throw new IllegalStateException("unary plus has no instruction");
                };
                emit(new Instr.Unary(op, d, o));
                return d;
            }
            case Expr.Binary b -> {
                return chainInto(b, dst);
            }
            case Expr.Call call when builtin(call) == Builtin.MUL -> {
                return binaryInto(BinaryOp.MUL, call.args().get(0), call.args().get(1), dst);
            }
            case Expr.Call call when builtin(call) == Builtin.ABS -> {
                Operand x = value(call.args().get(0));
                ctx.release(x);
                Var d = dst != null ? dst : ctx.temp();
                // d is written first and only d is read afterwards, so d may be x itself.
                if (x != d) emit(new Instr.Move(d, x));
                String done = ctx.label("abs");
                emit(new Instr.Branch(CmpOp.GE, d, ZERO, done));
                emit(new Instr.Unary(UnaryOp.NEG, d, d));
                emit(new Instr.Label(done));
                return d;
            }
            default -> throw new IllegalStateException("not a single-instruction expression: " + e);
        }
    }

    /** An int read through an address or a two-dimensional index, into dst (or a new temporary when null). */
    private Var loadInto(Expr e, Var dst) {
        Place p = place(e, null);
        release(p);
        Var d = dst != null ? dst : ctx.temp();
        load(p, d);
        return d;
    }

    /**
     * A chain of non-short-circuit operators ({@code a + b - c < d}), link by link in a loop: the
     * same code as lowering each left operand recursively with {@link #value}, without stack in
     * proportion to the chain's length. The links above the chain's constant beginning, if any,
     * are the ones that need instructions.
     */
    private Var chainInto(Expr.Binary top, Var dst) {
        List<Expr.Binary> spine = Chains.leftSpine(top, b -> !b.op().isLogical());
        int next = spine.size() - 1;
        Integer folded = constant(spine.get(next).left());
        Integer constant = folded;
        for (int k = next; k >= 0 && folded != null; k--) {
            folded = ConstEval.step(spine.get(k), folded, ctx.bits, ctx.program);
            if (folded != null) {
                constant = folded;
                next = k - 1;
            }
        }
        if (next < 0) throw new IllegalStateException("constant chain reached instruction selection: " + top);
        Operand acc = constant != null ? new Imm(constant) : value(spine.get(next).left());
        for (int k = next; k >= 0; k--) {
            Expr.Binary link = spine.get(k);
            Operand l = stable(acc, link.right());
            Operand r = value(link.right());
            ctx.release(l);
            ctx.release(r);
            Var d = k == 0 && dst != null ? dst : ctx.temp();
            if (pointerOrder(link)) {
                Var diff = ctx.temp();
                emit(new Instr.Binary(BinaryOp.SUB, diff, l, r));
                ctx.release(diff);
                emit(new Instr.Binary(link.op().toIr(), d, diff, ZERO));
            } else {
                emit(new Instr.Binary(link.op().toIr(), d, l, r));
            }
            acc = d;
        }
        return (Var) acc;
    }

    private Var binaryInto(BinaryOp op, Expr left, Expr right, Var dst) {
        Operand[] lr = operands(left, right);
        ctx.release(lr[0]);
        ctx.release(lr[1]);
        Var d = dst != null ? dst : ctx.temp();
        emit(new Instr.Binary(op, d, lr[0], lr[1]));
        return d;
    }

    /** Evaluates two operands left to right, protecting the first from the second's side effects. */
    private Operand[] operands(Expr left, Expr right) {
        Operand l = stable(value(left), right);
        Operand r = value(right);
        return new Operand[] {l, r};
    }

    /**
     * The operand itself, or a copy of it when it is a named variable that evaluating
     * {@code later} may change (so that operands are read left to right).
     */
    private Operand stable(Operand o, Expr later) {
        if (o instanceof Var v && v.kind() != Var.Kind.TEMP && mayChange(later, v)) {
            Var t = ctx.temp();
            emit(new Instr.Move(t, v));
            return t;
        }
        return o;
    }

    private static CmpOp compare(BinaryOperator op) {
        return switch (op) {
            case EQ -> CmpOp.EQ; case NE -> CmpOp.NE; case LT -> CmpOp.LT; case LE -> CmpOp.LE; case GT -> CmpOp.GT;
            case GE -> CmpOp.GE;
            default -> throw new IllegalStateException(op + " is not a comparison");
        };
    }

    /**
     * Runs the items of a comma expression before its last, for their effects, in order, and
     * returns the last, whose value is the expression's.
     */
    private Expr commaLast(Expr.Comma c) {
        int last = c.items().size() - 1;
        for (int k = 0; k < last; k++) effect(c.items().get(k));
        return c.items().get(last);
    }

    // ---- into a destination

    /** Computes {@code e} into dst; dst is written only after everything e reads has been read. */
    void into(Expr e, Var dst) {
        Integer c = constant(e);
        if (c != null) {
            emit(new Instr.Move(dst, new Imm(c)));
            return;
        }
        switch (e) {
            case Expr.Index i when !symbol(i.array()).isTwoDimensional() -> singleInstruction(i, dst);
            case Expr.Subscript sub -> singleInstruction(sub, dst);
            case Expr.Deref d -> singleInstruction(d, dst);
            case Expr.Unary u when u.op() != UnaryOperator.PLUS -> singleInstruction(u, dst);
            case Expr.Binary b when b.op().isLogical() -> booleanInto(b, dst);
            case Expr.Binary b -> singleInstruction(b, dst);
            case Expr.Conditional c2 -> conditionalInto(c2, dst);
            case Expr.Comma list -> into(commaLast(list), dst);
            case Expr.Call call when builtin(call) == Builtin.MUL || builtin(call) == Builtin.ABS ->
                    singleInstruction(call, dst);
            case Expr.Call call when builtin(call) == Builtin.MIN || builtin(call) == Builtin.MAX -> {
                Operand[] ab = operands(call.args().get(0), call.args().get(1));
                if (ab[0] == dst || ab[1] == dst) {
                    // The sequence writes dst before its last read of the operands: go through a temporary.
                    Var t = ctx.temp();
                    minMax(builtin(call), ab[0], ab[1], t);
                    emit(new Instr.Move(dst, t));
                    ctx.release(t);
                } else {
                    minMax(builtin(call), ab[0], ab[1], dst);
                }
                ctx.release(ab[0]);
                ctx.release(ab[1]);
            }
            case Expr.Call call when builtin(call) == null -> {
                List<Operand> args = arguments(call.args());
                for (Operand a : args) ctx.release(a);
                emit(new Instr.Call(dst, call.name(), args));
            }
            default -> {
                Operand o = value(e);
                ctx.release(o);
                if (o != dst) emit(new Instr.Move(dst, o));
            }
        }
    }

    /**
     * A device builtin: its scalar operands left to right, then one {@link Instr.Device}; the
     * sector builtins' buffer (checked to be a global array) is passed as the variable itself.
     * Returns the temporary holding the value when {@code wanted}, else null.
     */
    private Var device(Expr.Call call, boolean wanted) {
        Builtin b = builtin(call);
        List<Expr> scalars = b.device().usesBuffer() ? call.args().subList(0, 1) : call.args();
        List<Operand> args = arguments(scalars);
        for (Operand a : args) ctx.release(a);
        Var buffer = b.device().usesBuffer() ? var((Expr.Name) call.args().get(1)) : null;
        Var dst = wanted ? ctx.temp() : null;
        emit(new Instr.Device(b.device(), dst, args, buffer, call.pos()));
        return dst;
    }

    /** dst ← min/max(a, b); dst must differ from both operands. */
    private void minMax(Builtin which, Operand a, Operand b, Var dst) {
        String done = ctx.label(which == Builtin.MIN ? "min" : "max");
        emit(new Instr.Move(dst, a));
        emit(new Instr.Branch(which == Builtin.MIN ? CmpOp.LE : CmpOp.GE, dst, b, done));
        emit(new Instr.Move(dst, b));
        emit(new Instr.Label(done));
    }

    /** 0 or 1 for a short-circuit operator used as a number; dst is written after the test. */
    private void booleanInto(Expr e, Var dst) {
        String no = ctx.label("false");
        String done = ctx.label("bool_end");
        branch(e, false, no);
        emit(new Instr.Move(dst, ONE));
        emit(new Instr.Jump(done));
        emit(new Instr.Label(no));
        emit(new Instr.Move(dst, ZERO));
        emit(new Instr.Label(done));
    }

    private void conditionalInto(Expr.Conditional c, Var dst) {
        String otherwise = ctx.label("cond_else");
        String done = ctx.label("cond_end");
        branch(c.cond(), false, otherwise);
        into(c.then(), dst);
        emit(new Instr.Jump(done));
        emit(new Instr.Label(otherwise));
        into(c.otherwise(), dst);
        emit(new Instr.Label(done));
    }

    // ---- assignments and calls

    /** Returns the assigned value (to release), or null when not wanted. */
    private Operand assign(Expr.Assign a, boolean wanted) {
        switch (a.target()) {
            case Expr.Name n -> {
                Var x = var(n);
                if (a.op() == null) {
                    into(a.value(), x);
                } else if (mayChange(a.value(), x)) {
                    Var old = ctx.temp();
                    emit(new Instr.Move(old, x));
                    Operand r = value(a.value());
                    ctx.release(r);
                    emit(new Instr.Binary(a.op().toIr(), x, old, r));
                    ctx.release(old);
                } else {
                    Operand r = value(a.value());
                    ctx.release(r);
                    emit(new Instr.Binary(a.op().toIr(), x, x, r));
                }
                return wanted ? x : null;
            }
            case Expr.Index i when arrayElement(i) -> {
                Var array = var(i.array());
                Operand idx = value(i.index());
                idx = stable(idx, a.value());
                Operand result;
                if (a.op() == null) {
                    result = value(a.value());
                    emit(new Instr.StoreElem(array, idx, result));
                } else {
                    Var t = ctx.temp();
                    emit(new Instr.LoadElem(t, array, idx));
                    Operand r = value(a.value());
                    ctx.release(r);
                    emit(new Instr.Binary(a.op().toIr(), t, t, r));
                    emit(new Instr.StoreElem(array, idx, t));
                    result = t;
                }
                ctx.release(idx);
                if (wanted) return result;
                ctx.release(result);
                return null;
            }
            case Expr.Index i -> { return assignPlace(a, wanted); }
            case Expr.Subscript sub -> { return assignPlace(a, wanted); }
            case Expr.Deref d -> { return assignPlace(a, wanted); }
            default -> throw new IllegalStateException("checker let through a non-lvalue");
        }
    }

    /** An assignment through an address or to a two-dimensional element. */
    private Operand assignPlace(Expr.Assign a, boolean wanted) {
        Place p = place(a.target(), a.value());
        Operand result;
        if (a.op() == null) {
            result = value(a.value());
            store(p, result);
        } else {
            Var t = ctx.temp();
            load(p, t);
            Operand r = value(a.value());
            ctx.release(r);
            emit(new Instr.Binary(a.op().toIr(), t, t, r));
            store(p, t);
            result = t;
        }
        release(p);
        if (wanted) return result;
        ctx.release(result);
        return null;
    }

    /** Returns the expression's value (to release), or null when not wanted. */
    private Operand incDec(Expr.IncDec d, boolean wanted) {
        BinaryOp op = d.increment() ? BinaryOp.ADD : BinaryOp.SUB;
        switch (d.target()) {
            case Expr.Name n -> {
                Var x = var(n);
                if (!wanted || d.prefix()) {
                    emit(new Instr.Binary(op, x, x, ONE));
                    return wanted ? x : null;
                }
                Var old = ctx.temp();
                emit(new Instr.Move(old, x));
                emit(new Instr.Binary(op, x, x, ONE));
                return old;
            }
            case Expr.Index i when arrayElement(i) -> {
                Var array = var(i.array());
                Operand idx = value(i.index());
                Var t = ctx.temp();
                emit(new Instr.LoadElem(t, array, idx));
                if (!wanted || d.prefix()) {
                    emit(new Instr.Binary(op, t, t, ONE));
                    emit(new Instr.StoreElem(array, idx, t));
                } else {
                    Var updated = ctx.temp();
                    emit(new Instr.Binary(op, updated, t, ONE));
                    emit(new Instr.StoreElem(array, idx, updated));
                    ctx.release(updated);
                }
                ctx.release(idx);
                if (wanted) return t;
                ctx.release(t);
                return null;
            }
            case Expr.Index i -> { return incDecPlace(d, op, wanted); }
            case Expr.Subscript sub -> { return incDecPlace(d, op, wanted); }
            case Expr.Deref deref -> { return incDecPlace(d, op, wanted); }
            default -> throw new IllegalStateException("checker let through a non-lvalue");
        }
    }

    private Operand incDecPlace(Expr.IncDec d, BinaryOp op, boolean wanted) {
        Place p = place(d.target(), null);
        Var t = ctx.temp();
        load(p, t);
        if (!wanted || d.prefix()) {
            emit(new Instr.Binary(op, t, t, ONE));
            store(p, t);
        } else {
            Var updated = ctx.temp();
            emit(new Instr.Binary(op, updated, t, ONE));
            store(p, updated);
            ctx.release(updated);
        }
        release(p);
        if (wanted) return t;
        ctx.release(t);
        return null;
    }

    /** Arguments left to right; a variable is copied when a later argument has side effects. */
    private List<Operand> arguments(List<Expr> args) {
        List<Operand> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            Operand o = value(args.get(k));
            for (int later = k + 1; later < args.size(); later++) o = stable(o, args.get(later));
            out.add(o);
        }
        return out;
    }

    private Operand userCall(Expr.Call call, boolean wanted) {
        List<Operand> args = arguments(call.args());
        for (Operand a : args) ctx.release(a);
        Var dst = wanted ? ctx.temp() : null;
        emit(new Instr.Call(dst, call.name(), args));
        return dst;
    }

    /** swap(p, q) on any two lvalues: read both, then write both. */
    private void swap(Expr p, Expr q) {
        if (p instanceof Expr.Name a && q instanceof Expr.Name b) {
            emit(new Instr.Swap(var(a), var(b)));
            return;
        }
        Operand pIndex = p instanceof Expr.Index i ? value(i.index()) : null;
        if (pIndex != null) pIndex = stable(pIndex, q);
        Operand qIndex = q instanceof Expr.Index i ? value(i.index()) : null;
        Var oldP = ctx.temp();
        read(p, pIndex, oldP);
        Operand oldQ;
        if (q instanceof Expr.Name b) {
            oldQ = var(b);
        } else {
            Var t = ctx.temp();
            read(q, qIndex, t);
            oldQ = t;
        }
        write(p, pIndex, oldQ);
        write(q, qIndex, oldP);
        ctx.release(oldQ);
        ctx.release(oldP);
        ctx.release(qIndex);
        ctx.release(pIndex);
    }

    private void read(Expr place, Operand index, Var dst) {
        if (place instanceof Expr.Index i) emit(new Instr.LoadElem(dst, var(i.array()), index));
        else emit(new Instr.Move(dst, var((Expr.Name) place)));
    }

    private void write(Expr place, Operand index, Operand value) {
        if (place instanceof Expr.Index i) emit(new Instr.StoreElem(var(i.array()), index, value));
        else emit(new Instr.Move(var((Expr.Name) place), value));
    }

    /**
     * Whether evaluating {@code e} may write the scalar {@code v}: by assigning it, by swap, or
     * (for globals only: other frames cannot see locals) through a call.
     */
    private boolean mayChange(Expr e, Var v) {
        return switch (e) {
            case Expr.IntLit l -> false;
            case Expr.Name n -> false;
            case Expr.Index i -> mayChange(i.index(), v);
            case Expr.Subscript sub -> mayChange(sub.base(), v) || mayChange(sub.index(), v);
            case Expr.Deref d -> mayChange(d.operand(), v);
            case Expr.AddrOf a -> mayChange(a.operand(), v);
            case Expr.StringLit str -> false;
            case Expr.Unary u -> mayChange(u.operand(), v);
            case Expr.Binary b -> {
                List<Expr.Binary> spine = Chains.leftSpine(b);
                if (mayChange(spine.get(spine.size() - 1).left(), v)) yield true;
                yield spine.stream().anyMatch(link -> mayChange(link.right(), v));
            }
            case Expr.Assign a -> writes(a.target(), v) || (inMemory(v) && throughAddress(a.target())) || mayChange(a.target(), v) || mayChange(a.value(), v);
            case Expr.IncDec d -> writes(d.target(), v) || (inMemory(v) && throughAddress(d.target())) || mayChange(d.target(), v);
            case Expr.Conditional c -> mayChange(c.cond(), v) || mayChange(c.then(), v) || mayChange(c.otherwise(), v);
            case Expr.Comma c -> c.items().stream().anyMatch(item -> mayChange(item, v));
            case Expr.SizeOf s -> false;
            case Expr.Call c -> {
                Builtin b = builtin(c);
                if (b == null && inMemory(v)) yield true;
                if (b == Builtin.SWAP && (writes(c.args().get(0), v) || writes(c.args().get(1), v))) yield true;
                yield c.args().stream().anyMatch(arg -> mayChange(arg, v));
            }
        };
    }

    private boolean writes(Expr target, Var v) { return target instanceof Expr.Name n && var(n) == v; }

    /** A variable other frames, or a pointer, can reach: a global, or a local whose address is taken. */
    private boolean inMemory(Var v) { return v.kind() == Var.Kind.GLOBAL || ctx.addressTaken(v); }

    /** A write through an address: it may reach any variable in memory. */
    private boolean throughAddress(Expr target) {
        return target instanceof Expr.Deref || target instanceof Expr.Subscript
                || (target instanceof Expr.Index i && symbol(i.array()).isPointer());
    }

    // ---- effects

    /** Evaluates {@code e} for its side effects only. */
    void effect(Expr e) {
        if (!SideEffects.of(e, ctx.program)) return;
        switch (e) {
            case Expr.Assign a -> assign(a, false);
            case Expr.IncDec d -> incDec(d, false);
            case Expr.Call call -> {
                Builtin b = builtin(call);
                if (b == null) {
                    userCall(call, false);
                } else if (b == Builtin.SWAP) {
                    swap(call.args().get(0), call.args().get(1));
                } else if (b.device() != null) {
                    device(call, false);
                } else if (b == Builtin.OUTPUT) {
                    Operand o = value(call.args().get(0));
                    ctx.release(o);
                    emit(new Instr.Output(o));
                } else {
                    for (Expr arg : call.args()) effect(arg);
                }
            }
            case Expr.Binary b when b.op().isLogical() -> {
                String done = ctx.label("skip");
                branch(b.left(), b.op() == BinaryOperator.LOGICAL_OR, done);
                effect(b.right());
                emit(new Instr.Label(done));
            }
            case Expr.Binary b -> {
                List<Expr.Binary> spine = Chains.leftSpine(b, link -> !link.op().isLogical());
                effect(spine.get(spine.size() - 1).left());
                for (int k = spine.size() - 1; k >= 0; k--) effect(spine.get(k).right());
            }
            case Expr.Conditional c -> {
                String otherwise = ctx.label("cond_else");
                String done = ctx.label("cond_end");
                branch(c.cond(), false, otherwise);
                effect(c.then());
                emit(new Instr.Jump(done));
                emit(new Instr.Label(otherwise));
                effect(c.otherwise());
                emit(new Instr.Label(done));
            }
            case Expr.Comma c -> {
                for (Expr item : c.items()) effect(item);
            }
            case Expr.Unary u -> effect(u.operand());
            case Expr.Index i -> effect(i.index());
            case Expr.Subscript sub -> {
                effect(sub.base());
                effect(sub.index());
            }
            case Expr.Deref d -> effect(d.operand());
            case Expr.AddrOf a -> effect(a.operand());
            case Expr.StringLit str -> { }
            case Expr.Name n -> { }
            case Expr.IntLit l -> { }
            case Expr.SizeOf s -> { }
        }
    }

    // ---- conditions

    /**
     * The operands of a chain of one short-circuit operator ({@code a && b && c}), from the left,
     * found in a loop. When the chain begins with a constant part, that part is one operand, so
     * the code is what branching on each left operand recursively would give.
     */
    private List<Expr> logicalTerms(Expr.Binary top) {
        List<Expr.Binary> spine = Chains.leftSpine(top, b -> b.op() == top.op());
        int first = spine.size() - 1;
        Expr head = spine.get(first).left();
        Integer folded = constant(head);
        for (int k = first; k >= 0 && folded != null; k--) {
            folded = ConstEval.step(spine.get(k), folded, ctx.bits, ctx.program);
            if (folded != null) {
                head = spine.get(k);
                first = k - 1;
            }
        }
        List<Expr> terms = new ArrayList<>();
        terms.add(head);
        for (int k = first; k >= 0; k--) terms.add(spine.get(k).right());
        return terms;
    }

    /** Jumps to target when the truth of {@code e} equals {@code when}; falls through otherwise. */
    void branch(Expr e, boolean when, String target) {
        Integer c = constant(e);
        if (c != null) {
            if ((c != 0) == when) emit(new Instr.Jump(target));
            return;
        }
        switch (e) {
            case Expr.Unary u when u.op() == UnaryOperator.LOGICAL_NOT -> branch(u.operand(), !when, target);
            case Expr.Unary u when u.op() == UnaryOperator.PLUS -> branch(u.operand(), when, target);
            case Expr.Comma list -> branch(commaLast(list), when, target);
            case Expr.Binary b when b.op().isComparison() -> {
                Operand[] lr = operands(b.left(), b.right());
                ctx.release(lr[0]);
                ctx.release(lr[1]);
                CmpOp op = compare(b.op());
                if (pointerOrder(b)) {
                    Var diff = ctx.temp();
                    emit(new Instr.Binary(BinaryOp.SUB, diff, lr[0], lr[1]));
                    ctx.release(diff);
                    emit(new Instr.Branch(when ? op : op.negate(), diff, ZERO, target));
                } else {
                    emit(new Instr.Branch(when ? op : op.negate(), lr[0], lr[1], target));
                }
            }
            case Expr.Binary b when b.op().isLogical() -> {
                // "a && b && c" is true when all are; "a || b || c" is false when none is.
                List<Expr> terms = logicalTerms(b);
                boolean and = b.op() == BinaryOperator.LOGICAL_AND;
                int last = terms.size() - 1;
                if (when == and) {
                    String skip = ctx.label("skip");
                    for (int k = 0; k < last; k++) branch(terms.get(k), !and, skip);
                    branch(terms.get(last), when, target);
                    emit(new Instr.Label(skip));
                } else {
                    for (Expr t : terms) branch(t, when, target);
                }
            }
            default -> {
                Operand o = value(e);
                ctx.release(o);
                emit(new Instr.Branch(when ? CmpOp.NE : CmpOp.EQ, o, ZERO, target));
            }
        }
    }

}
