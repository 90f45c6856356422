package tc.loom.interp;

import java.util.ArrayList;
import java.util.List;
import tc.ir.Word;
import tc.loom.engine.Fault;
import tc.loom.engine.TraceEvent;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;

/**
 * The ideal Loom ISA (REFERENCE.md §3.3 without the transformer's defects), one step at a time.
 *
 * <p>Differences from the reference transformer, all deliberate: LOAD/STORE read the pointer as an
 * unsigned N-bit memory index and reach every cell (an index ≥ m faults instead of wrapping mod s);
 * SUBLEQ is selected exactly when a ≥ s; HALT stops whatever its c field; FIND returns the first
 * cell holding mem[c] (never absent, since cell c holds it); running past the last instruction faults;
 * jump and compare instructions do not write memory. Instructions with 21 ≤ a &lt; s fault.
 *
 * <p>Exposed step by step so that lockstep checks can compare it with other engines.
 */
public final class IsaMachine {
    private final Program program;
    private final MachineConfig config;
    private final Instruction[] rom;
    private final int[] memory;
    private final int bits;
    private final int outputIndex;
    private final List<Integer> outputs = new ArrayList<>();
    private int pc;
    private long steps;
    private boolean halted;
    private Fault fault;
    /** Writes of the last step as (index, value) pairs, kept for tracing. */
    private final int[] lastWrites = new int[4];
    private int lastWriteCount;

    /** A machine at the start of {@code program}, on its own copy of the initial memory. */
    public IsaMachine(Program program) {
        this(program, program.memory());
    }

    /**
     * A machine that works on {@code memory} itself (no copy), for {@link DecodedProgram}: it hands
     * every step it does not take on its fast path to this machine, so that faults and unusual
     * instructions keep exactly the semantics written here. Position it with {@link #resumeAt}.
     */
    IsaMachine(Program program, int[] memory) {
        this.program = program;
        this.config = program.config();
        this.rom = program.instructions().toArray(new Instruction[0]);
        this.memory = memory;
        this.bits = config.wordBits();
        this.outputIndex = program.debug().outputIndex();
        this.pc = config.programStart();
    }

    /** Puts a running machine at {@code pc} after {@code steps} steps (memory is shared, see above). */
    void resumeAt(int pc, long steps) {
        this.pc = pc;
        this.steps = steps;
    }

    /** The outputs written since the last call (then forgotten here), oldest first. */
    int[] takeOutputs() {
        int[] taken = outputs.stream().mapToInt(Integer::intValue).toArray();
        outputs.clear();
        return taken;
    }

    public int pc() { return pc; }
    public long steps() { return steps; }
    public boolean halted() { return halted; }
    public Fault fault() { return fault; }
    public boolean running() { return !halted && fault == null; }
    public int[] memory() { return memory.clone(); }
    public int cell(int index) { return memory[index]; }
    public List<Integer> outputs() { return List.copyOf(outputs); }
    public Program program() { return program; }

