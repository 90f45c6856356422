package tc.transformer.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tc.compiler.CompileOptions;
import tc.compiler.Compiler;
import tc.engine.Engines;
import tc.engine.RunOptions;
import tc.engine.RunResult;
import tc.engine.interp.Interpreter;
import tc.isa.MachineConfig;
import tc.isa.Program;
import tc.source.SourceFile;

class ExactCorpusSmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"fibonacci", "gcd", "collatz", "primes", "bubblesort"})
    void loomDemosOnExactSparse(String name) throws Exception {
        Path file = Path.of("src/test/resources/corpus/loom-demos", name + ".c");
        Program program = Compiler.compile(new SourceFile(file.toString(), Files.readString(file)),
                CompileOptions.of(MachineConfig.parse("155x1024")));
        RunOptions options = RunOptions.defaults().withMaxSteps(5_000);
        RunResult ideal = new Interpreter().run(program, options);
        RunResult tensor = Engines.get("sparse", "exact").run(program, options);
        assertEquals(ideal.status(), tensor.status(), name);
        assertEquals(ideal.steps(), tensor.steps(), name + " steps");
        assertArrayEquals(ideal.memory(), tensor.memory(), name + " memory");
        assertEquals(ideal.outputs(), tensor.outputs(), name + " outputs");
    }
}
