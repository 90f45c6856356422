package tc.c.lex;

/** The kinds of token the C subset has; {@link #spelling()} is how diagnostics quote them. */
public enum TokenKind {
    INT_LIT("integer literal"), CHAR_LIT("character literal"), STRING_LIT("string literal"), IDENT("identifier"),
    INT("int"), VOID("void"), CONST("const"), STATIC("static"), SIZEOF("sizeof"), IF("if"), ELSE("else"), WHILE("while"), DO("do"), FOR("for"),
    RETURN("return"), SWITCH("switch"), CASE("case"), DEFAULT("default"), BREAK("break"), CONTINUE("continue"),
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"),
    SEMI(";"), COMMA(","), QUESTION("?"), COLON(":"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), AMP("&"), PIPE("|"), CARET("^"),
    TILDE("~"), BANG("!"), LT("<"), GT(">"), LE("<="), GE(">="), EQ("=="), NE("!="),
    ANDAND("&&"), OROR("||"), SHL("<<"), SHR(">>"),
    ASSIGN("="), PLUS_ASSIGN("+="), MINUS_ASSIGN("-="), STAR_ASSIGN("*="), SLASH_ASSIGN("/="),
    PERCENT_ASSIGN("%="), AMP_ASSIGN("&="), PIPE_ASSIGN("|="), CARET_ASSIGN("^="),
    SHL_ASSIGN("<<="), SHR_ASSIGN(">>="), INC("++"), DEC("--"),
    EOF("end of file");

    private final String spelling;

    TokenKind(String spelling) { this.spelling = spelling; }

    public String spelling() { return spelling; }

    /** True for the keywords, whose spelling is their text. */
    public boolean isKeyword() { return ordinal() >= INT.ordinal() && ordinal() <= CONTINUE.ordinal(); }
}
