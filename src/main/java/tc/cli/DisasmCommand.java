package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.computer.asm.TcAsmWriter;
import tc.computer.io.TcProgramJson;
import tc.loom.asm.AsmWriter;

/** {@code tc disasm}: a program file (or Loom state file) back to assembly text. */
@Command(name = "disasm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Disassemble a program JSON file (or a Loom <name>_state.json) to assembly text.",
        footer = {"", "Examples:",
                "  tc disasm fib.json",
                "  tc disasm ../shared/loom-ref/programs/gcd_state.json -o gcd.s",
                "  tc disasm --target tc fact.json"})
final class DisasmCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "Program JSON or Loom state file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: stdout).")
    Path output;

    @Option(names = "--target", paramLabel = "ISA", defaultValue = "loom",
            converter = IsaTarget.Converter.class, completionCandidates = IsaTarget.Names.class,
            description = "loom (default) or tc (a Tensor Computer program file).")
    IsaTarget target;

    @Override public Integer call() throws Exception {
        if (!file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
            throw new UserError("tc disasm reads program JSON files; " + file + " is not a .json file");
        if (target == IsaTarget.TC) {
            // A learned program's parameters are not shown: its code is their discrete reading.
            var doc = TcProgramJson.read(SourceFiles.read(file));
            ProgramWriter.emit(TcAsmWriter.write(doc.program()), output, spec.commandLine().getOut(), java.util.List.of(file));
            return Main.OK;
        }
        var loaded = ProgramLoader.load(file, null);
        // a Loom state file brings its info file along: that is an input too
        var inputs = new java.util.ArrayList<Path>(java.util.List.of(file));
        if (loaded.loomState() && ProgramLoader.siblingInfoPath(file) != null) inputs.add(ProgramLoader.siblingInfoPath(file));
        ProgramWriter.emit(AsmWriter.write(loaded.program()), output, spec.commandLine().getOut(), inputs);
        return Main.OK;
    }
}
