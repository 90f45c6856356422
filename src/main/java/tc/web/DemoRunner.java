package tc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.loom.engine.Engine;
import tc.loom.engine.TransformerEngine;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * Runs a demo to its end on an engine (by default the exact profile's fast transformer) and cuts
 * what it shows into frames for the page; the time and steps/s are measured around the steps alone.
 */
final class DemoRunner {
    private DemoRunner() {}

    static Map<String, Object> run(DemoCatalog.Demo demo, CompiledProgram compiled, Engine engine, long maxSteps, StopSignal stop) {
        Program program = compiled.program();
        Stepper s;
        try {
            s = engine instanceof TransformerEngine t ? new TransformerStepper(program, t) : new InterpStepper(program);
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest(e.getMessage());
        }
        long start = System.nanoTime();
        String stopped = null;
        while (s.running()) {
            if (s.steps() >= maxSteps) { stopped = "stopped at the step limit of a request (" + maxSteps + " steps)"; break; }
            if ((s.steps() & 1023) == 1023 && stop.reason() != null) { stopped = stop.reason(); break; }
            s.step();
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", demo.name());
        out.put("engine", engine.name());
        out.put("status", stopped != null ? stopped : s.status());
        out.put("steps", s.steps());
        out.put("seconds", seconds);
        out.put("stepsPerSecond", Math.round(s.steps() / seconds));
        int[] memory = s.memory();
        out.put("retval", memory[program.debug().retvalIndex()]);
        out.put("views", frames(demo, program, memory, s.outputs()));
        return out;
    }

    /** Each view's frames: lists of width·height values, with the characters to draw them by. */
    static List<Map<String, Object>> frames(DemoCatalog.Demo demo, Program program, int[] memory, List<Integer> outputs) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (DemoCatalog.View v : demo.views()) {
            List<Integer> values = v.source().equals("outputs") ? outputs : global(program, memory, v.source());
            int size = v.width() * v.height();
            List<List<Integer>> frames = new ArrayList<>();
            for (int f = 0; f + size <= values.size(); f += size) frames.add(List.copyOf(values.subList(f, f + size)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("width", v.width());
            m.put("height", v.height());
            m.put("chars", v.chars());
            m.put("titles", v.titles());
            m.put("frames", frames);
            views.add(m);
        }
        return views;
    }

    static List<Integer> global(Program program, int[] memory, String name) {
        Symbol s = symbol(program, name);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) values.add(memory[s.index() + i]);
        return values;
    }

    static Symbol symbol(Program program, String name) {
        return program.debug().symbols().stream().filter(x -> x.function() == null && x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo shows '" + name + "', which is no global of the program"));
    }
}
