package tc.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.asm.TcAsmReader;
import tc.computer.interp.TcMachine;
import tc.computer.interp.TcState;
import tc.computer.isa.TcProgram;
import tc.source.SourceFile;

class TcRunReportTest {
    static final TcProgram FACT = TcAsmReader.read(new SourceFile("fact.s", """
            .memory 64
                li r1, 5
                call fact
                out r0
                halt
            fact: li r3, 1
                cmp r1, r3
                jgt recurse
                li r0, 1
                ret
            recurse: push r1
                addi r1, r1, -1
                call fact
                pop r1
                mul r0, r0, r1
                ret
            """));

    @Test void haltedRunReportsRetvalFromR0() throws Exception {
        TcState s = TcEngines.INTERP.run(FACT, 10_000);
        var report = new TcRunReport(s, FACT.spec(), "interp", 0);
        assertEquals(120, report.retval());
        String text = report.text();
        assertTrue(text.startsWith("retval = 120\nsteps = " + s.steps() + "\nstatus = halted\noutputs = 120\n"), text);
        assertTrue(text.contains("r0=120 r1=5"), text);
        assertTrue(text.contains("sp=64"), text);
        assertFalse(text.contains("speed"), "no timing given, no speed line");

        JsonNode j = new ObjectMapper().readTree(report.json());
        assertEquals(120, j.get("retval").asInt());
        assertEquals("halted", j.get("status").asText());
        assertTrue(j.get("halted").asBoolean());
        assertEquals(s.steps(), j.get("steps").asLong());
        assertEquals(120, j.get("outputs").get(0).asInt());
        assertEquals(16, j.get("registers").size());
        assertEquals(64, j.get("registers").get(15).asInt());
        assertEquals(0, j.get("flags").get("Z").asInt());
        assertEquals(64, j.get("spec").get("memoryWords").asInt());
        assertEquals("interp", j.get("engine").asText());
        assertTrue(j.get("fault").isNull());
        assertEquals(3, j.get("pc").asInt(), "the PC stays on the HALT");
    }

    @Test void stepLimitIsItsOwnStatus() throws Exception {
        TcState s = TcEngines.INTERP.run(FACT, 7);
        var report = new TcRunReport(s, FACT.spec(), "interp", 1_000_000);
        assertTrue(report.text().contains("status = step limit reached"));
        assertTrue(report.text().contains("speed = 7 steps in 1.000 ms"), report.text());
        assertEquals("step_limit", new ObjectMapper().readTree(report.json()).get("status").asText());
    }

    @Test void traceLinesShowWhatEachStepWrote() {
        List<String> lines = new ArrayList<>();
        new TcMachine(FACT).run(12, (step, pc, ins, after) -> lines.add(TcRunReport.traceLine(step, pc, ins, after)));
        assertEquals(12, lines.size());
        assertTrue(lines.get(0).matches("\\s+1\\s+0  li r1, 5\\s+ r1=5"), lines.get(0));
        assertTrue(lines.get(1).contains("call 4") && lines.get(1).endsWith("sp=63 [63]=2"), lines.get(1));
        assertTrue(lines.get(3).contains("cmp r1, r3") && lines.get(3).endsWith(" ----"), lines.get(3));   // 5 − 1: no flag
        assertTrue(lines.get(5).contains("push r1") && lines.get(5).endsWith("sp=62 [62]=5"), lines.get(5));
        assertTrue(lines.get(6).contains("addi r1, r1, -1") && lines.get(6).endsWith("r1=4 --C-"), lines.get(6)); // 5 + 0xFFFFFFFF carries
        assertTrue(TcRunReport.traceHeader().contains("instruction"));
    }
}
