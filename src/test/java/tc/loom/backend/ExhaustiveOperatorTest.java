package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.Operand;
import tc.ir.UnaryOp;
import tc.ir.Var;
import tc.ir.Word;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;

/**
 * Every operator against {@link Word} for every pair of 8-bit operands (and a seeded sample of
 * 16-bit pairs): one program per operator and operand shape, whose memory image is patched with
 * each pair before running it on the ideal interpreter.
 */
class ExhaustiveOperatorTest {
    private static final MachineConfig SMALL8 = new MachineConfig(32, 64, 512, 8);
    private static final MachineConfig SMALL16 = new MachineConfig(32, 64, 512, 16);
    private static final Interpreter INTERP = new Interpreter();
    private static final RunOptions OPTS = RunOptions.defaults().withMaxSteps(10_000);

    /** How the operands and the destination of the operation relate. */
    enum Shape { PLAIN, DST_IS_LEFT, DST_IS_RIGHT, SAME_OPERAND }

    private static final List<BinaryOp> BINARY = new ArrayList<>();
    static {
        for (BinaryOp op : BinaryOp.values())
            if (op != BinaryOp.MUL && op != BinaryOp.DIV && op != BinaryOp.MOD) BINARY.add(op);
    }

    static int expected(BinaryOp op, int a, int b, int bits) {
        return switch (op) {
            case ADD -> Word.add(a, b, bits);
            case SUB -> Word.sub(a, b, bits);
            case AND -> a & b;
            case OR -> a | b;
            case XOR -> a ^ b;
            case SHL -> Word.shl(a, b, bits);
            case SHR -> Word.shr(a, b, bits);
            default -> op.toCmp().test(a, b) ? 1 : 0;
        };
    }

    static int expected(UnaryOp op, int a, int bits) {
        return switch (op) {
            case NEG -> Word.neg(a, bits);
            case NOT -> Word.not(a, bits);
            case LNOT -> a == 0 ? 1 : 0;
        };
    }

    /** A compiled program with two inputs patched into globals and one result read from a global. */
    private record Harness(Program program, int inA, int inB, int out) {
        int run(int a, int b) {
            int[] mem = program.memory();
            mem[inA] = a;
            if (inB >= 0) mem[inB] = b;
            RunResult r = INTERP.run(new Program(program.config(), mem, program.instructions(), program.debug()), OPTS);
            assertTrue(r.halted(), () -> "no halt for " + a + ", " + b + ": " + r.status() + " " + r.fault());
            return r.cell(out);
        }
    }

    private static Harness binaryHarness(BinaryOp op, Shape shape, MachineConfig config) {
        IrKit k = new IrKit(config.wordBits());
        Var a = k.global("a"), b = k.global("b"), r = k.global("r");
        IrKit.Fn main = k.fn("main", true);
        switch (shape) {
            case PLAIN -> main.bin(op, r, a, b);
            case DST_IS_LEFT -> main.bin(op, a, a, b);
            case DST_IS_RIGHT -> main.bin(op, b, a, b);
            case SAME_OPERAND -> main.bin(op, r, a, a);
        }
        main.ret(IrKit.imm(0)).done();
        Program p = Run.compile(k.build(), config);
        String result = switch (shape) { case DST_IS_LEFT -> "a"; case DST_IS_RIGHT -> "b"; default -> "r"; };
        return new Harness(p, Run.indexOf(p, "a"), shape == Shape.SAME_OPERAND ? -1 : Run.indexOf(p, "b"), Run.indexOf(p, result));
    }

    private static Harness branchHarness(CmpOp op, Operand left, Operand right, MachineConfig config, IrKit k, Var r) {
        k.fn("main", true)
                .br(op, left, right, "yes")
                .move(r, IrKit.imm(0)).ret(IrKit.imm(0))
                .label("yes").move(r, IrKit.imm(1)).ret(IrKit.imm(0)).done();
        Program p = Run.compile(k.build(), config);
        boolean hasB = p.debug().symbols().stream().anyMatch(s -> s.name().equals("b"));
        return new Harness(p, Run.indexOf(p, "a"), hasB ? Run.indexOf(p, "b") : -1, Run.indexOf(p, "r"));
    }

    private static void forAllPairs(int bits, IntBinaryOperator check) {
        if (bits == 8) {
            for (int a = -128; a < 128; a++) for (int b = -128; b < 128; b++) check.applyAsInt(a, b);
        } else {
            Random rnd = new Random(20240516L);
            int[] edges = {Word.min(16), Word.min(16) + 1, -2, -1, 0, 1, 2, 15, 16, 17, Word.max(16) - 1, Word.max(16)};
            for (int x : edges) for (int y : edges) check.applyAsInt(x, y);
            for (int i = 0; i < 20_000; i++) check.applyAsInt(Word.wrap(rnd.nextInt(), 16), Word.wrap(rnd.nextInt(), 16));
        }
    }

