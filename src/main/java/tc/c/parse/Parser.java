package tc.c.parse;

import java.util.ArrayList;
import java.util.List;
import tc.c.ast.BinaryOperator;
import tc.c.ast.Expr;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Param;
import tc.c.ast.Stmt;
import tc.c.ast.TopLevel;
import tc.c.ast.TranslationUnit;
import tc.c.ast.UnaryOperator;
import tc.c.ast.VarDecl;
import tc.c.lex.Lexer;
import tc.c.lex.Token;
import tc.c.lex.TokenKind;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * Recursive-descent parser. Binary operators use precedence climbing.
 *
 * <p>Flat sequences cost no recursion: a chain of left-associative operators ({@code a+b+…+z})
 * is built in a loop, and so is an else-if chain, however long. Only real nesting recurses
 * (parentheses, operands of unary operators, right sides of assignments, conditionals, call
 * arguments, indices, blocks and statements inside statements), and it is capped at
 * {@link #MAX_DEPTH} so that the parser and every later recursive pass over the tree stay far
 * from the Java stack limit, whatever the input. The later passes walk left-associative chains
 * and else-if chains iteratively, since those are as deep as they are long.
 */
public final class Parser {
    /**
     * Deepest nesting accepted, counted in levels of the constructs listed above. A statement's
     * braced body is the same level as the statement, so 100 nested loops use about 100 levels.
     */
    public static final int MAX_DEPTH = 256;

    private final SourceFile file;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(SourceFile file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** Lexes and parses a whole file. */
    public static TranslationUnit parse(SourceFile file) {
        return new Parser(file, Lexer.tokenize(file)).translationUnit();
    }

    // ---- token helpers

    private Token peek() { return tokens.get(at); }

    private Token peek(int ahead) { return tokens.get(Math.min(at + ahead, tokens.size() - 1)); }

    private boolean check(TokenKind k) { return peek().kind() == k; }

    private Token advance() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) at++;
        return t;
    }

    private boolean match(TokenKind k) {
        if (!check(k)) return false;
        advance();
        return true;
    }

    private Token expect(TokenKind k, String context) {
        if (check(k)) return advance();
        throw error(peek().pos(), "expected '" + k.spelling() + "' " + context + ", found " + peek().describe());
    }

    private CompileException error(SourcePos pos, String message) { return new CompileException(file, pos, message); }

    /** One more level of real nesting; {@code what} names the construct for the diagnostic. */
    private void enter(SourcePos pos, String what) {
        if (++depth > MAX_DEPTH) throw error(pos, what + " nested too deeply (the limit is " + MAX_DEPTH + " levels)");
    }

    private void leave() { depth--; }

    // ---- top level

    private TranslationUnit translationUnit() {
        List<TopLevel> items = new ArrayList<>();
        while (!check(TokenKind.EOF)) topLevel(items);
        return new TranslationUnit(file, items, peek().pos());
    }

    /** The declaration specifiers read: the type token, and the qualifiers around it. */
    private record Specifiers(Token type, boolean constant, Token isStatic) {}

    /** Whether the current token can begin a declaration. */
    private boolean atDeclaration() {
        return check(TokenKind.INT) || check(TokenKind.VOID) || check(TokenKind.CONST) || check(TokenKind.STATIC);
    }

    /**
     * {@code const}, {@code static} and the type ({@code int}, its synonym {@code char}, or
     * {@code void}), in any order; the static token is null when absent.
     */
    private Specifiers specifiers() {
        Token type = null;
        Token isStatic = null;
        boolean constant = false;
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case CONST -> {
                    if (constant) throw error(t.pos(), "duplicate 'const'");
                    constant = true;
                }
                case STATIC -> {
                    if (isStatic != null) throw error(t.pos(), "duplicate 'static'");
                    isStatic = t;
                }
                case INT, VOID -> {
                    if (type != null) throw error(t.pos(), "two types in one declaration ('" + type.text() + "' and '" + t.text() + "')");
                    type = t;
                }
                default -> {
                    if (type == null) throw error(t.pos(), "expected a type ('int', 'char' or 'void'), found " + t.describe());
                    return new Specifiers(type, constant, isStatic);
                }
            }
            advance();
        }
    }

    private void topLevel(List<TopLevel> items) {
        if (!atDeclaration()) throw error(peek().pos(), "expected a declaration or function definition, found " + peek().describe());
        Specifiers spec = specifiers();
        Token type = spec.type();
        boolean pointer = stars(type);
        Token name = declaredName("(a name) after '" + type.text() + "'");
        if (check(TokenKind.LPAREN)) {
            items.add(function(type.kind() == TokenKind.VOID, name, pointer));
            return;
        }
        if (type.kind() == TokenKind.VOID) throw error(name.pos(), "variable '" + name.text() + "' declared void");
        items.add(declarator(name, spec, pointer));
        while (match(TokenKind.COMMA)) {
            boolean p = stars(type);
            items.add(declarator(declaredName("(a name) in declaration"), spec, p));
        }
        expect(TokenKind.SEMI, "after declaration");
    }

    /**
     * The name a declarator declares. {@code int (*f)(int)} is a function pointer, outside the
     * subset: name the feature rather than report a stray parenthesis.
     */
    private Token declaredName(String what) {
        if (check(TokenKind.LPAREN) && peek(1).kind() == TokenKind.STAR)
            throw error(peek().pos(), "function pointers are not supported (call functions by name)");
        return expect(TokenKind.IDENT, what);
    }

    /**
     * The stars of a declarator: none, or one ({@code int *p}, a pointer to int). Pointers to
     * pointers and {@code void *} are outside the subset.
     */
    private boolean stars(Token type) {
        if (!check(TokenKind.STAR)) return false;
        Token star = advance();
        if (type.kind() == TokenKind.VOID) throw error(star.pos(), "void pointers are not supported (only pointers to int)");
        if (check(TokenKind.STAR)) throw error(peek().pos(), "pointers to pointers are not supported (only pointers to int)");
        if (check(TokenKind.CONST)) throw error(peek().pos(), "const pointers ('* const') are not supported");
        return true;
    }

    private FunctionDecl function(boolean returnsVoid, Token name, boolean returnsPointer) {
        expect(TokenKind.LPAREN, "after function name");
        List<Param> params = new ArrayList<>();
        if (check(TokenKind.VOID) && peek(1).kind() == TokenKind.RPAREN) {
            advance();
        } else if (!check(TokenKind.RPAREN)) {
            do {
                Token t = peek();
                if (t.kind() == TokenKind.VOID) throw error(t.pos(), "parameters cannot be void");
                if (!atDeclaration()) throw error(t.pos(), "expected 'int' before parameter name, found " + t.describe());
                Specifiers spec = specifiers();
                Token type = spec.type();
                if (type.kind() == TokenKind.VOID) throw error(type.pos(), "parameters cannot be void");
                if (spec.isStatic() != null) throw error(spec.isStatic().pos(), "parameters cannot be static");
                boolean pointer = stars(type);
                Token p = declaredName("(a parameter name) after '" + type.text() + "'");
                if (check(TokenKind.LBRACKET)) {
                    // int a[] and int a[N] mean int *a: the caller's array is passed as its address.
                    Token open = advance();
                    if (pointer) throw error(open.pos(), "arrays of pointers are not supported");
                    if (!check(TokenKind.RBRACKET)) {
                        enter(open.pos(), "array parameter size");
                        expression();
                        leave();
                    }
                    expect(TokenKind.RBRACKET, "after array parameter");
                    if (check(TokenKind.LBRACKET)) {
                        throw error(peek().pos(), "two-dimensional array parameters are not supported (pass a pointer to the first element and index it as row * columns + column)");
                    }
                    pointer = true;
                }
                params.add(new Param(p.text(), p.pos(), spec.constant(), pointer));
            } while (match(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "after parameters");
        if (match(TokenKind.SEMI)) return new FunctionDecl(returnsVoid, name.text(), params, null, name.pos(), returnsPointer);
        if (!check(TokenKind.LBRACE)) throw error(peek().pos(), "expected '{' or ';' after function declarator, found " + peek().describe());
        return new FunctionDecl(returnsVoid, name.text(), params, block(), name.pos(), returnsPointer);
    }

    /** The part of a declaration after the name: optional brackets and initializer. */
    private VarDecl declarator(Token name, Specifiers spec, boolean pointer) {
        boolean array = false;
        Expr size = null, size2 = null;
        if (check(TokenKind.LBRACKET)) {
            if (pointer) throw error(peek().pos(), "arrays of pointers are not supported");
            array = true;
            advance();
            if (!check(TokenKind.RBRACKET)) size = expression();
            expect(TokenKind.RBRACKET, "after array size");
            if (check(TokenKind.LBRACKET)) {
                Token open = advance();
                if (size == null) throw error(open.pos(), "a two-dimensional array needs both sizes");
                if (check(TokenKind.RBRACKET)) throw error(peek().pos(), "a two-dimensional array needs both sizes");
                size2 = expression();
                expect(TokenKind.RBRACKET, "after array size");
                if (check(TokenKind.LBRACKET)) throw error(peek().pos(), "arrays of more than two dimensions are not supported");
            }
        }
        boolean constant = spec.constant();
        boolean isStatic = spec.isStatic() != null;
        if (!match(TokenKind.ASSIGN)) return new VarDecl(name.text(), name.pos(), array, size, null, null, null, constant, isStatic, pointer, size2);
        SourcePos initPos = peek().pos();
        if (match(TokenKind.LBRACE)) {
            List<Expr> elems = new ArrayList<>();
            while (!check(TokenKind.RBRACE)) {
                if (size2 != null && check(TokenKind.LBRACE)) {
                    // A row's braces: its elements are placed from the row's start, the rest of the row is 0.
                    Token row = advance();
                    List<Expr> items = new ArrayList<>();
                    while (!check(TokenKind.RBRACE)) {
                        items.add(assignment());
                        if (!match(TokenKind.COMMA)) break;
                    }
                    expect(TokenKind.RBRACE, "after a row's initializers");
                    elems.add(new Expr.Comma(items.isEmpty() ? List.of(new Expr.IntLit(0, false, "0", row.pos())) : items, row.pos()));
                } else {
                    elems.add(assignment());
                }
                if (!match(TokenKind.COMMA)) break;
            }
            expect(TokenKind.RBRACE, "after initializer list");
            return new VarDecl(name.text(), name.pos(), array, size, null, elems, initPos, constant, isStatic, pointer, size2);
        }
        return new VarDecl(name.text(), name.pos(), array, size, assignment(), null, initPos, constant, isStatic, pointer, size2);
    }

    // ---- statements

    private Stmt.Block block() {
        Token open = expect(TokenKind.LBRACE, "to open a block");
        enter(open.pos(), "block");
        Stmt.Block b = blockBody(open);
        leave();
        return b;
    }

    /** The statements of a block whose '{' has been consumed, through its '}'. */
    private Stmt.Block blockBody(Token open) {
        List<Stmt> body = new ArrayList<>();
        while (!check(TokenKind.RBRACE)) {
            if (check(TokenKind.EOF)) throw error(peek().pos(), "expected '}' before end of file");
            body.add(blockItem());
        }
        advance();
        return new Stmt.Block(body, open.pos());
    }

    /** The body of if/else/while/do/for: a braced body is the same nesting level as its statement. */
    private Stmt body() {
        if (check(TokenKind.LBRACE)) return blockBody(advance());
        return statement();
    }

    private Stmt blockItem() {
        if (atDeclaration()) return declaration(false);
        return statement();
    }

    /** A declaration in a block, or with {@code inFor} in a for-loop's header (where C allows no static). */
    private Stmt.Declaration declaration(boolean inFor) {
        SourcePos start = peek().pos();
        Specifiers spec = specifiers();
        if (inFor && spec.isStatic() != null) throw error(spec.isStatic().pos(), "a for-loop's declaration cannot be static");
        Token type = spec.type();
        boolean pointer = stars(type);
        Token name = declaredName("(a name) after '" + type.text() + "'");
        if (check(TokenKind.LPAREN)) throw error(name.pos(), "functions cannot be declared inside a function");
        if (type.kind() == TokenKind.VOID) throw error(name.pos(), "variable '" + name.text() + "' declared void");
        List<VarDecl> vars = new ArrayList<>();
        vars.add(declarator(name, spec, pointer));
        while (match(TokenKind.COMMA)) {
            boolean p = stars(type);
            vars.add(declarator(declaredName("(a name) in declaration"), spec, p));
        }
        expect(TokenKind.SEMI, "after declaration");
        return new Stmt.Declaration(vars, start);
    }

    private Stmt statement() {
        Token t = peek();
        switch (t.kind()) {
            case LBRACE: return block();
            case SEMI: advance(); return new Stmt.Empty(t.pos());
            case INT: case VOID: case CONST: case STATIC: throw error(t.pos(), "a declaration is not allowed here (wrap it in braces)");
            case BREAK: advance(); expect(TokenKind.SEMI, "after 'break'"); return new Stmt.Break(t.pos());
            case CONTINUE: advance(); expect(TokenKind.SEMI, "after 'continue'"); return new Stmt.Continue(t.pos());
            case RETURN: {
                advance();
                Expr value = check(TokenKind.SEMI) ? null : expression();
                expect(TokenKind.SEMI, "after return statement");
                return new Stmt.Return(value, t.pos());
            }
            case CASE: {
                advance();
                Expr value = conditional(); // a constant expression: no assignment, no comma
                expect(TokenKind.COLON, "after case value");
                return new Stmt.Case(value, t.pos());
            }
            case DEFAULT: advance(); expect(TokenKind.COLON, "after 'default'"); return new Stmt.Case(null, t.pos());
            case IF: case WHILE: case DO: case FOR: case SWITCH: {
                enter(t.pos(), "'" + t.text() + "' statement");
                Stmt s = compound(t);
                leave();
                return s;
            }
            case ELSE: throw error(t.pos(), "'else' without a matching 'if'");
            default: {
                Expr e = expression();
                expect(TokenKind.SEMI, "after expression");
                return new Stmt.ExprStmt(e, t.pos());
            }
        }
    }

    private Stmt compound(Token t) {
        advance();
        switch (t.kind()) {
            case SWITCH: {
                Expr selector = parenthesized("switch");
                if (!check(TokenKind.LBRACE)) throw error(peek().pos(), "expected '{' after 'switch (…)', found " + peek().describe());
                return new Stmt.Switch(selector, blockBody(advance()).body(), t.pos());
            }
            case IF: return ifChain(t);
            case WHILE: {
                Expr cond = parenthesized("while");
                return new Stmt.While(cond, body(), t.pos());
            }
            case DO: {
                Stmt body = body();
                expect(TokenKind.WHILE, "after do-while body");
                Expr cond = parenthesized("while");
                expect(TokenKind.SEMI, "after do-while statement");
                return new Stmt.DoWhile(body, cond, t.pos());
            }
            default: {
                expect(TokenKind.LPAREN, "after 'for'");
                Stmt init = null;
                if (atDeclaration()) {
                    init = declaration(true);
                } else if (!match(TokenKind.SEMI)) {
                    SourcePos p = peek().pos();
                    init = new Stmt.ExprStmt(expression(), p);
                    expect(TokenKind.SEMI, "after for-loop initializer");
                }
                Expr cond = check(TokenKind.SEMI) ? null : expression();
                expect(TokenKind.SEMI, "after for-loop condition");
                List<Expr> updates = new ArrayList<>();
                if (!check(TokenKind.RPAREN)) updates.add(expression());
                expect(TokenKind.RPAREN, "after for-loop header");
                return new Stmt.For(init, cond, updates, body(), t.pos());
            }
        }
    }

    /**
     * {@code if (…) … else if (…) … else …} from the first 'if' (already consumed) on. The
     * branches of an else-if chain are siblings to the reader, so they are read in a loop and
     * share one nesting level, however many there are.
     */
    private Stmt ifChain(Token first) {
        List<Token> ifs = new ArrayList<>();
        List<Expr> conds = new ArrayList<>();
        List<Stmt> thens = new ArrayList<>();
        Token t = first;
        Stmt last = null;
        while (true) {
            ifs.add(t);
            conds.add(parenthesized("if"));
            thens.add(body());
            if (!match(TokenKind.ELSE)) break;
            if (!check(TokenKind.IF)) {
                last = body();
                break;
            }
            t = advance();
        }
        for (int k = ifs.size() - 1; k >= 0; k--) last = new Stmt.If(conds.get(k), thens.get(k), last, ifs.get(k).pos());
        return last;
    }

    private Expr parenthesized(String keyword) {
        expect(TokenKind.LPAREN, "after '" + keyword + "'");
        Expr e = expression();
        expect(TokenKind.RPAREN, "after condition");
        return e;
    }

    // ---- expressions

    /** An expression: assignment expressions joined by the comma operator. */
    private Expr expression() {
        Expr first = assignment();
        if (!check(TokenKind.COMMA)) return first;
        SourcePos comma = peek().pos();
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (match(TokenKind.COMMA)) items.add(assignment());
        return new Expr.Comma(items, comma);
    }

    private Expr assignment() {
        Expr target = conditional();
        Token op = peek();
        BinaryOperator compound = switch (op.kind()) {
            case PLUS_ASSIGN -> BinaryOperator.ADD; case MINUS_ASSIGN -> BinaryOperator.SUB;
            case STAR_ASSIGN -> BinaryOperator.MUL; case SLASH_ASSIGN -> BinaryOperator.DIV;
            case PERCENT_ASSIGN -> BinaryOperator.MOD; case AMP_ASSIGN -> BinaryOperator.AND;
            case PIPE_ASSIGN -> BinaryOperator.OR; case CARET_ASSIGN -> BinaryOperator.XOR;
            case SHL_ASSIGN -> BinaryOperator.SHL; case SHR_ASSIGN -> BinaryOperator.SHR;
            default -> null;
        };
        if (compound == null && op.kind() != TokenKind.ASSIGN) return target;
        advance();
        enter(op.pos(), "assignment");
        Expr value = assignment();
        leave();
        return new Expr.Assign(compound, target, value, op.pos());
    }

    private Expr conditional() {
        Expr cond = binary(0);
        if (!check(TokenKind.QUESTION)) return cond;
        Token q = advance();
        enter(q.pos(), "conditional expression");
        Expr then = expression();
        expect(TokenKind.COLON, "in conditional expression");
        Expr otherwise = conditional();
        leave();
        return new Expr.Conditional(cond, then, otherwise, q.pos());
    }

    /** Binding strength of a binary operator token (higher binds tighter), or -1. */
    private static int precedence(TokenKind k) {
        return switch (k) {
            case OROR -> 0; case ANDAND -> 1; case PIPE -> 2; case CARET -> 3; case AMP -> 4;
            case EQ, NE -> 5; case LT, GT, LE, GE -> 6; case SHL, SHR -> 7;
            case PLUS, MINUS -> 8; case STAR, SLASH, PERCENT -> 9;
            default -> -1;
        };
    }

    private static BinaryOperator binaryOperator(TokenKind k) {
        return switch (k) {
            case OROR -> BinaryOperator.LOGICAL_OR; case ANDAND -> BinaryOperator.LOGICAL_AND;
            case PIPE -> BinaryOperator.OR; case CARET -> BinaryOperator.XOR; case AMP -> BinaryOperator.AND;
            case EQ -> BinaryOperator.EQ; case NE -> BinaryOperator.NE; case LT -> BinaryOperator.LT;
            case GT -> BinaryOperator.GT; case LE -> BinaryOperator.LE; case GE -> BinaryOperator.GE;
            case SHL -> BinaryOperator.SHL; case SHR -> BinaryOperator.SHR; case PLUS -> BinaryOperator.ADD;
            case MINUS -> BinaryOperator.SUB; case STAR -> BinaryOperator.MUL; case SLASH -> BinaryOperator.DIV;
            case PERCENT -> BinaryOperator.MOD;
            default -> throw new IllegalArgumentException(k.toString());
        };
    }

    /**
     * Left-associative operators of at least {@code minPrec}, in a loop: a chain of any length
     * costs no nesting. The recursion for a right operand goes at most one level per precedence
     * level before it reaches a construct that counts as nesting.
     */
    private Expr binary(int minPrec) {
        Expr left = unary();
        while (true) {
            Token op = peek();
            int prec = precedence(op.kind());
            if (prec < minPrec) break;
            advance();
            Expr right = binary(prec + 1);
            left = new Expr.Binary(binaryOperator(op.kind()), left, right, op.pos());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.kind() == TokenKind.SIZEOF) return sizeOf();
        if (t.kind() == TokenKind.STAR || t.kind() == TokenKind.AMP) {
            advance();
            enter(t.pos(), "unary operator '" + t.text() + "'");
            Expr operand = unary();
            leave();
            return t.kind() == TokenKind.STAR ? new Expr.Deref(operand, t.pos()) : new Expr.AddrOf(operand, t.pos());
        }
        UnaryOperator op = switch (t.kind()) {
            case MINUS -> UnaryOperator.NEG; case PLUS -> UnaryOperator.PLUS;
            case TILDE -> UnaryOperator.BIT_NOT; case BANG -> UnaryOperator.LOGICAL_NOT;
            default -> null;
        };
        if (op == null && t.kind() != TokenKind.INC && t.kind() != TokenKind.DEC) return postfix();
        advance();
        Token next = peek();
        if (op == UnaryOperator.NEG && next.kind() == TokenKind.INT_LIT && !next.isHex() && !followedByPostfix()) {
            // The minus belongs to a decimal literal, so -128 is in range at N = 8.
            advance();
            long v = next.value() == Long.MAX_VALUE ? Long.MIN_VALUE : -next.value();
            return new Expr.IntLit(v, false, "-" + next.text(), t.pos());
        }
        enter(t.pos(), "unary operator '" + t.text() + "'");
        Expr operand = unary();
        leave();
        if (op == null) return new Expr.IncDec(t.kind() == TokenKind.INC, true, operand, t.pos());
        return new Expr.Unary(op, operand, t.pos());
    }

    /**
     * {@code sizeof(type)} or {@code sizeof operand}: a parenthesised type name is told from a
     * parenthesised expression by its first token.
     */
    private Expr sizeOf() {
        Token keyword = advance();
        TokenKind next = peek(1).kind();
        if (check(TokenKind.LPAREN) && (next == TokenKind.INT || next == TokenKind.VOID || next == TokenKind.CONST || next == TokenKind.STATIC)) {
            advance();
            Specifiers spec = specifiers();
            if (spec.type().kind() == TokenKind.VOID && peek().kind() != TokenKind.STAR) throw error(spec.type().pos(), "sizeof applied to void");
            if (spec.isStatic() != null) throw error(spec.isStatic().pos(), "a type name cannot be static");
            stars(spec.type()); // sizeof(int *) is one word too
            expect(TokenKind.RPAREN, "after type name");
            return new Expr.SizeOf(null, keyword.pos());
        }
        enter(keyword.pos(), "'sizeof'");
        Expr operand = unary();
        leave();
        return new Expr.SizeOf(operand, keyword.pos());
    }

    /** True when the token after the current one is a postfix operator, which binds tighter than '-'. */
    private boolean followedByPostfix() {
        TokenKind k = peek(1).kind();
        return k == TokenKind.INC || k == TokenKind.DEC || k == TokenKind.LBRACKET || k == TokenKind.LPAREN;
    }

    private Expr postfix() {
        Expr e = primary();
        int levels = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.INC || t.kind() == TokenKind.DEC) {
                advance();
                enter(t.pos(), "postfix operator '" + t.text() + "'");
                levels++;
                e = new Expr.IncDec(t.kind() == TokenKind.INC, false, e, t.pos());
            } else if (t.kind() == TokenKind.LBRACKET) {
                advance();
                enter(t.pos(), "array index");
                Expr index = expression();
                leave();
                expect(TokenKind.RBRACKET, "after array index");
                e = e instanceof Expr.Name name ? new Expr.Index(name, index, name.pos()) : new Expr.Subscript(e, index, t.pos());
            } else if (t.kind() == TokenKind.LPAREN) {
                throw error(t.pos(), "only a named function can be called");
            } else {
                break;
            }
        }
        depth -= levels;
        return e;
    }

    private Expr primary() {
        Token t = advance();
        switch (t.kind()) {
            case INT_LIT: return new Expr.IntLit(t.value(), t.isHex(), t.text(), t.pos());
            case CHAR_LIT: return new Expr.IntLit(t.value(), false, t.text(), t.pos());
            case STRING_LIT: {
                // Adjacent literals are one, as in C: "ab" "cd" is "abcd".
                StringBuilder chars = new StringBuilder(t.text());
                while (check(TokenKind.STRING_LIT)) chars.append(advance().text());
                return new Expr.StringLit(chars.toString(), t.pos());
            }
            case IDENT: {
                if (!check(TokenKind.LPAREN)) return new Expr.Name(t.text(), t.pos());
                Token open = advance();
                enter(open.pos(), "function call");
                List<Expr> args = new ArrayList<>();
                if (!check(TokenKind.RPAREN)) {
                    do {
                        args.add(assignment());
                    } while (match(TokenKind.COMMA));
                }
                leave();
                expect(TokenKind.RPAREN, "after arguments");
                return new Expr.Call(t.text(), args, t.pos());
            }
            case LPAREN: {
                enter(t.pos(), "parenthesized expression");
                Expr e = expression();
                leave();
                expect(TokenKind.RPAREN, "after parenthesized expression");
                return e;
            }
            default:
                throw error(t.pos(), "expected an expression, found " + t.describe());
        }
    }
}
