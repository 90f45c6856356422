package tc.difftest;

import java.util.List;
import tc.difftest.GenAst.*;

/**
 * Prints the statement structure shared by both dialects; subclasses decide how types, names,
 * expressions and the side-effecting statements are spelt.
 */
abstract class CPrinter {
    protected final Program program;
    protected final StringBuilder out = new StringBuilder();
    private int indent;

    protected CPrinter(Program program) { this.program = program; }

    protected abstract String type();

    protected abstract String globalName(String name);

    protected abstract String expr(Expr e);

    /** The text of a side-effecting simple statement without its semicolon (also used as a for-update). */
    protected abstract String simple(Stmt s);

    protected abstract String output(Expr value);

    protected abstract String swap(Expr a, Expr b);

    protected abstract String assignStep(AssignStep s);

    protected abstract String functionName(String name);

    /** The initializer of a declaration the dialect leaves implicit; null to print none. */
    protected abstract String implicitScalarInit();

    protected abstract boolean spellOutArrayZeros();

    protected String lvalue(Expr e) { return expr(e); }

    /** A case label's constant. */
    protected String caseValue(int v) { return v < 0 ? "(" + v + ")" : Integer.toString(v); }

    protected void line(String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    protected void function(Function f) {
        boolean main = f.name().equals("main");
        StringBuilder head = new StringBuilder();
        head.append(f.isVoid() ? "void" : type()).append(' ').append(main ? mainName() : functionName(f.name())).append('(');
        head.append(parameters(f, true));
        head.append(") {");
        line(head.toString());
        block(f.body());
        line("}");
    }

    protected abstract String mainName();

    /** A function's parameter list, with names or (for a prototype) without. */
    protected String parameters(Function f, boolean named) {
        List<String> all = new java.util.ArrayList<>();
        for (String p : f.params()) all.add(type() + (named ? " " + p : ""));
        for (int i = 0; i < f.arrayParams().size(); i++) all.add(arrayParam(f.arrayParams().get(i), i, named));
        for (String p : f.pointerParams()) all.add(type() + " *" + (named ? p : ""));
        return all.isEmpty() ? emptyParams() : String.join(", ", all);
    }

    /** An array parameter: the i-th. */
    protected String arrayParam(String name, int i, boolean named) { return type() + " *" + (named ? name : ""); }

    /** How an address ({@code array + offset}) is written. */
    protected String address(Address a) {
        String base = a.global() ? globalName(a.array()) : a.array();
        return a.offset() instanceof Lit l && l.value() == 0 ? base : "(" + base + " + " + expr(a.offset()) + ")";
    }

    protected String emptyParams() { return ""; }

    protected void block(List<Stmt> body) {
        indent++;
        for (Stmt s : body) stmt(s);
        indent--;
    }

    protected void globals() {
        for (Global g : program.globals()) {
            if (g.array() != null) line(arrayDecl(g.array()));
            else if (g.init() != null) line(type() + " " + globalName(g.name()) + " = " + g.init() + ";");
            else line(type() + " " + globalName(g.name()) + (implicitScalarInit() != null ? " = " + implicitScalarInit() : "") + ";");
        }
    }

    protected String arrayDecl(ArrayDecl a) {
        String name = a.global() ? globalName(a.name()) : a.name();
        StringBuilder s = new StringBuilder(type() + " " + name + "[" + a.size() + "]");
        List<Integer> init = a.init();
        if (init == null && spellOutArrayZeros()) init = List.of(0);
        if (init != null) {
            s.append(" = {");
            for (int i = 0; i < init.size(); i++) s.append(i > 0 ? ", " : "").append(init.get(i));
            s.append('}');
        }
        return s.append(';').toString();
    }

    protected void stmt(Stmt s) {
        switch (s) {
            case Decl d -> {
                String init = d.init() != null ? expr(d.init()) : implicitScalarInit();
                line(type() + " " + d.name() + (init != null ? " = " + init : "") + ";");
            }
            case ArrayDecl a -> line(arrayDecl(a));
            case Assign a -> line(simple(a) + ";");
            case Step st -> line(simple(st) + ";");
            case AssignStep a -> line(assignStep(a));
            case CallStmt c -> {
                StringBuilder t = new StringBuilder();
                if (c.target() != null) t.append(lvalue(c.target())).append(" = ");
                t.append(functionName(c.function())).append('(');
                for (int i = 0; i < c.args().size(); i++) t.append(i > 0 ? ", " : "").append(expr(c.args().get(i)));
                line(t.append(");").toString());
            }
            case Output o -> line(output(o.value()));
            case Swap w -> line(swap(w.a(), w.b()));
            case If i -> {
                line("if (" + expr(i.test()) + ") {");
                block(i.then());
                if (i.otherwise() != null) {
                    line("} else {");
                    block(i.otherwise());
                }
                line("}");
            }
            case Loop l -> loop(l);
            case Sequence q -> line(String.join(", ", q.parts().stream().map(this::simple).toList()) + ";");
            case Switch w -> {
                line("switch (" + expr(w.selector()) + ") {");
                for (SwitchCase k : w.cases()) {
                    // Braces give each case's declarations a scope of their own, in both dialects.
                    line((k.value() == null ? "default" : "case " + caseValue(k.value())) + ": {");
                    block(k.body());
                    line("}");
                }
                line("}");
            }
            case Break b -> line("break;");
            case Continue c -> line("continue;");
            case Return r -> line(r.value() == null ? "return;" : "return " + expr(r.value()) + ";");
            case PtrWalk w -> {
                String from = address(w.from());
                line("for (" + type() + " *" + w.pointer() + " = " + from + "; " + w.pointer() + " < (" + from + " + " + w.length() + "); "
                        + w.pointer() + "++) {");
                indent++;
                line(simple(new Assign(w.target(), BinOp.ADD, new Deref(w.pointer()))) + ";");
                indent--;
                line("}");
            }
        }
    }

    private void loop(Loop l) {
        String c = l.counter();
        String extra = l.extra() == null ? "" : " && " + expr(l.extra());
        Var cv = new Var(c, false);
        switch (l.kind()) {
            case FOR_UP -> {
                Stmt update = l.stride() == 1 ? new Step(cv, true, false)
                        : new Assign(cv, BinOp.ADD, new Lit(l.stride(), LitStyle.DECIMAL));
                line("for (" + c + " = 0; " + c + " < " + l.bound() + extra + "; " + simple(update) + ") {");
                block(l.body());
                line("}");
            }
            case FOR_DOWN -> {
                line("for (" + c + " = " + l.bound() + "; " + c + " > 0" + extra + "; " + simple(new Step(cv, false, true)) + ") {");
                block(l.body());
                line("}");
            }
            case WHILE -> {
                line(c + " = 0;");
                line("while (" + c + " < " + l.bound() + extra + ") {");
                indent++;
                line(simple(new Step(cv, true, false)) + ";");
                indent--;
                block(l.body());
                line("}");
            }
            case DO_WHILE -> {
                line(c + " = 0;");
                line("do {");
                indent++;
                line(simple(new Step(cv, true, true)) + ";");
                indent--;
                block(l.body());
                line("} while (" + c + " < " + l.bound() + extra + ");");
            }
        }
    }
}
