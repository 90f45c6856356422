package tc.computer.soft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.interp.TcMachine;
import tc.computer.engine.TcState;
import tc.computer.isa.RandomInstructions;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;

/**
 * Issue 4's differential acceptance check: seeded random programs end in identical states on the
 * interpreter, on the soft machine with one-hot parameters, and on the soft machine at τ = 1e-3
 * from noisy ±1 logits.
 */
class SoftDifferentialTest {
    static final int PROGRAMS = 10_000, MAX_STEPS = 48;

    @Test void randomProgramsAgreeOnAllThreeMachines() {
        var random = new SplittableRandom(20261123);
        long[] executed = new long[TcOp.COUNT];
        int halted = 0, tookJumps = 0;
        for (int n = 0; n < PROGRAMS; n++) {
            int words = n % 3 == 0 ? 16 : 256;
            int length = 4 + random.nextInt(29);
            TcProgram program = RandomInstructions.program(random, words, length);
            int[] inputs = new int[4];
            for (int r = 0; r < 4; r++) inputs[r] = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(40) - 8;

            var interp = new TcMachine(program);
            for (int r = 0; r < 4; r++) interp.withRegister(r, inputs[r]);
            int[] jumped = {0};
            TcState expected = interp.run(MAX_STEPS, (step, pc, ins, after) -> {
                executed[ins.op().ordinal()]++;
                if (after.pc() != ((pc + 1) & (program.spec().slots() - 1))) jumped[0]++;
            });
            if (expected.halted()) halted++;
            if (jumped[0] > 0) tookJumps++;

            TcState oneHot = soft(program, TcParams.encode(program, 1000.0), SoftTemperatures.of(1.0), inputs);
            assertEquals(expected, oneHot, () -> "one-hot soft machine differs on " + program.code());

            double[] logits = TcParams.encode(program, 1.0);
            for (int i = 0; i < logits.length; i++) logits[i] += (random.nextDouble() - 0.5) * 0.6;
            TcState cold = soft(program, logits, SoftTemperatures.of(1e-3), inputs);
            assertEquals(expected, cold, () -> "soft machine at τ = 1e-3 differs on " + program.code());
        }
        for (TcOp op : TcOp.values()) assertTrue(executed[op.ordinal()] >= 100, op + " executed only " + executed[op.ordinal()] + " times");
        assertTrue(halted > PROGRAMS / 4 && halted < PROGRAMS, "halted " + halted);
        assertTrue(tookJumps > PROGRAMS / 4, "programs that jumped: " + tookJumps);
    }

    private static TcState soft(TcProgram program, double[] params, SoftTemperatures tau, int[] inputs) {
        SoftState s = SoftState.initial(program);
        for (int r = 0; r < inputs.length; r++) s.withRegister(r, inputs[r]);
        return new SoftMachine(program.spec(), params, tau).run(s, MAX_STEPS).toTcState();
    }
}
