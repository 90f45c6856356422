package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.ADD;
import static tc.learn.Reference.i;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnTableTest {
    @Test void meanSdAndMedianOverSolvedRuns() {
        assertEquals("20 ± 10 (median 20)", LearnTable.meanSd(List.of(10L, 20L, 30L)));
        assertEquals("15 ± 7 (median 15)", LearnTable.meanSd(List.of(10L, 20L)));
    }

    @Test void rowsShowSolvedCountsOursAndTheSeedPapers() {
        Map<String, List<LearnResult>> results = new LinkedHashMap<>();
        results.put("add", List.of(
                new LearnResult("add", 1, true, 30, 31, 1.0, List.of(i(ADD, 0, 0, 1, 0)), 1000, List.of()),
                new LearnResult("add", 2, false, -1, 500, 0.5, List.of(), 3000, List.of())));
        String md = LearnTable.markdown(results);
        assertTrue(md.contains("| add | 1/2 | 30 ± 0 (median 30) | 847 ± 123 | 2.00 s | `add r0, r0, r1` |"), md);
    }

    @Test void ablationRowsPerVariantColumnsPerTask() {
        Map<Variants, Map<String, List<LearnResult>>> results = new LinkedHashMap<>();
        LearnResult solved = new LearnResult("add", 1, true, 40, 41, 1.0, List.of(i(ADD, 0, 0, 1, 0)), 2000, List.of());
        LearnResult failed = new LearnResult("max", 1, false, -1, 900, 0.5, List.of(), 4000, List.of());
        Map<String, List<LearnResult>> row = new LinkedHashMap<>();
        row.put("add", List.of(solved));
        row.put("max", List.of(failed));
        results.put(Variants.SEARCH_ONLY, row);
        String md = LearnTable.ablationMarkdown(results);
        assertTrue(md.startsWith("| variant | add | max | wall time per run (mean) |\n|---|---|---|---|\n"), md);
        assertTrue(md.contains("| search only | 1/1: 40 ± 0 (median 40) | 0/1 | 3.00 s |"), md);
    }
}
