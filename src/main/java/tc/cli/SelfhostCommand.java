package tc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tc.computer.selfhost.MachineRun;
import tc.computer.selfhost.SelfHost;
import tc.computer.selfhost.Stages;

/**
 * {@code tc selfhost}: the three stages of the self-hosting compiler (docs/selfhost.md), each
 * machine stage with a progress bar counting the characters of selfhost.c it has read; prints
 * each stage's steps and wall time, then whether image 2 and image 3 are identical. Exit code 1
 * when a stage fails or the images differ.
 */
@Command(name = "selfhost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bootstrap the self-hosted C compiler (selfhost.c) on the seed machine and compare its generations.",
                "Stage 1: tc compiles selfhost.c. Stage 2: stage 1, running on the seed machine, compiles selfhost.c "
                        + "(given on the console) to image 2. Stage 3: image 2, running on the machine, compiles selfhost.c "
                        + "again to image 3. Exit code 0 when image 2 and image 3 are identical, byte for byte."},
        footer = {"", "Examples:",
                "  tc selfhost",
                "  tc selfhost --save out/        also writes out/image2.s and out/image3.s",
                "  tc selfhost --compile fact.c   compiles fact.c on the machine with the self-hosted compiler and runs it",
                "  tc selfhost --compile fact.c --engine soft -o fact.s"})
