package tc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.source.JsonTree.Arr;
import tc.source.JsonTree.Num;
import tc.source.JsonTree.Obj;
import tc.source.JsonTree.Str;

/** JSON syntax errors say what is wrong in our words, at the offending character. */
class JsonTreeTest {
    private static final List<String> LIBRARY_WORDS = List.of("Jackson", "com.fasterxml", "Feature", "JsonParseException",
            "JsonEOFException", "Source:", "code 1", "code 4", "code 9", "REDACTED", "ALLOW_", "marker");

    private static String error(String json) {
        CompileException e = assertThrows(CompileException.class, () -> JsonTree.parse(new SourceFile("f.json", json)));
        return e.diagnostic().header();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"a": 1,}`                 | 1:8  | trailing comma before '}'
            `[1, 2,\n]`                 | 1:6  | trailing comma before ']'
            `{"a": }`                   | 1:7  | expected a value, found '}'
            `{"a": x}`                  | 1:7  | expected a value, found 'x'
            `{"a": tru}`                | 1:7  | expected a value, found 'tru'
            `{"a": "abc`                | 1:7  | unterminated string
            `{"a": "ab\ncd"}`           | 1:7  | unterminated string
            `{"a": 1 "b": 2}`           | 1:9  | expected ',' or '}' after the value of "a", found '"'
            `[1 2]`                     | 1:4  | expected ',' or ']' after an array item, found '2'
            `{"a": 1]`                  | 1:8  | expected ',' or '}' after the value of "a", found ']'
            `{"a"`                      | 1:5  | file ends inside an object (the one opened at 1:1)
            `{\n "a": [1,\n 2`          | 3:3  | file ends inside an array (the one opened at 2:7)
            `{"a":`                     | 1:6  | file ends inside an object
            `{a: 1}`                    | 1:2  | expected a field name in double quotes, found 'a'
            `{"a" 1}`                   | 1:6  | expected ':' after the field name "a", found '1'
            `{"a": 0x10}`               | 1:7  | malformed number '0x10'
            `{"a": 01}`                 | 1:7  | malformed number '01'
            `{"a": -}`                  | 1:7  | malformed number '-'
            `{"a": 1.}`                 | 1:7  | malformed number '1.'
            `{"a": +1}`                 | 1:7  | malformed number '+1'
            `{"a": NaN}`                | 1:7  | JSON has no NaN
            `{'a': 1}`                  | 1:2  | expected a field name in double quotes, found '''
            `[,1]`                      | 1:2  | expected a value before ','
            `{"a": "\\q"}`              | 1:8  | unknown escape '\\q' in a string
            `{"a": "\\u12"}`            | 1:8  | '\\u' needs four hex digits
            `/* c */ {}`                | 1:1  | expected a value, found '/'
            `{"a": 1} x`                | 1:10 | unexpected content after the JSON value
            """)
    void syntaxErrorsAreNamedAtTheirCharacter(String json, String at, String message) {
        String header = error(json.replace("\\n", "\n"));
        assertTrue(header.startsWith("f.json:" + at + ": error: "), header + " should be at " + at);
        assertTrue(header.contains(message), header + " should say: " + message);
        for (String word : LIBRARY_WORDS) assertFalse(header.contains(word), header + " names the JSON library: " + word);
    }

    @Test void controlCharactersAreNamedNotPrinted() {
        assertTrue(error("{\"a\": \"x\ty\"}").contains("control character a tab in a string"), error("{\"a\": \"x\ty\"}"));
        assertTrue(error("[1]\u0001").contains("unexpected content"), error("[1]\u0001"));
        assertTrue(error("[\u0001]").contains("expected a value, found U+0001"), error("[\u0001]"));
    }

    @Test void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertTrue(error(deep).contains("nested deeper than 1000 levels"), error(deep));
    }

    @Test void valuesKeepTheirPositionsAndExactness() {
        var root = (Obj) JsonTree.parse(new SourceFile("f.json", "\uFEFF{\"s\": \"a\\\"\\u00e9\\n\",\n \"n\": [-0, 12345678901234567890, 1.5e2, 9007199254740993]}"));
        assertEquals("a\"é\n", ((Str) root.fields().get("s")).value());
        List<JsonTree.Node> n = ((Arr) root.fields().get("n")).items();
        assertEquals(new SourcePos(2, 8), n.get(0).pos());
        assertEquals(0L, ((Num) n.get(0)).exact());
        assertEquals(null, ((Num) n.get(1)).exact(), "beyond a long: a double only");
        assertEquals(1.2345678901234567e19, ((Num) n.get(1)).value());
        assertEquals(150.0, ((Num) n.get(2)).value());
        assertEquals(null, ((Num) n.get(2)).exact(), "written with an exponent: not an integer literal");
        assertEquals(9007199254740993L, ((Num) n.get(3)).exact());
    }

    @Test void aSecondTopLevelValueIsUnexpectedContent() {
        // Jackson reads a stream of top-level values; a file holds exactly one.
        assertTrue(error("{}\n {}").startsWith("f.json:2:2: error: unexpected content after the JSON value"), error("{}\n {}"));
    }

    @Test void overlongNumbersAreRefusedByName() {
        String json = "[" + "1".repeat(1001) + "]";
        assertTrue(error(json).startsWith("f.json:1:2: error: malformed JSON: number longer than 1000 characters"), error(json));
    }

    @Test void aMultiMegabyteOneLineFileIsReadWithPositions() {
        // Loom state files are several megabytes on one line: positions must not be counted from the start each time.
        StringBuilder sb = new StringBuilder("[");
        int n = 0;
        while (sb.length() < 10_000_000) sb.append(n++).append(',');
        sb.append("\"end\"]");
        Arr arr = (Arr) JsonTree.parse(new SourceFile("big.json", sb.toString()));
        assertEquals(n + 1, arr.items().size());
        assertEquals(new SourcePos(1, sb.length() - 5), arr.items().get(n).pos());
        assertEquals(12345L, ((Num) arr.items().get(12345)).exact());
    }

    @Test void duplicateFieldsAreNamed() {
        assertTrue(error("{\"a\": 1,\n \"a\": 2}").startsWith("f.json:2:2: error: duplicate field \"a\""), error("{\"a\": 1,\n \"a\": 2}"));
    }
}
