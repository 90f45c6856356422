package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcProgram;
import tc.computer.selfhost.MachineRun;
import tc.computer.selfhost.SelfHost;

/**
 * Damaged sources (corpus programs cut short, or with a character deleted, replaced or
 * inserted, from a fixed seed) never make the self-hosted compiler hang, fault or write text
 * that is not a program: every run halts with exit status 0 and a program the assembler reads,
 * or exit status 1 and one error line.
 */
class SelfhostBadInputTest {
    private static final TcProgram COMPILER = SelfHost.stage1().program();
    private static final String NOISE = "(){}[];,=+-*/%<>!&|^~?:'\"#@ \n0123456789abcxyz";

    @Test void damagedSourcesGiveAProgramOrOneErrorLine() {
        List<CorpusProgram> corpus = Corpus.load();
        Random random = new Random(16);
        int errors = 0, programs = 0;
        for (int k = 0; k < 120; k++) {
            String text = corpus.get(random.nextInt(corpus.size())).text();
            int at = random.nextInt(text.length());
            char c = NOISE.charAt(random.nextInt(NOISE.length()));
            String damaged = switch (k % 4) {
                case 0 -> text.substring(0, at);
                case 1 -> text.substring(0, at) + text.substring(at + 1);
                case 2 -> text.substring(0, at) + c + text.substring(at + 1);
                default -> text.substring(0, at) + c + text.substring(at);
            };
            MachineRun run = SelfHost.compileOnMachine(COMPILER, damaged, 50_000_000L);
            String what = "case " + k + ":\n" + damaged;
            assertTrue(run.halted(), what + "\n" + run.fault());
            if (run.exitStatus() == 0) {
                assertDoesNotThrow(() -> SelfHost.assemble("damaged.s", run.console()), what);
                programs++;
            } else {
                assertTrue(run.exitStatus() == 1 && run.console().matches("error: line \\d+: [^\n]+\n"), what + "\n" + run.console());
                errors++;
            }
        }
        System.out.println("selfhost damaged sources: " + errors + " errors, " + programs + " programs");
    }
}
