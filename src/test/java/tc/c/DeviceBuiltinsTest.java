package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc.ir.DeviceOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.source.CompileException;
import tc.source.Diagnostic;
import tc.source.SourceFile;

/** The seed machine's C builtins in the front end, the IR, the IR interpreter and the Loom back end's refusal. */
class DeviceBuiltinsTest {
    static Stream<Arguments> diagnostics() {
        return Stream.of(
                Arguments.of("int b[100];\nint main() { sector_read(0, b); return 0; }",
                        "sector_read needs a global int array of 1024 words as its buffer; 'b' is a global array of 100 words", 2, 29),
                Arguments.of("int main() { int b[1024]; sector_write(0, b); return 0; }",
                        "sector_write needs a global int array of 1024 words as its buffer; 'b' is a local array of 1024 words", 1, 43),
                Arguments.of("int x;\nint main() { sector_write(0, x); return 0; }",
                        "sector_write needs a global int array of 1024 words as its buffer; 'x' is a global scalar", 2, 30),
                Arguments.of("int b[1024];\nint main() { sector_read(0, b[1]); return 0; }",
                        "sector_read needs a global int array of 1024 words as its buffer", 2, 29),
                Arguments.of("int main() { sector_read(0, nothing); return 0; }", "undefined variable 'nothing'", 1, 29),
                Arguments.of("int main() { putchar(1, 2); return 0; }", "function 'putchar' expects 1 argument, got 2", 1, 14),
                Arguments.of("int main() { return pixel(1, 2, 3, 4, 5); }", "void value used in expression", 1, 21),
                Arguments.of("int main() { return gpu_matmul(0, 1, 2, 3, 4); }", "function 'gpu_matmul' expects 6 arguments, got 5", 1, 21),
                Arguments.of("int a[4];\nint main() { gpu_write(a, 1); return 0; }", "arrays cannot be passed to builtin 'gpu_write' ('a')", 2, 24),
                // The program's own getchar takes the name, with its own arity.
                Arguments.of("int getchar(int x) { return x; }\nint main() { return getchar(); }", "function 'getchar' expects 1 argument, got 0", 2, 21));
    }

    @ParameterizedTest
    @MethodSource("diagnostics")
    void badUsesAreDiagnosedAtTheirPosition(String src, String message, int line, int col) {
        Diagnostic d = Programs.error(src, 32);
        assertEquals(message, d.message());
        assertEquals(line, d.pos().line());
        assertEquals(col, d.pos().column());
    }

    private static List<Instr.Device> devices(IrProgram p) {
        return p.function("main").orElseThrow().body().stream().filter(i -> i instanceof Instr.Device).map(i -> (Instr.Device) i).toList();
    }

    @Test
    void everyBuiltinLowersToOneDeviceInstructionInSourceOrder() {
        IrProgram p = Programs.compile("""
                int buf[1024];
                int main() {
                    int c = getchar();
                    putchar(c);
                    pixel(1, 2, 3, 4, 5);
                    sector_read(7, buf);
                    sector_write(8, buf);
                    gpu_write(0, 9);
                    int v = gpu_read(0);
                    gpu_fill(0, 4, 1);
                    gpu_add(0, 4, 8, 4);
                    gpu_mul(0, 4, 8, 4);
                    gpu_scale(0, 8, 4, 3);
                    int d = gpu_dot(0, 4, 4);
                    gpu_matmul(0, 4, 8, 2, 2, 2);
                    gpu_relu(0, 8, 4);
                    int k = getkey();
                    return v + d + k;
                }
                """, 32);
        List<Instr.Device> ds = devices(p);
        List<DeviceOp> expected = new java.util.ArrayList<>(List.of(DeviceOp.values()));
        java.util.Collections.swap(expected, 0, 1); // getchar comes first in the source
        assertEquals(expected, ds.stream().map(Instr.Device::op).toList());
        Instr.Device pixel = ds.get(2);
        assertEquals(List.of(new Imm(1), new Imm(2), new Imm(3), new Imm(4), new Imm(5)), pixel.args());
        assertEquals(5, pixel.pos().line());
        assertEquals("buf", ds.get(3).buffer().name());
        assertEquals(List.of(new Imm(7)), ds.get(3).args());
        assertTrue(ds.get(0).dst() != null, "getchar's value is used");
        assertTrue(ds.get(ds.size() - 1).dst() != null, "getkey's value is used");
        assertEquals(null, ds.get(1).dst());
    }

    @Test
    void aValueBuiltinCalledForItsEffectStillRuns() {
        // getchar() consumes a byte even when the value is dropped; it must not be folded away.
        List<Instr.Device> ds = devices(Programs.compile("int main() { getchar(); gpu_read(3); return 0; }", 32));
        assertEquals(List.of(DeviceOp.GETCHAR, DeviceOp.GPU_READ), ds.stream().map(Instr.Device::op).toList());
        assertEquals(null, ds.get(0).dst());
    }

    @Test
    void operandsAreEvaluatedLeftToRightBeforeTheDevice() {
        IrProgram p = Programs.compile("int g;\nint f() { g = g + 1; return g; }\nint main() { gpu_write(g, f()); return 0; }", 32);
        Instr.Device d = devices(p).get(0);
        // g is read before f() changes it: the first operand is a copy, not g itself.
        assertTrue(d.args().get(0) instanceof tc.ir.Var v && v.kind() == tc.ir.Var.Kind.TEMP, d.toString());
    }

    @Test
    void theIrInterpreterStopsAtADeviceItDoesNotHave() {
        IrInterpreter.Result r = IrInterpreter.run(Programs.compile("int main() { output(1); putchar(65); output(2); return 3; }", 32), 1000);
        assertEquals(IrInterpreter.Status.NEEDS_DEVICE, r.status());
        assertEquals(List.of(1), r.outputs());
    }

    @Test
    void theLoomTargetRefusesEachDeviceBuiltinAtItsCall() {
        for (DeviceOp op : DeviceOp.values()) {
            String args = switch (op.scalarArgs()) {
                case 0 -> "";
                default -> String.join(", ", java.util.Collections.nCopies(op.scalarArgs(), "1"));
            };
            if (op.usesBuffer()) args += ", buf";
            String call = op.cName() + "(" + args + ")";
            String src = "int buf[1024];\nint main() {\n  int x = 0;\n  " + (op.returnsValue() ? "x = " : "") + call + ";\n  return x;\n}\n";
            CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new SourceFile("d.c", src), CompileOptions.defaults()), op.cName());
            Diagnostic d = e.diagnostic();
            assertEquals(op.cName() + " needs the Tensor Computer's seed machine: compile with --target tc --machine seed", d.message());
            assertEquals(4, d.pos().line());
            assertEquals(op.returnsValue() ? 7 : 3, d.pos().column(), op.cName());
        }
    }
}
