package tc.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.loom.Engines;
import tc.loom.engine.AttentionProbe;
import tc.loom.engine.Engine;
import tc.loom.engine.TransformerEngine;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;

/**
 * The debugger's run of one compiled program on one engine: stepping, running to a line or a
 * breakpoint, and the view the page draws after each request (source line, assembly row,
 * variables, the state matrix and what the last step changed and read).
 */
final class DebugSession {
    /** Reads listed per head at most; the page says how many more there were. */
    private static final int READS_SHOWN = 48;
    /** Changed cells listed at most. */
    private static final int CHANGES_SHOWN = 4000;

    private final CompiledProgram compiled;
    private final String engineName, profile;
    private Stepper stepper;
    private float[] before;           // the state before the last step, when it was a transformer's and kept
    private float[] kept;             // the buffer {@code before} reuses
    private AttentionProbe probe;

    DebugSession(CompiledProgram compiled, String engineName, String profile) {
        this.compiled = compiled;
        this.engineName = engineName;
        this.profile = profile;
        reset();
    }

    /** The engine and profile a page may name; a 400 {@link WebError} with the choices otherwise. */
    static Engine engine(String name, String profile) {
        try {
            return Engines.get(name, profile);
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest(e.getMessage());
        }
    }

    void reset() {
        Engine e = engine(engineName, profile);
        Program p = compiled.program();
        try {
            stepper = e instanceof TransformerEngine t ? new TransformerStepper(p, t) : new InterpStepper(p);
        } catch (IllegalArgumentException ex) {
            throw WebError.badRequest(ex.getMessage());
        }
        before = null;
    }

    /**
     * Runs up to {@code limit} steps, stopping early at {@code stopLine} (when the run enters it)
     * or at a breakpoint line, when the machine stops, or when {@code stop} says so (cancel, time limit).
     * Returns why it stopped.
     */
    String run(long limit, int stopLine, Set<Integer> breakpoints, StopSignal stop) { return run(limit, stopLine, breakpoints, stop, true); }

    /** {@link #run(long, int, Set, StopSignal)}, keeping the state before the last step only when {@code marks} (the view shows the matrix). */
    String run(long limit, int stopLine, Set<Integer> breakpoints, StopSignal stop, boolean marks) {
        int line = currentLine();
        for (long i = 0; i < limit; i++) {
            if (!stepper.running()) return stepper.status();
            if ((i & 1023) == 1023 && stop.reason() != null) return stop.reason();
            // copying the state costs about what a step does: keep it on short runs and the last step
            stepOnce(marks && (limit <= 5000 || i == limit - 1));
            int now = currentLine();
            if (now != line && now > 0 && (now == stopLine || breakpoints.contains(now)))
                return now == stopLine ? "reached line " + now : "breakpoint at line " + now;
            line = now;
        }
        return stepper.running() ? "paused after " + limit + " steps" : stepper.status();
    }

    /** One step; keeps the state before it when {@code keep} (the view marks what the last step changed). */
    private void stepOnce(boolean keep) {
        StateMatrix x = stepper.state();
        if (x != null && keep) {
            float[] data = x.data();
            if (kept == null || kept.length != data.length) kept = new float[data.length];
            System.arraycopy(data, 0, kept, 0, data.length);
            before = kept;
        } else {
            before = null;
        }
        stepper.step();
    }

    int currentLine() {
        int k = stepper.pc() - compiled.program().config().programStart();
        return compiled.program().debug().lineOf(k);
    }

    Stepper stepper() { return stepper; }

    /** What the page draws now. */
    Map<String, Object> view(String stopped) { return view(stopped, true); }

    /** What the page draws now; without the state matrix and attention unless {@code matrix}. */
    Map<String, Object> view(String stopped, boolean matrix) {
        Program p = compiled.program();
        MachineConfig c = p.config();
        int[] memory = stepper.memory();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", stepper.status());
        v.put("stopped", stopped);
        v.put("running", stepper.running());
        v.put("steps", stepper.steps());
        v.put("pc", stepper.pc());
        v.put("index", stepper.pc() - c.programStart());
        v.put("line", currentLine());
        v.put("retval", memory[p.debug().retvalIndex()]);
        v.put("outputs", stepper.outputs());
        v.put("variables", compiled.variables(memory));
        StateMatrix x = stepper.state();
        if (x != null && matrix) {
            v.put("matrix", matrix(x));
            v.put("attention", attention(x.layout()));
        }
        return v;
    }

    private Map<String, Object> matrix(StateMatrix x) {
        StateLayout layout = x.layout();
        float[] data = x.data();
        StringBuilder cells = new StringBuilder(data.length);
        for (float f : data) cells.append(level(f));
        List<Integer> changed = new ArrayList<>();
        int changes = 0;
        if (before != null)
            for (int i = 0; i < data.length; i++)
                if (Float.compare(data[i], before[i]) != 0 && changes++ < CHANGES_SHOWN) changed.add(i);
        List<Map<String, Object>> regions = new ArrayList<>();
        for (StateLayout.Rows r : layout.regions())
            regions.add(Map.of("name", r.region().key(), "first", r.first(), "count", r.count()));
        MachineConfig c = layout.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", layout.rows());
        m.put("columns", layout.columns());
        m.put("cells", cells.toString());
        m.put("changed", changed);
        m.put("changedTotal", changes);
        m.put("regions", regions);
        m.put("scratchpad", c.s());
        m.put("memoryStart", c.memoryStart());
        m.put("programStart", c.programStart());
        return m;
    }

    /** A cell's value as one character: '0' zero; a/b/c negative (small, about one, large); A/B/C positive. */
    static char level(float f) {
        if (f == 0f) return '0';
        float a = Math.abs(f);
        char ch = a < 0.5f ? 'a' : a < 1.5f ? 'b' : 'c';
        return f > 0 ? Character.toUpperCase(ch) : ch;
    }

    /** Which column each head read in the last step, computed from the state before it with the weights. */
    private List<Map<String, Object>> attention(StateLayout layout) {
        if (before == null || !(stepper instanceof TransformerStepper t)) return List.of();
        if (probe == null) probe = new AttentionProbe(t.engine().model(compiled.program().config()));
        StateMatrix x = new StateMatrix(layout);
        System.arraycopy(before, 0, x.data(), 0, before.length);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AttentionProbe.HeadReads h : probe.reads(x)) {
            // most columns of most heads read themselves (a value kept in place): listed as a count only
            List<AttentionProbe.Read> moves = h.reads().stream().filter(r -> r.source() != r.target()).toList();
            List<Map<String, Object>> reads = new ArrayList<>();
            for (AttentionProbe.Read r : moves.subList(0, Math.min(READS_SHOWN, moves.size())))
                reads.add(Map.of("source", r.source(), "target", r.target(), "tied", r.tied(),
                        "sourceName", compiled.columnName(r.source()), "targetName", compiled.columnName(r.target())));
            out.add(Map.of("layer", h.layer(), "head", h.head(), "reads", reads, "total", moves.size(),
                    "selfReads", h.reads().size() - moves.size()));
        }
        return out;
    }

    static List<Integer> ints(int[] a) { return Arrays.stream(a).boxed().toList(); }
}