    private static void checkBinary(int bits) {
        MachineConfig config = bits == 8 ? SMALL8 : SMALL16;
        for (BinaryOp op : BINARY) {
            for (Shape shape : Shape.values()) {
                Harness h = binaryHarness(op, shape, config);
                forAllPairs(bits, (a, b) -> {
                    int want = shape == Shape.SAME_OPERAND ? expected(op, a, a, bits) : expected(op, a, b, bits);
                    assertEquals(want, h.run(a, b), () -> op + " " + shape + " a=" + a + " b=" + b);
                    return 0;
                });
            }
        }
    }

    @Test void binaryOperatorsAllPairs8() { checkBinary(8); }

    @Test void binaryOperatorsSample16() { checkBinary(16); }

    /** One operand an immediate: the specialised code paths (INC/DEC, constant shifts, sign tests). */
    @Test void binaryOperatorsWithConstants() {
        for (int bits : new int[] {8, 16}) {
            MachineConfig config = bits == 8 ? SMALL8 : SMALL16;
            int[] constants = {0, 1, -1, 2, -2, 3, 7, 8, 9, 15, 16, 17, Word.max(bits), Word.min(bits), Word.min(bits) + 1, 100, -100};
            for (BinaryOp op : BINARY) {
                for (int c : constants) {
                    for (boolean constLeft : new boolean[] {false, true}) {
                        IrKit k = new IrKit(bits);
                        Var a = k.global("a"), r = k.global("r");
                        IrKit.Fn main = k.fn("main", true);
                        if (constLeft) main.bin(op, r, IrKit.imm(c), a); else main.bin(op, r, a, IrKit.imm(c));
                        main.ret(IrKit.imm(0)).done();
                        Program p = Run.compile(k.build(), config);
                        Harness h = new Harness(p, Run.indexOf(p, "a"), -1, Run.indexOf(p, "r"));
                        forAllPairs(bits, (x, unused) -> {
                            if (unused != 0 && bits == 8) return 0;   // 8 bits: every x once
                            int want = constLeft ? expected(op, c, x, bits) : expected(op, x, c, bits);
                            assertEquals(want, h.run(x, 0), () -> op + " const " + c + (constLeft ? " left" : " right") + " x=" + x);
                            return 0;
                        });
                    }
                }
            }
        }
    }

    private static void checkBranches(int bits) {
        MachineConfig config = bits == 8 ? SMALL8 : SMALL16;
        for (CmpOp op : CmpOp.values()) {
            IrKit k = new IrKit(bits);
            Var a = k.global("a"), b = k.global("b"), r = k.global("r");
            Harness h = branchHarness(op, a, b, config, k, r);
            forAllPairs(bits, (x, y) -> {
                assertEquals(op.test(x, y) ? 1 : 0, h.run(x, y), () -> "branch " + op + " " + x + ", " + y);
                return 0;
            });
            IrKit k2 = new IrKit(bits);
            Var a2 = k2.global("a"), r2 = k2.global("r");
            Harness same = branchHarness(op, a2, a2, config, k2, r2);
            assertEquals(op.test(0, 0) ? 1 : 0, same.run(5, 0), "branch " + op + " x, x");
        }
    }

    @Test void branchesAllPairs8() { checkBranches(8); }

    @Test void branchesSample16() { checkBranches(16); }

    @Test void branchesAgainstConstants() {
        for (int bits : new int[] {8, 16}) {
            MachineConfig config = bits == 8 ? SMALL8 : SMALL16;
            int[] constants = {0, 1, -1, 5, -5, Word.max(bits), Word.min(bits), Word.min(bits) + 1, Word.max(bits) - 1};
            for (CmpOp op : CmpOp.values()) {
                for (int c : constants) {
                    for (boolean constLeft : new boolean[] {false, true}) {
                        IrKit k = new IrKit(bits);
                        Var a = k.global("a"), r = k.global("r");
                        Operand left = constLeft ? IrKit.imm(c) : a, right = constLeft ? a : IrKit.imm(c);
                        Harness h = branchHarness(op, left, right, config, k, r);
                        forAllPairs(bits, (x, unused) -> {
                            if (unused != 0 && bits == 8) return 0;
                            boolean want = constLeft ? op.test(c, x) : op.test(x, c);
                            assertEquals(want ? 1 : 0, h.run(x, 0), () -> "branch " + op + " const " + c + " x=" + x);
                            return 0;
                        });
                    }
                }
            }
        }
    }

    @Test void unaryOperators() {
        for (int bits : new int[] {8, 16}) {
            MachineConfig config = bits == 8 ? SMALL8 : SMALL16;
            for (UnaryOp op : UnaryOp.values()) {
                for (boolean inPlace : new boolean[] {false, true}) {
                    IrKit k = new IrKit(bits);
                    Var a = k.global("a"), r = k.global("r");
                    k.fn("main", true).un(op, inPlace ? a : r, a).ret(IrKit.imm(0)).done();
                    Program p = Run.compile(k.build(), config);
                    Harness h = new Harness(p, Run.indexOf(p, "a"), -1, Run.indexOf(p, inPlace ? "a" : "r"));
                    forAllPairs(bits, (x, unused) -> {
                        if (unused != 0 && bits == 8) return 0;
                        assertEquals(expected(op, x, bits), h.run(x, 0), () -> op + (inPlace ? " in place" : "") + " x=" + x);
                        return 0;
                    });
                }
            }
        }
    }
}
