package tc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import tc.loom.Engines;
import tc.loom.backend.Compiler;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * {@code tc demo NAME}: compiles a bundled demo, runs it on the interpreter and then on the exact
 * fast transformer engine (or on one engine alone), checks the transformer's run against the
 * interpreter's and every run that finished against the results the demo states, and draws the
 * result. A transformer run cut short by {@code --max-steps} is a failure that says so.
 */
final class DemoRun {
    private final CommandLine cli;
    private final Demo demo;
    private final String engine;
    private final Long maxSteps;

    DemoRun(CommandLine cli, Demo demo, String engine, Long maxSteps) {
        this.cli = cli;
        this.demo = demo;
        this.engine = engine;
        this.maxSteps = maxSteps;
    }

    Integer call() {
        PrintWriter out = cli.getOut();
        Program program = Compiler.compile(demo.source(), demo.options());
        out.println("demo:    " + demo.name() + " - " + demo.description());
        out.println("config:  " + program.config() + ", " + program.size() + " instructions");
        List<String> wrong = new ArrayList<>();
        RunResult shown;
        if (engine != null) {
            shown = run(Engines.get(engine), program, demo.steps(), out, wrong);
        } else {
            RunResult ideal = run(Engines.get("interp"), program, null, out, wrong);
            RunResult tensor = run(Engines.get("fast"), program, ideal.steps(), out, wrong);
            if (tensor.status() == RunResult.Status.STEP_LIMIT && tensor.steps() < ideal.steps()) {
                out.flush();
                throw new UserError("stopped after " + tensor.steps() + " steps on the transformer; the interpreter needs " + ideal.steps());
            }
            List<String> differ = DemoCommand.differences(ideal, tensor);
            if (differ.isEmpty())
                out.println("check:   the transformer's run equals the interpreter's: " + ideal.status().name().toLowerCase(Locale.ROOT)
                        + " after " + ideal.steps() + " steps, all " + ideal.memory().length + " memory cells, " + ideal.outputs().size() + " outputs");
            else wrong.add("the transformer differs from the interpreter: " + String.join("; ", differ));
            shown = tensor;
        }
        out.println();
        for (DemoView view : demo.views()) for (String line : view.render(program, shown)) out.println(line);
        out.println();
        if (!wrong.isEmpty()) throw new UserError("DEMO RESULT WRONG: " + String.join("; ", wrong));
        out.println("result: correct");
        return Main.OK;
    }

    /** Runs {@code e} with a progress bar over {@code expectedSteps} (none when null), prints its summary and checks it. */
    private RunResult run(Engine e, Program program, Long expectedSteps, PrintWriter out, List<String> wrong) {
        EngineNames.warnIfApproximate(e, cli.getErr());
        RunOptions options = RunOptions.defaults();
        boolean cut = maxSteps != null && !e.name().equals("interp");
        if (cut) options = options.withMaxSteps(maxSteps);
        ProgressBar progress = expectedSteps == null ? null
                : new ProgressBar(cli.getErr(), "  " + e.name(), cut ? Math.min(maxSteps, expectedSteps) : expectedSteps, "steps", ProgressBar.stderrIsTerminal());
        if (progress != null) options = options.withTrace(event -> progress.accept(event.step()));
        long start = System.nanoTime();
        RunResult result = e.run(program, options);
        long nanos = System.nanoTime() - start;
        if (progress != null) progress.finish();
        out.println();
        out.println("engine:  " + e.name() + " - " + e.description());
        out.println("status:  " + result.status().name().toLowerCase(Locale.ROOT) + " after " + String.format(Locale.ROOT, "%,d", result.steps())
                + " steps (the demo states " + String.format(Locale.ROOT, "%,d", demo.steps()) + ")");
        out.println("time:    " + RunReport.speed(result.steps(), nanos));
        out.flush();
        if (cut && result.status() == RunResult.Status.STEP_LIMIT && engine != null)
            throw new UserError("stopped after " + result.steps() + " steps; the interpreter needs " + demo.steps());
        if (result.status() != RunResult.Status.STEP_LIMIT) wrong.addAll(problems(e.name(), program, result));
        return result;
    }

    /** How {@code r} contradicts what the demo states, in words. */
    List<String> problems(String engineName, Program program, RunResult r) {
        List<String> p = new ArrayList<>();
        if (!r.halted()) p.add(engineName + ": the run did not halt (" + r.status() + (r.fault() == null ? "" : " " + r.fault()) + ")");
        if (r.steps() != demo.steps()) p.add(engineName + ": " + r.steps() + " steps, the demo states " + demo.steps());
        if (demo.outputs() != null && !demo.outputs().equals(r.outputs()))
            p.add(engineName + ": the outputs differ from the stated ones");
        if (demo.retval() != null && r.cell(program.debug().retvalIndex()) != demo.retval())
            p.add(engineName + ": retval is " + r.cell(program.debug().retvalIndex()) + ", expected " + demo.retval());
        for (Demo.Expected x : demo.arrays()) {
            Symbol s = program.debug().symbols().stream().filter(y -> y.isUserVisible() && y.function() == null && y.name().equals(x.name()))
                    .findFirst().orElse(null);
            int[] want = x.values().stream().mapToInt(Integer::intValue).toArray();
            if (s == null) p.add(engineName + ": no global '" + x.name() + "'");
            else if (!Arrays.equals(want, Arrays.copyOfRange(r.memory(), s.index(), s.index() + s.size())))
                p.add(engineName + ": " + x.name() + " differs from the stated values");
        }
        return p;
    }
}
