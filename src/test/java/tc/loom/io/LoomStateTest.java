package tc.loom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.CompileException;
import tc.source.SourceFile;

/** The reference's published programs, decoded and run on the ideal interpreter; state and info files. */
public class LoomStateTest {
    static final Path PROGRAMS = Path.of("../shared/loom-ref/programs");

    static SourceFile file(String name) throws IOException {
        return new SourceFile(name, Files.readString(PROGRAMS.resolve(name)));
    }

    public static Program reference(String name) throws IOException {
        return LoomState.read(file(name + "_state.json"), file(name + "_info.json"));
    }

    /** Results documented in REFERENCE.md §5.3/§8 (primes: 9, the compiler bug, not the info file's 4). */
    @ParameterizedTest
    @CsvSource({"fibonacci, 17, 13, 80", "gcd, 18, 6, 72", "collatz, 33, 8, 345", "bubblesort, 102, 7, 650", "primes, 32, 9, 1014"})
    void referenceProgramsGiveTheDocumentedResults(String name, int instructions, int retval, long steps) throws IOException {
        Program p = reference(name);
        assertEquals(MachineConfig.parse("155x1024"), p.config());
        assertEquals(instructions, p.size());
        RunResult r = new Interpreter().run(p, RunOptions.defaults());
        assertEquals(RunResult.Status.HALTED, r.status(), () -> "fault: " + r.fault());
        assertEquals(retval, r.cell(DebugInfo.LOOM_RETVAL));
        assertEquals(steps, r.steps());
    }

    @ParameterizedTest
    @CsvSource({"fibonacci", "gcd", "collatz", "bubblesort", "primes"})
    void writeStateReproducesTheReferenceFileExactly(String name) throws IOException {
        Program p = reference(name);
        String expected = Files.readString(PROGRAMS.resolve(name + "_state.json"));
        assertEquals(expected, LoomState.writeState(p));
    }

    @ParameterizedTest
    @CsvSource({"fibonacci", "gcd", "collatz", "bubblesort", "primes"})
    void readingWithoutInfoInfersMAndGivesTheSameProgram(String name) throws IOException {
        Program p = reference(name);
        Program bare = LoomState.read(file(name + "_state.json"), null);
        assertEquals(p, bare);
    }

