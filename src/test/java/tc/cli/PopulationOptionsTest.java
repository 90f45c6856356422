package tc.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PopulationOptionsTest {
    private static JsonNode json(Cli r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test void sparkAndInProcessPrintTheSameSearch() throws Exception {
        String[] common = {"learn", "--task", "abs", "--seed", "2", "--budget", "240", "--islands", "3", "--rounds", "2", "--json"};
        JsonNode local = json(Cli.run(common));
        String[] withSpark = java.util.Arrays.copyOf(common, common.length + 2);
        withSpark[common.length] = "--spark";
        withSpark[common.length + 1] = "local[2]";
        JsonNode spark = json(Cli.run(withSpark));
        assertTrue(local.get("runner").asText().startsWith("in-process"), local.toString());
        assertEquals("spark local[2]", spark.get("runner").asText());
        for (String field : new String[]{"solved", "episodes", "accuracy", "program", "rounds", "islands"})
            assertEquals(local.get(field), spark.get(field), field);
        long sum = 0;
        for (JsonNode i : spark.get("islands")) sum += i.get("episodes").asLong();
        assertEquals(sum, spark.get("episodes").asLong(), "episodes: every island's, summed");
        assertEquals(1.0, spark.get("accuracy").asDouble());
    }

    /** --from with islands: the same search in process and on Spark local[2], with --from's JSON plus the islands. */
    @Test void fromFileWithIslandsIsTheSameSearchInProcessAndOnSpark() throws Exception {
        String[] common = {"learn", "--from", "src/main/resources/tc/learn/tasks/max.c", "--seed", "3", "--budget", "900", "--islands", "3",
                "--rounds", "2", "--json"};
        JsonNode local = json(Cli.run(common));
        String[] withSpark = java.util.Arrays.copyOf(common, common.length + 2);
        withSpark[common.length] = "--spark";
        withSpark[common.length + 1] = "local[2]";
        JsonNode spark = json(Cli.run(withSpark));
        assertTrue(local.get("runner").asText().startsWith("in-process"), local.toString());
        assertEquals("spark local[2]", spark.get("runner").asText());
        for (String field : new String[]{"function", "shape", "solved", "episodes", "accuracy", "registers", "program", "instructions", "stages", "islands"})
            assertEquals(local.get(field), spark.get(field), field);
        assertEquals("max", spark.get("function").asText());
        assertTrue(spark.get("solved").asBoolean(), spark.toString());
        assertEquals(1.0, spark.get("accuracy").asDouble(), "fresh held-out cases");
        long sum = 0;
        for (JsonNode i : spark.get("islands")) sum += i.get("episodes").asLong();
        assertEquals(sum, spark.get("episodes").asLong(), "episodes: every island's of every stage, summed");
        long stages = 0;
        for (JsonNode s : spark.get("stages")) stages += s.get("episodes").asLong();
        assertEquals(sum, stages);
        JsonNode p = spark.get("instructions");
        assertTrue(p.get("template").asInt() + p.get("search").asInt() > 0, spark.toString());
    }

    @Test void fromFileWithIslandsPrintsTheProgramAndWritesItsAssembly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path s = dir.resolve("add.s");
        Cli r = Cli.run("learn", "--from", "src/main/resources/tc/learn/tasks/add.c", "--seed", "1", "--budget", "600", "--islands", "2",
                "--rounds", "1", "--out", s.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("add: "), r.out());
        assertTrue(r.out().contains("accuracy on fresh held-out cases: 100.0%"), r.out());
        assertTrue(r.out().matches("(?s).*solved by island \\d in round 1 of stage 1: \\d+ episodes over 2 islands\n.*"), r.out());
        assertTrue(r.out().contains("wrote " + s), r.out());
        assertTrue(r.err().startsWith("round 1: "), r.err());
        String asm = java.nio.file.Files.readString(s);
        assertTrue(asm.startsWith("; learned by tc learn --from --islands: add"), asm);
        assertNotNull(tc.computer.asm.TcAsmReader.read(new tc.source.SourceFile("add.s", asm)));
    }

    @Test void fromFileWithIslandsRefusesTheLibraryInOneLine() {
        Cli r = Cli.run("learn", "--from", "src/test/resources/tc/learn/from/sign.c", "--islands", "2", "--library", "target/no-such-lib");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--library goes without --islands and --spark"), r.err());
        assertTrue(r.clean(), r.err());
    }

    @Test void textOutputNamesTheIslandAndTheRunner() {
        Cli r = Cli.run("learn", "--task", "max", "--seed", "1", "--budget", "300", "--islands", "2", "--rounds", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("held-out accuracy: 100.0%"), r.out());
        assertTrue(r.out().matches("(?s).*solved by island \\d in round 1: \\d+ episodes over 2 islands and 1 round\n.*"), r.out());
        assertTrue(r.out().contains("(in-process, "), r.out());
        assertTrue(r.err().startsWith("round 1: "), r.err());
    }

    @Test void badPopulationOptionsGiveOneLineErrors() {
        Cli table = Cli.run("learn", "--table", "--spark");
        assertEquals(2, table.exit());
        assertTrue(table.err().contains("not the --table"), table.err());
        Cli zero = Cli.run("learn", "--task", "add", "--islands", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--islands must be at least 1, got 0"), zero.err());
        Cli rounds = Cli.run("learn", "--task", "add", "--islands", "2", "--rounds", "0");
        assertEquals(2, rounds.exit());
        assertTrue(rounds.err().contains("--rounds must be at least 1"), rounds.err());
        Cli library = Cli.run("learn", "--task", "max3", "--islands", "2");
        assertEquals(2, library.exit());
        assertTrue(library.err().contains("without a library; max3 calls [max]"), library.err());
        Cli variant = Cli.run("learn", "--task", "add", "--islands", "2", "--variant", "search-only");
        assertEquals(2, variant.exit());
        assertTrue(variant.err().contains("leave out --variant"), variant.err());
        for (Cli c : new Cli[]{table, zero, rounds, library, variant}) assertTrue(c.clean(), c.err());
    }

    @Test void withoutSparksJarsSparkIsRefusedWithOneClearMessage() {
        UserError e = assertThrows(UserError.class, () -> PopulationOptions.requireSpark("org.apache.spark.NotThere"));
        assertTrue(e.getMessage().contains("--spark needs Apache Spark's jars on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("target/spark-lib"), e.getMessage());
        assertDoesNotThrow(() -> PopulationOptions.requireSpark(PopulationOptions.SPARK_CLASS), "the tests have Spark");
    }
}
