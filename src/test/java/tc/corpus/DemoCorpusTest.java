package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tc.loom.backend.Compiler;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;

/** The bundled demos are in the corpus, and the step count each one's header states is the interpreter's. */
class DemoCorpusTest {
    private static final Pattern STEPS = Pattern.compile("(?m)^//\\s*steps:\\s*(\\d+)\\s*$");

    @Test void theCorpusHoldsEveryDemo() {
        List<String> paths = Corpus.load().stream().map(CorpusProgram::path).toList();
        assertEquals(7, Corpus.demoFiles().size());
        for (String f : Corpus.demoFiles()) assertTrue(paths.contains(Corpus.DEMOS + f), f);
    }

    @Test void statedStepCountsAreTheInterpreters() {
        for (CorpusProgram p : Corpus.load()) {
            if (!p.path().startsWith(Corpus.DEMOS)) continue;
            Matcher m = STEPS.matcher(p.text());
            assertTrue(m.find(), p.path() + " states no step count");
            RunResult r = new Interpreter().run(Compiler.compile(p.source(), p.options()), new RunOptions(CorpusTest.MAX_STEPS, null));
            assertTrue(r.halted(), p.path() + " " + r.status());
            assertEquals(Long.parseLong(m.group(1)), r.steps(), p.path());
            assertTrue(p.config() != null, p.path() + " states no configuration");
        }
    }
}
