package tc.loom.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.loom.Engines;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/**
 * The whole stack end to end: our compiler's code for the Loom demo programs, run as tensor
 * operations on the reference's own weights (loom-v1), agrees with the ideal interpreter step
 * count for step count and cell for cell. These programs stay inside loom-v1's correct band
 * (no pointer at or past cell 32, no FIND), so its defects do not show.
 */
class CompiledProgramsOnLoomV1Test {
    @ParameterizedTest
    @ValueSource(strings = {"fibonacci", "gcd", "collatz", "primes", "bubblesort"})
    void loomDemoCompiledByUsRunsOnTheReferenceWeights(String name) throws Exception {
        Path file = Path.of("src/test/resources/corpus/loom-demos", name + ".c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("155x1024")));
        RunOptions options = RunOptions.defaults().withMaxSteps(5_000);
        RunResult ideal = new Interpreter().run(program, options);
        RunResult tensor = Engines.get("sparse", "loom-v1").run(program, options);
        assertEquals(RunResult.Status.HALTED, ideal.status());
        assertEquals(ideal.status(), tensor.status(), name);
        assertEquals(ideal.steps(), tensor.steps(), name + " steps");
        assertArrayEquals(ideal.memory(), tensor.memory(), name + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), name + " outputs");
    }
}
