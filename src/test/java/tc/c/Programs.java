package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.source.CompileException;
import tc.source.Diagnostic;
import tc.source.SourceFile;

/** Shared helpers: compile a snippet, run it on the IR interpreter, or expect a diagnostic. */
public final class Programs {
    private Programs() {}

    public static IrProgram compile(String src, int bits) {
        return CFrontEnd.compile(new SourceFile("test.c", src), bits);
    }

    public static IrInterpreter.Result run(String src, int bits) {
        IrInterpreter.Result r = IrInterpreter.run(compile(src, bits), 5_000_000);
        assertEquals(IrInterpreter.Status.RETURNED, r.status(), "run of:\n" + src);
        return r;
    }

    public static Diagnostic error(String src, int bits) {
        return assertThrows(CompileException.class, () -> compile(src, bits), "expected an error for:\n" + src).diagnostic();
    }
}
