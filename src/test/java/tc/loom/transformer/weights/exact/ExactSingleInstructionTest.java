package tc.loom.transformer.weights.exact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.loom.engine.PassKind;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;

/**
 * Issue 3's exhaustive single-instruction check on the exact profile (sparse engine, lockstep with
 * the interpreter). CI runs every boundary pair plus a seeded sample; {@code -Pexhaustive}
 * (property {@code tc.exact.full=true}) runs all 65,536 pairs for every two-operand opcode.
 */
class ExactSingleInstructionTest {
    static final boolean FULL = Boolean.getBoolean("tc.exact.full");
    static final int SAMPLE = Integer.getInteger("tc.exact.pairs", 5_600);
    static final int SAMPLE16 = Integer.getInteger("tc.exact.pairs16", 300);
    static final int[] BOUNDARY = {-128, -127, -65, -64, -2, -1, 0, 1, 2, 63, 64, 126, 127};

    static List<int[]> pairs(int bits, SplittableRandom random) {
        List<int[]> out = new ArrayList<>();
        int lo = -(1 << (bits - 1)), size = 1 << bits;
        if (FULL && bits == 8) {
            for (int x = 0; x < size; x++) for (int y = 0; y < size; y++) out.add(new int[] {lo + x, lo + y});
            return out;
        }
        int max = (1 << (bits - 1)) - 1;
        for (int x : BOUNDARY) for (int y : BOUNDARY) out.add(new int[] {Math.max(lo, Math.min(max, x * (bits == 16 ? 256 : 1))), Math.max(lo, Math.min(max, y * (bits == 16 ? 256 : 1)))});
        for (int i = 0, count = bits == 8 ? SAMPLE : SAMPLE16; i < count; i++) out.add(new int[] {lo + random.nextInt(size), lo + random.nextInt(size)});
        return out;
    }

    static void check(MachineConfig config, int seed) {
        var model = ExactWeights.build(config);
        // One check per opcode, in parallel: the opcodes are independent and each has its own seed.
        List<SingleInstructionCheck> checks = java.util.Arrays.stream(Opcode.values()).parallel()
                .map(op -> checkOpcode(config, model, op, new SplittableRandom(seed * 100L + op.ordinal()))).toList();
        long instructions = checks.stream().mapToLong(c -> c.instructionsChecked).sum();
        long pairsChecked = checks.stream().mapToLong(c -> c.pairsChecked).sum();
        List<String> failures = checks.stream().flatMap(c -> c.failures.stream()).toList();
        System.out.printf("exact single-instruction check %s: %d instructions, %d value pairs, %d failures%n", config.name(),
                instructions, pairsChecked, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0, Math.min(5, failures.size())));
    }

    static SingleInstructionCheck checkOpcode(MachineConfig config, tc.loom.transformer.LoomModel model, Opcode op, SplittableRandom random) {
        var check = new SingleInstructionCheck(config, model, PassKind.SPARSE);
        switch (op) {
            case HALT -> {
                for (int c : new int[] {0, 1, 2, config.programStart(), config.programStart() + 1, config.n() - 1}) check.halt(config.memoryStart(), c);
            }
            case LOAD, STORE, FIND -> {
                int[] all = new int[1 << config.wordBits()];
                for (int p = 0; p < all.length; p++) all[p] = p;
                check.pointers(op, config.wordBits() == 8 ? all : sample(all, 600, random), random);
                check.randomPrograms(op, 4, 40, op == Opcode.FIND ? 5 : config.m(), random);
            }
            default -> {
                List<int[]> p = pairs(config.wordBits(), random);
                check.pairsChecked += p.size();
                check.pairs(op, p);
            }
        }
        return check;
    }

    static int[] sample(int[] all, int count, SplittableRandom random) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = all[random.nextInt(all.length)];
        out[0] = 0;
        out[1] = all.length - 1;
        return out;
    }

    @Test void everyOpcodeAtEightBits() { check(MachineConfig.parse("146x512"), 8); }

    @Test void sixteenBitSample() { check(MachineConfig.parse("155x1024").withWordBits(16), 16); }
}
