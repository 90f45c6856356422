package tc.computer.interp;

import tc.computer.engine.TcState;
import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * The discrete Tensor Computer: the definition of what every instruction means. The soft machine
 * must reproduce it exactly with one-hot parameters or as τ → 0.
 *
 * <p>The machine is total: every instruction has a result for every state (addresses and jump
 * targets wrap, x/0 = −1, x%0 = x), so a random program never faults; it stops on HALT or at the
 * step limit.
 */
public final class TcMachine {
    /** Receives each executed instruction; {@code after} is the state after it. */
    public interface Trace {
        void step(long step, int pc, TcInstruction instruction, TcMachine after);
    }

    private final TcProgram program;
    private final TcMachineSpec spec;
    private final int[] reg = new int[TcMachineSpec.REGISTERS];
    private final int[] flags = new int[4];
    private final int[] mem;
    private final List<Integer> outputs = new ArrayList<>();
    private int pc;
    private boolean halted;
    private long steps;

    public TcMachine(TcProgram program) {
        this.program = program;
        this.spec = program.spec();
        this.mem = new int[spec.memoryWords()];
        int[] data = program.data();
        System.arraycopy(data, 0, mem, 0, data.length);
        reg[TcMachineSpec.SP] = spec.memoryWords();
    }

    /** Sets a register before the run (how tasks pass inputs). */
    public TcMachine withRegister(int r, int value) { reg[r] = value; return this; }

    /** Sets a memory word before the run. */
    public TcMachine withMemory(int address, int value) { mem[spec.address(address)] = value; return this; }

    public TcMachineSpec spec() { return spec; }
    public boolean halted() { return halted; }
    public int pc() { return pc; }
    public long steps() { return steps; }
    public int register(int r) { return reg[r]; }
    public int memory(int address) { return mem[spec.address(address)]; }
    /** Flag {@link TcState#Z}, {@link TcState#N}, {@link TcState#C} or {@link TcState#V}: 0 or 1 (cheaper than {@link #state()} in a trace). */
    public int flag(int f) { return flags[f]; }

    public TcState state() { return new TcState(pc, reg, flags, mem, halted, steps, outputs); }

    /** Runs until HALT or {@code maxSteps} instructions; returns the final state. */
    public TcState run(long maxSteps, Trace trace) {
        while (!halted && steps < maxSteps) {
            int at = pc;
            TcInstruction ins = step();
            if (trace != null) trace.step(steps, at, ins, this);
        }
        return state();
    }

    public TcState run(long maxSteps) { return run(maxSteps, null); }

    /** Executes one instruction (nothing once halted) and returns it. */
    public TcInstruction step() {
        TcInstruction ins = program.at(pc);
        if (halted) return ins;
        steps++;
        int a = reg[ins.rs1()], b = reg[ins.rs2()], imm = ins.imm();
        int next = spec.target(pc + 1L);
        switch (ins.op()) {
            case HALT -> { halted = true; next = pc; }
            case NOP -> { }
            case MOV -> reg[ins.rd()] = a;
            case LI -> reg[ins.rd()] = imm;
            case ADD -> reg[ins.rd()] = Alu.add(a, b, flags);
            case ADDI -> reg[ins.rd()] = Alu.add(a, imm, flags);
            case SUB -> reg[ins.rd()] = Alu.sub(a, b, flags);
            case MUL -> reg[ins.rd()] = Alu.logic(a * b, flags);
            case DIV -> reg[ins.rd()] = Alu.logic(div(a, b), flags);
            case MOD -> reg[ins.rd()] = Alu.logic(mod(a, b), flags);
            case AND -> reg[ins.rd()] = Alu.logic(a & b, flags);
            case OR -> reg[ins.rd()] = Alu.logic(a | b, flags);
            case XOR -> reg[ins.rd()] = Alu.logic(a ^ b, flags);
            case NOT -> reg[ins.rd()] = Alu.logic(~a, flags);
            case SHL -> reg[ins.rd()] = Alu.logic(a << (b & 31), flags);
            case SHR -> reg[ins.rd()] = Alu.logic(a >>> (b & 31), flags);
            case SRA -> reg[ins.rd()] = Alu.logic(a >> (b & 31), flags);
            case CMP -> Alu.sub(a, b, flags);
            case JMP -> next = spec.target(imm);
            case JZ -> { if (flags[TcState.Z] == 1) next = spec.target(imm); }
            case JNZ -> { if (flags[TcState.Z] == 0) next = spec.target(imm); }
            case JLT -> { if (flags[TcState.N] != flags[TcState.V]) next = spec.target(imm); }
            case JGE -> { if (flags[TcState.N] == flags[TcState.V]) next = spec.target(imm); }
            case JLE -> { if (flags[TcState.Z] == 1 || flags[TcState.N] != flags[TcState.V]) next = spec.target(imm); }
            case JGT -> { if (flags[TcState.Z] == 0 && flags[TcState.N] == flags[TcState.V]) next = spec.target(imm); }
            case LOAD -> reg[ins.rd()] = mem[spec.address((long) a + imm)];
            case STORE -> mem[spec.address((long) a + imm)] = b;
            case PUSH -> push(a);
            case POP -> { int v = pop(); reg[ins.rd()] = v; }
            case CALL -> { push(spec.target(pc + 1L)); next = spec.target(imm); }
            case RET -> next = spec.target(pop());
            case OUT -> outputs.add(a);
        }
        pc = next;
        return ins;
    }

    private void push(int value) {
        reg[TcMachineSpec.SP] -= 1;
        mem[spec.address(reg[TcMachineSpec.SP])] = value;
    }

    private int pop() {
        int v = mem[spec.address(reg[TcMachineSpec.SP])];
        reg[TcMachineSpec.SP] += 1;
        return v;
    }

    /** {@link TcOp#div}. */
    public static int div(int a, int b) { return TcOp.div(a, b); }

    /** {@link TcOp#mod}. */
    public static int mod(int a, int b) { return TcOp.mod(a, b); }
}
