package tc.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden corpus: every {@code .c} file under the {@code corpus/} test resource folder, and the
 * bundled demos of {@code tc demo NAME} (main resources {@code tc/demo/}, listed in
 * {@code tc/demo/demos.txt}) under {@code demos/}: one copy of each demo, read by the CLI and tested here.
 */
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
        List<CorpusProgram> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".c")).map(p -> CorpusProgram.parse(relative(root, p), read(p))).forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : demoFiles()) all.add(CorpusProgram.parse(DEMOS + name, resource("/tc/demo/" + name)));
        all.sort(Comparator.comparing(CorpusProgram::path));
        return List.copyOf(all);
    }

    /** The prefix of the demos' corpus paths. */
    public static final String DEMOS = "demos/";

    /** The file names {@code tc/demo/demos.txt} lists. */
    public static List<String> demoFiles() {
        return resource("/tc/demo/demos.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource " + path + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
