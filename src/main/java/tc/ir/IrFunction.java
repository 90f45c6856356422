package tc.ir;

import java.util.List;
import tc.source.SourcePos;

/**
 * A function in IR form.
 *
 * @param name         source name ({@code main}, or a run-time helper such as {@code __mul})
 * @param params       parameters in order
 * @param locals       every other variable the body uses: block locals and temporaries
 * @param body         instructions; every path ends in a {@link Instr.Return}
 * @param returnsValue false for {@code void} functions
 * @param pos          position of the function's name in its definition
 */
public record IrFunction(String name, List<Var> params, List<Var> locals, List<Instr> body, boolean returnsValue, SourcePos pos) {
    public IrFunction {
        params = List.copyOf(params);
        locals = List.copyOf(locals);
        body = List.copyOf(body);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder((returnsValue ? "int " : "void ") + name + params + "\n");
        for (Var v : locals) sb.append("  local ").append(v.describe()).append('\n');
        for (Instr i : body) sb.append(i instanceof Instr.Label ? "" : "    ").append(i).append('\n');
        return sb.toString();
    }
}
