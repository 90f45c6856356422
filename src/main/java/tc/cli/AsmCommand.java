package tc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.computer.asm.TcAsmReader;
import tc.computer.asm.TcAsmWriter;
import tc.computer.io.TcProgramJson;
import tc.computer.isa.TcProgram;
import tc.loom.asm.AsmReader;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/** {@code tc asm}: assembles FILE.s into a program file. */
@Command(name = "asm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Assemble FILE.s into a program (JSON by default).",
        footer = {"", "Examples:",
                "  tc asm loop.s -o loop.json",
                "  tc asm loop.s --format loom-state -o out/",
                "  tc asm --target tc fact.s -o fact.json"})
final class AsmCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.s", description = "The assembly file.")
    Path file;

    @Mixin OutputOption output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Names.class,
            description = "json (default), asm (normalised assembly) or loom-state.")
    OutputFormat format;

    @Option(names = "--target", paramLabel = "ISA", defaultValue = "loom",
            converter = IsaTarget.Converter.class, completionCandidates = IsaTarget.Names.class,
            description = "loom (default) or tc (the Tensor Computer; formats json and asm).")
    IsaTarget target;

    @Override public Integer call() throws Exception {
        if (target == IsaTarget.TC) return tensorComputer();
        if (format == OutputFormat.IR)
            throw new ParameterException(spec.commandLine(), "--format ir needs a C source: use 'tc compile FILE.c --format ir'");
        SourceFile src = SourceFiles.read(file);
        Program program = AsmReader.read(src);
        var written = format == OutputFormat.LOOM_STATE
                ? ProgramWriter.writeLoomState(program, output.output, SourceFiles.baseName(file), null, java.util.List.of(file))
                : ProgramWriter.emit(ProgramWriter.render(program, format), output.path(), spec.commandLine().getOut(), java.util.List.of(file));
        spec.commandLine().getErr().println("assembled " + file + " for " + program.config().name() + ": "
                + program.size() + " instructions" + (written.isEmpty() ? "" : " -> "
                + String.join(", ", written.stream().map(Path::toString).toList())));
        return Main.OK;
    }

    private Integer tensorComputer() throws Exception {
        if (format != OutputFormat.JSON && format != OutputFormat.ASM)
            throw new ParameterException(spec.commandLine(), "--format " + format + " is for the Loom target; --target tc writes json or asm");
        TcProgram program = TcAsmReader.read(SourceFiles.read(file));
        String text = format == OutputFormat.JSON ? TcProgramJson.write(program) : TcAsmWriter.write(program);
        var written = ProgramWriter.emit(text, output.path(), spec.commandLine().getOut(), java.util.List.of(file));
        spec.commandLine().getErr().println("assembled " + file + " for the Tensor Computer (" + program.spec().memoryWords()
                + " memory words, " + program.spec().slots() + " slots): " + program.code().size() + " instructions"
                + (written.isEmpty() ? "" : " -> " + written.get(0)));
        return Main.OK;
    }
}
