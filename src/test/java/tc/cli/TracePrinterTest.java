package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tc.loom.engine.RunOptions;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Program;
import tc.source.SourceFile;

class TracePrinterTest {
    private static final String C = "int main() {\n  int counter = 5; int acc;\n  do acc += counter;\n  output(acc);\n"
            + "  counter -= 1;\n  while (counter);\n  return acc;\n}\n";

    @Test void oneLinePerStepWithInstructionLineAndWrites() {
        Program p = HandMadePrograms.sumDown();
        StringWriter s = new StringWriter();
        TracePrinter t = new TracePrinter(new PrintWriter(s, true), p, new SourceFile("sum.c", C));
        t.header();
        new Interpreter().run(p, RunOptions.defaults().withTrace(t));
        String[] lines = s.toString().split("\\R");
        assertEquals(1 + 22, lines.length);
        assertTrue(lines[0].contains("step") && lines[0].contains("instruction") && lines[0].contains("writes"), lines[0]);
        assertTrue(lines[1].matches("\\s+1\\s+192\\s+ADD acc, counter\\s+3\\s+acc=5\\s+// do acc \\+= counter;"), lines[1]);
        assertTrue(lines[2].matches("\\s+2\\s+193\\s+MOV mem\\[8\\], acc\\s+4\\s+mem\\[8\\]=5\\s+// output\\(acc\\);"), lines[2]);
        assertTrue(lines[4].matches("\\s+4\\s+195\\s+JNZ counter, loop\\s+6\\s+// while \\(counter\\);"), lines[4]);
        assertTrue(lines[22].matches("\\s+22\\s+197\\s+HALT\\s+8\\s+// }"), lines[22]);
    }

    @Test void streamsWhileRunning() {
        // Each step's line must be printed before the next step runs, not collected to the end.
        Program p = HandMadePrograms.sumDown();
        StringWriter s = new StringWriter();
        TracePrinter t = new TracePrinter(new PrintWriter(s, true), p, null);
        AtomicInteger checked = new AtomicInteger();
        new Interpreter().run(p, RunOptions.defaults().withTrace(e -> {
            t.onStep(e);
            assertEquals(e.step(), s.toString().lines().count());
            checked.incrementAndGet();
        }));
        assertEquals(22, checked.get());
    }
}
