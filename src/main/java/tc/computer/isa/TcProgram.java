package tc.computer.isa;

import java.util.List;

/**
 * A discrete Tensor Computer program: instructions (slot k holds instruction k; slots past the
 * end hold HALT), the machine it is built for and the initial memory (shorter than memory is fine:
 * the rest is 0).
 */
public record TcProgram(List<TcInstruction> code, TcMachineSpec spec, int[] data) {
    public TcProgram {
        code = List.copyOf(code);
        data = data.clone();
        if (code.size() > spec.slots())
            throw new IllegalArgumentException(code.size() + " instructions do not fit " + spec.slots() + " slots");
        if (data.length > spec.memoryWords())
            throw new IllegalArgumentException(data.length + " data words do not fit " + spec.memoryWords() + " memory words");
    }

    public TcProgram(List<TcInstruction> code) { this(code, TcMachineSpec.fitting(TcMachineSpec.DEFAULT.memoryWords(), code.size()), new int[0]); }

    @Override public int[] data() { return data.clone(); }

    /** Equal code, spec and initial memory (the array by content, not by reference). */
    @Override public boolean equals(Object o) {
        return o instanceof TcProgram p && code.equals(p.code) && spec.equals(p.spec) && java.util.Arrays.equals(data, p.data);
    }

    @Override public int hashCode() { return (code.hashCode() * 31 + spec.hashCode()) * 31 + java.util.Arrays.hashCode(data); }

    @Override public String toString() { return "TcProgram[code=" + code + ", spec=" + spec + ", data=" + java.util.Arrays.toString(data) + "]"; }

    /** The instruction in slot k (HALT beyond the program). */
    public TcInstruction at(int k) { return k < code.size() ? code.get(k) : TcInstruction.of(TcOp.HALT); }
}
