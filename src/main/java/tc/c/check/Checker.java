package tc.c.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.c.ast.Chains;
import tc.c.ast.Expr;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Param;
import tc.c.ast.Stmt;
import tc.c.ast.TopLevel;
import tc.c.ast.TranslationUnit;
import tc.c.ast.VarDecl;
import tc.ir.Word;
import tc.source.CompileException;
import tc.source.SourcePos;

/**
 * Semantic checks: block-scoped name resolution, the function table (all functions are known
 * before any body is checked, so calls may precede definitions), arity, lvalues, void values,
 * literal ranges, array sizes and constant indices, break/continue placement and {@code main}.
 */
public final class Checker implements ConstEval.Facts {
    private final TranslationUnit unit;
    private final int bits;
    private final boolean runtimeLibrary;
    private final Map<String, FunctionSymbol> functions = new LinkedHashMap<>();
    private final Map<Object, VarSymbol> resolution = new IdentityHashMap<>();
    private final Map<Expr.SizeOf, Integer> sizes = new IdentityHashMap<>();
    private final Map<Expr, CType> types = new IdentityHashMap<>();
    private final Map<VarDecl, List<Expr>> elements = new IdentityHashMap<>();
    /** Pointer-valued expressions that point at const ints: nothing may be written through them. */
    private final Set<Expr> constAddresses = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Each function's first declaration: its parameters' and result's types. */
    private final Map<String, FunctionDecl> signatures = new LinkedHashMap<>();
    private final List<VarSymbol> globals = new ArrayList<>();
    /** Globals whose declaration with an initializer has been seen (C allows one). */
    private final Set<VarSymbol> initialized = new HashSet<>();
    private final Scope globalScope = new Scope(null);
    private Scope scope = globalScope;
    private FunctionDecl current;
    private int loops;
    /** Enclosing loops and switches: what a {@code break} may leave. */
    private int breakable;

    private Checker(TranslationUnit unit, int bits, boolean runtimeLibrary) {
        this.unit = unit;
        this.bits = bits;
        this.runtimeLibrary = runtimeLibrary;
    }

    /** Checks a user program (which must define {@code int main()}). */
    public static CheckedProgram check(TranslationUnit unit, int wordBits) {
        return new Checker(unit, wordBits, false).run();
    }

    /** Checks the run-time library: reserved {@code __} names allowed, no {@code main} needed. */
    public static CheckedProgram checkRuntimeLibrary(TranslationUnit unit, int wordBits) {
        return new Checker(unit, wordBits, true).run();
    }

    private CompileException error(SourcePos pos, String message) { return new CompileException(unit.file(), pos, message); }

    private CheckedProgram run() {
        for (TopLevel item : unit.items()) if (item instanceof FunctionDecl f) declareFunction(f);
        List<FunctionDecl> defined = new ArrayList<>();
        for (TopLevel item : unit.items()) {
            switch (item) {
                case VarDecl v -> global(v);
                case FunctionDecl f -> {
                    if (f.isDefinition()) {
                        checkFunction(f);
                        defined.add(f);
                    }
                }
            }
        }
        if (!runtimeLibrary) checkMain();
        return new CheckedProgram(unit, bits, defined, globals, resolution, sizes, functions.keySet(), types, elements);
    }

    /** Folding during checking: a sizeof is checked (and its size known) before anything folds it. */
    @Override public int sizeOf(Expr.SizeOf s) { return sizes.get(s); }

    /** A function the program declares takes a builtin's name: its calls reach the user's function. */
    @Override public Builtin builtin(Expr.Call c) { return functions.containsKey(c.name()) ? null : Builtin.byName(c.name()); }

    private void checkReservedName(String name, SourcePos pos) {
        if (!runtimeLibrary && name.startsWith("__")) throw error(pos, "names starting with '__' are reserved ('" + name + "')");
    }

    // ---- functions

    private void declareFunction(FunctionDecl f) {
        checkReservedName(f.name(), f.pos());
        FunctionSymbol old = functions.get(f.name());
        if (old == null) {
            signatures.put(f.name(), f);
            functions.put(f.name(), new FunctionSymbol(f.name(), f.params().size(), f.returnsVoid(), f.pos(), f.isDefinition() ? f : null));
            return;
        }
        if (old.arity() != f.params().size() || old.returnsVoid() != f.returnsVoid() || !sameTypes(signatures.get(f.name()), f)) {
            throw error(f.pos(), "conflicting types for '" + f.name() + "'");
        }
        if (f.isDefinition()) {
            if (old.definition() != null) throw error(f.pos(), "redefinition of '" + f.name() + "'");
            functions.put(f.name(), new FunctionSymbol(old.name(), old.arity(), old.returnsVoid(), old.pos(), f));
        }
    }

    private static boolean sameTypes(FunctionDecl a, FunctionDecl b) {
        if (a.returnsPointer() != b.returnsPointer()) return false;
        for (int k = 0; k < a.params().size(); k++) if (a.params().get(k).pointer() != b.params().get(k).pointer()) return false;
        return true;
    }

