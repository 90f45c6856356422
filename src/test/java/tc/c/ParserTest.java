package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tc.c.ast.BinaryOperator;
import tc.c.ast.Expr;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Stmt;
import tc.c.ast.TranslationUnit;
import tc.c.ast.VarDecl;
import tc.c.parse.Parser;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

class ParserTest {
    private static TranslationUnit parse(String s) { return Parser.parse(new SourceFile("t.c", s)); }

    /** The expression of {@code int main() { return EXPR; }}. */
    private static Expr expr(String e) {
        FunctionDecl f = (FunctionDecl) parse("int main() { return " + e + "; }").items().get(0);
        return ((Stmt.Return) f.body().body().get(0)).value();
    }

    /** Fully parenthesised rendering, to compare tree shapes. */
    private static String show(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> l.text();
            case Expr.Name n -> n.name();
            case Expr.Index i -> i.array().name() + "[" + show(i.index()) + "]";
            case Expr.Unary u -> "(" + u.op().symbol() + show(u.operand()) + ")";
            case Expr.Binary b -> "(" + show(b.left()) + " " + b.op().symbol() + " " + show(b.right()) + ")";
            case Expr.Assign a -> "(" + show(a.target()) + " " + (a.op() == null ? "" : a.op().symbol()) + "= " + show(a.value()) + ")";
            case Expr.IncDec d -> "(" + (d.prefix() ? (d.increment() ? "++" : "--") + show(d.target())
                    : show(d.target()) + (d.increment() ? "++" : "--")) + ")";
            case Expr.Conditional c -> "(" + show(c.cond()) + " ? " + show(c.then()) + " : " + show(c.otherwise()) + ")";
            case Expr.Call c -> c.name() + c.args().stream().map(ParserTest::show).toList();
            case Expr.SizeOf s -> "sizeof(" + (s.operand() == null ? "int" : show(s.operand())) + ")";
            case Expr.Comma c -> "(" + String.join(", ", c.items().stream().map(ParserTest::show).toList()) + ")";
            case Expr.StringLit s -> "\"" + s.chars() + "\"";
            case Expr.Deref d -> "(*" + show(d.operand()) + ")";
            case Expr.AddrOf a -> "(&" + show(a.operand()) + ")";
            case Expr.Subscript s -> show(s.base()) + "[" + show(s.index()) + "]";
        };
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals("((1 + (2 * 3)) - 4)", show(expr("1 + 2 * 3 - 4")));
        assertEquals("((a || (b && c)) || d)", show(expr("a || b && c || d")));
        assertEquals("((a | (b ^ (c & d))) == e)", show(expr("(a | b ^ c & d) == e")));
        assertEquals("((a << 1) < (b >> 2))", show(expr("a << 1 < b >> 2")));
        assertEquals("((a == b) != (c < d))", show(expr("a == b != c < d")));
        assertEquals("(a = (b = 3))", show(expr("a = b = 3")));
        assertEquals("(a += (b <<= 2))", show(expr("a += b <<= 2")));
        assertEquals("(a ? b : (c ? d : e))", show(expr("a ? b : c ? d : e")));
        assertEquals("((-x) * (~(!y)))", show(expr("-x * ~!y")));
        assertEquals("((++a) + (b--))", show(expr("++a + b--")));
        assertEquals("f[1, (2 + 3), a[i]]", show(expr("f(1, 2 + 3, a[i])")));
        assertEquals("((a = 1), (b += 2), c)", show(expr("a = 1, b += 2, c")));
        assertEquals("f[(a, b), c]", show(expr("f((a, b), c)")));
        assertEquals("(x ? (a, b) : c)", show(expr("x ? a, b : c")));
        assertEquals("a[(i, j)]", show(expr("a[i, j]")));
        assertEquals("(sizeof(int) + sizeof(x))", show(expr("sizeof(const char) + sizeof x")));
        assertEquals("(sizeof(a) * 2)", show(expr("sizeof(a) * 2")));
        assertEquals("sizeof((-x))", show(expr("sizeof -x")));
    }

    @Test
    void minusBelongsToADecimalLiteral() {
        Expr e = expr("-128");
        assertEquals(-128, ((Expr.IntLit) e).value());
        assertEquals(new SourcePos(1, 21), e.pos());
        assertInstanceOf(Expr.Unary.class, expr("-0x80"), "hex literals keep their own sign rule");
        assertInstanceOf(Expr.Unary.class, expr("-(128)"));
        assertEquals("(-1 - 2)", show(expr("-1 - 2")));
    }

    @Test
    void declarationsAndStatements() {
        TranslationUnit u = parse("int g, a[] = {1, 2,}, b[3];\nint f(int x, int y);\nvoid h(void) { }\n"
                + "int main() { int i = 0; for (int k = 0; k < 3; k++) { if (k) continue; else break; }"
                + " do i++; while (i < 5); while (0) ; return; }");
        assertEquals(6, u.items().size());
        VarDecl a = (VarDecl) u.items().get(1);
        assertNull(a.size());
        assertEquals(2, a.initList().size());
        FunctionDecl f = (FunctionDecl) u.items().get(3);
        assertEquals(2, f.params().size());
        assertNull(f.body());
        FunctionDecl main = (FunctionDecl) u.items().get(5);
        Stmt.For loop = (Stmt.For) main.body().body().get(1);
        assertInstanceOf(Stmt.Declaration.class, loop.init());
        assertEquals(BinaryOperator.LT, ((Expr.Binary) loop.cond()).op());
        assertInstanceOf(Stmt.DoWhile.class, main.body().body().get(2));
        assertNull(((Stmt.Return) main.body().body().get(4)).value());
    }

    private static void fails(String src, String message, int line, int col) {
        CompileException e = assertThrows(CompileException.class, () -> parse(src));
        assertEquals(message, e.diagnostic().message());
        assertEquals(new SourcePos(line, col), e.diagnostic().pos());
    }

    @Test
    void switchKeepsItsLabelsInTheBody() {
        FunctionDecl f = (FunctionDecl) parse("int main() { switch (x + 1) { case 1: case 'a': y = 1; break; default: ; } }").items().get(0);
        Stmt.Switch sw = assertInstanceOf(Stmt.Switch.class, f.body().body().get(0));
        assertEquals("(x + 1)", show(sw.selector()));
        assertEquals(6, sw.body().size());
        assertEquals("1", show(((Stmt.Case) sw.body().get(0)).value()));
        assertEquals("'a'", show(((Stmt.Case) sw.body().get(1)).value()));
        assertInstanceOf(Stmt.ExprStmt.class, sw.body().get(2));
        assertInstanceOf(Stmt.Break.class, sw.body().get(3));
        assertNull(((Stmt.Case) sw.body().get(4)).value(), "default has no value");
        assertEquals(new SourcePos(1, 63), sw.body().get(4).pos());
    }

    @Test
    void syntaxErrors() {
        fails("int main() { switch (1) case 1: ; }", "expected '{' after 'switch (…)', found 'case'", 1, 25);
        fails("int main() { switch (1) { case 1 ; } }", "expected ':' after case value, found ';'", 1, 34);
        fails("int main() { switch (1) { default ; } }", "expected ':' after 'default', found ';'", 1, 35);
        fails("int main() {\n  x = 1\n  y = 2;\n}", "expected ';' after expression, found 'y'", 3, 3);
        fails("int main() { return (1 + ; }", "expected an expression, found ';'", 1, 26);
        fails("int main() { int x }", "expected ';' after declaration, found '}'", 1, 20);
        fails("int main() { if 1) ; }", "expected '(' after 'if', found '1'", 1, 17);
        fails("int main() {", "expected '}' before end of file", 1, 13);
        fails("int f(int a[][3]) { }", "two-dimensional array parameters are not supported (pass a pointer to the first element and index it as row * columns + column)", 1, 14);
        fails("void x;", "variable 'x' declared void", 1, 6);
        fails("int main() { if (1) int x; }", "a declaration is not allowed here (wrap it in braces)", 1, 21);
        fails("int main() { else; }", "'else' without a matching 'if'", 1, 14);
        fails("x;", "expected a declaration or function definition, found 'x'", 1, 1);
        fails("int a[2][2][2];", "arrays of more than two dimensions are not supported", 1, 12);
        fails("int **p;", "pointers to pointers are not supported (only pointers to int)", 1, 6);
    }

    @Test
    void nestingIsBounded() {
        String deep = "int main() { return " + "(".repeat(300) + "1" + ")".repeat(300) + "; }";
        CompileException e = assertThrows(CompileException.class, () -> parse(deep));
        assertEquals("parenthesized expression nested too deeply (the limit is 256 levels)", e.diagnostic().message());
        String blocks = "int main() { " + "{".repeat(1000) + "}".repeat(1000) + " }";
        assertEquals("block nested too deeply (the limit is 256 levels)",
                assertThrows(CompileException.class, () -> parse(blocks)).diagnostic().message());
        String ok = "int main() { return " + "(".repeat(150) + "1" + ")".repeat(150) + "; }";
        parse(ok);
    }

    /** Long flat code is not nesting: chains are read in loops, into the same trees as before. */
    @Test
    void chainsAreNotNesting() {
        Expr sum = expr("1" + " + 1".repeat(4999));
        int terms = 1;
        while (sum instanceof Expr.Binary b) {
            assertInstanceOf(Expr.IntLit.class, b.right());
            sum = b.left();
            terms++;
        }
        assertEquals(5000, terms, "a left-deep tree with every term");
        assertEquals("((((a * b) / c) - d) >= e)", show(expr("a * b / c - d >= e")));

        StringBuilder chain = new StringBuilder("int main() { if (a) x = 0;");
        for (int k = 1; k < 5000; k++) chain.append(" else if (a == ").append(k).append(") x = ").append(k).append(';');
        chain.append(" else x = -1; }");
        Stmt s = ((FunctionDecl) parse(chain.toString()).items().get(0)).body().body().get(0);
        int branches = 0;
        while (s instanceof Stmt.If i) {
            branches++;
            assertInstanceOf(Stmt.ExprStmt.class, i.then());
            s = i.otherwise();
        }
        assertEquals(5000, branches);
        assertInstanceOf(Stmt.ExprStmt.class, s, "the final else");
        Stmt.If dangling = (Stmt.If) ((FunctionDecl) parse("int main() { if (a) if (b) x = 1; else x = 2; }").items().get(0))
                .body().body().get(0);
        assertNull(dangling.otherwise(), "else binds to the nearest if");
        assertInstanceOf(Stmt.ExprStmt.class, ((Stmt.If) dangling.then()).otherwise());

        String loops = "int main() { " + "while (1) { ".repeat(200) + "}".repeat(200) + " }";
        parse(loops);
    }
}
