package tc.loom.transformer.weights.loomv1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tc.loom.isa.MachineConfig;
import tc.loom.RowBudgetTable;
import tc.loom.transformer.weights.exact.ExactBlocks;

/** docs/transformer.md quotes the generated row-budget tables; they must match the code. */
class TransformerDocTest {
    @Test
    void docQuotesTheCurrentRowBudgetTables() throws Exception {
        String doc = Files.readString(Path.of("docs/transformer.md"));
        MachineConfig config = MachineConfig.parse("146x512");
        String expected = "<!-- generated: RowBudgetTable 146x512 -->\n" + RowBudgetTable.summary(config) + "\n" + RowBudgetTable.blocks(config)
                + "<!-- end generated -->";
        assertTrue(doc.contains(expected), "docs/transformer.md is stale: regenerate the tables with RowBudgetTable 146x512");
        String exact = "<!-- generated: RowBudgetTable 146x512 exact -->\n" + RowBudgetTable.summary(config, "exact") + "\n"
                + RowBudgetTable.blocks(config, "exact") + "<!-- end generated -->";
        assertTrue(doc.contains(exact), "docs/transformer.md is stale: regenerate the exact tables with RowBudgetTable 146x512 exact");
        for (String cls : new String[] {"L1Fetch", "L2Operands", "L3Indirect", "L4Subtract", "L5Write", "L6Branch", "L7Select", "L8Correct", "ExactBlocks", "ExactHost"})
            assertTrue(doc.contains("`" + cls + "`"), "doc names " + cls);
    }
}