final class SelfhostCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--save", paramLabel = "DIR", description = "Write image2.s and image3.s (the programs stages 2 and 3 wrote) into DIR.")
    Path save;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "2000000000",
            description = "Step limit of each machine stage (default 2,000,000,000; about 58 and 109 million are needed).")
    long maxSteps;

    @Option(names = "--compile", paramLabel = "FILE.c",
            description = "Instead of the stages: compile FILE.c on the seed machine with the self-hosted compiler (stage 1), then run the program it wrote.")
    Path compile;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "interp",
            description = "With --compile: run the program on interp (the discrete seed machine, default) or soft (the soft seed machine at --tau).")
    String engine;

    @Option(names = "--tau", paramLabel = "T", defaultValue = "0.001", description = "With --engine soft: the temperature (default 0.001).")
    double tau;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.s", description = "With --compile: also write the program (assembly) to OUT.s.")
    Path output;

    @Override public Integer call() throws Exception {
        if (maxSteps <= 0) throw new ParameterException(spec.commandLine(), "--max-steps must be positive, got " + maxSteps);
        if (compile != null) return compileAndRun();
        if (output != null || !engine.equals("interp")) throw new ParameterException(spec.commandLine(), "-o and --engine apply only to --compile");
        if (save != null) AtomicFiles.requireDirectory(save, "--save");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long sourceLength = SelfHost.source().length();
        boolean terminal = ProgressBar.stderrIsTerminal();
        ProgressBar[] bar = new ProgressBar[1];   // the running stage's; a new stage finishes the last one's
        int[] shown = {0};
        Stages.Result r = Stages.run(maxSteps, (stage, read) -> {
            if (shown[0] != stage) {
                if (bar[0] != null) bar[0].finish();
                bar[0] = new ProgressBar(err, "stage " + stage, sourceLength, "characters", terminal);
                shown[0] = stage;
            }
            bar[0].accept(read);
        });
        if (bar[0] != null) bar[0].finish();

        out.println(String.format(Locale.ROOT, "stage 1: tc compiled selfhost.c (%,d characters) to %,d instructions, %,d virtual words, in %.2f s",
                sourceLength, r.stage1().program().code().size(), r.stage1().program().spec().memoryWords(), r.stage1Nanos() / 1e9));
        boolean ok = report(out, 2, "stage 1", r.stage2());
        if (ok) ok = report(out, 3, "image 2", r.stage3());
        if (save != null) {
            AtomicFiles.write(save.resolve("image2.s"), r.image2());
            if (r.image3() != null) AtomicFiles.write(save.resolve("image3.s"), r.image3());
        }
        if (!ok) {
            out.flush();
            return Main.FAILURE;
        }
        int at = r.firstDifference();
        if (at < 0) out.println(String.format(Locale.ROOT, "image 2 and image 3 are identical (%,d bytes)", r.image2().length()));
        else {
            int line = 1;
            for (int i = 0; i < at; i++) if (r.image2().charAt(i) == '\n') line++;
            out.println(String.format(Locale.ROOT, "image 2 and image 3 differ: first at byte %,d (line %,d); %,d and %,d bytes",
                    at, line, r.image2().length(), r.image3().length()));
        }
        out.flush();
        return at < 0 ? Main.OK : Main.FAILURE;
    }

    /** --compile: the self-hosted compiler on the machine, then the program it wrote. */
    private int compileAndRun() throws java.io.IOException {
        if (!engine.equals("interp") && !engine.equals("soft"))
            throw new ParameterException(spec.commandLine(), "--engine must be interp or soft, got '" + engine + "'");
        if (!(tau > 0 && tau <= 1)) throw new ParameterException(spec.commandLine(), "--tau must be in (0, 1], got " + tau);
        if (save != null) throw new ParameterException(spec.commandLine(), "--save applies to the stages, not to --compile");
        PrintWriter out = spec.commandLine().getOut();
        String source = SourceFiles.read(compile).text();
        MachineRun compiled = SelfHost.compileOnMachine(SelfHost.stage1().program(), source, maxSteps);
        if (!compiled.succeeded()) {
            // the compiler's own message, with the file's name in front, as one error line
            String why = compiled.halted() ? compiled.console().strip()
                    : compiled.fault() != null ? "device fault: " + compiled.fault().message() : "stopped at the step limit";
            var m = java.util.regex.Pattern.compile("error: line (\\d+): (.*)").matcher(why);
            throw new UserError(m.matches() ? compile + ":" + m.group(1) + ": " + m.group(2) : compile + ": " + why);
        }
        if (output != null) AtomicFiles.write(output, compiled.console());
        out.println(String.format(Locale.ROOT, "compiled %s on the seed machine: %,d steps, %.2f s, %,d bytes of assembly",
                compile, compiled.steps(), compiled.nanos() / 1e9, compiled.console().length()));
        var program = SelfHost.assemble(compile.getFileName() + ".s", compiled.console());
        if (engine.equals("soft")) {
            var state = SelfHost.runSoft(program, tau, maxSteps);
            out.println(String.format(Locale.ROOT, "soft seed machine (tau %s): %s after %,d steps, retval = %d, outputs = %s",
                    tau, state.halted() ? "halted" : "stopped at the step limit", state.steps(), state.registers()[0], state.outputs()));
            out.flush();
            return state.halted() ? Main.OK : Main.FAILURE;
        }
        MachineRun run = SelfHost.run(program, "", maxSteps);
        if (!run.console().isEmpty()) out.print(run.console().endsWith("\n") ? run.console() : run.console() + "\n");
        String status = run.fault() != null ? "device fault: " + run.fault().message() : run.halted() ? "halted" : "stopped at the step limit";
        out.println(String.format(Locale.ROOT, "seed machine: %s after %,d steps, retval = %d, outputs = %s", status, run.steps(),
                run.exitStatus(), run.state().outputs()));
        out.flush();
        return run.halted() ? Main.OK : Main.FAILURE;
    }

    /** One machine stage's line; false (after saying why) when it did not write a program. */
    private static boolean report(PrintWriter out, int stage, String compiler, MachineRun run) {
        String head = String.format(Locale.ROOT, "stage %d: %s on the seed machine compiled selfhost.c: %,d steps, %.2f s", stage, compiler,
                run.steps(), run.nanos() / 1e9);
        if (run.succeeded()) {
            out.println(head + String.format(Locale.ROOT, ", image %d: %,d bytes", stage, run.console().length()));
            return true;
        }
        String why = run.fault() != null ? "device fault: " + run.fault().message()
                : !run.halted() ? "stopped at the step limit" : "exit status " + run.exitStatus() + ": " + run.console().strip();
        out.println(head + "; failed (" + why + ")");
        return false;
    }
}
