package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The showcase program's promised results, checked against gcc (independently of our compiler). */
class DemoTest {
    @TempDir Path tmp;

    @Test void expectationsAreStatedInTheSource() throws Exception {
        var e = DemoCommand.expectations(DemoCommand.showcase().text());
        assertEquals(42, e.retval());
        assertEquals(List.of(120, 13, 21, 10, 29, -25, 85, 9), e.outputs());
        assertThrows(IllegalStateException.class, () -> DemoCommand.expectations("int main() { return 0; }"));
    }

    /**
     * Compiles the showcase with gcc, with int8_t wrapping on every output and on the return value
     * and host definitions of the builtins, so a wrong "expect:" comment fails here and not only
     * when the demo runs.
     */
    @Test void gccAgreesWithTheStatedExpectations() throws Exception {
        String src = DemoCommand.showcase().text();
        var expected = DemoCommand.expectations(src);
        String prelude = """
                #include <stdio.h>
                #include <stdint.h>
                #include <stdlib.h>
                #define swap(x, y) do { int t_ = (x); (x) = (y); (y) = t_; } while (0)
                static int min(int a, int b) { return a < b ? a : b; }
                static int max(int a, int b) { return a > b ? a : b; }
                static int mul(int a, int b) { return (int8_t) (a * b); }
                static void output(int x) { printf("%d\\n", (int8_t) x); }
                """;
        String harness = "\nint main(void) { printf(\"%d\\n\", (int8_t) showcase_main()); return 0; }\n";
        Path c = Files.writeString(tmp.resolve("showcase_gcc.c"), prelude + src.replace("int main()", "int showcase_main(void)") + harness);
        Path exe = tmp.resolve("showcase_gcc");
        Process cc = new ProcessBuilder("gcc", "-std=c99", "-O1", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes());
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, "gcc failed (is gcc installed?): " + ccOut);
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        List<Integer> values = new ArrayList<>();
        for (String line : new String(run.getInputStream().readAllBytes()).split("\\R")) values.add(Integer.parseInt(line.trim()));
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        int retval = values.remove(values.size() - 1);
        assertEquals(expected.outputs(), values);
        assertEquals(expected.retval(), retval);
    }
}
