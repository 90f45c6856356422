package tc.loom.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.loom.engine.RunResult;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;

/**
 * A program decoded into flat ints at the start of a run, and run by a tight loop: the
 * interpreter's fast path.
 *
 * <p>The semantics stay those of {@link IsaMachine}: every instruction whose outcome is not plain
 * arithmetic on memory — an undefined opcode, an operand column outside memory, a PC outside the
 * program, a LOAD or STORE through a pointer ≥ m — is handed to an {@code IsaMachine} that shares
 * this run's memory, which takes that one step (and its fault, with its words) exactly as it would
 * alone. The fast loop only ever runs instructions whose every operand is a valid memory index, so
 * it needs no checks beyond the pointer range.
 *
 * <p>The decoded form packs each instruction into one long (operation, b, c, a; see {@link #pack}):
 * memory operands become memory indices and jump targets become slot numbers, so a step is one
 * array load and a switch. Slots after the instructions stand for the columns outside the program
 * that execution can reach (the one after the last instruction and every out-of-program jump
 * target); they are {@link #SLOW}, so reaching one lets the reference machine report the fault.
 */
final class DecodedProgram {
    // The decoded operations: Loom's own opcode numbers (checked below), then SUBLEQ and SLOW.
    static final int HALT = 0, MOV = 1, ADD = 2, JMP = 3, JZ = 4, JNZ = 5, INC = 6, DEC = 7, SHL = 8, SHR = 9,
            CMP = 10, LOAD = 11, AND = 12, OR = 13, XOR = 14, SUB = 15, FIND = 16, SWAP = 17, CMOV = 18,
            MULACC = 19, STORE = 20, SUBLEQ = 21;
    /** Taken by the reference machine, not the fast loop. */
    static final int SLOW = 22;

    /** Width of the b and c fields of a packed slot: memory indices and slot numbers are below n ≤ 2^16. */
    private static final int FIELD_BITS = 20, FIELD = (1 << FIELD_BITS) - 1;

    static {
        // The switch below needs constants; they must be the ISA's numbers, or the fast loop would
        // run another machine.
        same(Opcode.HALT, HALT); same(Opcode.MOV, MOV); same(Opcode.ADD, ADD); same(Opcode.JMP, JMP);
        same(Opcode.JZ, JZ); same(Opcode.JNZ, JNZ); same(Opcode.INC, INC); same(Opcode.DEC, DEC);
        same(Opcode.SHL, SHL); same(Opcode.SHR, SHR); same(Opcode.CMP, CMP); same(Opcode.LOAD, LOAD);
        same(Opcode.AND, AND); same(Opcode.OR, OR); same(Opcode.XOR, XOR); same(Opcode.SUB, SUB);
        same(Opcode.FIND, FIND); same(Opcode.SWAP, SWAP); same(Opcode.CMOV, CMOV); same(Opcode.MULACC, MULACC);
        same(Opcode.STORE, STORE);
        if (Opcode.EXTENDED_COUNT != SUBLEQ) throw new IllegalStateException("Loom has a new opcode: decode it");
    }

    private static void same(Opcode op, int number) {
        if (op.number() != number) throw new IllegalStateException("DecodedProgram numbers " + op + " " + number + ", the ISA " + op.number());
    }

    // What each decoded operation reads, by its number (SUBLEQ last): the decoder's only table,
    // filled from Opcode's own operand shapes so that it cannot disagree with them.
    private static final int READS_A = 1, READS_B = 2, READS_C = 4, JUMPS = 8;
    private static final int[] SHAPE = new int[SUBLEQ + 1];
    static {
        for (Opcode op : Opcode.values())
            SHAPE[op == Opcode.SUBLEQ ? SUBLEQ : op.number()] = switch (op.operands()) {
                case NONE -> 0;
                case B -> READS_B;
                case B_C -> READS_B | READS_C;
                case JUMP -> JUMPS;
                case B_JUMP -> READS_B | JUMPS;
                case A_B_JUMP -> READS_A | READS_B | JUMPS;
            };
    }

    private final Program program;
    private final long[] code;
    /** The columns outside the program that slots {@code size, size + 1, …} stand for. */
    private final int[] outsideColumns;
    private final int programStart;
    private final int size;

    private DecodedProgram(Program program, long[] code, int[] outsideColumns) {
        this.program = program;
        this.code = code;
        this.outsideColumns = outsideColumns;
        this.programStart = program.config().programStart();
        this.size = program.size();
    }

