package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code tc run}: executes a C source, program JSON, Loom state file or assembly file. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a program and print its result.",
                "FILE.c is compiled first; FILE.json is a program file or a Loom <name>_state.json "
                        + "(its <name>_info.json beside it is read too); FILE.s is assembly. "
                        + "With --target tc, FILE.s and FILE.json are Tensor Computer program images (tc selfhost --compile -o, "
                        + "tc asm --target tc), run as they are. "
                        + "Exit code 1 when the program faults or reaches the step limit.",
                "--profile needs a transformer --engine, except on a Loom state file, where it alone runs the fast engine."},
        footer = {"", "Examples:",
                "  tc run fib.c",
                "  tc run fib.c --trace --max-steps 200",
                "  tc run fact.c --target tc --json",
                "  tc run fact.c --target tc --engine soft --tau 0.001",
                "  tc run hello.c --target tc --machine seed --stats",
                "  tc run fact.s --target tc --machine seed      (an image tc selfhost --compile -o wrote)",
                "  tc run draw.c --target tc --machine seed --screenshot out.png --disk disk.img --stdin input.txt",
                "  tc run ../shared/loom-ref/programs/gcd_state.json --json"})
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "FILE.c, FILE.json or FILE.s")
    Path file;

    @Mixin RunFlags flags;

    @Mixin MachineOptions machine;

    @Mixin TargetOptions target;

    @Mixin SeedOptions seed;

    /** The default is deep in the τ → 0 regime, where the soft machine must equal the interpreter. */
    @Option(names = "--tau", paramLabel = "T",
            description = "--target tc: temperature of the soft engine (default 0.001; the interpreter ignores it).")
    Double tau;

    @Override public Integer call() throws Exception {
        var cl = spec.commandLine();
        if (target.tc()) {
            if (machine.given()) throw new ParameterException(cl, "--config and --word-bits are for the Loom target; --target tc has 32-bit int");
            if (target.tcMachine() == tc.computer.backend.TcBackend.Machine.CPU && !seed.given().isEmpty())
                throw new ParameterException(cl, String.join(", ", seed.given()) + (seed.given().size() == 1 ? " needs" : " need")
                        + " the seed machine's devices: add --machine seed");
            return flags.runTc(() -> TcRun.compile(file, target), tau == null ? 0.001 : tau, target.tcMachine(), seed);
        }
        if (target.machine != null) throw new ParameterException(cl, "--machine applies only to --target tc");
        if (!seed.given().isEmpty())
            throw new ParameterException(cl, String.join(", ", seed.given()) + " applies only to --target tc --machine seed");
        if (tau != null) throw new ParameterException(cl, "--tau applies only to --target tc");
        if (target.memoryWords != null) throw new ParameterException(cl, "--memory-words applies only to --target tc");
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return flags.run(() -> ProgramLoader.load(file, machine), name.endsWith(".json") ? RunFlags.Input.JSON : RunFlags.Input.PROGRAM);
    }
}
