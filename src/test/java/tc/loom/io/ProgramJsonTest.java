package tc.loom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;

class ProgramJsonTest {

    static void roundTrip(Program p) {
        String text = ProgramJson.write(p);
        Program back = ProgramJson.read(new SourceFile("p.json", text));
        assertEquals(p, back, text);
        Programs.assertSameDebug(p.debug(), back.debug());
        assertEquals(text, ProgramJson.write(back));
    }

    @Test
    void handBuiltProgramsRoundTrip() {
        roundTrip(Programs.kitchenSink());
        roundTrip(Programs.bare16());
    }

    @ParameterizedTest
    @CsvSource({"fibonacci", "bubblesort", "primes"})
    void referenceProgramsRoundTrip(String name) throws IOException {
        roundTrip(LoomStateTest.reference(name));
    }

    @Test
    void theDocumentedFieldsAreThere() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ProgramJson.write(Programs.kitchenSink()));
        assertEquals("tc-program", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals("155x1024", root.get("config").get("name").asText());
        assertEquals(64, root.get("memory").size());
        JsonNode first = root.get("instructions").get(0);
        assertEquals("MOV", first.get("op").asText());
        assertEquals(32 + 13, first.get("b").asInt());
        assertEquals(3, first.get("line").asInt());
        assertEquals("SUBLEQ", root.get("instructions").get(4).get("op").asText());
        assertEquals("UNDEFINED", root.get("instructions").get(9).get("op").asText());
        assertEquals(5, root.get("labels").get("loop").asInt());
        assertEquals(60, root.get("stack").get("base").asInt());
        assertEquals("sink.c", root.get("source").asText());
        assertTrue(new ObjectMapper().readTree(ProgramJson.write(Programs.bare16())).get("stack").isNull());
    }

    @Test
    void minimalHandWrittenFileReads() {
        String text = """
                {"format": "tc-program", "version": 1,
                 "config": {"s": 32, "m": 8, "n": 64, "N": 8},
                 "memory": [0, 1, 0, 0, 0, 0, 0, 0],
                 "instructions": [{"op": "INC", "b": 39}, {"op": "HALT"}]}
                """;
        Program p = ProgramJson.read(new SourceFile("min.json", text));
        assertEquals(2, p.size());
        assertEquals(new tc.loom.isa.Instruction(6, 39, 0), p.instructions().get(0));
        assertEquals("min.json", p.debug().sourceName());
    }

    static String error(String text) {
        return assertThrows(CompileException.class, () -> ProgramJson.read(new SourceFile("bad.json", text))).getMessage();
    }

    static final String HEAD = "{\"format\": \"tc-program\", \"version\": 1,\n \"config\": {\"s\": 32, \"m\": 8, \"n\": 64, \"N\": 8},\n";

    @Test
    void errorsCarryLineAndColumn() {
        assertTrue(error("{\"format\": ").startsWith("bad.json:1:"), error("{\"format\": "));
        assertTrue(error("{\"format\": \"tc-program\" \"x\"}").contains("malformed JSON"));
        assertTrue(error("[1, 2]").startsWith("bad.json:1:1: error: a program file must be a JSON object"));
        assertTrue(error("{\"format\": \"elf\"}").startsWith("bad.json:1:12: error: not a tc program file"));
        String tcFile = error("{\"format\": \"tc-computer-program\", \"version\": 1}");
        assertTrue(tcFile.contains("(this is a Tensor Computer program: tc disasm --target tc reads it)"), tcFile);
        assertTrue(error("{\"format\": \"tc-program\", \"version\": 2}").contains("unsupported program file version 2"));
        String noMem = HEAD + " \"instructions\": []}";
        assertTrue(error(noMem).startsWith("bad.json:1:1: error: the program file has no \"memory\" field"), error(noMem));
        assertTrue(error(HEAD + " \"memory\": [0,0,0,0,0,0,0],\"instructions\": []}").startsWith("bad.json:3:12: error: \"memory\" has 7 cells"));
        assertTrue(error(HEAD + " \"memory\": [0,0,0,0,0,0,0,300],\"instructions\": []}")
                .startsWith("bad.json:3:27: error: memory[7] = 300 is out of range -128..127"));
        assertTrue(error(HEAD + " \"memory\": [0,0,0,0,0,0,0,\"x\"],\"instructions\": []}").contains("memory[7] must be an integer, found the string \"x\""));
        String mem = " \"memory\": [0,0,0,0,0,0,0,0],\n";
        assertTrue(error(HEAD + mem + " \"instructions\": [{\"op\": \"FOO\"}]}").startsWith("bad.json:4:26: error: unknown opcode \"FOO\""));
        assertTrue(error(HEAD + mem + " \"instructions\": [{\"op\": \"MOV\", \"b\": 64}]}").contains("instruction 0 \"b\" = 64 is out of range 0..63"));
        assertTrue(error(HEAD + mem + " \"instructions\": [{\"op\": \"MOV\", \"a\": 2}]}").contains("\"op\" is MOV but a = 2 encodes ADD"));
        assertTrue(error(HEAD + mem + " \"instructions\": " + "[" + "{\"op\":\"HALT\"},".repeat(24) + "{\"op\":\"HALT\"}]}")
                .contains("25 instructions do not fit the 24 instruction slots"));
        assertTrue(error("{\"format\": \"tc-program\", \"version\": 1, \"config\": {\"s\": 32, \"m\": 8, \"n\": 100, \"N\": 8}}")
                .contains("invalid configuration: n must be a power of two"));
        assertTrue(error(HEAD + mem + " \"instructions\": [], \"symbols\": [{\"name\": \"x\", \"index\": 3, \"kind\": \"weird\"}]}")
                .contains("unknown symbol kind \"weird\""));
    }
}