    /** The column slot {@code k} stands for: where the reference machine resumes. */
    private int columnOf(int k) { return k < size ? programStart + k : outsideColumns[k - size]; }

    /**
     * Decodes {@code program}: O(size), and cheap, since every run decodes afresh (a run of a few
     * hundred steps would otherwise pay more for decoding than for stepping).
     */
    static DecodedProgram of(Program program) {
        MachineConfig config = program.config();
        List<Instruction> instructions = program.instructions();
        int size = instructions.size(), start = config.programStart(), s = config.s();
        // Slot `size` is the column after the last instruction; out-of-program jump targets follow.
        int[] outside = {start + size};
        int outsideCount = 1;
        Map<Integer, Integer> outsideSlots = null;
        long[] code = new long[size + 1];
        for (int k = 0; k < size; k++) {
            Instruction ins = instructions.get(k);
            code[k] = SLOW;
            int operation = ins.a() >= s ? SUBLEQ : ins.a() < Opcode.EXTENDED_COUNT ? ins.a() : -1;
            if (operation < 0) continue; // undefined: the reference machine says so
            int shape = SHAPE[operation];
            // Fields an operation does not read stay 0, so that the fast loop can load them blindly.
            int a = 0, b = 0, c = 0;
            if ((shape & READS_A) != 0 && (a = index(config, ins.a())) < 0) continue;
            if ((shape & READS_B) != 0 && (b = index(config, ins.b())) < 0) continue;
            if ((shape & READS_C) != 0 && (c = index(config, ins.c())) < 0) continue;
            if ((shape & JUMPS) != 0) {
                c = ins.c() - start;
                if (c < 0 || c >= size) {
                    // Compiled programs never jump outside themselves: the map is for odd ones.
                    if (outsideSlots == null) outsideSlots = new HashMap<>();
                    Integer j = outsideSlots.get(ins.c());
                    if (j == null) {
                        j = outsideCount;
                        outsideSlots.put(ins.c(), j);
                        if (j == outside.length) outside = Arrays.copyOf(outside, 2 * j);
                        outside[outsideCount++] = ins.c();
                    }
                    c = size + j;
                }
            }
            code[k] = pack(operation, b, c, a);
        }
        if (outsideCount > 1) code = Arrays.copyOf(code, size + outsideCount);
        for (int j = 0; j < outsideCount; j++) code[size + j] = SLOW;
        return new DecodedProgram(program, code, outsideCount == outside.length ? outside : Arrays.copyOf(outside, outsideCount));
    }

    /** One slot: the operation in bits 0..7, b from bit 8, c from bit 8 + {@link #FIELD_BITS}, a in the top 16 bits. */
    private static long pack(int operation, int b, int c, int a) {
        return operation | (long) b << 8 | (long) c << (8 + FIELD_BITS) | (long) a << 48;
    }

    /** The memory index of operand column {@code column}, or -1 when it is not a memory column. */
    private static int index(MachineConfig config, int column) {
        int i = column - config.memoryStart();
        return i >= 0 && i < config.m() ? i : -1;
    }

