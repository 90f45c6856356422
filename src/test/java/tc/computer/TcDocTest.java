package tc.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.asm.TcAsmReader;
import tc.computer.asm.TcSyntax;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.source.SourceFile;

/** Keeps docs/tensor-computer.md in step with the opcodes, the parameter layout and the assembler. */
class TcDocTest {
    static String doc() throws Exception { return Files.readString(Path.of("docs/tensor-computer.md")); }

    @Test void opcodeTableMatchesTcOp() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : doc().split("\n")) if (line.matches("\\| \\d+ \\| `.*")) rows.add(line);
        assertEquals(TcOp.COUNT, rows.size(), "one table row per opcode");
        for (TcOp op : TcOp.values()) {
            String row = rows.get(op.ordinal());
            String prefix = "| " + op.ordinal() + " | `" + TcSyntax.syntax(op) + "` | ";
            assertTrue(row.startsWith(prefix), "row for " + op + " should start with " + prefix + ": " + row);
            String flags = row.substring(row.lastIndexOf('|', row.length() - 2) + 1, row.length() - 1).strip();
            assertEquals(op.setsFlags(), !flags.equals("—"), op + " flags column: " + flags);
        }
    }

    @Test void parameterLayoutMatchesTcParams() throws Exception {
        String d = doc();
        for (int[] group : new int[][] {{TcParams.OPCODE, TcOp.COUNT}, {TcParams.RD, 16}, {TcParams.RS1, 16}, {TcParams.RS2, 16},
                {TcParams.IMM, TcParams.IMM_BITS}})
            assertTrue(d.contains("| " + group[0] + " | " + group[1] + " |"), "layout row at offset " + group[0]);
        assertEquals(112, TcParams.PER_INSTRUCTION);
    }

    @Test void theAssemblyExampleAssemblesAndComputesOneHundredTwenty() throws Exception {
        String d = doc();
        int start = d.indexOf("```\n; recursive factorial") + 4;
        String example = d.substring(start, d.indexOf("```", start));
        var program = TcAsmReader.read(new SourceFile("doc-example.s", example));
        var state = new TcMachine(program).run(10_000);
        assertTrue(state.halted());
        assertEquals(List.of(120), state.outputs());
        assertEquals(5, program.data()[0]);
    }

    @Test void theJsonExampleIsAValidProgramFile() throws Exception {
        String d = doc();
        int start = d.indexOf("```json\n") + 8;
        var file = tc.computer.io.TcProgramJson.read(new SourceFile("doc-example.json", d.substring(start, d.indexOf("```", start))));
        assertEquals(4, file.program().code().size());
        assertEquals(16, file.program().spec().slots());
    }
}
