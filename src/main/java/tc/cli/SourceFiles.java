package tc.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tc.source.SourceFile;

/** Reads input files as UTF-8 text, named in diagnostics the way the user wrote them. */
final class SourceFiles {
    private SourceFiles() {}

    static SourceFile read(Path path) throws IOException {
        String name = path.toString();
        if (!Files.exists(path)) throw new NoSuchFileException(name);
        if (Files.isDirectory(path)) throw new UserError("cannot read " + name + ": it is a directory");
        try {
            return new SourceFile(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new UserError("cannot read " + name + ": not UTF-8 text");
        }
    }

    /** The file name without directory and without its last extension: foo/bar.c → bar. */
    static String baseName(Path path) {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
