package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tc.loom.backend.Compiler;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.PassKind;
import tc.loom.io.StateVectors;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.source.SourceFile;

/**
 * bench/onnx_check.py on a file {@code tc export onnx} wrote: onnx.checker accepts it, and one
 * step evaluated by the onnx package's side (not ONNX Runtime) equals the sparse engine's step
 * bit for bit; a state off by one entry is caught. Needs Debian's python3-onnx (.ci/run installs
 * it): without it the test fails and says what to install.
 */
class OnnxCheckScriptTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("bench/onnx_check.py");

    @TempDir Path dir;

    @Test void exportedStepPassesTheCheckerAndTheReferenceStepEqualsSparse() throws Exception {
        requirePythonOnnx();
        Path model = dir.resolve("step.onnx");
        Cli export = Cli.run("export", "onnx", "--config", "146x512", "-o", model.toString());
        assertEquals(0, export.exit(), export.err());
        // gcd after 10 steps: a state in the middle of a run, then sparse's next step
        Program program = Compiler.compile(new SourceFile("gcd.c", Files.readString(Path.of("src/test/resources/corpus/loom-demos/gcd.c"))),
                tc.loom.backend.CompileOptions.of(tc.loom.isa.MachineConfig.NAMED.get("146x512")));
        StateMatrix x = StateMatrix.initial(program, StateLayout.exact(program.config()));
        ForwardPass sparse = PassKind.SPARSE.create(ExactWeights.build(program.config()));
        for (int i = 0; i < 10; i++) sparse.stepNext(x.data());
        Path before = dir.resolve("before.bin"), after = dir.resolve("after.bin"), wrong = dir.resolve("wrong.bin");
        Files.write(before, StateVectors.write(x));
        sparse.stepNext(x.data());
        Files.write(after, StateVectors.write(x));
        Result ok = script(model, before, after);
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.contains("is valid ONNX"), ok.output);
        assertTrue(ok.output.contains("tc.config = 146x512"), ok.output);
        assertTrue(ok.output.contains("equal tc's bit for bit"), ok.output);
        x.data()[x.layout().columns() * 3 + 40] += 1f;
        Files.write(wrong, StateVectors.write(x));
        Result bad = script(model, before, wrong);
        assertEquals(1, bad.exit, bad.output);
        assertTrue(bad.output.contains("FAIL: one step on") && bad.output.contains("1 of 86016 entries differ"), bad.output);
    }

    private record Result(int exit, String output) {}

    private static Result script(Path model, Path in, Path expect) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), model.toString(), "--input", in.toString(), "--expect", expect.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bench/onnx_check.py did not finish in 300 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Fails (not skips) with what to install when /usr/bin/python3 cannot import onnx and numpy. */
    private static void requirePythonOnnx() throws IOException, InterruptedException {
        String help = "bench/onnx_check.py needs Debian's python3-onnx: run 'apt-get install -y python3-onnx' (.ci/run does)";
        if (!Files.isExecutable(PYTHON)) fail(PYTHON + " not found; " + help);
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import onnx, numpy").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail(help + "\n" + out);
    }
}
