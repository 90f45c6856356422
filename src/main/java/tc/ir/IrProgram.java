package tc.ir;

import java.util.List;
import java.util.Optional;
import tc.source.SourceFile;

/**
 * A whole program in IR form: the output of the C front end and the input of every back end.
 *
 * @param wordBits  N: width of {@code int}
 * @param globals   global variables with their initial contents
 * @param functions user functions, then the run-time helpers the front end adds ({@code __mul},
 *                  {@code __div}, {@code __mod}); back ends drop the ones nothing reaches
 * @param source    the user's source, for diagnostics raised by back ends
 */
public record IrProgram(int wordBits, List<Var> globals, List<IrFunction> functions, SourceFile source) {
    public IrProgram {
        globals = List.copyOf(globals);
        functions = List.copyOf(functions);
    }

    public Optional<IrFunction> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("; word bits " + wordBits + "\n");
        for (Var g : globals) sb.append("global ").append(g.describe()).append('\n');
        for (IrFunction f : functions) sb.append('\n').append(f);
        return sb.toString();
    }
}
