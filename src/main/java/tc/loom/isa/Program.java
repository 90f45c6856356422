package tc.loom.isa;

import java.util.Arrays;
import java.util.List;
import tc.ir.Word;

/**
 * An ISA program ready to run: the machine shape, the initial memory image (all m cells) and the
 * instructions, which occupy columns {@code s + m + k}.
 */
public record Program(MachineConfig config, int[] memory, List<Instruction> instructions, DebugInfo debug) {

    public Program {
        if (memory.length != config.m())
            throw new IllegalArgumentException("memory image has " + memory.length + " cells, config has m = " + config.m());
        if (instructions.size() > config.instructionSlots())
            throw new IllegalArgumentException("program has " + instructions.size() + " instructions, config "
                    + config.name() + " has " + config.instructionSlots() + " slots");
        for (int v : memory)
            if (!Word.fits(v, config.wordBits()))
                throw new IllegalArgumentException("memory value " + v + " does not fit " + config.wordBits() + " bits");
        int maxField = config.n() - 1;
        for (Instruction i : instructions)
            if (i.a() > maxField || i.b() > maxField || i.c() > maxField)
                throw new IllegalArgumentException("instruction " + i + " has a field wider than ℓ = " + config.addressBits() + " bits");
        memory = memory.clone();
        instructions = List.copyOf(instructions);
    }

    /** A copy of the initial memory image (the record keeps its own). */
    @Override public int[] memory() { return memory.clone(); }

    public int size() { return instructions.size(); }

    /** Column of instruction {@code k}. */
    public int columnOf(int k) { return config.programStart() + k; }

    @Override public boolean equals(Object o) {
        return o instanceof Program p && config.equals(p.config) && Arrays.equals(memory, p.memory)
                && instructions.equals(p.instructions);
    }

    @Override public int hashCode() { return 31 * config.hashCode() + Arrays.hashCode(memory) + instructions.hashCode(); }
}
