package tc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tc.loom.asm.AsmWriter;
import tc.loom.io.LoomState;
import tc.loom.io.ProgramJson;
import tc.loom.isa.Program;

/** Writes a program in one of the output formats, to stdout or (atomically) to files. */
final class ProgramWriter {
    private ProgramWriter() {}

    /** The text of {@code program} in a single-file format (asm or json). */
    static String render(Program program, OutputFormat format) { return render(program, format, null); }

    /** As {@link #render(Program, OutputFormat)}, with the C source's lines beside the assembly when known. */
    static String render(Program program, OutputFormat format, tc.source.SourceFile source) {
        return switch (format) {
            case ASM -> source == null ? AsmWriter.write(program) : AsmWriter.write(program, source);
            case JSON -> ProgramJson.write(program);
            case LOOM_STATE, IR -> throw new IllegalStateException(format + " is not a single-file program format");
        };
    }

    /**
     * Prints {@code text} to stdout, or writes it atomically to {@code out}, which must not be one
     * of {@code inputs} (the files the text was made from); returns the files written.
     */
    static List<Path> emit(String text, Path out, PrintWriter stdout, List<Path> inputs) throws IOException {
        if (out == null) {
            stdout.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
            stdout.flush();
            return List.of();
        }
        AtomicFiles.refuseInputs(List.of(out), inputs);
        AtomicFiles.write(out, text);
        return List.of(out);
    }

    /**
     * Writes {@code <name>_state.json} and {@code <name>_info.json}. {@code out} is a directory
     * (files named after {@code defaultName}) or a base name ({@code dir/prog} or
     * {@code dir/prog_state.json}); null means the current directory. Neither file may be one of
     * {@code inputs}. Both texts are built before either file is written, so a failure leaves
     * nothing behind.
     */
    static List<Path> writeLoomState(Program program, String out, String defaultName, String sourceText, List<Path> inputs) throws IOException {
        List<Path> paths = loomStatePaths(out, defaultName);
        AtomicFiles.refuseInputs(paths, inputs);
        String name = paths.get(0).getFileName().toString().replaceFirst("_state\\.json$", "");
        String state = LoomState.writeState(program);
        String info = LoomState.writeInfo(program, name, sourceText);
        AtomicFiles.write(paths.get(0), state);
        AtomicFiles.write(paths.get(1), info);
        return paths;
    }

    /**
     * Where {@link #writeLoomState} puts its two files, for the {@code -o} text as typed: a trailing
     * slash names a directory, created if missing (the parsed Path would have lost the slash).
     */
    static List<Path> loomStatePaths(String out, String defaultName) throws IOException {
        if (out != null && (out.endsWith("/") || out.endsWith(java.io.File.separator))) {
            Path dir = Path.of(out);
            Path file = AtomicFiles.fileInTheWay(dir);
            if (file != null) throw new UserError("cannot write into " + out + ": " + file + " is not a directory");
            Files.createDirectories(dir);
            return loomStatePaths(dir, defaultName);
        }
        return loomStatePaths(out == null ? null : Path.of(out), defaultName);
    }

    /** Where {@link #writeLoomState} puts its two files: [state, info]. */
    static List<Path> loomStatePaths(Path out, String defaultName) {
        Path dir;
        String name;
        if (out == null) {
            dir = Path.of("");
            name = defaultName;
        } else if (Files.isDirectory(out)) {
            dir = out;
            name = defaultName;
        } else {
            dir = out.getParent() == null ? Path.of("") : out.getParent();
            name = stripSuffix(out.getFileName().toString());
        }
        if (name.isEmpty()) throw new UserError("cannot derive a program name from -o " + out);
        AtomicFiles.requireDirectory(dir, "cannot write " + out);
        return List.of(dir.resolve(name + "_state.json"), dir.resolve(name + "_info.json"));
    }

    private static String stripSuffix(String file) {
        for (String suffix : new String[] {"_state.json", "_info.json", ".json"})
            if (file.endsWith(suffix)) return file.substring(0, file.length() - suffix.length());
        return file;
    }
}
