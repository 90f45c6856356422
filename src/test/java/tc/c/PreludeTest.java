package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.ir.Word;

/** The run-time library computes exactly {@link Word}'s *, / and %. */
class PreludeTest {
    private static final List<String> HELPERS = List.of("__mul", "__div", "__mod");

    private static int expected(String helper, int a, int b, int bits) {
        return switch (helper) {
            case "__mul" -> Word.mul(a, b, bits);
            case "__div" -> Word.div(a, b, bits);
            default -> Word.mod(a, b, bits);
        };
    }

    private static void check(IrProgram p, String helper, int a, int b) {
        IrInterpreter.Result r = IrInterpreter.call(p, helper, List.of(a, b), 100_000);
        assertEquals(IrInterpreter.Status.RETURNED, r.status());
        int want = expected(helper, a, b, p.wordBits());
        if (r.retval() != want) assertEquals(want, r.retval(), helper + "(" + a + ", " + b + ") at N=" + p.wordBits());
    }

    @Test
    void helpersFollowTheUserFunctionsAndUseNoMultiplyOrDivide() {
        IrProgram p = Programs.compile("int main() { return 0; }", 8);
        assertEquals(List.of("main", "__mul", "__div", "__mod"), p.functions().stream().map(IrFunction::name).toList());
        for (String h : HELPERS) {
            for (Instr i : p.function(h).orElseThrow().body()) {
                if (i instanceof Instr.Binary b) {
                    assertTrue(b.op() != tc.ir.BinaryOp.MUL && b.op() != tc.ir.BinaryOp.DIV && b.op() != tc.ir.BinaryOp.MOD, h + ": " + b);
                }
            }
        }
    }

    @Test
    void exhaustiveAt8Bits() {
        IrProgram p = Programs.compile("int main() { return 0; }", 8);
        for (String h : HELPERS) {
            for (int a = -128; a < 128; a++) for (int b = -128; b < 128; b++) check(p, h, a, b);
        }
    }

    @Test
    void sampledAt16Bits() {
        IrProgram p = Programs.compile("int main() { return 0; }", 16);
        Random rnd = new Random(16);
        int[] edges = {0, 1, -1, 2, -2, 32767, -32768, 32766, -32767, 255, 256, -256};
        for (String h : HELPERS) {
            for (int a : edges) for (int b : edges) check(p, h, a, b);
            for (int k = 0; k < 20_000; k++) {
                int a = Word.wrap(rnd.nextInt(), 16);
                int b = k % 4 == 0 ? Word.wrap(rnd.nextInt(512) - 256, 16) : Word.wrap(rnd.nextInt(), 16);
                check(p, h, a, b);
            }
        }
    }
}
