package tc.computer.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import tc.computer.interp.TcEngine;
import tc.computer.interp.TcState;

/** Runs a compiled C program on an engine and reads its results through the symbol table. */
public final class TcRunner {
    private TcRunner() {}

    public static TcOutcome run(TcCompiled compiled, TcEngine engine, long maxSteps) {
        return outcome(compiled, engine.run(compiled.program(), maxSteps));
    }

    /** The outcome of a run of {@code compiled} that ended in state {@code s}. */
    public static TcOutcome outcome(TcCompiled compiled, TcState s) {
        TcOutcome.Status status = !s.halted() ? TcOutcome.Status.STEP_LIMIT
                : s.pc() == compiled.overflowSlot() ? TcOutcome.Status.STACK_OVERFLOW : TcOutcome.Status.HALTED;
        return new TcOutcome(status, s.register(0), s.outputs(), s.steps(), variables(compiled, s), s);
    }

    /** Globals and main's variables by name; a variable of main wins over a global it shadows, as in the Loom target's report. */
    static Map<String, Object> variables(TcCompiled compiled, TcState s) {
        Map<String, Object> vars = new LinkedHashMap<>();
        int[] mem = s.memory();
        var ordered = new java.util.ArrayList<>(compiled.symbols().stream().filter(x -> x.function() != null).toList());
        ordered.addAll(compiled.symbols().stream().filter(x -> x.function() == null).toList());
        for (TcSymbol sym : ordered) {
            if (vars.containsKey(sym.name())) continue;
            if (sym.inRegister()) vars.put(sym.name(), s.register(sym.register()));
            else if (sym.array()) {
                int[] cells = new int[sym.size()];
                for (int k = 0; k < cells.length; k++) cells[k] = mem[(sym.address() + k) & (mem.length - 1)];
                vars.put(sym.name(), cells);
            } else vars.put(sym.name(), mem[sym.address() & (mem.length - 1)]);
        }
        return vars;
    }
}
