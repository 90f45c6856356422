package tc.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code -o} option of the commands that write a program ({@code compile}, {@code asm}). Kept
 * as text because for loom-state it names a directory or a base name, not one file.
 */
final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (default: stdout). For loom-state: a directory or a base name.")
    String output;

    /** The output as a file path, or null for stdout. */
    Path path() { return output == null ? null : Path.of(output); }
}
