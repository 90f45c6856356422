package tc.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tc.computer.soft.SoftAddressing;

/** {@code tc learn --addressing}: the gradient phases' memory addressing, from the command line. */
class LearnAddressingCommandTest {
    @Test void aContentAddressedRunCountsItsEpisodesAndSaysWhichMachineItUsed() throws Exception {
        Cli r = Cli.run("learn", "--task", "sum_array", "--addressing", "content:0.5,4", "--budget", "200", "--seed", "1", "--json");
        assertTrue(r.exit() == 0 || r.exit() == 1, "learned or not, no error: " + r.err());
        assertEquals("", r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("content:0.5,4", o.get("addressing").asText());
        long total = o.get("episodes_total").asLong();
        assertTrue(total > 0 && total <= 200, "episodes within the budget: " + total);
        assertEquals(o.get("solved").asBoolean(), r.exit() == 0);
    }

    @Test void theDefaultIsLocationAndSaysSo() throws Exception {
        Cli r = Cli.run("learn", "--task", "add", "--seed", "1", "--budget", "300", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("location", new ObjectMapper().readTree(r.out()).get("addressing").asText());
    }

    @Test void badValuesAreRefusedWithOneLine() {
        for (String bad : new String[]{"content:0,4", "content:1.5,4", "content:0.5,0", "content:0.5,-1", "content:0.5,Infinity",
                "content:NaN,4", "content:x,4", "content:0.5", "contents", ""}) {
            Cli r = Cli.run("learn", "--task", "sum_array", "--addressing", bad, "--budget", "5");
            assertEquals(2, r.exit(), bad);
            assertTrue(r.clean(), r.err());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.contains("--addressing"), bad + " → " + first);
        }
        Cli table = Cli.run("learn", "--table", "--addressing", "content:0.5,4", "--budget", "5");
        assertEquals(2, table.exit());
        assertTrue(table.err().lines().findFirst().orElse("").contains("--addressing content:... goes with --task only"), table.err());
    }

    @Test void theLabelReadsBackAsTheSameAddressing() {
        for (SoftAddressing a : new SoftAddressing[]{SoftAddressing.LOCATION, SoftAddressing.content(0.5, 4), SoftAddressing.content(1, 0.25)})
            assertEquals(a.usesContent() ? a : SoftAddressing.LOCATION, LearnCommand.addressing(LearnCommand.label(a)));
    }
}
