package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic output files and the naming of Loom state files. */
class FilesTest {
    @TempDir Path tmp;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test void writesAndReplacesWithoutLeavingTemporaries() throws Exception {
        Path out = tmp.resolve("prog.json");
        AtomicFiles.write(out, "first");
        AtomicFiles.write(out, "second");
        assertEquals("second", Files.readString(out));
        assertEquals(List.of("prog.json"), names());
    }

    @Test void refusesDirectoriesAndMissingParents() throws Exception {
        Files.createDirectory(tmp.resolve("d"));
        UserError a = assertThrows(UserError.class, () -> AtomicFiles.write(tmp.resolve("d"), "x"));
        assertTrue(a.getMessage().endsWith("it is a directory"), a.getMessage());
        UserError b = assertThrows(UserError.class, () -> AtomicFiles.write(tmp.resolve("no/such/f.s"), "x"));
        assertTrue(b.getMessage().contains("does not exist"), b.getMessage());
        assertEquals(List.of("d"), names());
    }

    @Test void loomStateNamesFromDirectoryOrBaseName() throws Exception {
        assertEquals(List.of(tmp.resolve("fib_state.json"), tmp.resolve("fib_info.json")), ProgramWriter.loomStatePaths(tmp, "fib"));
        assertEquals(List.of(tmp.resolve("gcd_state.json"), tmp.resolve("gcd_info.json")),
                ProgramWriter.loomStatePaths(tmp.resolve("gcd"), "fib"));
        assertEquals(List.of(tmp.resolve("gcd_state.json"), tmp.resolve("gcd_info.json")),
                ProgramWriter.loomStatePaths(tmp.resolve("gcd_state.json"), "fib"));
        assertEquals(List.of(Path.of("fib_state.json"), Path.of("fib_info.json")), ProgramWriter.loomStatePaths((Path) null, "fib"));
        assertThrows(UserError.class, () -> ProgramWriter.loomStatePaths(tmp.resolve("missing/gcd"), "fib"));
        // "-o newdir/" names a directory to create, not a base name
        assertEquals(List.of(tmp.resolve("newdir/fib_state.json"), tmp.resolve("newdir/fib_info.json")),
                ProgramWriter.loomStatePaths(tmp.resolve("newdir") + "/", "fib"));
        assertTrue(Files.isDirectory(tmp.resolve("newdir")));
    }

    @Test void baseNameDropsDirectoryAndExtension() {
        assertEquals("bar", SourceFiles.baseName(Path.of("foo/bar.c")));
        assertEquals("x.y", SourceFiles.baseName(Path.of("x.y.s")));
        assertEquals("noext", SourceFiles.baseName(Path.of("noext")));
    }
}