    @ParameterizedTest
    @CsvSource({"fibonacci", "gcd", "collatz", "bubblesort", "primes"})
    void writeInfoMatchesTheReferenceFieldsItCanKnow(String name) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ref = mapper.readTree(Files.readString(PROGRAMS.resolve(name + "_info.json")));
        Program p = reference(name);
        String source = ref.get("source").asText();
        JsonNode ours = mapper.readTree(LoomState.writeInfo(p, name, source));
        for (String field : List.of("name", "source", "variables", "num_instructions", "source_map", "retval_addr", "output_addr", "config"))
            assertEquals(ref.get(field), ours.get(field), field);
        // opcode_counts in the reference's order (first use)
        assertEquals(ref.get("opcode_counts").toString(), ours.get("opcode_counts").toString());
        assertEquals(mapper.createObjectNode(), ours.get("expected"));
    }

    @Test
    void infoFileUsesPythonsIndentedLayout() throws IOException {
        Program p = reference("gcd");
        String ref = Files.readString(PROGRAMS.resolve("gcd_info.json"));
        String ours = LoomState.writeInfo(p, "gcd", new ObjectMapper().readTree(ref).get("source").asText());
        // same lines apart from title and description, which a compiled program does not know
        List<String> a = ref.lines().filter(l -> !l.contains("\"title\"") && !l.contains("\"description\"") && !l.contains("\"RETVAL\"")).toList();
        List<String> b = ours.lines().filter(l -> !l.contains("\"title\"") && !l.contains("\"description\"")).toList();
        assertEquals(String.join("\n", a).replace("\"expected\": {\n  },", "\"expected\": {},"), String.join("\n", b));
    }

    @Test
    void stateRoundTripOfAHandBuiltProgram() {
        MachineConfig c = new MachineConfig(32, 16, 64, 8);
        int[] mem = new int[16];
        mem[9] = -5;
        mem[10] = 127;
        mem[11] = -128;
        List<Instruction> rom = List.of(
                Instruction.of(Opcode.ADD, 32 + 9, 32 + 10),
                Instruction.subleq(32 + 10, 32 + 11, 48 + 2),
                Instruction.of(Opcode.STORE, 32 + 9, 32 + 1),
                Instruction.of(Opcode.HALT, 0, 0));
        Program p = new Program(c, mem, rom, DebugInfo.minimal("t", rom.size()));
        String state = LoomState.writeState(p);
        Program back = LoomState.read(new SourceFile("t_state.json", state), null);
        assertEquals(p, back);
        String info = LoomState.writeInfo(p, "t", null);
        Program withInfo = LoomState.read(new SourceFile("t_state.json", state), new SourceFile("t_info.json", info));
        assertEquals(p, withInfo);
        assertTrue(info.contains("\"OP_20\" : 1") || info.contains("\"OP_20\": 1"), info);
    }

    @Test
    void variablesAndLinesComeFromTheInfoFile() throws IOException {
        Program p = reference("fibonacci");
        assertEquals(List.of(new Symbol("a", null, 9, 1, Symbol.Kind.GLOBAL), new Symbol("b", null, 10, 1, Symbol.Kind.GLOBAL),
                new Symbol("n", null, 11, 1, Symbol.Kind.GLOBAL), new Symbol("i", null, 13, 1, Symbol.Kind.GLOBAL),
                new Symbol("t", null, 14, 1, Symbol.Kind.GLOBAL)), p.debug().symbols());
        int[] lines = p.debug().lines();
        assertEquals(2, lines[0]);
        assertEquals(6, lines[4]);
        assertEquals(6, lines[7]);   // 100..103 belong to the while condition on line 6
        assertEquals(7, lines[8]);
        assertEquals(12, lines[15]);   // 111
        assertEquals(12, lines[16]);
    }

    @Test
    void shapeErrorsAreClear() {
        CompileException e = assertThrows(CompileException.class,
                () -> LoomState.read(new SourceFile("x.json", "{\"state\": [[0.0, 1.0], [0.0, 1.0]]}"), null));
        assertTrue(e.getMessage().contains("n = 2 columns"), e.getMessage());
        StringBuilder sb = new StringBuilder("{\"state\": [");
        for (int r = 0; r < 100; r++) sb.append(r == 0 ? "" : ", ").append("[").append("0.0, ".repeat(63)).append("0.0]");
        sb.append("]}");
        e = assertThrows(CompileException.class, () -> LoomState.read(new SourceFile("x.json", sb.toString()), null));
        assertTrue(e.getMessage().contains("d = 100 rows") && e.getMessage().contains("119 (N = 8)"), e.getMessage());
        e = assertThrows(CompileException.class, () -> LoomState.read(new SourceFile("x.json", "{\"state\": [[0.0, 1.0], [0.0]]}"), null));
        assertTrue(e.getMessage().startsWith("x.json:1:"), e.getMessage());
        e = assertThrows(CompileException.class, () -> LoomState.read(new SourceFile("x.json", "{\"stat\": []}"), null));
        assertTrue(e.getMessage().contains("no \"state\" field"), e.getMessage());
    }

    @Test
    void infoThatDisagreesWithTheStateIsRejected() throws IOException {
        String info = Files.readString(PROGRAMS.resolve("gcd_info.json")).replace("\"num_instructions\": 18", "\"num_instructions\": 19");
        CompileException e = assertThrows(CompileException.class,
                () -> LoomState.read(file("gcd_state.json"), new SourceFile("gcd_info.json", info)));
        assertTrue(e.getMessage().startsWith("gcd_info.json:") && e.getMessage().contains("holds 18 instructions"), e.getMessage());
        String wrongM = Files.readString(PROGRAMS.resolve("gcd_info.json")).replace("\"m\": 64", "\"m\": 60");
        e = assertThrows(CompileException.class, () -> LoomState.read(file("gcd_state.json"), new SourceFile("gcd_info.json", wrongM)));
        assertTrue(e.getMessage().contains("PC is column 96"), e.getMessage());
    }

    /**
     * Entries other than −1, 0 and +1 are refused, naming row, region and column: in a ROM column
     * of the cmds rows, in a memory cell's word rows and in a tag row, with and without the info file.
     * 155x1024: cmds rows 0..29, memory rows 30..37; cell i is column 32 + i, instruction k column 96 + k.
     */
    @ParameterizedTest
    @CsvSource({"0, 96, 0.5, cmds, instruction 0", "29, 113, 2.0, cmds, instruction 17", "30, 37, 1e308, memory, memory cell 5",
            "35, 40, -0.5, memory, memory cell 8", "37, 0, 0.999, memory, scratchpad"})
    void entriesThatAreNotMinusOneZeroOrOneAreRefused(int row, int column, String value, String region, String columnKind) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(Files.readString(PROGRAMS.resolve("gcd_state.json")));
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("state").get(row)).set(column, mapper.readTree(value));
        SourceFile bad = new SourceFile("bad_state.json", mapper.writeValueAsString(root));
        for (SourceFile info : new SourceFile[] {file("gcd_info.json"), null}) {
            CompileException e = assertThrows(CompileException.class, () -> LoomState.read(bad, info));
            String shown = Double.toString(Double.parseDouble(value));
            assertTrue(e.getMessage().startsWith("bad_state.json:1:"), e.getMessage());
            assertTrue(e.getMessage().contains("state[" + row + "][" + column + "] = " + shown + " (row " + row + " in region " + region
                    + ", column " + column + ", " + columnKind + "): an initial Loom state holds only -1, 0 and 1"), e.getMessage());
        }
    }

    @Test
    void negativeZeroIsZero() throws IOException {
        String text = Files.readString(PROGRAMS.resolve("gcd_state.json")).replaceFirst("^\\{\"state\": \\[\\[0\\.0", "{\"state\": [[-0.0");
        assertTrue(text.startsWith("{\"state\": [[-0.0,"), text.substring(0, 30));
        assertEquals(reference("gcd"), LoomState.read(new SourceFile("gcd_state.json", text), file("gcd_info.json")));
    }
}
