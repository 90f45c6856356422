package tc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tc} tool: compile C for the Loom ISA, run programs, convert between file formats.
 * Exit codes: 0 success, 1 user error or program fault, 2 usage error.
 */
@Command(name = "tc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Tensor Computer: compile C to Loom's ISA and run it.",
        subcommands = {CompileCommand.class, RunCommand.class, RunStateCommand.class, VerifyCommand.class, AsmCommand.class, DisasmCommand.class,
                DemoCommand.class, BenchCommand.class, LearnCommand.class, SelfhostCommand.class, ServeCommand.class, ExportCommand.class, CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Run 'tc COMMAND --help' for the options of one command."})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error that shows the commands. */
    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code tc} with the given arguments, printing to {@code out}/{@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return commandLine(o, e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured picocli command tree writing to {@code out}/{@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Errors::onUsageError);
        cl.setExecutionExceptionHandler(Errors::onExecutionError);
        cl.setExitCodeExceptionMapper(t -> FAILURE);
        return cl;
    }
}
