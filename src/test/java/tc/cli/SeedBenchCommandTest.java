package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code tc bench --target tc --machine seed}: the discrete seed machine's throughput, text and JSON, and its usage errors. */
class SeedBenchCommandTest {
    @Test void timesTheSeedMachine() throws Exception {
        Cli r = Cli.run("bench", "--target", "tc", "--machine", "seed", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("instructions per CPU second"), r.out());
        assertTrue(r.out().contains("339,788 instructions per run"), r.out());

        Cli j = Cli.run("bench", "--target", "tc", "--machine", "seed", "--repeat", "1", "--warmup", "0", "--json");
        assertEquals(0, j.exit(), j.err());
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertEquals("seed", n.get("machine").asText());
        assertEquals(339_788, n.get("steps").asLong());
        assertEquals(180_235, n.get("flatSteps").asLong());
        assertTrue(n.get("instructionsPerCpuSecond").asDouble() > 0);
        JsonNode stats = n.get("stats");
        assertEquals(2049, stats.get("pageFaults").asLong());
        assertTrue(stats.get("cacheHits").asLong() > 0 && stats.get("cacheMisses").asLong() > 0, stats.toString());
        assertTrue(stats.get("tlbHits").asLong() > 0 && stats.get("tlbMisses").asLong() > 0, stats.toString());
        assertTrue(stats.get("busGrants").get("dma").asLong() > 0);
    }

    @Test void usageErrors() {
        for (String[] args : new String[][] {
                {"bench", "--machine", "seed"},
                {"bench", "--target", "tc", "--machine", "cpu"},
                {"bench", "--target", "tc", "--machine", "seed", "--batch", "4"}}) {
            Cli bad = Cli.run(args);
            assertEquals(2, bad.exit(), String.join(" ", args) + "\n" + bad.err());
            assertTrue(bad.clean(), bad.err());
        }
    }
}
