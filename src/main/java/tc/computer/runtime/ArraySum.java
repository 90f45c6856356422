package tc.computer.runtime;

import java.util.ArrayList;
import java.util.List;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * A demand-paging workload in plain instructions: an array of {@code n} words at
 * {@link #ARRAY}, first turned into its prefix sums in place (loads and stores), then summed again
 * (loads); OUT prints both totals and word 0 receives the first. With {@code paged} the program
 * first points {@code TRAP_VECTOR} at the appended {@link PagerRuntime} handler; without it that
 * store is a NOP, so the same code runs on the flat {@code cpu} machine for comparison. Used by
 * the paging tests and the seed machine's throughput benchmark.
 */
public final class ArraySum {
    private ArraySum() {}

    /** Where the array starts (virtual word). */
    public static final int ARRAY = 1024;

    /** The array's initial word i. */
    public static int initial(int i) { return (i * 7 + 3) % 1000 - 500; }

    /** The program for a virtual space of {@code virtualWords} words (the pager appended). */
    public static TcProgram program(SeedConfig config, int virtualWords, int n, boolean paged) {
        if (n <= 0 || ARRAY + (long) n > virtualWords) throw new IllegalArgumentException("the array does not fit the virtual space");
        List<TcInstruction> code = new ArrayList<>();
        code.add(new TcInstruction(TcOp.LI, 1, 0, 0, 0)); // patched below: the handler's slot
        code.add(paged ? new TcInstruction(TcOp.STORE, 0, 0, 1, Mmio.register(Mmio.TRAP_VECTOR)) : TcInstruction.of(TcOp.NOP));
        code.add(new TcInstruction(TcOp.LI, 3, 0, 0, 0));
        code.add(new TcInstruction(TcOp.LI, 4, 0, 0, 0));
        code.add(new TcInstruction(TcOp.LI, 5, 0, 0, n));
        int loop1 = code.size();
        code.add(new TcInstruction(TcOp.LOAD, 6, 4, 0, ARRAY));
        code.add(new TcInstruction(TcOp.ADD, 3, 3, 6, 0));
        code.add(new TcInstruction(TcOp.STORE, 0, 4, 3, ARRAY));
        code.add(new TcInstruction(TcOp.ADDI, 4, 4, 0, 1));
        code.add(new TcInstruction(TcOp.CMP, 0, 4, 5, 0));
        code.add(new TcInstruction(TcOp.JLT, 0, 0, 0, loop1));
        code.add(new TcInstruction(TcOp.LI, 4, 0, 0, 0));
        code.add(new TcInstruction(TcOp.LI, 7, 0, 0, 0));
        int loop2 = code.size();
        code.add(new TcInstruction(TcOp.LOAD, 6, 4, 0, ARRAY));
        code.add(new TcInstruction(TcOp.ADD, 7, 7, 6, 0));
        code.add(new TcInstruction(TcOp.ADDI, 4, 4, 0, 1));
        code.add(new TcInstruction(TcOp.CMP, 0, 4, 5, 0));
        code.add(new TcInstruction(TcOp.JLT, 0, 0, 0, loop2));
        code.add(new TcInstruction(TcOp.OUT, 0, 3, 0, 0));
        code.add(new TcInstruction(TcOp.OUT, 0, 7, 0, 0));
        code.add(new TcInstruction(TcOp.STORE, 0, 0, 3, 0));
        code.add(TcInstruction.of(TcOp.HALT));
        TcMachineSpec spec = TcMachineSpec.fitting(virtualWords, code.size());
        code.set(0, new TcInstruction(TcOp.LI, 1, 0, 0, spec.slots()));
        int[] data = new int[ARRAY + n];
        for (int i = 0; i < n; i++) data[ARRAY + i] = initial(i);
        return PagerRuntime.install(new TcProgram(code, spec, data), config).program();
    }
}
