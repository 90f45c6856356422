package tc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of a run on the Tensor Computer's {@code seed} machine ({@code tc run … --target tc
 * --machine seed}, {@code tc demo NAME --target tc}): statistics, the disk image, console input,
 * keyboard events, and the framebuffer's pictures.
 */
final class SeedOptions {
    @Option(names = "--stats", description = "--machine seed: print the machine's counters after the run (cache and TLB hits and misses, "
            + "page faults, disk sector reads and writes, bus grants per master, GPU kernels); --json always includes them as \"stats\".")
    boolean stats;

    @Option(names = "--disk", paramLabel = "FILE", description = "--machine seed: the disk, a 64 MiB sparse image file (created when missing); "
            + "what the program writes is there for the next run. Default: an in-memory disk, all zero.")
    Path disk;

    @Option(names = "--stdin", paramLabel = "FILE", description = "--machine seed: console input (getchar) from FILE; default: standard input.")
    Path stdin;

    @Option(names = "--keys", paramLabel = "FILE", description = "--machine seed: keyboard events (getkey) from FILE, "
            + "whitespace-separated integers, queued before the run. Default: none (getkey gives -1).")
    Path keys;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "--machine seed: write the 640x480 framebuffer as a PNG at the end of the run.")
    Path screenshot;

    @Option(names = "--frames", paramLabel = "DIR", description = "--machine seed: write the framebuffer as DIR/frame-NNNNNN.png every --frame-every steps (DIR must exist).")
    Path frames;

    /** Steps between frames when --frame-every is not given. */
    static final long DEFAULT_FRAME_EVERY = 1_000_000;

    @Option(names = "--frame-every", paramLabel = "K", description = "--machine seed: steps between frames with --frames (default 1000000).")
    Long frameEvery;

    private boolean frameEveryGiven() { return frameEvery != null; }

    long frameEvery() { return frameEvery == null ? DEFAULT_FRAME_EVERY : frameEvery; }

    /** The seed-only options given, by name (empty when none). */
    List<String> given() {
        List<String> names = new ArrayList<>();
        if (stats) names.add("--stats");
        if (disk != null) names.add("--disk");
        if (stdin != null) names.add("--stdin");
        if (keys != null) names.add("--keys");
        if (screenshot != null) names.add("--screenshot");
        if (frames != null) names.add("--frames");
        if (frameEveryGiven()) names.add("--frame-every");
        return names;
    }

    /**
     * Checks what can be checked before the run, so that a bad path fails before the program
     * runs or writes anything: the screenshot's and the frames' folders exist, the input file is
     * readable. Returns a usage problem (for a usage error), or null; file problems are
     * {@link UserError}s.
     */
    String check() {
        if (frameEvery != null && frameEvery < 1) return "--frame-every must be at least 1, got " + frameEvery;
        if (frameEveryGiven() && frames == null) return "--frame-every needs --frames DIR";
        if (screenshot != null) {
            Path abs = screenshot.toAbsolutePath();
            Path dir = abs.getParent();
            if (dir == null || !Files.isDirectory(dir))
                throw new UserError("cannot write the screenshot " + screenshot + ": the folder " + (dir == null ? "?" : dir) + " does not exist");
            if (Files.isDirectory(abs)) throw new UserError("cannot write the screenshot " + screenshot + ": it is a directory");
        }
        if (frames != null && !Files.isDirectory(frames))
            throw new UserError("cannot write frames into " + frames + ": " + (Files.exists(frames) ? "it is not a folder" : "the folder does not exist"));
        if (stdin != null) {
            if (Files.isDirectory(stdin)) throw new UserError("cannot read console input from " + stdin + ": it is a directory");
            if (!Files.isReadable(stdin)) throw new UserError("cannot read console input from " + stdin + ": no such readable file");
        }
        keyEvents();
        return null;
    }

    private int[] keyEvents;

    /**
     * The keyboard events of {@code --keys FILE} (empty without it), read once.
     *
     * @throws UserError when the file cannot be read or a token is not a 32-bit integer (naming
     *                   the file, the token and its position)
     */
    int[] keyEvents() {
        if (keyEvents != null) return keyEvents;
        if (keys == null) return keyEvents = new int[0];
        if (Files.isDirectory(keys)) throw new UserError("cannot read key events from " + keys + ": it is a directory");
        String text;
        try {
            // ISO-8859-1 maps every byte, so a stray byte shows up in the offending token instead of failing the decoding.
            text = new String(Files.readAllBytes(keys), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UserError("cannot read key events from " + keys + ": no such readable file");
        }
        String trimmed = text.strip();
        String[] tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        int[] events = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            try {
                events[k] = Integer.parseInt(tokens[k]);
            } catch (NumberFormatException e) {
                String shown = tokens[k].length() > 24 ? tokens[k].substring(0, 24) + "…" : tokens[k];
                throw new UserError("bad key event in " + keys + ": token " + (k + 1) + ", '" + shown
                        + "', is not an integer (the file holds whitespace-separated 32-bit integers)");
            }
        }
        return keyEvents = events;
    }
}
