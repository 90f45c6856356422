package tc.loom.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tc.c.CFrontEnd;
import tc.ir.IrProgram;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * The whole pipeline from C source to a Loom ISA program:
 * source → tokens → AST → checked program → IR ({@link CFrontEnd}) → ISA program ({@link LoomBackend}).
 */
public final class Compiler {
    private Compiler() {}

    /** Front end only: the IR every back end consumes. */
    public static IrProgram toIr(SourceFile source, int wordBits) {
        return CFrontEnd.compile(source, wordBits);
    }

    /**
     * Compiles for {@code options.config()}, or for the first named configuration the program fits.
     *
     * @throws CompileException for any error in the program, with a positioned diagnostic
     */
    public static Program compile(SourceFile source, CompileOptions options) {
        IrProgram ir = toIr(source, options.wordBits());
        if (options.config() != null) return LoomBackend.compile(ir, options.config());
        List<MachineConfig> candidates = new ArrayList<>();
        for (MachineConfig c : MachineConfig.namedInOrder()) candidates.add(c.withWordBits(options.wordBits()));
        return firstFitting(candidates, c -> LoomBackend.compile(ir, c));
    }

    /**
     * {@code compile} for the first of {@code candidates} (non-empty) that does not end in a
     * {@link CapacityException}; any other error ends the search, and when nothing fits, the
     * last configuration's capacity error is thrown.
     */
    static Program firstFitting(List<MachineConfig> candidates, Function<MachineConfig, Program> compile) {
        CapacityException last = null;
        for (MachineConfig c : candidates) {
            try {
                return compile.apply(c);
            } catch (CapacityException e) {
                last = e;
            }
        }
        throw last;
    }
}
