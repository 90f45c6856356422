package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.interp.TcMachine;
import tc.fixtures.CPrograms;
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
        TracePrinter.Loom t = TracePrinter.loom(new PrintWriter(s, true), p, new SourceFile("sum.c", C));
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
        TracePrinter.Loom t = TracePrinter.loom(new PrintWriter(s, true), p, null);
        AtomicInteger checked = new AtomicInteger();
        new Interpreter().run(p, RunOptions.defaults().withTrace(e -> {
            t.onStep(e);
            assertEquals(e.step(), s.toString().lines().count());
            checked.incrementAndGet();
        }));
        assertEquals(22, checked.get());
    }

    @Test void tensorComputerLinesShowWhatEachStepWroteAndTheCLine() {
        TcCompiled c = TcBackend.compile(new SourceFile("fact.c", CPrograms.FACT));
        TcMachine m = new TcMachine(c.program());
        StringWriter s = new StringWriter();
        TracePrinter.Tc t = TracePrinter.tc(new PrintWriter(s, true), c, m);
        t.header();
        m.run(18, t);
        String[] lines = s.toString().split("\\R");
        assertEquals(1 + 18, lines.length);
        assertTrue(lines[0].matches("\\s+step\\s+slot\\s+instruction\\s+line\\s+writes"), lines[0]);
        assertTrue(lines[1].matches("\\s+1\\s+0  li r14, 0\\s+- "), "r14 was 0 already: nothing written: " + lines[1]);
        assertTrue(lines[2].matches("\\s+2\\s+1  call \\d+\\s+-  sp=16383 \\[16383\\]=2"), "startup code has no C line; CALL pushes the return slot: " + lines[2]);
        assertTrue(lines[7].matches("\\s+7\\s+\\d+  push r1\\s+5  sp=16382 \\[16382\\]=5   // int main\\(\\) \\{ return fact\\(5\\); \\}"), lines[7]);
        assertTrue(lines[12].matches(".*push r4\\s+1  sp=16380 \\[16380\\]=0   // int fact\\(int n\\) \\{"), "the prologue belongs to the definition's line: " + lines[12]);
        assertTrue(lines[18].matches(".*addi r4, r5, -1\\s+3  r4=4 C=1   // return n \\* fact\\(n - 1\\);"), "5 + 0xFFFFFFFF carries: " + lines[18]);
    }
}
