package tc.computer.selfhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.engine.TcState;
import tc.computer.isa.TcProgram;
import tc.source.CompileException;

/**
 * The seed's claim, held here: recursive programs compiled on the machine by the self-hosted
 * compiler run on the discrete seed machine and on the soft one at τ = 1e-3 and return the right
 * value; and a bad source gives an error message on the console and a non-zero exit status, never
 * code.
 */
class SelfhostProgramsTest {
    private static final TcProgram COMPILER = SelfHost.stage1().program();
    private static final double TAU = 1e-3;

    static final String FACTORIAL = """
            // recursive factorial, the seed's example
            int fact(int n) {
                if (n <= 1) return 1;
                return n * fact(n - 1);
            }
            int main() {
                return fact(5);
            }
            """;

    static final String FIBONACCI = """
            int fib(int n) {
                if (n < 2) return n;
                return fib(n - 1) + fib(n - 2);
            }
            int main() { return fib(10); }
            """;

    /** The program the self-hosted compiler wrote on the machine for {@code source}. */
    static TcProgram compiledOnTheMachine(String source) {
        MachineRun run = SelfHost.compileOnMachine(COMPILER, source, 50_000_000L);
        assertTrue(run.succeeded(), "the self-hosted compiler failed: " + run.console());
        return SelfHost.assemble("program.s", run.console());
    }

    @Test void factorialOfFiveIs120OnTheInterpreter() {
        MachineRun run = SelfHost.run(compiledOnTheMachine(FACTORIAL), "", 1_000_000);
        assertTrue(run.halted(), String.valueOf(run.fault()));
        assertEquals(120, run.exitStatus());
    }

    @Test void factorialOfFiveIs120OnTheSoftMachine() {
        TcProgram program = compiledOnTheMachine(FACTORIAL);
        TcState soft = SelfHost.runSoft(program, TAU, 100_000);
        assertTrue(soft.halted());
        assertEquals(120, soft.registers()[0]);
        // step for step the discrete machine's run (the page-fault handler's steps included)
        assertEquals(SelfHost.run(program, "", 1_000_000).steps(), soft.steps());
    }

    @Test void fibonacciOfTenIs55OnTheInterpreter() {
        MachineRun run = SelfHost.run(compiledOnTheMachine(FIBONACCI), "", 1_000_000);
        assertTrue(run.halted(), String.valueOf(run.fault()));
        assertEquals(55, run.exitStatus());
    }

    @Test void fibonacciOfTenIs55OnTheSoftMachine() {
        TcProgram program = compiledOnTheMachine(FIBONACCI);
        TcState soft = SelfHost.runSoft(program, TAU, 200_000);
        assertTrue(soft.halted());
        assertEquals(55, soft.registers()[0]);
        assertEquals(SelfHost.run(program, "", 1_000_000).steps(), soft.steps());
    }

    @Test void outputsAndConsoleOfACompiledProgram() {
        String source = """
                int squares[5];
                int main() {
                    for (int i = 0; i < 5; i++) squares[i] = i * i;
                    output(squares[4]);
                    putchar('o'); putchar('k'); putchar('\\n');
                    return squares[3] + (7 >> 1) - (-7 >> 1) + (1 << 33) + (7 % -3) * 100;
                }
                """;
        MachineRun run = SelfHost.run(compiledOnTheMachine(source), "", 1_000_000);
        assertTrue(run.halted());
        assertEquals(List.of(16), run.state().outputs());
        assertEquals("ok\n", run.console());
        assertEquals(9 + 3 + 4 + 0 + 100, run.exitStatus());
    }

    @Test void aMissingSemicolonIsAnErrorWithItsLineAndNoCode() {
        MachineRun run = SelfHost.compileOnMachine(COMPILER, "int main() {\n    int x = 1\n    return x;\n}\n", 50_000_000L);
        assertTrue(run.halted());
        assertEquals(1, run.exitStatus());
        assertEquals("error: line 3: expected ';'\n", run.console());
        assertThrows(CompileException.class, () -> SelfHost.assemble("bad.s", run.console()));
    }

    @Test void otherBadSourcesAreErrorsToo() {
        String[][] cases = {
                {"int main() {\n  return 1 +;\n}\n", "error: line 2: expression expected\n"},
                {"int main() {\n\n  return y;\n}\n", "error: line 3: undefined name y\n"},
                {"int main() { return 0; }\n@\n", "error: line 2: unexpected character\n"},
                {"int f();\nint main() { return f(); }\n", "error: line 2: undefined function f\n"},
                {"int main() { return 0; /* open\n", "error: line 1: unterminated comment\n"},
        };
        for (String[] c : cases) {
            MachineRun run = SelfHost.compileOnMachine(COMPILER, c[0], 50_000_000L);
            assertTrue(run.halted(), c[0]);
            assertEquals(1, run.exitStatus(), c[0]);
            assertEquals(c[1], run.console(), c[0]);
            assertFalse(run.console().contains(".memory"), c[0]);
        }
    }
}
