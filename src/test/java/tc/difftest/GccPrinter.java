package tc.difftest;

import tc.difftest.GenAst.*;

/**
 * Translates a generated program into gcc C with exact N-bit semantics: every variable is an
 * {@code int8_t}/{@code int16_t}, every arithmetic result is cast back to that width, and
 * {@code / % << >>} and the builtins go through the helpers of {@link GccOracle#PRELUDE}, which
 * implement the rules of {@link tc.ir.Word}. Globals and functions get a per-program prefix so
 * many programs can share one translation unit; the program's main becomes {@code <prefix>main}.
 */
final class GccPrinter extends CPrinter {
    private final String prefix;
    private final String helper;
    private final String t;

    private GccPrinter(Program program, String prefix) {
        super(program);
        this.prefix = prefix;
        this.helper = "tc" + program.bits() + "_";
        this.t = "int" + program.bits() + "_t";
    }

    /** The program as a gcc fragment defining {@code <prefix>main}, which returns main's value. */
    static String print(Program program, String prefix) {
        GccPrinter p = new GccPrinter(program, prefix);
        p.globals();
        // Prototypes let functions appear in any order.
        for (Function f : program.functions()) {
            p.line("static " + (f.isVoid() ? "void" : p.t) + " " + p.functionName(f.name()) + "(" + p.parameters(f, false) + ");");
        }
        for (Function f : program.functions()) {
            p.out.append('\n').append("static ");
            p.function(f);
        }
        return p.out.toString();
    }

    @Override protected String type() { return t; }

    @Override protected void globals() {
        int before = out.length();
        super.globals();
        // Globals are file-scope statics so equal names in other programs of the batch do not clash.
        String text = out.substring(before).replaceAll("(?m)^" + t, "static " + t);
        out.setLength(before);
        out.append(text);
    }

    @Override protected String globalName(String name) { return prefix + name; }

    @Override protected String functionName(String name) { return prefix + name; }

    @Override protected String mainName() { return prefix + "main"; }

    @Override protected String emptyParams() { return "void"; }

    @Override protected String implicitScalarInit() { return "0"; }

    @Override protected boolean spellOutArrayZeros() { return true; }

    private String wrap(String intExpr) { return "((" + t + ")(" + intExpr + "))"; }

    @Override protected String expr(Expr e) {
        return switch (e) {
            case Lit l -> l.value() < 0 ? "(" + l.value() + ")" : Integer.toString(l.value());
            case Var v -> v.global() ? prefix + v.name() : v.name();
            case Elem el -> (el.global() ? prefix : "") + el.array() + "[" + expr(el.index()) + "]";
            case Unary u -> switch (u.op()) {
                case NEG -> wrap("-" + expr(u.operand()));
                case BITNOT -> wrap("~" + expr(u.operand()));
                case NOT -> "(!" + expr(u.operand()) + ")";
            };
            case Binary b -> binary(b.op(), expr(b.left()), expr(b.right()));
            case Cond c -> "(" + expr(c.test()) + " ? " + expr(c.then()) + " : " + expr(c.otherwise()) + ")";
            case Call c -> helper + c.fn().name().toLowerCase() + "("
                    + String.join(", ", c.args().stream().map(this::expr).toList()) + ")";
            // (void) says the dropped value is meant, which keeps gcc quiet.
            case Comma c -> "((void)" + expr(c.left()) + ", " + expr(c.right()) + ")";
            case Deref d -> "(*" + d.pointer() + ")";
            case Address a -> address(a);
            case AddressOf a -> "(&" + expr(a.place()) + ")";
            // A difference of addresses is a ptrdiff_t: back to the N-bit int it is in our dialect.
            case PtrDiff d -> wrap(address(d.left()) + " - " + address(d.right()));
            case PtrCmp c -> "(" + address(c.left()) + " " + c.op().token + " " + address(c.right()) + ")";
        };
    }

    private String binary(BinOp op, String l, String r) {
        return switch (op) {
            case ADD, SUB, MUL, AND, OR, XOR -> wrap(l + " " + op.token + " " + r);
            case DIV -> helper + "div(" + l + ", " + r + ")";
            case MOD -> helper + "mod(" + l + ", " + r + ")";
            case SHL -> helper + "shl(" + l + ", " + r + ")";
            case SHR -> helper + "shr(" + l + ", " + r + ")";
            case EQ, NE, LT, LE, GT, GE, LAND, LOR -> "(" + l + " " + op.token + " " + r + ")";
        };
    }

    @Override protected String simple(Stmt s) {
        return switch (s) {
            case Assign a -> {
                String target = expr(a.target());
                yield target + " = " + (a.op() == null ? expr(a.value()) : binary(a.op(), target, expr(a.value())));
            }
            case Step st -> {
                String target = expr(st.target());
                yield target + " = " + wrap(target + (st.increment() ? " + 1" : " - 1"));
            }
            default -> throw new IllegalArgumentException("not a simple statement: " + s);
        };
    }

    @Override protected String assignStep(AssignStep s) {
        // The old value goes through a temporary: dest may appear in the operand's index.
        String operand = expr(s.operand());
        String stepped = wrap("tc_old " + (s.increment() ? "+ 1" : "- 1"));
        return "{ " + t + " tc_old = " + operand + "; " + operand + " = " + stepped + "; " + expr(s.dest())
                + " = " + (s.prefix() ? stepped : "tc_old") + "; }";
    }

    @Override protected String output(Expr value) { return "tc_output(" + expr(value) + ");"; }

    @Override protected String swap(Expr a, Expr b) {
        String x = expr(a), y = expr(b);
        return "{ " + t + " tc_old = " + x + "; " + x + " = " + y + "; " + y + " = tc_old; }";
    }
}
