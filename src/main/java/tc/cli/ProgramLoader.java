package tc.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tc.loom.asm.AsmReader;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.io.LoomState;
import tc.loom.io.ProgramJson;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** Turns an input file of any kind the tool accepts into a runnable program, by its extension. */
final class ProgramLoader {
    private ProgramLoader() {}

    /**
     * @param program the program
     * @param source  the file it came from (C text for .c; for a Loom state file, the state file)
     * @param cSource the C source text when known (compiled here, or embedded in a Loom info file), else null
     * @param loomState whether the file was a Loom state file (a state matrix, not a program file)
     */
    record Loaded(Program program, SourceFile source, String cSource, boolean loomState) {}

    /** Loads FILE.c (compiling with {@code machine}), FILE.json (program or Loom state) or FILE.s. */
    static Loaded load(Path path, MachineOptions machine) throws IOException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".c")) {
            // options first: a usage error is reported before the file is read
            CompileOptions options = machine == null ? CompileOptions.defaults() : machine.toCompileOptions();
            SourceFile src = SourceFiles.read(path);
            return new Loaded(Compiler.compile(src, options), src, src.text(), false);
        }
        if (machine != null && machine.given())
            throw new UsageError("--config and --word-bits apply only to C sources; " + path + " carries its own machine configuration");
        if (lower.endsWith(".json")) {
            SourceFile src = SourceFiles.read(path);
            if (isLoomState(src)) return loomState(src, siblingInfo(path));
            return new Loaded(ProgramJson.read(src), src, null, false);
        }
        if (lower.endsWith(".s") || lower.endsWith(".asm")) {
            SourceFile src = SourceFiles.read(path);
            return new Loaded(AsmReader.read(src), src, null, false);
        }
        if (!Files.exists(path)) throw new java.nio.file.NoSuchFileException(path.toString());
        throw new UserError("cannot tell what " + path + " is: expected a .c, .json or .s file");
    }

    /**
     * Loads a Loom {@code <name>_state.json} with the info file {@code info}, or when that is null
     * with {@code <name>_info.json} beside it if present.
     */
    static Loaded loadState(Path state, Path info) throws IOException {
        SourceFile src = SourceFiles.read(state);
        if (!isLoomState(src))
            throw new UserError(state + " is not a Loom state file (no top-level \"state\" matrix); 'tc run' runs program files");
        return loomState(src, info != null ? SourceFiles.read(info) : siblingInfo(state));
    }

    private static Loaded loomState(SourceFile state, SourceFile info) {
        return new Loaded(LoomState.read(state, info), state, info == null ? null : embeddedSource(info), true);
    }

    /** True when the JSON document has a top-level "state" key (Loom's {@code <name>_state.json}). */
    static boolean isLoomState(SourceFile json) {
        try (JsonParser p = new JsonFactory().createParser(json.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if ("state".equals(p.currentName())) return true;
                p.nextToken();
                p.skipChildren();
            }
            return false;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // JsonTree says what is wrong in the file's terms; the library's own wording stays out
            tc.source.JsonTree.parse(json);
            var loc = e.getLocation();
            SourcePos pos = loc == null || loc.getLineNr() < 1 ? SourcePos.NONE : new SourcePos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
            throw new CompileException(json, pos, "malformed JSON");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code foo_state.json} → {@code foo_info.json} beside it, if that exists. */
    static SourceFile siblingInfo(Path state) throws IOException {
        Path info = siblingInfoPath(state);
        return info != null && Files.isRegularFile(info) ? SourceFiles.read(info) : null;
    }

    /** {@code foo_state.json} → the path {@code foo_info.json} beside it (which may not exist); null for other names. */
    static Path siblingInfoPath(Path state) {
        Path name = state.getFileName();
        String file = name == null ? "" : name.toString();
        if (!file.endsWith("_state.json")) return null;
        return state.resolveSibling(file.substring(0, file.length() - "_state.json".length()) + "_info.json");
    }

    /** The C text a Loom info file embeds under "source", or null. */
    private static String embeddedSource(SourceFile info) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(info.text()).get("source");
            return node != null && node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
