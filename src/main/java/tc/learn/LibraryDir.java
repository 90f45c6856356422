package tc.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tc.computer.asm.TcAsmReader;
import tc.computer.asm.TcAsmWriter;
import tc.computer.isa.TcProgram;
import tc.source.SourceFile;

/**
 * A library that grows on disk ({@code tc learn --from … --library DIR}): each solved program is
 * stored as {@code NAME.s} (Tensor Computer assembly, readable by {@code tc run}) beside
 * {@code NAME.json} (its shape, registers, the scratch registers it needs zeroed, how it was
 * learned). Later tasks load every stored program as a {@link Library.Routine} they may CALL, and
 * {@link Fragments} mines the stored programs for recurring fragments, which become templates.
 *
 * <p>Files are written through a temporary file and a rename, so a run that fails halfway leaves
 * the library as it was.
 */
public final class LibraryDir {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored program and what is known about it. */
    public record Entry(String name, String shape, int inputs, int registers, int zeroed, boolean callable, TcProgram program) {}

    private final Path dir;
    private final List<Entry> entries;

    private LibraryDir(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /**
     * Opens (creating when missing) the library in {@code dir}.
     *
     * @throws CReference.Refused when {@code dir} is a file, or an entry cannot be read (naming it)
     */
    public static LibraryDir open(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new CReference.Refused("--library " + dir + " is a file, not a directory");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CReference.Refused("cannot create the library directory " + dir + ": " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path meta : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) entries.add(read(meta));
        } catch (IOException e) {
            throw new CReference.Refused("cannot read the library " + dir + ": " + e.getMessage());
        }
        return new LibraryDir(dir, entries);
    }

    private static Entry read(Path meta) throws IOException {
        try {
            JsonNode j = JSON.readTree(meta.toFile());
            String name = j.get("name").asText();
            Path asm = meta.resolveSibling(name + ".s");
            TcProgram p = TcAsmReader.read(new SourceFile(asm.toString(), Files.readString(asm, StandardCharsets.UTF_8)));
            return new Entry(name, j.get("shape").asText(), j.get("inputs").asInt(), j.get("registers").asInt(), j.get("zeroed").asInt(),
                    j.get("callable").asBoolean(), p);
        } catch (RuntimeException e) {
            throw new CReference.Refused("library entry " + meta + " is not readable: " + e.getMessage());
        }
    }

    public List<Entry> entries() { return entries; }

    /** The stored programs that may be called (those that call nothing themselves) as routines. */
    public Library library() {
        Library lib = Library.EMPTY;
        for (Entry e : entries) if (e.callable()) lib = lib.with(new Library.Routine(e.name(), e.program().code(), e.registers(), e.zeroed()));
        return lib.withFragments(Fragments.mine(entries.stream().map(e -> e.program().code().subList(0, Extraction.ownLength(e.program().code()))).toList()));
    }

    /** Stores a solved outcome as {@code NAME.s} and {@code NAME.json} (replacing an older entry of that name). */
    public void store(LearnFrom.Outcome o) {
        if (!o.solved()) throw new IllegalArgumentException("only solved programs join the library");
        // a program that calls routines is stored for the record and for mining, not as a routine (routines do not nest)
        boolean callable = o.result().program().stream().noneMatch(i -> i.op() == tc.computer.isa.TcOp.CALL || i.op() == tc.computer.isa.TcOp.RET);
        int zeroed = callable ? LibraryCurriculum.routine(o.task(), o.result()).zeroed() : 0;
        ObjectNode j = JSON.createObjectNode();
        j.put("name", o.signature().function());
        j.put("shape", o.signature().shape().label());
        j.put("inputs", o.signature().inputs());
        j.put("registers", o.task().registers());
        j.put("zeroed", zeroed);
        j.put("callable", callable);
        j.put("episodes", o.episodes());
        j.put("source", o.task().description());
        try {
            write(dir.resolve(o.signature().function() + ".s"), LearnFrom.assemblyFile(o));
            write(dir.resolve(o.signature().function() + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(j) + "\n");
        } catch (IOException e) {
            throw new CReference.Refused("cannot write into the library " + dir + ": " + e.getMessage());
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tc-learn-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The assembly of a program as stored (the same text {@code --out} writes). */
    static String assembly(TcProgram p) { return TcAsmWriter.write(p); }
}
