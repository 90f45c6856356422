package tc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes output files so that a reader (or a crash) never sees half a file: the text goes to a
 * temporary file in the target's directory, which is then renamed over the target.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path target, byte[] bytes) throws IOException {
        if (Files.isDirectory(target)) throw new UserError("cannot write " + target + ": it is a directory");
        requireDirectory(target.getParent(), "cannot write " + target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                // createTempFile makes the file private; the output is meant to be read by anyone.
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // other file systems keep their default permissions
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks that {@code dir} (as the user wrote it; null = the current directory) is an existing
     * directory. When it is not, says why: a regular file on the way ({@code -o prog.c/out.s}
     * names a "directory" prog.c that is a file) or a directory that does not exist.
     *
     * @param what the start of the message, e.g. "cannot write out/x.s"
     */
    static void requireDirectory(Path dir, String what) {
        if (dir == null || dir.toString().isEmpty() || Files.isDirectory(dir)) return;
        Path file = fileInTheWay(dir);
        if (file != null) throw new UserError(what + ": " + file + " is not a directory");
        throw new UserError(what + ": directory " + dir + " does not exist");
    }

    /** The nearest of {@code dir} and its ancestors that exists, when that one is not a directory; else null. */
    static Path fileInTheWay(Path dir) {
        for (Path p = dir; p != null; p = p.getParent())
            if (Files.exists(p)) return Files.isDirectory(p) ? null : p;
        return null;
    }

    /**
     * Refuses to write an output that is one of the inputs: {@code tc compile x.c -o x.c} would
     * replace the source with its assembly. Compared as files, not names, so {@code ./x.c}, a
     * symbolic link to the input or a hard link are caught too. Call it before anything is written.
     */
    static void refuseInputs(List<Path> outputs, List<Path> inputs) throws IOException {
        for (Path out : outputs) {
            if (out == null || !Files.exists(out)) continue;
            for (Path in : inputs) {
                if (in == null || !Files.exists(in) || !Files.isSameFile(out, in)) continue;
                String same = out.toString().equals(in.toString()) ? "it is the input file"
                        : "it is the same file as the input " + in;
                throw new UserError("refusing to write " + out + ": " + same + " (choose another -o)");
            }
        }
    }
}
