package tc.computer.engine;

import java.util.Arrays;
import java.util.List;
import tc.computer.isa.TcMachineSpec;

/**
 * A snapshot of the discrete machine: what differential tests compare across engines.
 *
 * @param flags   Z, N, C, V in that order, each 0 or 1
 * @param outputs words written by OUT, in order
 */
public record TcState(int pc, int[] registers, int[] flags, int[] memory, boolean halted, long steps, List<Integer> outputs) {
    public static final int Z = 0, N = 1, C = 2, V = 3;

    public TcState {
        registers = registers.clone();
        flags = flags.clone();
        memory = memory.clone();
        outputs = List.copyOf(outputs);
        if (registers.length != TcMachineSpec.REGISTERS) throw new IllegalArgumentException("16 registers expected");
        if (flags.length != 4) throw new IllegalArgumentException("4 flags expected");
    }

    @Override public int[] registers() { return registers.clone(); }
    @Override public int[] flags() { return flags.clone(); }
    @Override public int[] memory() { return memory.clone(); }

    public int register(int r) { return registers[r]; }

    @Override public boolean equals(Object o) {
        return o instanceof TcState s && pc == s.pc && halted == s.halted && steps == s.steps
                && Arrays.equals(registers, s.registers) && Arrays.equals(flags, s.flags)
                && Arrays.equals(memory, s.memory) && outputs.equals(s.outputs);
    }

    @Override public int hashCode() { return Arrays.hashCode(registers) * 31 + pc; }

    @Override public String toString() {
        return "TcState[pc=" + pc + ", halted=" + halted + ", steps=" + steps + ", regs=" + Arrays.toString(registers)
                + ", flags=" + Arrays.toString(flags) + ", outputs=" + outputs + "]";
    }
}
