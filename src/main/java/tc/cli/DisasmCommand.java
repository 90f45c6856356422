package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.format.AsmWriter;

/** {@code tc disasm}: a program file (or Loom state file) back to assembly text. */
@Command(name = "disasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Disassemble a program JSON file (or a Loom <name>_state.json) to assembly text.",
        footer = {"", "Examples:",
                "  tc disasm fib.json",
                "  tc disasm ../shared/loom-ref/programs/gcd_state.json -o gcd.s"})
final class DisasmCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "Program JSON or Loom state file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: stdout).")
    Path output;

    @Override public Integer call() throws Exception {
        if (!file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
            throw new UserError("tc disasm reads program JSON files; " + file + " is not a .json file");
        var loaded = ProgramLoader.load(file, null);
        ProgramWriter.emit(AsmWriter.write(loaded.program()), output, spec.commandLine().getOut());
        return Main.OK;
    }
}
