package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tc run-state}: executes a Loom {@code <name>_state.json}, with an info file named explicitly or found beside it. */
@Command(name = "run-state", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Loom state file and print its result (like 'tc run').",
                "The info file (variable names, source lines, m) is --info, or <name>_info.json beside "
                        + "the state file when present. retval is memory cell 7, where Loom's compiler puts it. "
                        + "Exit code 1 when the program faults or reaches the step limit.",
                "--profile alone runs the fast transformer engine (a state file is the transformer's own input); "
                        + "without --engine and --profile the interpreter runs it."},
        footer = {"", "Examples:",
                "  tc run-state ../shared/loom-ref/programs/gcd_state.json",
                "  tc run-state fib_state.json --info other/fib_info.json --json",
                "  tc run-state fib_state.json --engine sparse --profile loom-v1",
                "  tc run-state fib_state.json --profile loom-v1   (the same)"})
final class RunStateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE_state.json", description = "A Loom initial state (a JSON object with a \"state\" matrix).")
    Path file;

    @Option(names = "--info", paramLabel = "FILE_info.json",
            description = "The state's info file (default: <name>_info.json beside FILE, if present).")
    Path info;

    @Mixin RunFlags flags;

    @Override public Integer call() throws Exception {
        return flags.run(() -> ProgramLoader.loadState(file, info), RunFlags.Input.LOOM_STATE);
    }
}
