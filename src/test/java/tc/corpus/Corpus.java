package tc.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden corpus: every {@code .c} file under the {@code corpus/} test resource folder. */
public final class Corpus {
    private Corpus() {}

    /** The corpus root on the test class path. */
    public static Path root() {
        URL url = Corpus.class.getResource("/corpus");
        if (url == null) throw new IllegalStateException("test resource folder 'corpus' is missing from the class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every program, sorted by path; a malformed directive fails here with its file and line. */
    public static List<CorpusProgram> load() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".c")).sorted()
                    .map(p -> CorpusProgram.parse(relative(root, p), read(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
