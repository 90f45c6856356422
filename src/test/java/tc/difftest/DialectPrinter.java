package tc.difftest;

import tc.difftest.GenAst.*;

/** Prints a generated program in our C dialect, fully parenthesised so precedence is never in question. */
final class DialectPrinter extends CPrinter {
    private DialectPrinter(Program program) { super(program); }

    static String print(Program program) {
        DialectPrinter p = new DialectPrinter(program);
        p.globals();
        for (Function f : program.functions()) {
            p.out.append('\n');
            p.function(f);
        }
        return p.out.toString();
    }

    @Override protected String type() { return "int"; }

    @Override protected String globalName(String name) { return name; }

    @Override protected String functionName(String name) { return name; }

    @Override protected String mainName() { return "main"; }

    @Override protected String implicitScalarInit() { return null; }

    @Override protected boolean spellOutArrayZeros() { return false; }

    @Override protected String expr(Expr e) {
        return switch (e) {
            case Lit l -> literal(l);
            case Var v -> v.name();
            case Elem el -> el.array() + "[" + expr(el.index()) + "]";
            // The space keeps "- -5" from lexing as "--".
            case Unary u -> "(" + u.op().token + " " + expr(u.operand()) + ")";
            case Binary b -> "(" + expr(b.left()) + " " + b.op().token + " " + expr(b.right()) + ")";
            case Cond c -> "(" + expr(c.test()) + " ? " + expr(c.then()) + " : " + expr(c.otherwise()) + ")";
            case Call c -> c.fn().name().toLowerCase() + "(" + String.join(", ", c.args().stream().map(this::expr).toList()) + ")";
        };
    }

    private String literal(Lit l) {
        return switch (l.style()) {
            case DECIMAL -> Integer.toString(l.value());
            case HEX -> "0x" + Integer.toHexString(tc.isa.Word.unsigned(l.value(), program.bits())).toUpperCase();
            case CHAR -> "'" + (char) l.value() + "'";
        };
    }

    @Override protected String simple(Stmt s) {
        return switch (s) {
            case Assign a -> expr(a.target()) + " " + (a.op() == null ? "" : a.op().token) + "= " + expr(a.value());
            case Step st -> st.prefix() ? (st.increment() ? "++" : "--") + expr(st.target())
                    : expr(st.target()) + (st.increment() ? "++" : "--");
            default -> throw new IllegalArgumentException("not a simple statement: " + s);
        };
    }

    @Override protected String assignStep(AssignStep s) {
        String op = s.increment() ? "++" : "--";
        String operand = expr(s.operand());
        return s.dest().name() + " = " + (s.prefix() ? op + operand : operand + op) + ";";
    }

    @Override protected String output(Expr value) { return "output(" + expr(value) + ");"; }

    @Override protected String swap(Expr a, Expr b) { return "swap(" + expr(a) + ", " + expr(b) + ");"; }
}
