package tc.learn;

import java.util.List;
import tc.computer.isa.TcMachineSpec;
import tc.computer.soft.FinalStateLoss;
import tc.computer.soft.SoftState;

/**
 * The gradient phases' loss on a task batch: for every expected output word, a robust squared
 * error {@code log(1 + (v − t)²/s²)} of the soft machine's final register or memory word.
 *
 * <p>Why not plain squared error: early in warm-up a blended program multiplies and shifts, so
 * final values can be 10^6 off and their squared error would swamp every useful direction; the
 * log keeps the gradient of a far-off word bounded ({@code ≤ 1/s}) while near the target it is
 * squared error scaled by 1/s². Partial credit per output falls out of the sum. {@code s} is the
 * spread of the task's target words, so the loss is scale-free across tasks.
 *
 * <p>Auxiliary halting loss: {@code w · (1 − halted)²} per case, on the halted mass at the end of
 * the run. The outputs are read whether or not the soft machine halted; without this term a blend
 * that keeps looping and happens to hold good values at step T looks as good as one that stopped.
 */
final class TaskLoss implements FinalStateLoss {
    private final List<TaskCase> batch;
    private final double scale, haltWeight;

    TaskLoss(List<TaskCase> batch) { this(batch, 0); }

    TaskLoss(List<TaskCase> batch, double haltWeight) {
        this.batch = List.copyOf(batch);
        this.haltWeight = haltWeight;
        double sq = 0;
        int n = 0;
        for (TaskCase c : batch)
            for (TaskCase.Expect e : c.expected()) {
                sq += (double) e.value() * e.value();
                n++;
            }
        this.scale = Math.max(1.0, Math.sqrt(sq / Math.max(1, n)) / 4);
    }

    /** Outputs per batch: the loss is reported per output so it reads the same for every task. */
    int outputs() {
        int n = 0;
        for (TaskCase c : batch) n += c.expected().size();
        return n;
    }

    @Override public double evaluate(int index, SoftState s, double[] gReg, double[] gMem) {
        double loss = 0;
        for (TaskCase.Expect e : batch.get(index).expected()) {
            double v = switch (e.where()) {
                case TaskCase.Location.Register r -> s.register(r.r());
                case TaskCase.Location.Memory m -> s.memory(m.address());
            };
            double d = (v - e.value()) / scale;
            if (!Double.isFinite(d)) return Double.NaN;
            loss += Math.log1p(d * d);
            double g = 2 * d / (1 + d * d) / scale;
            switch (e.where()) {
                case TaskCase.Location.Register r -> gReg[r.r()] += g;
                case TaskCase.Location.Memory m -> gMem[s.spec().address(m.address())] += g;
            }
        }
        return loss;
    }

    @Override public double evaluateHalting(int index, SoftState s, double[] gHalted) {
        double running = 1 - s.halted();
        gHalted[0] += -2 * haltWeight * running;
        return haltWeight * running * running;
    }

    /** The initial soft states of the batch's cases. */
    static SoftState[] initialStates(TcMachineSpec spec, List<TaskCase> batch) {
        SoftState[] out = new SoftState[batch.size()];
        for (int i = 0; i < out.length; i++) {
            TaskCase c = batch.get(i);
            SoftState s = SoftState.initial(spec);
            int[] regs = c.registers();
            for (int r = 0; r < regs.length; r++) s.withRegister(r, regs[r]);
            int[] mem = c.memory();
            for (int a = 0; a < mem.length; a++) s.withMemory(a, mem[a]);
            out[i] = s;
        }
        return out;
    }
}
