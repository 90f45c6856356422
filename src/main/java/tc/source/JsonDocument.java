package tc.source;

import java.util.List;
import tc.source.JsonTree.Access;
import tc.source.JsonTree.Node;
import tc.source.JsonTree.Obj;

/**
 * The frame both machines' program files share: one JSON object whose first fields, {@code
 * "format"} and {@code "version"}, say what the file is, then the machine's own fields written
 * one per line with {@link JsonLines}. Each machine's reader and writer deal only with the fields
 * after the header.
 */
public final class JsonDocument {
    private JsonDocument() {}

    /**
     * A kind of file.
     *
     * @param name    the {@code "format"} it declares
     * @param version the version this tc reads and writes
     * @param title   what errors call it ("tc program file")
     * @param hint    what to tell someone who gives a file of this kind where another kind was expected
     */
    public record Format(String name, int version, String title, String hint) {}

    /** A Loom program ({@code tc compile --format json}). */
    public static final Format LOOM_PROGRAM = new Format("tc-program", 1, "tc program file",
            "this is a Loom program: drop --target tc");
    /** A Tensor Computer program ({@code tc asm --target tc}). */
    public static final Format TC_PROGRAM = new Format("tc-computer-program", 1, "Tensor Computer program file",
            "this is a Tensor Computer program: tc disasm --target tc reads it");

    // Both kinds are listed here, below both machines, so that each reader can name the other's
    // files without depending on the other machine.
    private static final List<Format> KNOWN = List.of(LOOM_PROGRAM, TC_PROGRAM);

    /** A document's text up to its header: {@code {}, then the format and version fields. */
    public static StringBuilder begin(Format format) {
        StringBuilder sb = new StringBuilder("{\n");
        JsonLines.field(sb, "format", format.name());
        JsonLines.field(sb, "version", format.version());
        return sb;
    }

    /**
     * Parses {@code source} and checks that it is a {@code format} document of the version this tc
     * reads; every problem is a CompileException at the offending value.
     *
     * @return the root object, for the machine's fields
     */
    public static Obj open(SourceFile source, Access in, Format format) {
        Obj root = in.object(JsonTree.parse(source), "a program file");
        Node nameNode = in.field(root, "format", "the program file");
        String name = in.string(nameNode, "\"format\"");
        if (!format.name().equals(name)) {
            String hint = KNOWN.stream().filter(f -> f.name().equals(name)).map(f -> " (" + f.hint() + ")").findFirst().orElse("");
            throw in.error(nameNode, "not a " + format.title() + ": \"format\" is \"" + name + "\", expected \"" + format.name() + "\"" + hint);
        }
        Node versionNode = in.field(root, "version", "the program file");
        int version = in.integer(versionNode, "\"version\"", 0, Integer.MAX_VALUE);
        if (version != format.version())
            throw in.error(versionNode, "unsupported program file version " + version + " (this tc reads version " + format.version() + ")");
        return root;
    }
}
