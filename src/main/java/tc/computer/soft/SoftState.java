package tc.computer.soft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc.computer.engine.TcState;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcProgram;

/**
 * The state of one soft machine: real registers, flags in [0, 1], the PC as a distribution over
 * the slots, real memory words, the halted mass, the (soft) step count and an output tape whose
 * entries carry the mass with which OUT executed. {@link #toTcState} reads the discrete state off
 * it: registers and memory rounded to 32-bit words, the most likely PC, flags and halting above ½,
 * the outputs written with mass above ½.
 */
public final class SoftState {
    final TcMachineSpec spec;
    public final double[] reg = new double[TcMachineSpec.REGISTERS];
    final double[] flags = new double[4];
    final double[] pc;
    public final double[] mem;
    double halted;
    double steps;
    private double[] outValue = new double[4], outMass = new double[4];
    private int outCount;

    private SoftState(TcMachineSpec spec) {
        this.spec = spec;
        this.pc = new double[spec.slots()];
        this.mem = new double[spec.memoryWords()];
    }

    /** The program's initial state: registers 0, sp = memory words, PC on slot 0, data in memory. */
    public static SoftState initial(TcProgram program) {
        SoftState s = initial(program.spec());
        int[] data = program.data();
        for (int i = 0; i < data.length; i++) s.mem[i] = data[i];
        return s;
    }

    /** An empty machine of this size: registers 0, sp = memory words, PC on slot 0, memory 0. */
    public static SoftState initial(TcMachineSpec spec) {
        SoftState s = new SoftState(spec);
        s.reg[TcMachineSpec.SP] = spec.memoryWords();
        s.pc[0] = 1;
        return s;
    }

    public SoftState withRegister(int r, double value) { reg[r] = value; return this; }

    public SoftState withMemory(int address, double value) { mem[spec.address(address)] = value; return this; }

    public TcMachineSpec spec() { return spec; }
    public double register(int r) { return reg[r]; }
    public double memory(int address) { return mem[spec.address(address)]; }
    public double flag(int f) { return flags[f]; }
    /** Probability that the PC is on slot k. */
    public double pc(int k) { return pc[k]; }
    public double halted() { return halted; }
    public double steps() { return steps; }
    /** Entries on the output tape: one per step in which OUT had weight above 0. */
    public int outputCount() { return outCount; }
    /** The value OUT wrote in entry i (rs1's soft value). */
    public double outputValue(int i) { return outValue[java.util.Objects.checkIndex(i, outCount)]; }
    /** The mass with which OUT executed in entry i (its effective opcode weight). */
    public double outputMass(int i) { return outMass[java.util.Objects.checkIndex(i, outCount)]; }

    /** Copies every field of {@code from} (same spec) into this state. */
    void copyFrom(SoftState from) {
        System.arraycopy(from.reg, 0, reg, 0, reg.length);
        System.arraycopy(from.flags, 0, flags, 0, flags.length);
        System.arraycopy(from.pc, 0, pc, 0, pc.length);
        System.arraycopy(from.mem, 0, mem, 0, mem.length);
        halted = from.halted;
        steps = from.steps;
        outValue = from.outValue.clone();
        outMass = from.outMass.clone();
        outCount = from.outCount;
    }

    public SoftState copy() {
        SoftState s = new SoftState(spec);
        s.copyFrom(this);
        return s;
    }

    void output(double value, double mass) {
        if (outCount == outValue.length) {
            outValue = Arrays.copyOf(outValue, 2 * outCount);
            outMass = Arrays.copyOf(outMass, 2 * outCount);
        }
        outValue[outCount] = value;
        outMass[outCount++] = mass;
    }

    /** The 32-bit word a real value stands for: rounded to nearest, wrapped modulo 2^32. */
    static int word(double x) { return (int) (long) Math.rint(x); }

    /** The discrete state this soft state stands for. */
    public TcState toTcState() {
        int[] r = new int[reg.length];
        for (int i = 0; i < r.length; i++) r[i] = word(reg[i]);
        int[] f = new int[4];
        for (int i = 0; i < 4; i++) f[i] = flags[i] > 0.5 ? 1 : 0;
        int[] m = new int[mem.length];
        for (int i = 0; i < m.length; i++) m[i] = word(mem[i]);
        int best = 0;
        for (int k = 1; k < pc.length; k++) if (pc[k] > pc[best]) best = k;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < outCount; i++) if (outMass[i] > 0.5) out.add(word(outValue[i]));
        return new TcState(best, r, f, m, halted > 0.5, Math.round(steps), out);
    }
}
