package tc.learn;

import java.util.List;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcProgram;

/**
 * Runs a program on task cases and scores it. Package-private on purpose: the only caller is
 * {@link EpisodeCounter}, so no evaluation escapes the episode count.
 */
final class Scorer {
    private Scorer() {}

    /** The most a wrong output word earns: a hint of how close it is (bits in agreement). */
    static final double NEAR_CREDIT = 0.2;

    /** How many batches were scored, ever: lets tests check the episode count against real work. */
    static final java.util.concurrent.atomic.AtomicLong BATCHES_SCORED = new java.util.concurrent.atomic.AtomicLong();

    static Evaluation score(TcProgram program, Task task, List<TaskCase> batch) {
        BATCHES_SCORED.incrementAndGet();
        double total = 0;
        int exact = 0;
        long words = 0, wordsRight = 0;
        for (TaskCase c : batch) {
            TcMachine m = run(program, task, c);
            if (!m.halted()) continue;
            double credit = 0;
            boolean all = true;
            for (TaskCase.Expect e : c.expected()) {
                int got = read(m, e.where());
                if (got == e.value()) { credit += 1; wordsRight++; }
                else {
                    all = false;
                    credit += NEAR_CREDIT * (1 - Integer.bitCount(got ^ e.value()) / 32.0);
                }
            }
            total += credit / c.expected().size();
            if (all) exact++;
        }
        for (TaskCase c : batch) words += c.expected().size();
        return new Evaluation(total / batch.size(), (double) exact / batch.size(), (double) wordsRight / words);
    }

    /** Runs one case to HALT or the task's step limit. Public semantics: see {@link Task}. */
    static TcMachine run(TcProgram program, Task task, TaskCase c) {
        TcMachine m = new TcMachine(program);
        int[] regs = c.registers();
        for (int r = 0; r < regs.length; r++) m.withRegister(r, regs[r]);
        int[] mem = c.memory();
        for (int a = 0; a < mem.length; a++) m.withMemory(a, mem[a]);
        m.run(task.stepLimit());
        return m;
    }

    static int read(TcMachine m, TaskCase.Location where) {
        return switch (where) {
            case TaskCase.Location.Register r -> m.register(r.r());
            case TaskCase.Location.Memory a -> m.memory(a.address());
        };
    }
}
