package tc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of a run on the Tensor Computer's {@code seed} machine ({@code tc run … --target tc
 * --machine seed}, {@code tc demo NAME --target tc}): statistics, the disk image, console input,
 * and the framebuffer's pictures.
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
        return null;
    }
}
