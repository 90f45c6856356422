package tc.c.lower;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tc.c.check.CheckedProgram;
import tc.c.check.Checker;
import tc.c.parse.Parser;
import tc.ir.Word;
import tc.source.SourceFile;

/**
 * The C run-time library ({@code tc/c/prelude.c}): {@code __mul}, {@code __div}, {@code __mod}
 * written with shifts, additions and comparisons only. Its text names the word size through
 * placeholders, replaced per width before it is compiled like any other C.
 */
public final class Prelude {
    public static final String RESOURCE = "/tc/c/prelude.c";

    private Prelude() {}

    /** The library's source for N-bit words. */
    public static SourceFile source(int wordBits) {
        String text;
        try (InputStream in = Prelude.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long mask = (1L << wordBits) - 1;
        text = text.replaceAll("\\bWORD_BITS\\b", Integer.toString(wordBits))
                .replaceAll("\\bWORD_SIGN\\b", "0x" + Long.toHexString(Word.unsigned(Word.min(wordBits), wordBits) & mask).toUpperCase())
                .replaceAll("\\bWORD_MAX\\b", "0x" + Integer.toHexString(Word.max(wordBits)).toUpperCase());
        return new SourceFile("<prelude>", text);
    }

    /** The library parsed and checked for N-bit words. */
    public static CheckedProgram checked(int wordBits) {
        return Checker.checkRuntimeLibrary(Parser.parse(source(wordBits)), wordBits);
    }
}
