package tc.computer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.source.CompileException;
import tc.source.SourceFile;

class TcProgramJsonTest {
    static TcProgramJson.Document read(String text) { return TcProgramJson.read(new SourceFile("p.json", text)); }

    @Test void randomProgramsRoundTrip() {
        var random = new SplittableRandom(4);
        for (int n = 0; n < 1000; n++) {
            TcProgram p = RandomInstructions.program(random, 1 << (1 + random.nextInt(10)), 1 + random.nextInt(30));
            String text = TcProgramJson.write(p);
            var back = read(text);
            assertEquals(p.code(), back.program().code());
            assertEquals(p.spec(), back.program().spec());
            assertArrayEquals(p.data(), back.program().data());
            assertEquals(p, back.program(), "records compare their data by content");
            assertNull(back.params());
            assertEquals(text, TcProgramJson.write(back));
        }
    }

    @Test void parametersRoundTripBitForBit() {
        var random = new SplittableRandom(5);
        TcProgram p = RandomInstructions.program(random, 64, 5);
        double[] params = TcParams.encode(p, 3.0);
        for (int i = 0; i < params.length; i++) params[i] += random.nextGaussian() * 1e-3;
        params[7] = -0.0;
        params[8] = Double.MIN_VALUE;
        params[9] = -1.7976931348623157E308;
        var back = read(TcProgramJson.write(new TcProgramJson.Document(p, params)));
        double[] got = back.params();
        assertEquals(params.length, got.length);
        for (int i = 0; i < params.length; i++)
            assertEquals(Double.doubleToRawLongBits(params[i]), Double.doubleToRawLongBits(got[i]), "params[" + i + "]");
        assertEquals(p.code(), back.program().code());
    }

    @Test void theDocumentedFieldsAreThere() throws Exception {
        var p = new TcProgram(List.of(new TcInstruction(TcOp.LOAD, 1, 15, 0, -2), new TcInstruction(TcOp.STORE, 0, 2, 3, 4), TcInstruction.of(TcOp.HALT)),
                new TcMachineSpec(16, 4), new int[] {5, -3});
        JsonNode root = new ObjectMapper().readTree(TcProgramJson.write(p));
        assertEquals("tc-computer-program", root.get("format").asText());
        assertEquals(16, root.get("spec").get("memoryWords").asInt());
        assertEquals(4, root.get("spec").get("slots").asInt());
        assertEquals(-3, root.get("data").get(1).asInt());
        assertEquals("load", root.get("code").get(0).get("op").asText());
        assertEquals(-2, root.get("code").get(0).get("imm").asInt());
        assertEquals(15, root.get("code").get(0).get("rs1").asInt());
        assertTrue(root.get("code").get(0).get("rs2") == null, "unused fields are not written");
        assertEquals(3, root.get("code").get(1).get("rs2").asInt());
        assertEquals(1, root.get("code").get(2).size());
        assertTrue(root.get("params").isNull());
    }

    @Test void unusedFieldsMayBeZeroAndOpcodesAnyCase() {
        var d = read("""
                {"format": "tc-computer-program", "version": 1, "spec": {"memoryWords": 8, "slots": 2},
                 "code": [{"op": "HALT", "rd": 0, "imm": 0}]}""");
        assertEquals(List.of(TcInstruction.of(TcOp.HALT)), d.program().code());
        assertEquals(0, d.program().data().length);
    }

    private static final String HEAD = "{\"format\": \"tc-computer-program\", \"version\": 1, \"spec\": {\"memoryWords\": 8, \"slots\": 2}, ";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"format": "tc-program", "version": 1}                                    | this is a Loom program: drop --target tc
            {"format": "tc-computer-program", "version": 2}                           | unsupported program file version 2
            {"format": "tc-computer-program", "version": 1, "spec": {"memoryWords": 12, "slots": 2}, "code": []} | invalid "spec": memory words must be a power of two
            HEAD "code": [{"op": "frob"}]}                                             | unknown opcode "frob"
            HEAD "code": [{"op": "add", "rd": 1, "rs1": 2}]}                           | instruction 0 (add) has no "rs2" field
            HEAD "code": [{"op": "add", "rd": 16, "rs1": 2, "rs2": 3}]}                | instruction 0 "rd" = 16 is out of range 0..15
            HEAD "code": [{"op": "li", "rd": 1, "imm": 2147483648}]}                   | instruction 0 "imm" = 2147483648 is out of range
            HEAD "code": [{"op": "li", "rd": 1, "rs1": 3, "imm": 0}]}                  | instruction 0: li has no rs1 operand (li rd, imm)
            HEAD "code": [{"op": "nop", "x": 1}]}                                      | instruction 0 has an unknown field "x"
            HEAD "code": [{"op": "nop"}, {"op": "nop"}, {"op": "halt"}]}               | 3 instructions do not fit 2 slots
            HEAD "data": [1,2,3,4,5,6,7,8,9], "code": []}                              | "data" has 9 words, but memory has 8
            HEAD "data": [1.5], "code": []}                                            | data[0] must be an integer
            HEAD "code": [], "params": [1, 2]}                                         | "params" has 2 numbers, but 2 slots need 112 each (224)
            HEAD "code": [                                                             | malformed JSON
            """)
    void malformedFilesAreReportedAtTheValue(String text, String message) {
        String json = text.replace("HEAD ", HEAD);
        CompileException e = assertThrows(CompileException.class, () -> read(json));
        String header = e.diagnostic().header();
        assertTrue(header.startsWith("p.json:1:"), header);
        assertTrue(header.contains(message), header + " should say: " + message);
    }
}