    /** Runs from the initial state until HALT, a fault or {@code maxSteps} steps, as {@link IsaMachine} would. */
    RunResult run(long maxSteps) {
        final long[] code = this.code;
        final int[] mem = program.memory();
        final int bits = program.config().wordBits();
        final int shift = 32 - bits, mask = (1 << bits) - 1, m = mem.length;
        final int out = program.debug().outputIndex();
        Outputs outputs = new Outputs();
        int k = 0;
        long steps = 0;
        IsaMachine reference = null;
        while (true) {
            // An int count of the steps left keeps the loop's bookkeeping to one decrement; a
            // budget beyond 2^31 is spent in rounds.
            final int round = (int) Math.min(maxSteps - steps, Integer.MAX_VALUE);
            int left = round;
            fast:
            while (left > 0) {
                left--;
                final long w = code[k];
                final int b = (int) (w >>> 8) & FIELD, c = (int) (w >>> (8 + FIELD_BITS)) & FIELD;
                int dst, value;
                switch ((int) w & 0xFF) {
                    case HALT -> {
                        return new RunResult(RunResult.Status.HALTED, steps + round - left, 0, mem, outputs.list(), null);
                    }
                    case MOV -> { dst = b; value = mem[c]; }
                    case ADD -> { dst = b; value = (mem[b] + mem[c]) << shift >> shift; }
                    case SUB -> { dst = b; value = (mem[b] - mem[c]) << shift >> shift; }
                    case JMP -> { k = c; continue; }
                    // Jumps are branches, not a conditional move: the CPU then predicts where the
                    // program goes instead of waiting for the memory the condition reads.
                    case JZ -> { if (mem[b] == 0) { k = c; continue; } k++; continue; }
                    case JNZ -> { if (mem[b] != 0) { k = c; continue; } k++; continue; }
                    case CMP -> { if (mem[b] < 0) { k = c; continue; } k++; continue; }
                    case INC -> { dst = b; value = (mem[b] + 1) << shift >> shift; }
                    case DEC -> { dst = b; value = (mem[b] - 1) << shift >> shift; }
                    case SHL -> { dst = b; value = mem[b] << (shift + 1) >> shift; }
                    case SHR -> { dst = b; value = mem[b] >> 1; }
                    case AND -> { dst = b; value = mem[b] & mem[c]; }
                    case OR -> { dst = b; value = mem[b] | mem[c]; }
                    case XOR -> { dst = b; value = mem[b] ^ mem[c]; }
                    case LOAD -> {
                        int p = mem[c] & mask;
                        if (p >= m) { left++; break fast; }
                        dst = b;
                        value = mem[p];
                    }
                    case STORE -> {
                        int p = mem[c] & mask;
                        if (p >= m) { left++; break fast; }
                        dst = p;
                        value = mem[b];
                    }
                    case FIND -> { dst = b; value = find(mem, mem[c]) << shift >> shift; }
                    case SWAP -> {
                        int vb = mem[b], vc = mem[c];
                        mem[b] = vc;
                        if (b == out) outputs.add(vc);
                        dst = c;
                        value = vb;
                    }
                    case CMOV -> {
                        if (mem[b] >= 0) { k++; continue; }
                        dst = b;
                        value = mem[c];
                    }
                    case MULACC -> {
                        int x = mem[b], acc = x << (shift + 1) >> shift;
                        dst = b;
                        value = x < 0 ? (acc + mem[c]) << shift >> shift : acc;
                    }
                    case SUBLEQ -> {
                        int r = (mem[b] - mem[(int) (w >>> 48)]) << shift >> shift;
                        mem[b] = r;
                        if (b == out) outputs.add(r);
                        if (r <= 0) { k = c; continue; }
                        k++;
                        continue;
                    }
                    default -> { left++; break fast; }
                }
                mem[dst] = value;
                if (dst == out) outputs.add(value);
                k++;
            }
            steps += round - left;
            if (left == 0 && steps < maxSteps) continue;
            if (steps >= maxSteps)
                return new RunResult(RunResult.Status.STEP_LIMIT, steps, columnOf(k), mem, outputs.list(), null);
            // One step (or more, while the PC stays outside the program) by the reference machine.
            if (reference == null) reference = new IsaMachine(program, mem);
            reference.resumeAt(columnOf(k), steps);
            while (true) {
                reference.step();
                outputs.addAll(reference.takeOutputs());
                steps = reference.steps();
                if (reference.halted())
                    return new RunResult(RunResult.Status.HALTED, steps, reference.pc(), mem, outputs.list(), null);
                if (reference.fault() != null)
                    return new RunResult(RunResult.Status.FAULT, steps, reference.pc(), mem, outputs.list(), reference.fault());
                int next = reference.pc() - programStart;
                if (next >= 0 && next < size) { k = next; break; }
                if (steps >= maxSteps)
                    return new RunResult(RunResult.Status.STEP_LIMIT, steps, reference.pc(), mem, outputs.list(), null);
            }
        }
    }

    /** FIND: the first cell holding {@code value} (one always does: the searched cell). */
    private static int find(int[] mem, int value) {
        for (int i = 0; i < mem.length; i++) if (mem[i] == value) return i;
        throw new IllegalStateException("FIND: the searched cell itself must match");
    }

    /** The words written to the output cell, in order, without boxing each on the way. */
    private static final class Outputs {
        private int[] values = new int[0];
        private int count;

        void add(int v) {
            if (count == values.length) values = Arrays.copyOf(values, Math.max(8, 2 * count));
            values[count++] = v;
        }

        void addAll(int[] vs) { for (int v : vs) add(v); }

        List<Integer> list() {
            List<Integer> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) list.add(values[i]);
            return list;
        }
    }
}
