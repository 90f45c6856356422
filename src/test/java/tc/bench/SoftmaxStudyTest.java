package tc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.corpus.Corpus;
import tc.corpus.CorpusProgram;
import tc.fixtures.CPrograms;
import tc.loom.backend.Compiler;
import tc.loom.verify.SoftmaxDrift;

/** The softmax study tool on a bounded run: what it studies, and that its table says what the runs found. */
class SoftmaxStudyTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    @Test
    void theCorpusIsTheGoldenCorpusLessCompileErrorsAtTheProgramsOwnConfigurations() {
        List<SoftmaxStudy.Subject> subjects = SoftmaxStudy.corpus(CORPUS);
        List<CorpusProgram> golden = Corpus.load().stream().filter(p -> p.expectedError() == null).toList();
        assertEquals(golden.stream().map(CorpusProgram::path).toList(), subjects.stream().map(SoftmaxStudy.Subject::name).toList());
        for (int i = 0; i < golden.size(); i++) {
            CorpusProgram p = golden.get(i);
            assertEquals(Compiler.compile(p.source(), p.options()).config(), subjects.get(i).program().config(), p.path());
        }
        assertNull(SoftmaxStudy.fromC("bad.c", "// expect error: 1:1 x\nint main() { return y; }"));
    }

    @Test
    void aTinyStudyTablesTheDeparturesItMeasured() {
        SoftmaxStudy.Subject fact = SoftmaxStudy.fromC("fact.c", CPrograms.FACT);
        SoftmaxStudy study = new SoftmaxStudy(List.of(200.0), 3, 1, List.of("exact"), false);
        List<SoftmaxStudy.Row> rows = study.run(List.of(fact), 1, null);
        assertEquals(1, rows.size());
        SoftmaxDrift.Result r = rows.get(0).results().get("exact").get(0);
        assertNotNull(r.decoded(), "the exact profile decodes wrong within three steps under softmax");
        assertNull(r.argmaxDecoded());
        String table = study.markdown(rows);
        String row = "| fact.c | 146x512 | " + String.format(java.util.Locale.ROOT, "%,d", rows.get(0).runSteps()) + " | 3 | "
                + r.decoded().step() + " / " + (r.valueSet() == null ? "—" : Long.toString(r.valueSet().step())) + " |";
        assertTrue(table.contains(row), table);
        assertTrue(table.contains("- λ = 200: decoded wrong in 1 of 1 runs"), table);
    }

    @Test
    void badSettingsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxStudy(List.of(0.0), 10, 10, List.of("exact"), false));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxStudy(List.of(10.0), 0, 10, List.of("exact"), false));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxStudy(List.of(10.0), 10, 10, List.of("dense"), false));
    }
}