    private void checkMain() {
        FunctionSymbol main = functions.get("main");
        if (main == null) throw error(unit.end(), "no 'main' function");
        if (main.returnsVoid() || main.arity() != 0) throw error(main.pos(), "'main' must be declared as 'int main()'");
        if (main.definition() == null) throw error(main.pos(), "'main' is declared but never defined");
    }

    private void checkFunction(FunctionDecl f) {
        current = f;
        scope = new Scope(globalScope);
        for (Param p : f.params()) {
            checkReservedName(p.name(), p.pos());
            if (scope.local(p.name()) != null) throw error(p.pos(), "redefinition of parameter '" + p.name() + "'");
            VarSymbol v = new VarSymbol(p.name(), p.pos(), VarSymbol.Kind.PARAM, f.name(), false, 1, p.constant() && !p.pointer(), p.pointer(), 0);
            if (p.constant() && p.pointer()) v.markPointeeConstant();
            scope.declare(v);
            resolution.put(p, v);
        }
        // Parameters and the body's outermost declarations share one scope, as in C.
        for (Stmt s : f.body().body()) statement(s);
        scope = globalScope;
        current = null;
    }

    // ---- declarations

    private void global(VarDecl d) {
        FunctionSymbol fn = functions.get(d.name());
        if (fn != null) throw error(fn.pos().compareTo(d.pos()) > 0 ? fn.pos() : d.pos(), "redefinition of '" + d.name() + "'");
        VarSymbol earlier = globalScope.local(d.name());
        if (earlier != null) {
            redeclareGlobal(earlier, d);
            return;
        }
        VarSymbol v = declare(d, VarSymbol.Kind.GLOBAL, null);
        v.setInit(globalContents(d, v.size(), "initializer of global '" + d.name() + "' is not a constant"));
        if (d.hasInitializer()) initialized.add(v);
        globals.add(v);
    }

    /**
     * A static local: block-scoped like any local, but one variable with a constant initializer
     * in the memory image, so it lives as a global (owned by no frame, kept between calls).
     */
    private void staticLocal(VarDecl d) {
        VarSymbol v = declare(d, VarSymbol.Kind.GLOBAL, current.name());
        v.setInit(globalContents(d, v.size(), "initializer of static '" + d.name() + "' is not a constant"));
        globals.add(v);
    }

    /**
     * A file-scope declaration of a name declared before. As in C, {@code int x; int x = 1;}
     * declares one variable (a tentative definition, completed by at most one initializer),
     * while declarations of different shapes, or two initializers, conflict.
     */
    private void redeclareGlobal(VarSymbol earlier, VarDecl d) {
        VarSymbol v = declare(d, VarSymbol.Kind.GLOBAL, null, false);
        if (v.isArray() != earlier.isArray() || v.size() != earlier.size() || v.isConstant() != earlier.isConstant()
                || v.isPointer() != earlier.isPointer() || v.columns() != earlier.columns()) {
            throw error(d.pos(), "conflicting types for '" + d.name() + "' (" + shape(v) + " here, " + shape(earlier)
                    + " on line " + earlier.pos().line() + ")");
        }
        if (d.hasInitializer()) {
            if (!initialized.add(earlier)) throw error(d.pos(), "redefinition of '" + d.name() + "' (both declarations have an initializer)");
            earlier.setInit(globalContents(d, earlier.size(), "initializer of global '" + d.name() + "' is not a constant"));
        }
        resolution.put(d, earlier);
    }

    private static String shape(VarSymbol v) {
        if (v.isPointer()) return (v.isConstant() ? "a const " : "a ") + "pointer";
        return (v.isConstant() ? "a const " : "") + (v.isArray() ? (v.isConstant() ? "" : "an ") + "array of " + v.size() : v.isConstant() ? "int" : "an int");
    }

    /** The constant contents a global declaration gives its variable (zeros where it says nothing). */
    private int[] globalContents(VarDecl d, int size, String notConstant) {
        int[] init = new int[size];
        if (d.init() != null && !d.array()) {
            if (d.pointer()) {
                // An address is known only once a back end lays memory out: a global pointer starts null.
                CType t = value(d.init());
                if (!isNull(d.init(), t)) throw error(d.init().start(), "initializer of global pointer '" + d.name()
                        + "' must be 0 (addresses are not constants here; assign the address in a function)");
                return init;
            }
            init[0] = constant(d.init(), notConstant);
        }
        List<Expr> elems = elements.getOrDefault(d, List.of());
        for (int i = 0; i < elems.size(); i++) if (elems.get(i) != null) init[i] = constant(elems.get(i), notConstant);
        return init;
    }

    private int constant(Expr e, String message) {
        value(e);
        Integer c = ConstEval.eval(e, bits, this);
        if (c == null) throw error(e.start(), message);
        return c;
    }

