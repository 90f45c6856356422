package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.lex.Lexer;
import tc.c.lex.Token;
import tc.c.lex.TokenKind;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

class LexerTest {
    private static List<Token> lex(String s) { return Lexer.tokenize(new SourceFile("t.c", s)); }

    private static List<TokenKind> kinds(String s) { return lex(s).stream().map(Token::kind).toList(); }

    @Test
    void operatorsUseMaximalMunch() {
        assertEquals(List.of(TokenKind.SHL_ASSIGN, TokenKind.SHR, TokenKind.INC, TokenKind.PLUS, TokenKind.ANDAND,
                TokenKind.AMP, TokenKind.LE, TokenKind.EQ, TokenKind.ASSIGN, TokenKind.EOF), kinds("<<= >> +++ &&& <= === "));
    }

    @Test
    void keywordsAndIdentifiers() {
        assertEquals(List.of(TokenKind.INT, TokenKind.IDENT, TokenKind.DO, TokenKind.IDENT, TokenKind.CONTINUE, TokenKind.EOF),
                kinds("int integer do do_ continue"));
        assertEquals(List.of(TokenKind.SWITCH, TokenKind.CASE, TokenKind.DEFAULT, TokenKind.IDENT, TokenKind.EOF),
                kinds("switch case default defaults"));
        assertEquals(List.of(TokenKind.STATIC, TokenKind.CONST, TokenKind.SIZEOF, TokenKind.IDENT, TokenKind.EOF),
                kinds("static const sizeof statics"));
    }

    @Test
    void literalsCarryTheirValues() {
        List<Token> t = lex("42 0x7f 0XFF 'a' '\\n' '\\0' '\\\\' '\\'' '\"' '\\t'");
        assertEquals(42, t.get(0).value());
        assertEquals(127, t.get(1).value());
        assertTrue(t.get(1).isHex());
        assertEquals(255, t.get(2).value());
        assertEquals(List.of(97L, 10L, 0L, 92L, 39L, 34L, 9L), t.subList(3, 10).stream().map(Token::value).toList());
        assertEquals(Long.MAX_VALUE, lex("99999999999999999999999").get(0).value(), "huge literals saturate");
    }

    @Test
    void hexOctalAndOtherEscapes() {
        List<Token> t = lex("'\\x41' '\\x0' '\\xfF' '\\101' '\\12' '\\377' '\\a' '\\b' '\\f' '\\v' '\\?' '\\r'");
        assertEquals(List.of(65L, 0L, 255L, 65L, 10L, 255L, 7L, 8L, 12L, 11L, 63L, 13L),
                t.subList(0, 12).stream().map(Token::value).toList());
        assertTrue(t.stream().limit(12).allMatch(k -> k.kind() == TokenKind.CHAR_LIT));
    }

    @Test
    void charIsASynonymOfInt() {
        List<Token> t = lex("char c;");
        assertEquals(TokenKind.INT, t.get(0).kind());
        assertEquals("char", t.get(0).text(), "diagnostics quote what was written");
        assertEquals("'char'", t.get(0).describe());
    }

    @Test
    void positionsAreLineAndColumnAfterComments() {
        List<Token> t = lex("int /* a\n b */ x; // c\n  y");
        assertEquals(new SourcePos(1, 1), t.get(0).pos());
        assertEquals(new SourcePos(2, 7), t.get(1).pos());
        assertEquals(new SourcePos(2, 8), t.get(2).pos());
        assertEquals(new SourcePos(3, 3), t.get(3).pos());
        assertEquals(new SourcePos(3, 4), t.get(4).pos());
        assertEquals(TokenKind.EOF, t.get(4).kind());
    }

    private static void fails(String src, String message, int line, int col) {
        CompileException e = assertThrows(CompileException.class, () -> lex(src));
        assertEquals(message, e.diagnostic().message());
        assertEquals(new SourcePos(line, col), e.diagnostic().pos());
    }

    @Test
    void lexicalErrors() {
        fails("int x;\n  @", "unexpected character '@'", 2, 3);
        fails("x /* open\n\n", "unterminated comment", 1, 3);
        fails("#include <stdio.h>", "preprocessor directives are not supported", 1, 1);
        fails("x = \"hi;", "unterminated string literal", 1, 5);
        fails("x = \"a\\q\";", "unknown escape sequence '\\q'", 1, 7);
        fails("x = 'ab';", "character literal holds more than one character", 1, 5);
        fails("x = '\\nn';", "character literal holds more than one character", 1, 5);
        fails("x = 'a;\ny = 'b';", "unterminated character literal", 1, 5);
        fails("x = 'a", "unterminated character literal", 1, 5);
        fails("x = '\\q';", "unknown escape sequence '\\q'", 1, 6);
        fails("x = '\\x';", "\\x used with no following hex digits", 1, 6);
        fails("x = '\\xg';", "\\x used with no following hex digits", 1, 6);
        fails("x = '\\x100';", "hex escape sequence out of range (0x0..0xFF)", 1, 6);
        fails("x = '\\400';", "octal escape sequence out of range (\\0..\\377)", 1, 6);
        fails("x = '\\x41A';", "hex escape sequence out of range (0x0..0xFF)", 1, 6);
        fails("x = '\\1234';", "character literal holds more than one character", 1, 5);
        fails("x = '';", "empty character literal", 1, 5);
        fails("x = 12ab;", "invalid integer literal '12ab'", 1, 5);
        fails("x = 0x;", "invalid integer literal '0x'", 1, 5);
        fails("x = 017;", "octal literals are not supported: '017'", 1, 5);
        fails("  short c;", "'short' is not supported (the only type is int)", 1, 3);
        fails("x: goto x;", "'goto' is not supported (use loops with break and continue instead)", 1, 4);
        fails("extern int x;", "'extern' is not supported (the only storage class is static, the only qualifier const)", 1, 1);
        fails("struct s;", "'struct' is not supported (the only type is int)", 1, 1);
    }
}
