package tc.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tc.loom.engine.Engine;
import tc.loom.engine.Fault;
import tc.loom.engine.RunResult;
import tc.loom.io.ProgramJson;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/** The Loom target's side of {@code tc run}'s summary: a {@link RunResult} read through the program's debug info. */
final class LoomRun {
    private LoomRun() {}

    static RunSummary summary(Program program, RunResult result, Engine engine) {
        int ret = program.debug().retvalIndex();
        Integer retval = ret >= 0 && ret < program.config().m() ? result.cell(ret) : null;
        RunSummary.Status status = switch (result.status()) {
            case HALTED -> RunSummary.Status.HALTED;
            case STEP_LIMIT -> RunSummary.Status.STEP_LIMIT;
            case FAULT -> RunSummary.Status.FAULT;
        };
        Fault f = result.fault();
        RunSummary.Fault fault = f == null ? null : new RunSummary.Fault(f.kind().name().toLowerCase(Locale.ROOT), f.message(), f.pc(), f.step(),
                program.debug().lineOf(f.pc() - program.config().programStart()));
        MachineConfig c = program.config();
        return new RunSummary(retval, result.steps(), status, result.pc(), result.outputs(), variables(program, result),
                fault, engine.name(), c.name(), ProgramJson.configFields(c), engine.approximate());
    }

    /** Globals and main's locals, in memory order; arrays as int[]. Names shared by two cells get "function." prefixes. */
    static Map<String, Object> variables(Program program, RunResult result) {
        List<Symbol> visible = program.debug().symbols().stream().filter(Symbol::isUserVisible).toList();
        Map<String, Long> counts = visible.stream().collect(Collectors.groupingBy(Symbol::name, Collectors.counting()));
        Map<String, Object> vars = new LinkedHashMap<>();
        int[] mem = result.memory();
        for (Symbol s : visible) {
            if (s.index() < 0 || s.index() + s.size() > mem.length) continue;
            String key = counts.get(s.name()) > 1 && s.function() != null ? s.function() + "." + s.name() : s.name();
            if (s.isArray()) {
                int[] cells = new int[s.size()];
                System.arraycopy(mem, s.index(), cells, 0, s.size());
                vars.put(key, cells);
            } else {
                vars.put(key, mem[s.index()]);
            }
        }
        return vars;
    }
}