    /** Declares {@code d} in the current scope and checks its size and initializer. */
    private VarSymbol declare(VarDecl d, VarSymbol.Kind kind, String function) {
        return declare(d, kind, function, true);
    }

    /**
     * Checks {@code d}'s size and initializer, and with {@code enter} declares it in the current
     * scope (a redefinition there is an error); without, only builds its symbol. The initializer
     * of a global (or of a static local, which is one) is left to the caller, which needs a constant.
     */
    private VarSymbol declare(VarDecl d, VarSymbol.Kind kind, String function, boolean enter) {
        checkReservedName(d.name(), d.pos());
        if (enter && scope.local(d.name()) != null) throw error(d.pos(), "redefinition of '" + d.name() + "'");
        int size = 1;
        int columns = 0;
        if (d.array() && d.twoDimensional()) {
            int rows = dimension(d.size());
            columns = dimension(d.size2());
            if ((long) rows * columns > 65535) throw error(d.size().start(), "array size " + ((long) rows * columns) + " is too large");
            size = rows * columns;
            if (d.init() != null) throw error(d.initPos(), "two-dimensional array '" + d.name() + "' needs a brace-enclosed initializer");
            if (d.initList() != null) elements.put(d, rows(d, rows, columns));
        } else if (d.array()) {
            if (d.init() instanceof Expr.StringLit str) {
                int[] words = str.words();
                if (d.size() == null) size = words.length;
                else size = dimension(d.size());
                // As in C, the terminating zero is dropped when the array has room for the characters only.
                if (words.length - 1 > size) throw error(str.pos(), "string of " + (words.length - 1) + " characters is too long for '"
                        + d.name() + "' (size " + size + ")");
                List<Expr> chars = new ArrayList<>();
                for (int k = 0; k < Math.min(words.length, size); k++) chars.add(new Expr.IntLit(words[k], false, String.valueOf(words[k]), str.pos()));
                elements.put(d, chars);
            } else {
            if (d.init() != null) throw error(d.initPos(), "array '" + d.name() + "' needs a brace-enclosed initializer");
            if (d.size() instanceof Expr.IntLit lit && lit.value() > 0) {
                // A size is a count of cells, not an int value: int a[200] is fine at N = 8 when memory has room.
                if (lit.value() > 65535) throw error(lit.start(), "array size " + lit.value() + " is too large");
                size = (int) lit.value();
            } else if (d.size() != null) {
                value(d.size());
                Integer n = ConstEval.eval(d.size(), bits, this);
                if (n == null || n <= 0) throw error(d.size().start(), "array size must be a positive constant");
                size = n;
            } else if (d.initList() == null) {
                throw error(d.pos(), "array '" + d.name() + "' needs a size or an initializer");
            } else if (d.initList().isEmpty()) {
                throw error(d.initPos(), "array '" + d.name() + "' must have at least one element");
            } else {
                size = d.initList().size();
            }
            if (d.initList() != null && d.initList().size() > size) {
                throw error(d.initList().get(size).start(), "too many initializers for '" + d.name() + "' (size " + size + ")");
            }
            if (d.initList() != null) elements.put(d, d.initList());
            }
        } else if (d.initList() != null) {
            throw error(d.initPos(), "scalar '" + d.name() + "' cannot have a brace-enclosed initializer");
        }
        VarSymbol v = new VarSymbol(d.name(), d.pos(), kind, function, d.array(), size, d.constant() && !d.pointer(), d.pointer(), columns);
        if (d.constant() && d.pointer()) v.markPointeeConstant();
        if (!enter) return v;
        // C scope: the name is visible in its own initializer.
        scope.declare(v);
        resolution.put(d, v);
        if (kind != VarSymbol.Kind.GLOBAL) {
            if (d.init() != null && !d.array()) assignable(d.pointer() ? CType.POINTER : CType.INT, d.init(), "initialize '" + d.name() + "' with", v.isPointeeConstant());
            for (Expr e : elements.getOrDefault(d, List.of())) if (e != null) integer(e, "an array element");
        }
        return v;
    }

    /** An array dimension: a positive constant. */
    private int dimension(Expr size) {
        if (size instanceof Expr.IntLit lit && lit.value() > 0) {
            // A size is a count of cells, not an int value: int a[200] is fine at N = 8 when memory has room.
            if (lit.value() > 65535) throw error(lit.start(), "array size " + lit.value() + " is too large");
            return (int) lit.value();
        }
        value(size);
        Integer n = ConstEval.eval(size, bits, this);
        if (n == null || n <= 0) throw error(size.start(), "array size must be a positive constant");
        return n;
    }

