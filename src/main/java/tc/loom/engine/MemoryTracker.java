package tc.loom.engine;

import java.util.Arrays;
import java.util.function.IntConsumer;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateMatrix;

/**
 * The memory cells as decoded from the state, kept up to date step by step. When the pass can
 * say which columns its last step wrote ({@link ForwardPass#columnsWritten}), only those memory
 * columns are decoded again; otherwise every cell is (m·N reads a step, tens of microseconds at
 * n = 2048, more than the fast engine's step).
 */
final class MemoryTracker implements IntConsumer {
    private final int m, memoryStart;
    private final int[] memory;
    private final int[] changed;   // indices of the cells the last update changed
    private int count;
    private StateMatrix x;

    MemoryTracker(StateMatrix x) {
        MachineConfig c = x.layout().config();
        m = c.m();
        memoryStart = c.memoryStart();
        memory = new int[m];
        for (int i = 0; i < m; i++) memory[i] = x.memory(i);
        changed = new int[m];
    }

    /** Re-reads the cells the last step of {@code pass} can have changed in {@code x}. */
    void update(StateMatrix x, ForwardPass pass) {
        this.x = x;
        count = 0;
        if (!pass.columnsWritten(this)) for (int i = 0; i < m; i++) read(i);
        // trace events list writes in index order
        if (count > 1) Arrays.sort(changed, 0, count);
    }

    /** A column the pass wrote. */
    @Override public void accept(int column) {
        int i = column - memoryStart;
        if (i >= 0 && i < m) read(i);
    }

    private void read(int i) {
        int value = x.memory(i);
        if (value != memory[i]) {
            memory[i] = value;
            changed[count++] = i;
        }
    }

    int cell(int i) { return memory[i]; }

    /** Whether cell i changed in the last update. */
    boolean changed(int i) {
        for (int k = 0; k < count; k++) if (changed[k] == i) return true;
        return false;
    }

    /** Pairs (index, new value) of the cells the last update changed, in index order. */
    int[] changes() {
        int[] out = new int[2 * count];
        for (int k = 0; k < count; k++) {
            out[2 * k] = changed[k];
            out[2 * k + 1] = memory[changed[k]];
        }
        return out;
    }

    /** A copy of every cell. */
    int[] snapshot() { return memory.clone(); }
}
