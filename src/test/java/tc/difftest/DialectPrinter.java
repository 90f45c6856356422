package tc.difftest;

import tc.difftest.GenAst.*;

/** Prints a generated program in our C dialect, fully parenthesised so precedence is never in question. */
final class DialectPrinter extends CPrinter {
    private DialectPrinter(Program program) { super(program); }

    static String print(Program program) {
        DialectPrinter p = new DialectPrinter(program);
        p.globals();
        // Prototypes only where a call precedes the definition (mutual recursion), as C requires.
        java.util.Set<String> defined = new java.util.HashSet<>(), forward = new java.util.LinkedHashSet<>();
        for (Function f : program.functions()) {
            defined.add(f.name());
            for (String callee : callees(f.body())) if (!defined.contains(callee)) forward.add(callee);
        }
        for (Function f : program.functions())
            if (forward.contains(f.name())) {
                p.line((f.isVoid() ? "void " : "int ") + f.name() + "(" + p.parameters(f, true) + ");");
            }
        for (Function f : program.functions()) {
            p.out.append('\n');
            p.function(f);
        }
        return p.out.toString();
    }

    private static java.util.List<String> callees(java.util.List<Stmt> body) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Stmt s : body)
            switch (s) {
                case CallStmt c -> names.add(c.function());
                case If i -> {
                    names.addAll(callees(i.then()));
                    if (i.otherwise() != null) names.addAll(callees(i.otherwise()));
                }
                case Loop l -> names.addAll(callees(l.body()));
                case Switch w -> { for (SwitchCase k : w.cases()) names.addAll(callees(k.body())); }
                default -> { }
            }
        return names;
    }

    @Override protected String type() { return "int"; }

    @Override protected String globalName(String name) { return name; }

    @Override protected String functionName(String name) { return name; }

    @Override protected String mainName() { return "main"; }

    /** Both spellings of an array parameter, alternately: they mean the same. */
    @Override protected String arrayParam(String name, int i, boolean named) { return i % 2 == 0 ? "int " + name + "[]" : "int *" + name; }

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
            case Comma c -> "(" + expr(c.left()) + ", " + expr(c.right()) + ")";
            case Deref d -> "(*" + d.pointer() + ")";
            case Address a -> address(a);
            case AddressOf a -> "(&" + expr(a.place()) + ")";
            case PtrDiff d -> "(" + address(d.left()) + " - " + address(d.right()) + ")";
            case PtrCmp c -> "(" + address(c.left()) + " " + c.op().token + " " + address(c.right()) + ")";
        };
    }

    private String literal(Lit l) {
        return switch (l.style()) {
            case DECIMAL -> Integer.toString(l.value());
            case HEX -> "0x" + Integer.toHexString(tc.ir.Word.unsigned(l.value(), program.bits())).toUpperCase();
            case CHAR -> "'" + switch (l.value()) {
                case 0 -> "\\0"; case 9 -> "\\t"; case 10 -> "\\n"; case 39 -> "\\'"; case 92 -> "\\\\";
                default -> String.valueOf((char) l.value());
            } + "'";
            case CHAR_HEX -> String.format("'\\x%02x'", l.value());
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