    /**
     * A two-dimensional array's initializer, laid out in cells: a braced row fills its row from
     * the start (the parser hands it over as a comma list), a bare element the next cell, as in C.
     */
    private List<Expr> rows(VarDecl d, int rows, int columns) {
        List<Expr> cells = new ArrayList<>();
        for (Expr e : d.initList()) {
            if (e instanceof Expr.Comma row) {
                while (cells.size() % columns != 0) cells.add(null); // a braced row starts a new row
                if (row.items().size() > columns) throw error(row.items().get(columns).start(), "too many initializers in a row of '" + d.name() + "' (" + columns + " columns)");
                cells.addAll(row.items());
                while (cells.size() % columns != 0) cells.add(null);
            } else {
                cells.add(e);
            }
            if (cells.size() > rows * columns) throw error(e.start(), "too many initializers for '" + d.name() + "' (" + rows + " rows of " + columns + ")");
        }
        return cells;
    }

    // ---- statements

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> effect(e.expr());
            case Stmt.Declaration d -> {
                for (VarDecl v : d.vars()) {
                    if (v.isStatic()) staticLocal(v);
                    else declare(v, VarSymbol.Kind.LOCAL, current.name());
                }
            }
            case Stmt.If first -> {
                // An else-if chain is walked in a loop: its depth is its length. The scope that
                // nested() would open for an 'if' in else position would stay empty, so skipping it changes nothing.
                Stmt.If i = first;
                while (true) {
                    value(i.cond());
                    nested(i.then());
                    if (!(i.otherwise() instanceof Stmt.If next)) break;
                    i = next;
                }
                if (i.otherwise() != null) nested(i.otherwise());
            }
            case Stmt.While w -> {
                value(w.cond());
                loopBody(w.body());
            }
            case Stmt.DoWhile d -> {
                loopBody(d.body());
                value(d.cond());
            }
            case Stmt.For f -> {
                scope = new Scope(scope);
                if (f.init() != null) statement(f.init());
                if (f.cond() != null) value(f.cond());
                for (var u : f.updates()) effect(u);
                loopBody(f.body());
                scope = scope.parent();
            }
            case Stmt.Return r -> {
                if (r.value() == null) {
                    // C only lets the caller not use such a value; here every call of an int function may.
                    if (!current.returnsVoid()) {
                        throw error(r.pos(), "'return' without a value in function '" + current.name() + "' returning int");
                    }
                    break;
                }
                if (current.returnsVoid()) throw error(r.value().start(), "void function '" + current.name() + "' cannot return a value");
                assignable(current.returnsPointer() ? CType.POINTER : CType.INT, r.value(), "return");
            }
            case Stmt.Switch sw -> switchStatement(sw);
            case Stmt.Case c -> throw error(c.pos(), "'" + (c.value() == null ? "default" : "case")
                    + "' label not directly inside a switch's braces");
            case Stmt.Break b -> {
                if (breakable == 0) throw error(b.pos(), "'break' outside a loop or switch");
            }
            case Stmt.Continue c -> {
                if (loops == 0) throw error(c.pos(), "'continue' outside a loop");
            }
            case Stmt.Block b -> {
                scope = new Scope(scope);
                for (Stmt inner : b.body()) statement(inner);
                scope = scope.parent();
            }
            case Stmt.Empty e -> { }
        }
    }

    /** A sub-statement gets its own scope (it matters only for blocks, which open one anyway). */
    private void nested(Stmt s) {
        scope = new Scope(scope);
        statement(s);
        scope = scope.parent();
    }

    private void loopBody(Stmt s) {
        loops++;
        breakable++;
        nested(s);
        breakable--;
        loops--;
    }

    /**
     * A switch: its case values are constants (folded to N-bit words, as the comparison at run
     * time sees them), no two equal, at most one default. Its body is one block scope.
     */
    private void switchStatement(Stmt.Switch sw) {
        integer(sw.selector(), "a switch's selector");
        Map<Integer, Stmt.Case> seen = new java.util.HashMap<>();
        Stmt.Case defaultLabel = null;
        breakable++;
        scope = new Scope(scope);
        for (Stmt s : sw.body()) {
            if (!(s instanceof Stmt.Case c)) {
                statement(s);
                continue;
            }
            if (c.value() == null) {
                if (defaultLabel != null) {
                    throw error(c.pos(), "multiple default labels in one switch (the first is on line " + defaultLabel.pos().line() + ")");
                }
                defaultLabel = c;
                continue;
            }
            int v = constant(c.value(), "case label is not a constant expression");
            Stmt.Case earlier = seen.putIfAbsent(v, c);
            if (earlier != null) {
                throw error(c.value().start(), "duplicate case value " + v + " (first on line " + earlier.pos().line() + ")");
            }
        }
        scope = scope.parent();
        breakable--;
    }

    // ---- expressions

    /** Checks an expression whose value is used; returns its type. */
    private CType value(Expr e) {
        CType t = expr(e, true);
        if (t == null) throw error(e.start(), "void value used in expression");
        return t;
    }

    /** Checks an expression whose value must be an int ({@code what} names the place, for the diagnostic). */
    private void integer(Expr e, String what) {
        if (value(e) == CType.POINTER) throw error(e.start(), what + " must be an int, not a pointer");
    }

    /** Checks an expression evaluated only for its effects. */
    private void effect(Expr e) { expr(e, false); }

    /** A null pointer constant: the literal 0 (an int constant expression equal to 0, as in C). */
    private boolean isNull(Expr e, CType t) {
        return t == CType.INT && !(e instanceof Expr.Comma) && Integer.valueOf(0).equals(ConstEval.eval(e, bits, this));
    }

    /** Checks that {@code e} can be stored where a {@code want} goes ({@code what}: "assign", "return", "pass"…). */
    private void assignable(CType want, Expr e, String what) { assignable(want, e, what, false); }

    /** As above; {@code constOk} when the place is a pointer to const, which may hold a const array's address. */
    private void assignable(CType want, Expr e, String what, boolean constOk) {
        CType got = value(e);
        if (got == want || (want == CType.POINTER && isNull(e, got))) {
            if (got == CType.POINTER && !constOk && constAddresses.contains(e)) {
                throw error(e.start(), "cannot " + what + " an address of const ints where a pointer to (non-const) int is expected"
                        + " (declare the pointer 'const int *')");
            }
            return;
        }
        throw error(e.start(), "cannot " + what + " " + got.described() + " where " + want.described() + " is expected");
    }

    private CType constAddress(Expr e, CType t) {
        constAddresses.add(e);
        return typed(e, t);
    }

    private CType typed(Expr e, CType t) {
        types.put(e, t);
        return t;
    }

    /** Checks {@code e}; returns its type, or null when it yields no value. */
    private CType expr(Expr e, boolean needed) {
        switch (e) {
            case Expr.IntLit lit -> literal(lit);
            case Expr.StringLit str -> {
                // Each literal is an anonymous global array of its codes and a zero.
                int[] words = str.words();
                VarSymbol v = new VarSymbol("string@" + str.pos().line() + ":" + str.pos().column(), str.pos(), VarSymbol.Kind.GLOBAL,
                        null, true, words.length, false);
                v.setInit(words);
                globals.add(v);
                resolution.put(str, v);
                return typed(e, CType.POINTER);
            }
            case Expr.Name n -> {
                VarSymbol v = resolve(n);
                if (v.isTwoDimensional()) throw error(n.pos(), "two-dimensional array '" + n.name() + "' used without indices");
                if (v.isArray()) return v.isConstant() ? constAddress(e, CType.POINTER) : typed(e, CType.POINTER);
                if (v.isPointeeConstant()) return constAddress(e, CType.POINTER);
                return typed(e, v.isPointer() ? CType.POINTER : CType.INT);
            }
            case Expr.Index i -> {
                CType t = index(i);
                // A row of a const two-dimensional array is an address of const ints.
                if (t == CType.POINTER && resolution.get(i.array()).isConstant()) return constAddress(e, t);
                return typed(e, t);
            }
            case Expr.Subscript sub -> {
                return typed(e, subscript(sub));
            }
            case Expr.Deref d -> {
                if (value(d.operand()) != CType.POINTER) throw error(d.pos(), "'*' needs a pointer operand, and this is an int");
                return typed(e, CType.INT);
            }
            case Expr.AddrOf a -> {
                return addressOf(a) ? constAddress(e, CType.POINTER) : typed(e, CType.POINTER);
            }
            case Expr.Unary u -> {
                CType t = value(u.operand());
                if (t == CType.POINTER && u.op() != tc.c.ast.UnaryOperator.LOGICAL_NOT) {
                    throw error(u.pos(), "unary '" + u.op().symbol() + "' needs an int operand, not a pointer");
                }
            }
            case Expr.Binary b -> {
                // A left-associative chain is as deep as it is long: walk its left spine in a
                // loop, then check the operands left to right, as the recursion would.
                List<Expr.Binary> spine = Chains.leftSpine(b);
                Expr first = spine.get(spine.size() - 1).left();
                CType acc = value(first);
                Expr accExpr = first;
                for (int k = spine.size() - 1; k >= 0; k--) {
                    Expr.Binary link = spine.get(k);
                    CType r = value(link.right());
                    boolean fromConst = (acc == CType.POINTER && constAddresses.contains(accExpr))
                            || (r == CType.POINTER && constAddresses.contains(link.right()));
                    acc = binaryType(link, accExpr, acc, r);
                    types.put(link, acc);
                    if (acc == CType.POINTER && fromConst) constAddresses.add(link);
                    accExpr = link;
                }
                return acc;
            }
            case Expr.Assign a -> {
                CType t = lvalue(a.target(), "assign to");
                if (a.op() == null) {
                    assignable(t, a.value(), "assign", a.target() instanceof Expr.Name n && resolution.get(n).isPointeeConstant());
                } else {
                    CType r = value(a.value());
                    if (t == CType.POINTER && !(r == CType.INT && (a.op() == tc.c.ast.BinaryOperator.ADD || a.op() == tc.c.ast.BinaryOperator.SUB))) {
                        throw error(a.pos(), "'" + a.op().symbol() + "=' on a pointer: only '+=' and '-=' of an int are allowed");
                    }
                    if (t == CType.INT && r == CType.POINTER) throw error(a.value().start(), "'" + a.op().symbol() + "=' needs an int operand, not a pointer");
                }
                return typed(e, t);
            }
            case Expr.IncDec d -> {
                return typed(e, lvalue(d.target(), d.increment() ? "increment" : "decrement"));
            }
            case Expr.SizeOf s -> checkSizeOf(s);
            case Expr.Conditional c -> {
                value(c.cond());
                CType a = expr(c.then(), needed);
                CType b = expr(c.otherwise(), needed);
                if (a == null || b == null) return null;
                if (constAddresses.contains(c.then()) || constAddresses.contains(c.otherwise())) constAddresses.add(e);
                if (a != b) {
                    if (a == CType.POINTER && isNull(c.otherwise(), b)) return typed(e, a);
                    if (b == CType.POINTER && isNull(c.then(), a)) return typed(e, b);
                    throw error(c.pos(), "the branches of '?:' differ: " + a.described() + " and " + b.described());
                }
                return typed(e, a);
            }
            case Expr.Call c -> {
                CType t = call(c);
                return t == null ? null : typed(e, t);
            }
            case Expr.Comma c -> {
                for (int k = 0; k < c.items().size() - 1; k++) effect(c.items().get(k));
                CType t = expr(c.items().get(c.items().size() - 1), needed);
                if (constAddresses.contains(c.items().get(c.items().size() - 1))) constAddresses.add(e);
                return t == null ? null : typed(e, t);
            }
        }
        return typed(e, CType.INT);
    }

    /** The type of {@code link}, whose left operand {@code left} has type l and right operand type r (C's pointer arithmetic, in words). */
    private CType binaryType(Expr.Binary link, Expr left, CType l, CType r) {
        var op = link.op();
        if (op.isLogical()) return CType.INT;
        if (l == CType.INT && r == CType.INT) return CType.INT;
        if (op.isComparison()) {
            if (l == r || isNull(left, l) || isNull(link.right(), r)) return CType.INT;
            throw error(link.pos(), "comparison between a pointer and an int");
        }
        switch (op) {
            case ADD -> {
                if (l == CType.POINTER && r == CType.POINTER) throw error(link.pos(), "cannot add two pointers");
                return CType.POINTER;
            }
            case SUB -> {
                if (l == CType.POINTER) return r == CType.POINTER ? CType.INT : CType.POINTER;
                throw error(link.pos(), "cannot subtract a pointer from an int");
            }
            default -> throw error(link.pos(), "'" + op.symbol() + "' needs int operands, not a pointer");
        }
    }

    /**
     * {@code &operand}: an int variable or element; the variable then lives in memory. Returns
     * whether the int is const (reached through a pointer to const).
     */
    private boolean addressOf(Expr.AddrOf a) {
        switch (a.operand()) {
            case Expr.Name n -> {
                VarSymbol v = resolve(n);
                if (v.isArray()) throw error(a.pos(), "'&' of array '" + n.name() + "': the array's name alone is the address of its first element");
                if (v.isPointer()) throw error(a.pos(), "'&' of pointer '" + n.name() + "': pointers to pointers are not supported");
                if (v.isConstant()) throw error(a.pos(), "cannot take the address of const '" + n.name() + "' (it could be written through the pointer)");
                v.markAddressTaken();
                types.put(n, CType.INT);
                return false;
            }
            case Expr.Index i -> {
                if (index(i) != CType.INT) throw error(a.pos(), "'&' of a row of a two-dimensional array: the row alone is its address");
                VarSymbol v = resolution.get(i.array());
                if (v.isConstant()) throw error(a.pos(), "cannot take the address of an element of const array '" + v.name() + "'");
                types.put(i, CType.INT);
                return v.isPointeeConstant();
            }
            case Expr.Subscript sub -> {
                subscript(sub);
                constRow(sub, a.pos(), "take the address of");
                types.put(sub, CType.INT);
                return constAddresses.contains(sub.base());
            }
            case Expr.Deref d -> {
                if (value(d.operand()) != CType.POINTER) throw error(d.pos(), "'*' needs a pointer operand, and this is an int");
                types.put(d, CType.INT);
                return constAddresses.contains(d.operand());
            }
            default -> {
                value(a.operand());
                throw error(a.pos(), "cannot take the address of this expression (only of a variable or an element)");
            }
        }
    }

    private void literal(Expr.IntLit lit) {
        if (lit.hex()) {
            if (lit.value() > (1L << bits) - 1) {
                throw error(lit.pos(), "hex literal " + lit.text() + " is out of range for " + bits + "-bit int (0x0..0x"
                        + Long.toHexString((1L << bits) - 1).toUpperCase() + ")");
            }
        } else if (!Word.fits(lit.value(), bits)) {
            throw error(lit.pos(), "integer literal " + lit.text() + " is out of range for " + bits + "-bit int ("
                    + Word.min(bits) + ".." + Word.max(bits) + ")");
        }
    }

    private VarSymbol resolve(Expr.Name n) {
        VarSymbol v = scope.lookup(n.name());
        if (v == null) {
            if (functions.containsKey(n.name()) || Builtin.byName(n.name()) != null) {
                throw error(n.pos(), "function '" + n.name() + "' used as a variable");
            }
            throw error(n.pos(), "undefined variable '" + n.name() + "'");
        }
        resolution.put(n, v);
        return v;
    }

    /**
     * {@code name[index]}: an element of a one-dimensional array or through a pointer (an int),
     * or a row of a two-dimensional array (the address of its first element). Constant indices
     * into arrays are bounds-checked.
     */
    private CType index(Expr.Index i) {
        VarSymbol v = resolve(i.array());
        if (!v.isArray() && !v.isPointer()) throw error(i.array().pos(), "'" + v.name() + "' is not an array or a pointer");
        integer(i.index(), "an index");
        Integer k = ConstEval.eval(i.index(), bits, this);
        int length = v.isTwoDimensional() ? v.size() / v.columns() : v.size();
        if (v.isArray() && k != null && (k < 0 || k >= length)) {
            throw error(i.index().start(), "array index " + k + " is out of bounds for '" + v.name() + "' (size " + length + ")");
        }
        return v.isTwoDimensional() ? CType.POINTER : CType.INT;
    }

    /** {@code base[index]} for a base that is not a name: a row of a two-dimensional array, or any pointer. */
    private CType subscript(Expr.Subscript sub) {
        CType base = value(sub.base());
        if (base != CType.POINTER) throw error(sub.pos(), "subscripted value is not an array or a pointer");
        integer(sub.index(), "an index");
        if (sub.base() instanceof Expr.Index row && resolution.get(row.array()).isTwoDimensional()) {
            VarSymbol g = resolution.get(row.array());
            Integer k = ConstEval.eval(sub.index(), bits, this);
            if (k != null && (k < 0 || k >= g.columns())) {
                throw error(sub.index().start(), "column index " + k + " is out of bounds for '" + g.name() + "' (" + g.columns() + " columns)");
            }
        }
        return CType.INT;
    }

    /** An element of a const two-dimensional array may not be written, nor its address taken. */
    private void constRow(Expr.Subscript sub, tc.source.SourcePos at, String verb) {
        if (sub.base() instanceof Expr.Index row && resolution.get(row.array()) instanceof VarSymbol g && g.isTwoDimensional() && g.isConstant()) {
            throw error(at, "cannot " + verb + " an element of const array '" + g.name() + "'");
        }
    }

    /** A place written by assignment, ++/-- or swap ({@code verb} says which, for the diagnostics); returns its type. */
    private CType lvalue(Expr target, String verb) {
        switch (target) {
            case Expr.Name n -> {
                VarSymbol v = resolve(n);
                if (v.isArray()) throw error(n.pos(), "cannot " + verb + " array '" + n.name() + "'");
                if (v.isConstant()) throw error(n.pos(), "cannot " + verb + " const '" + n.name() + "'");
                return typed(n, v.isPointer() ? CType.POINTER : CType.INT);
            }
            case Expr.Index i -> {
                CType t = index(i);
                VarSymbol v = resolution.get(i.array());
                if (t == CType.POINTER) throw error(i.array().pos(), "cannot " + verb + " a row of two-dimensional array '" + v.name() + "'");
                if (v.isConstant() && v.isArray()) throw error(i.array().pos(), "cannot " + verb + " an element of const array '" + v.name() + "'");
                if (v.isPointeeConstant()) throw error(i.array().pos(), "cannot " + verb + " an int through '" + v.name() + "', a pointer to const int");
                return typed(i, CType.INT);
            }
            case Expr.Subscript sub -> {
                subscript(sub);
                constRow(sub, sub.pos(), verb);
                if (constAddresses.contains(sub.base())) throw error(sub.pos(), "cannot " + verb + " an int through a pointer to const int");
                return typed(sub, CType.INT);
            }
            case Expr.Deref d -> {
                if (value(d.operand()) != CType.POINTER) throw error(d.pos(), "'*' needs a pointer operand, and this is an int");
                if (constAddresses.contains(d.operand())) throw error(d.pos(), "cannot " + verb + " an int through a pointer to const int");
                return typed(d, CType.INT);
            }
            default -> throw error(target.start(), verb.equals("swap") ? "swap arguments must be variables or array elements"
                    : "cannot " + verb + " this expression");
        }
    }

    /**
     * {@code sizeof}: the words of a named array (or string literal), 1 for an int, a pointer and
     * any other expression (every value is one word); the operand is checked but never evaluated.
     */
    private void checkSizeOf(Expr.SizeOf s) {
        int size = 1;
        String what = "int";
        if (s.operand() instanceof Expr.Name n) {
            VarSymbol v = resolve(n);
            size = v.size();
            what = "'" + n.name() + "'";
        } else if (s.operand() instanceof Expr.StringLit str) {
            size = str.words().length;
        } else if (s.operand() instanceof Expr.Index i && scope.lookup(i.array().name()) instanceof VarSymbol g && g.isTwoDimensional()) {
            index(i);
            size = g.columns(); // a row
        } else if (s.operand() != null) {
            value(s.operand());
        }
        if (!Word.fits(size, bits)) {
            throw error(s.pos(), "sizeof " + what + " is " + size + " words, out of range for " + bits + "-bit int");
        }
        sizes.put(s, size);
    }

    /** Checks a call; returns the type of its value, or null when it has none. */
    private CType call(Expr.Call c) {
        if (scope.lookup(c.name()) != null) throw error(c.pos(), "'" + c.name() + "' is a variable, not a function");
        Builtin b = builtin(c);
        if (b != null) {
            arity(c, b.arity());
            CType swapped = null;
            for (int k = 0; k < c.args().size(); k++) {
                Expr arg = c.args().get(k);
                if (b == Builtin.SWAP) {
                    boolean throughAddress = arg instanceof Expr.Deref || arg instanceof Expr.Subscript
                            || (arg instanceof Expr.Index i && scope.lookup(i.array().name()) instanceof VarSymbol a && (a.isPointer() || a.isTwoDimensional()));
                    if (throughAddress) throw error(arg.start(), "swap arguments must be variables or elements of one-dimensional arrays (not places reached through a pointer)");
                    CType t = lvalue(arg, "swap");
                    if (swapped != null && t != swapped) throw error(arg.start(), "swap of " + swapped.described() + " and " + t.described());
                    swapped = t;
                }
                else if (b.device() != null && b.device().usesBuffer() && k == 1) sectorBuffer(b, arg);
                else builtinArgument(c, k, arg);
            }
            return b.returnsValue() ? CType.INT : null;
        }
        FunctionSymbol f = functions.get(c.name());
        if (f == null) throw error(c.pos(), "undefined function '" + c.name() + "'");
        if (c.name().equals("main") && !runtimeLibrary) throw error(c.pos(), "'main' cannot be called");
        if (f.definition() == null) throw error(c.pos(), "function '" + c.name() + "' is declared but never defined");
        arity(c, f.arity());
        FunctionDecl sig = signatures.get(c.name());
        for (int k = 0; k < c.args().size(); k++) {
            Param p = sig.params().get(k);
            assignable(p.pointer() ? CType.POINTER : CType.INT, c.args().get(k), "pass", p.pointer() && p.constant());
        }
        if (f.returnsVoid()) return null;
        return sig.returnsPointer() ? CType.POINTER : CType.INT;
    }

    /** The buffer of sector_read/sector_write: a global int array of exactly one sector's words, named directly. */
    private void sectorBuffer(Builtin b, Expr arg) {
        String need = b.cName() + " needs a global int array of " + Builtin.SECTOR_WORDS + " words as its buffer";
        if (!(arg instanceof Expr.Name n)) throw error(arg.start(), need);
        VarSymbol v = scope.lookup(n.name());
        if (v == null) resolve(n);
        if (v.kind() != VarSymbol.Kind.GLOBAL || !v.isArray() || v.isTwoDimensional() || v.size() != Builtin.SECTOR_WORDS)
            throw error(n.pos(), need + "; '" + n.name() + "' is " + (v.kind() == VarSymbol.Kind.GLOBAL ? "a global " : "a local ")
                    + (v.isArray() ? "array of " + v.size() + " words" : v.isPointer() ? "pointer" : "scalar"));
        if (b.device() == tc.ir.DeviceOp.SECTOR_READ && v.isConstant()) {
            throw error(n.pos(), "sector_read writes its buffer, and '" + n.name() + "' is const");
        }
        resolution.put(n, v);
    }

    private void arity(Expr.Call c, int expected) {
        if (c.args().size() != expected) {
            throw error(c.pos(), "function '" + c.name() + "' expects " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", got " + c.args().size());
        }
    }

    /** A builtin's operand: an int (the builtins know nothing of addresses). */
    private void builtinArgument(Expr.Call c, int k, Expr arg) {
        if (arg instanceof Expr.Name n && scope.lookup(n.name()) instanceof VarSymbol v && v.isArray()) {
            throw error(n.pos(), "arrays cannot be passed to builtin '" + c.name() + "' ('" + n.name() + "')");
        }
        if (value(arg) == CType.POINTER) throw error(arg.start(), "argument " + (k + 1) + " of builtin '" + c.name() + "' must be an int, not a pointer");
    }
}
