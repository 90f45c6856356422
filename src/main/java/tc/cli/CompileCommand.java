package tc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/** {@code tc compile}: C source → assembly, program JSON, Loom state files or IR. */
@Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compile a C program for the Loom ISA.",
        footer = {"", "Examples:",
                "  tc compile fib.c                      assembly on stdout",
                "  tc compile fib.c --format json -o fib.json",
                "  tc compile fib.c --format loom-state -o out/",
                "                                        writes out/fib_state.json and out/fib_info.json",
                "  tc compile fib.c --config 155x1024 --word-bits 16 --format ir"})
final class CompileCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.c", description = "The C source file.")
    Path file;

    @Mixin OutputOption output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "asm",
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Names.class,
            description = "asm (default), json, loom-state or ir.")
    OutputFormat format;

    @Mixin MachineOptions machine;

    @Mixin TargetOptions target;

    @Override public Integer call() throws Exception {
        if (target.tc()) return compileForTc();
        if (target.memoryWords != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--memory-words applies only to --target tc");
        if (target.machine != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--machine applies only to --target tc");
        CompileOptions options = machine.toCompileOptions();
        SourceFile src = SourceFiles.read(file);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (format == OutputFormat.IR) {
            String ir = Compiler.toIr(src, options.wordBits()).toString();
            List<Path> written = ProgramWriter.emit(ir, output.path(), out, List.of(file));
            err.println("compiled " + file + " to IR (" + options.wordBits() + "-bit words)" + where(written));
            return Main.OK;
        }
        Program program = Compiler.compile(src, options);
        List<Path> written = format == OutputFormat.LOOM_STATE
                ? ProgramWriter.writeLoomState(program, output.output, SourceFiles.baseName(file), src.text(), List.of(file))
                : ProgramWriter.emit(ProgramWriter.render(program, format, src), output.path(), out, List.of(file));
        err.println(summary(file.toString(), program) + where(written));
        return Main.OK;
    }

    /**
     * {@code --target tc}: a plain listing (the assembler proper lives in tc.computer.asm), the
     * program file ({@code --format json}, which {@code tc run --target tc} loads back), or the 32-bit IR.
     */
    private int compileForTc() throws Exception {
        if (machine.given()) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--config and --word-bits are for the Loom target; --target tc has 32-bit int");
        if (format != OutputFormat.ASM && format != OutputFormat.IR && format != OutputFormat.JSON)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target tc writes --format asm (a listing), json (a program file) or ir");
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (format == OutputFormat.IR) {
            String ir = Compiler.toIr(SourceFiles.read(file), tc.computer.backend.TcBackend.WORD_BITS).toString();
            List<Path> written = ProgramWriter.emit(ir, output.path(), out, List.of(file));
            err.println("compiled " + file + " to IR (32-bit words)" + where(written));
            return Main.OK;
        }
        var compiled = TcRun.compile(file, target);
        // The listing is for reading; the JSON program file is the image other commands load.
        String text = format == OutputFormat.JSON ? tc.computer.io.TcProgramJson.write(compiled.program())
                : String.join("\n", compiled.listing()) + "\n";
        List<Path> written = ProgramWriter.emit(text, output.path(), out, List.of(file));
        var s = compiled.program().spec();
        err.println("compiled " + file + " for the Tensor Computer: " + compiled.program().code().size() + " instructions in "
                + s.slots() + " slots, " + s.memoryWords() + (compiled.machine() == tc.computer.backend.TcBackend.Machine.SEED
                        ? " virtual memory words (seed machine, page-fault handler included)" : " memory words") + where(written));
        return Main.OK;
    }

    /** "compiled foo.c for 146x512: 42 instructions, 30 memory cells (+ 130-cell stack)". */
    static String summary(String name, Program program) {
        var debug = program.debug();
        int data = dataCells(program);
        String stack = debug.hasStack() ? " (+ " + (debug.stackLimit() - debug.stackBase()) + "-cell stack)" : "";
        return "compiled " + name + " for " + program.config().name() + ": " + program.size() + " instructions, "
                + data + " memory cells" + stack;
    }

    /** Cells holding the program's data: everything below the stack, or up to the last symbol. */
    static int dataCells(Program program) {
        var debug = program.debug();
        if (debug.hasStack()) return debug.stackBase();
        int end = 0;
        for (var s : debug.symbols()) if (s.kind() != tc.loom.isa.Symbol.Kind.STACK) end = Math.max(end, s.index() + s.size());
        return end > 0 ? end : program.config().m();
    }

    private static String where(List<Path> written) {
        if (written.isEmpty()) return "";
        return " -> " + String.join(", ", written.stream().map(Path::toString).toList());
    }
}
