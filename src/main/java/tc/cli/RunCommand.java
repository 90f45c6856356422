package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tc run}: executes a C source, program JSON, Loom state file or assembly file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a program and print its result.",
                "FILE.c is compiled first; FILE.json is a program file or a Loom <name>_state.json "
                        + "(its <name>_info.json beside it is read too); FILE.s is assembly. "
                        + "Exit code 1 when the program faults or reaches the step limit."},
        footer = {"", "Examples:",
                "  tc run fib.c",
                "  tc run fib.c --trace --max-steps 200",
                "  tc run ../shared/loom-ref/programs/gcd_state.json --json"})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "FILE.c, FILE.json or FILE.s")
    Path file;

    @Mixin RunFlags flags;

    @Mixin MachineOptions machine;

    @Override public Integer call() throws Exception {
        return flags.run(() -> ProgramLoader.load(file, machine));
    }
}
