package tc.c;

import tc.c.check.CheckedProgram;
import tc.c.check.Checker;
import tc.c.lower.Lowerer;
import tc.c.lower.Prelude;
import tc.c.parse.Parser;
import tc.ir.IrProgram;
import tc.source.CompileException;
import tc.source.SourceFile;

/** The C front end: lexing, parsing, semantic checks and lowering to IR. */
public final class CFrontEnd {
    private CFrontEnd() {}

    /**
     * Compiles a C program to IR, with the run-time library ({@code __mul}, {@code __div},
     * {@code __mod}) appended after the user's functions.
     *
     * @param wordBits N, the width of {@code int}: 8 or 16 (Loom), or 32 (the Tensor Computer back end)
     * @throws CompileException for any error in the program (the first one found)
     * @throws IllegalArgumentException for a word width other than 8, 16 or 32
     */
    public static IrProgram compile(SourceFile source, int wordBits) {
        if (wordBits != 8 && wordBits != 16 && wordBits != 32)
            throw new IllegalArgumentException("word bits must be 8, 16 or 32, got " + wordBits);
        CheckedProgram user = Checker.check(Parser.parse(source), wordBits);
        return Lowerer.lower(user, Prelude.checked(wordBits));
    }
}