    /**
     * Executes one instruction. Returns false (and does nothing) if the machine has already
     * stopped; otherwise true, with {@link #fault()} set if this instruction faulted.
     */
    public boolean step() {
        if (!running()) return false;
        lastWriteCount = 0;
        int k = pc - config.programStart();
        steps++;
        if (k < 0 || k >= rom.length) {
            fault = Fault.outsideProgram(program, pc, steps);
            return true;
        }
        Instruction ins = rom[k];
        int next = pc + 1;
        try {
            Opcode op = ins.opcode(config);
            if (op == null) throw fault(Fault.Kind.ILLEGAL_INSTRUCTION, "illegal instruction: opcode " + ins.a()
                    + " is undefined (0.." + (Opcode.EXTENDED_COUNT - 1) + " are opcodes, ≥ " + config.s() + " is SUBLEQ)");
            switch (op) {
                case HALT -> { halted = true; next = 0; }
                case MOV -> write(mem(ins.b()), read(ins.c()));
                case ADD -> write(mem(ins.b()), Word.add(read(ins.b()), read(ins.c()), bits));
                case SUB -> write(mem(ins.b()), Word.sub(read(ins.b()), read(ins.c()), bits));
                case JMP -> next = ins.c();
                case JZ -> { if (read(ins.b()) == 0) next = ins.c(); }
                case JNZ -> { if (read(ins.b()) != 0) next = ins.c(); }
                case CMP -> { if (read(ins.b()) < 0) next = ins.c(); }
                case INC -> write(mem(ins.b()), Word.add(read(ins.b()), 1, bits));
                case DEC -> write(mem(ins.b()), Word.sub(read(ins.b()), 1, bits));
                case SHL -> write(mem(ins.b()), Word.shl(read(ins.b()), 1, bits));
                case SHR -> write(mem(ins.b()), Word.shr(read(ins.b()), 1, bits));
                case AND -> write(mem(ins.b()), read(ins.b()) & read(ins.c()));
                case OR -> write(mem(ins.b()), read(ins.b()) | read(ins.c()));
                case XOR -> write(mem(ins.b()), read(ins.b()) ^ read(ins.c()));
                case LOAD -> {
                    int p = Word.unsigned(read(ins.c()), bits);
                    if (p >= memory.length) { fault = Fault.pointer(program, false, p, pc, steps); return true; }
                    write(mem(ins.b()), memory[p]);
                }
                case STORE -> {
                    int p = Word.unsigned(read(ins.c()), bits);
                    if (p >= memory.length) { fault = Fault.pointer(program, true, p, pc, steps); return true; }
                    write(p, read(ins.b()));
                }
                case FIND -> write(mem(ins.b()), find(read(ins.c())));
                case SWAP -> {
                    int b = mem(ins.b()), c = mem(ins.c());
                    int vb = memory[b], vc = memory[c];
                    write(b, vc);
                    write(c, vb);
                }
                case CMOV -> { if (read(ins.b()) < 0) write(mem(ins.b()), read(ins.c())); }
                case MULACC -> {
                    int x = read(ins.b());
                    int acc = Word.shl(x, 1, bits);
                    write(mem(ins.b()), x < 0 ? Word.add(acc, read(ins.c()), bits) : acc);
                }
                case SUBLEQ -> {
                    int r = Word.sub(read(ins.b()), read(ins.a()), bits);
                    write(mem(ins.b()), r);
                    if (r <= 0) next = ins.c();
                }
            }
        } catch (FaultSignal f) {
            fault = new Fault(f.kind, f.getMessage(), pc, steps);
            return true;
        }
        pc = next;
        return true;
    }

    /** The writes of the last step, as a trace event; call right after {@link #step()}. */
    TraceEvent lastEvent(int stepPc, Instruction ins) {
        int[] w = new int[lastWriteCount];
        System.arraycopy(lastWrites, 0, w, 0, lastWriteCount);
        return new TraceEvent(steps, stepPc, ins, pc, w);
    }

    /** The instruction at the current PC, or null if the PC is outside the program. */
    public Instruction current() {
        int k = pc - config.programStart();
        return k >= 0 && k < rom.length ? rom[k] : null;
    }

    private int find(int value) {
        for (int i = 0; i < memory.length; i++) if (memory[i] == value) return Word.wrap(i, bits);
        throw new IllegalStateException("FIND: the searched cell itself must match");
    }

    /** The memory index of an operand column. */
    private int mem(int column) {
        int i = column - config.memoryStart();
        if (i < 0 || i >= memory.length)
            throw fault(Fault.Kind.OPERAND_OUT_OF_RANGE, "operand column " + column + " is not a memory column ("
                    + config.memoryStart() + ".." + (config.memoryStart() + memory.length - 1) + ")");
        return i;
    }

    private int read(int column) { return memory[mem(column)]; }

    private void write(int index, int value) {
        memory[index] = value;
        if (lastWriteCount < lastWrites.length) {
            lastWrites[lastWriteCount++] = index;
            lastWrites[lastWriteCount++] = value;
        }
        if (index == outputIndex) outputs.add(value);
    }

    private static FaultSignal fault(Fault.Kind kind, String message) { return new FaultSignal(kind, message); }

    private static final class FaultSignal extends RuntimeException {
        final Fault.Kind kind;

        FaultSignal(Fault.Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }
}
