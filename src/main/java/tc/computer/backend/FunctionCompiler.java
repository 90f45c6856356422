package tc.computer.backend;

import static tc.computer.isa.TcOp.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.computer.device.Mmio;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.ir.BinaryOp;
import tc.ir.CmpOp;
import tc.ir.DeviceOp;
import tc.ir.Imm;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.Operand;
import tc.ir.Var;

/**
 * Emits one function. Register convention (see docs/tensor-computer.md, "The compiler back end"):
 * r0 return value, r1..r3 scratch, r4..r13 callee-saved homes of variables, r14 always 0,
 * r15 = sp. Frame, from sp upwards after the prologue: spilled scalars and arrays, the saved
 * registers, the return address, then the arguments (argument 0 lowest).
 */
final class FunctionCompiler {
    static final int RV = 0, S1 = 1, S2 = 2, S3 = 3, ZERO = 14, SP = TcMachineSpec.SP;

    private final IrFunction f;
    private final CodeBuffer out;
    private final Map<Var, Location> where = new HashMap<>();
    private final Map<Var, Integer> globals;
    private final List<Integer> saved;
    private final int frameWords;
    private final String prefix;
    private int pushed; // words pushed below the frame by a call being set up
    private int fresh;

    /**
     * @param saveRegisters false only for a main nothing calls: its registers need no restoring,
     *                      so its variables stay readable after the run
     */
    FunctionCompiler(IrFunction f, Map<Var, Integer> registers, Map<Var, Integer> globals, boolean saveRegisters, CodeBuffer out) {
        this.f = f;
        this.out = out;
        this.globals = globals;
        this.prefix = label(f.name());
        this.saved = saveRegisters ? List.copyOf(registers.values()) : List.of();
        int offset = 0;
        for (Var v : f.locals()) {
            if (registers.containsKey(v)) where.put(v, new Location.Register(registers.get(v)));
            else {
                where.put(v, new Location.Frame(offset));
                offset += v.size();
            }
        }
        this.frameWords = offset;
        for (int i = 0; i < f.params().size(); i++) {
            Var p = f.params().get(i);
            where.put(p, registers.containsKey(p) ? new Location.Register(registers.get(p)) : new Location.Frame(argumentOffset(i)));
        }
    }

    static String label(String function) { return "f_" + function; }

    int frameWords() { return frameWords; }

    int savedCount() { return saved.size(); }

    /** The registers the prologue pushes, in push order. */
    List<Integer> saved() { return saved; }

    /** Instructions of the prologue's stack check before it jumps to the overflow HALT (LI, CMP, JLT). */
    static final int OVERFLOW_CHECK = 3;

    /** Words this activation occupies below its caller's pushed arguments: return address, saved registers, frame. */
    int activationWords() { return 1 + saved.size() + frameWords; }

    int argumentOffset(int i) { return frameWords + saved.size() + 1 + i; }

    Map<Var, Location> locations() { return where; }

    /**
     * @param index      this function's number in {@link TcDebugInfo#functions()}
     * @param stackLimit when ≥ 0, the prologue jumps to {@code overflowLabel} if sp is below it
     *                   (checked on entry, where sp points at the return address, before any push)
     */
    void compile(int index, int stackLimit, String overflowLabel) {
        out.enter(index, f.pos().line());
        out.label(prefix);
        if (stackLimit >= 0) {
            out.emit(LI, S1, 0, 0, stackLimit);
            out.emit(CMP, 0, SP, S1, 0);
            out.emitTo(JLT, overflowLabel);
        }
        for (int r : saved) out.emit(PUSH, 0, r, 0, 0);
        if (frameWords > 0) out.emit(ADDI, SP, SP, 0, -frameWords);
        for (int i = 0; i < f.params().size(); i++) {
            if (where.get(f.params().get(i)) instanceof Location.Register r) out.emit(LOAD, r.r(), SP, 0, argumentOffset(i));
        }
        for (Var v : f.locals()) if (v.hasStaticInit()) initialise(v);
        List<Instr> body = f.body();
        for (int i = 0; i < body.size(); i++) instruction(body.get(i), i == body.size() - 1);
        out.label(prefix + ".exit");
        if (frameWords > 0) out.emit(ADDI, SP, SP, 0, frameWords);
        for (int k = saved.size() - 1; k >= 0; k--) out.emit(POP, saved.get(k), 0, 0, 0);
        out.emit(RET, 0, 0, 0, 0);
    }

    private void initialise(Var v) {
        int[] init = v.init();
        if (!v.isArray()) {
            assign(v, constant(new Imm(init[0]), S1));
            return;
        }
        int base = ((Location.Frame) where.get(v)).offset();
        for (int k = 0; k < init.length; k++) out.emit(STORE, 0, SP, constant(new Imm(init[k]), S1), base + k);
    }

    private void instruction(Instr in, boolean last) {
        switch (in) {
            case Instr.Move m -> move(m.dst(), m.src());
            case Instr.Unary u -> unary(u);
            case Instr.Binary b -> binary(b);
            case Instr.LoadElem l -> {
                int d = target(l.dst(), S1);
                element(LOAD, d, 0, l.array(), l.index());
                commit(l.dst(), d);
            }
            case Instr.StoreElem s -> element(STORE, 0, use(s.src(), S1), s.array(), s.index());
            case Instr.AddrOf a -> {
                int d = target(a.dst(), S1);
                switch (home(a.target())) {
                    case Location.Global g -> out.emit(LI, d, 0, 0, g.address());
                    case Location.Frame fr -> out.emit(ADDI, d, SP, 0, fr.offset() + pushed);
                    case Location.Register r -> throw new IllegalStateException(a.target() + " has its address taken but lives in r" + r.r());
                }
                commit(a.dst(), d);
            }
            case Instr.Load l -> {
                int address = use(l.address(), S2);
                int d = target(l.dst(), S1);
                out.emit(LOAD, d, address, 0, 0);
                commit(l.dst(), d);
            }
            case Instr.Store s -> {
                int address = use(s.address(), S2);
                out.emit(STORE, 0, address, use(s.src(), S1), 0);
            }
            case Instr.Swap s -> {
                int a = use(s.a(), S1);
                if (a != S1) out.emit(MOV, S1, a, 0, 0);
                int b = use(s.b(), S2);
                if (b != S2) out.emit(MOV, S2, b, 0, 0);
                assign(s.a(), S2);
                assign(s.b(), S1);
            }
            case Instr.Label l -> out.label(local(l.name()));
            case Instr.Jump j -> out.emitTo(JMP, local(j.target()));
            case Instr.Branch br -> {
                out.emit(CMP, 0, use(br.left(), S1), use(br.right(), S2), 0);
                out.emitTo(jumpIf(br.op()), local(br.target()));
            }
            case Instr.Call c -> call(c);
            case Instr.Return r -> {
                if (r.value() != null) {
                    int v = use(r.value(), RV);
                    if (v != RV) out.emit(MOV, RV, v, 0, 0);
                }
                if (!last) out.emitTo(JMP, prefix + ".exit");
            }
            case Instr.Output o -> out.emit(OUT, 0, use(o.value(), S1), 0, 0);
            case Instr.Device d -> device(d);
            case Instr.Line l -> out.line(l.line());
        }
    }

    private void move(Var dst, Operand src) {
        if (where.get(dst) instanceof Location.Register r && src instanceof Imm k) {
            out.emit(LI, r.r(), 0, 0, k.value());
            return;
        }
        assign(dst, use(src, S1));
    }

    private void unary(Instr.Unary u) {
        int x = use(u.src(), S1);
        int d = target(u.dst(), S1);
        switch (u.op()) {
            case NEG -> out.emit(SUB, d, ZERO, x, 0);
            case NOT -> out.emit(NOT, d, x, 0, 0);
            case LNOT -> {
                out.emit(CMP, 0, x, ZERO, 0);
                truthOfFlags(d, CmpOp.EQ);
            }
        }
        commit(u.dst(), d);
    }

    private void binary(Instr.Binary b) {
        BinaryOp op = b.op();
        if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && b.right() instanceof Imm k) {
            int a = use(b.left(), S1);
            int d = target(b.dst(), S1);
            out.emit(ADDI, d, a, 0, op == BinaryOp.ADD ? k.value() : -k.value()); // -MIN wraps to MIN: a - MIN = a + MIN
            commit(b.dst(), d);
            return;
        }
        int a = use(b.left(), S1);
        int c = use(b.right(), S2);
        int d = target(b.dst(), S1);
        switch (op) {
            case ADD -> out.emit(ADD, d, a, c, 0);
            case SUB -> out.emit(SUB, d, a, c, 0);
            case MUL -> out.emit(MUL, d, a, c, 0);
            case DIV -> out.emit(DIV, d, a, c, 0); // x/0 = -1, MIN/-1 = MIN on both sides (RISC-V)
            case MOD -> out.emit(MOD, d, a, c, 0);
            case AND -> out.emit(AND, d, a, c, 0);
            case OR -> out.emit(OR, d, a, c, 0);
            case XOR -> out.emit(XOR, d, a, c, 0);
            case SHL, SHR -> shift(op, d, a, c);
            default -> {
                out.emit(CMP, 0, a, c, 0);
                truthOfFlags(d, op.toCmp());
            }
        }
        commit(b.dst(), d);
    }

    /**
     * C's shifts here read the count as unsigned and give 0 (or the sign fill) from 32 on; the
     * machine masks the count to 5 bits, so counts with any bit above bit 4 are handled apart.
     */
    private void shift(BinaryOp op, int d, int a, int c) {
        String inRange = fresh("shift"), done = fresh("shifted");
        out.emit(LI, S3, 0, 0, -32);
        out.emit(AND, S3, c, S3, 0);
        out.emitTo(JZ, inRange);
        if (op == BinaryOp.SHL) out.emit(LI, d, 0, 0, 0);
        else {
            out.emit(LI, S3, 0, 0, 31);
            out.emit(SRA, d, a, S3, 0);
        }
        out.emitTo(JMP, done);
        out.label(inRange);
        out.emit(op == BinaryOp.SHL ? SHL : SRA, d, a, c, 0);
        out.label(done);
    }

    /** d ← 1 if the flags (from a CMP) satisfy {@code cmp}, else 0. LI leaves the flags alone. */
    private void truthOfFlags(int d, CmpOp cmp) {
        String done = fresh("cmp");
        out.emit(LI, d, 0, 0, 1);
        out.emitTo(jumpIf(cmp), done);
        out.emit(LI, d, 0, 0, 0);
        out.label(done);
    }

    static TcOp jumpIf(CmpOp op) {
        return switch (op) { case EQ -> JZ; case NE -> JNZ; case LT -> JLT; case GE -> JGE; case LE -> JLE; case GT -> JGT; };
    }

    /** Words a sector builtin copies between its buffer array and the disk controller's buffer window. */
    static final int SECTOR_WORDS = DeviceOp.SECTOR_WORDS;

    /**
     * A device builtin as loads and stores on the seed machine's memory-mapped registers
     * ({@link Mmio}, reached as offsets from r14 = 0). Operands are stored one at a time, so the
     * scratch registers are enough; r0 is free here (it only carries a value out of a call).
     */
    private void device(Instr.Device d) {
        List<Operand> a = d.args();
        switch (d.op()) {
            case PUTCHAR -> toRegister(Mmio.CONSOLE_OUT, a.get(0));
            case GETCHAR -> fromRegister(Mmio.CONSOLE_IN, d.dst());
            case GETKEY -> fromRegister(Mmio.KEY_IN, d.dst());
            case PIXEL -> {
                toRegister(Mmio.FB_X, a.get(0));
                toRegister(Mmio.FB_Y, a.get(1));
                packRgb(a.get(2), a.get(3), a.get(4));
                out.emit(STORE, 0, ZERO, S1, Mmio.register(Mmio.FB_RGB));
            }
            case SECTOR_READ -> {
                toRegister(Mmio.DISK_SECTOR, a.get(0));
                command(Mmio.DISK_CMD, Mmio.DISK_READ);
                // A page fault in the copy is harmless: the pager swaps with SWAP_IN/SWAP_OUT and
                // leaves the controller's buffer (and its registers) as they were.
                copy(Mmio.DISK_BUF, globals.get(d.buffer()));
            }
            case SECTOR_WRITE -> {
                copy(globals.get(d.buffer()), Mmio.DISK_BUF);
                toRegister(Mmio.DISK_SECTOR, a.get(0));
                command(Mmio.DISK_CMD, Mmio.DISK_WRITE);
            }
            case GPU_WRITE -> {
                int i = use(a.get(0), S2);
                out.emit(STORE, 0, i, use(a.get(1), S1), Mmio.GPU_BASE);
            }
            case GPU_READ -> {
                int i = use(a.get(0), S2);
                int r = d.dst() == null ? S1 : target(d.dst(), S1);
                out.emit(LOAD, r, i, 0, Mmio.GPU_BASE);
                if (d.dst() != null) commit(d.dst(), r);
            }
            case GPU_FILL -> kernel(Mmio.GPU_FILL, a, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_S);
            case GPU_ADD -> kernel(Mmio.GPU_ADD, a, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N);
            case GPU_MUL -> kernel(Mmio.GPU_MUL, a, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N);
            case GPU_SCALE -> kernel(Mmio.GPU_SCALE, a, Mmio.GPU_A, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_S);
            case GPU_DOT -> {
                kernel(Mmio.GPU_DOT, a, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_N);
                if (d.dst() != null) fromRegister(Mmio.GPU_RESULT, d.dst());
            }
            case GPU_MATMUL -> kernel(Mmio.GPU_MATMUL, a, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_K, Mmio.GPU_M);
            case GPU_RELU -> kernel(Mmio.GPU_RELU, a, Mmio.GPU_A, Mmio.GPU_C, Mmio.GPU_N);
        }
    }

    private void toRegister(int register, Operand value) {
        out.emit(STORE, 0, ZERO, use(value, S1), Mmio.register(register));
    }

    /** dst ← a device register (into a scratch register when the value is unused: the load itself may matter, as getchar's and getkey's do). */
    private void fromRegister(int register, Var dst) {
        int r = dst == null ? S1 : target(dst, S1);
        out.emit(LOAD, r, ZERO, 0, Mmio.register(register));
        if (dst != null) commit(dst, r);
    }

    private void command(int register, int value) {
        out.emit(LI, S1, 0, 0, value);
        out.emit(STORE, 0, ZERO, S1, Mmio.register(register));
    }

    /** The operands into the kernel's registers, in order, then the launch. */
    private void kernel(int kernel, List<Operand> args, int... registers) {
        for (int k = 0; k < registers.length; k++) toRegister(registers[k], args.get(k));
        command(Mmio.GPU_RUN, kernel);
    }

    /** S1 ← (r &amp; 255) &lt;&lt; 16 | (g &amp; 255) &lt;&lt; 8 | (b &amp; 255); one LI when all three are constants. */
    private void packRgb(Operand r, Operand g, Operand b) {
        if (r instanceof Imm kr && g instanceof Imm kg && b instanceof Imm kb) {
            out.emit(LI, S1, 0, 0, (kr.value() & 255) << 16 | (kg.value() & 255) << 8 | (kb.value() & 255));
            return;
        }
        channel(r, S1);
        for (Operand c : List.of(g, b)) {
            out.emit(LI, S3, 0, 0, 8);
            out.emit(SHL, S1, S1, S3, 0);
            channel(c, S2);
            out.emit(OR, S1, S1, S2, 0);
        }
    }

    /** into ← value &amp; 255 (S3 is clobbered). */
    private void channel(Operand value, int into) {
        int v = use(value, into);
        out.emit(LI, S3, 0, 0, 255);
        out.emit(AND, into, v, S3, 0);
    }

    /**
     * Copies one sector's words from address {@code from} to {@code to} (a buffer array or the
     * controller's window), four instructions a word: S2 counts from −words up to 0, so ADDI's
     * flags end the loop without a compare. Uses S1 and S2 only.
     */
    private void copy(int from, int to) {
        String loop = fresh("copy");
        out.emit(LI, S2, 0, 0, -SECTOR_WORDS);
        out.label(loop);
        out.emit(LOAD, S1, S2, 0, from + SECTOR_WORDS);
        out.emit(STORE, 0, S2, S1, to + SECTOR_WORDS);
        out.emit(ADDI, S2, S2, 0, 1);
        out.emitTo(JLT, loop);
    }

    /** LOAD d or STORE value at array[index]. */
    private void element(TcOp op, int d, int value, Var array, Operand index) {
        Location loc = array.kind() == Var.Kind.GLOBAL ? new Location.Global(globals.get(array)) : where.get(array);
        int base, offset;
        if (loc instanceof Location.Global g) {
            if (index instanceof Imm k) { base = ZERO; offset = g.address() + k.value(); }
            else { base = use(index, S2); offset = g.address(); }
        } else {
            int off = ((Location.Frame) loc).offset() + pushed;
            if (index instanceof Imm k) { base = SP; offset = off + k.value(); }
            else {
                out.emit(ADD, S3, SP, use(index, S2), 0);
                base = S3;
                offset = off;
            }
        }
        if (op == LOAD) out.emit(LOAD, d, base, 0, offset);
        else out.emit(STORE, 0, base, value, offset);
    }

    private void call(Instr.Call c) {
        List<Operand> args = c.args();
        for (int i = args.size() - 1; i >= 0; i--) {
            out.emit(PUSH, 0, use(args.get(i), S1), 0, 0);
            pushed++;
        }
        out.emitTo(CALL, label(c.callee()));
        if (!args.isEmpty()) out.emit(ADDI, SP, SP, 0, args.size());
        pushed = 0;
        if (c.dst() != null) assign(c.dst(), RV);
    }

    /** A register holding the operand's value, loaded into {@code scratch} if need be. */
    private int use(Operand o, int scratch) {
        return switch (o) {
            case Imm k -> constant(k, scratch);
            case Var v -> switch (home(v)) {
                case Location.Register r -> r.r();
                case Location.Frame fr -> { out.emit(LOAD, scratch, SP, 0, fr.offset() + pushed); yield scratch; }
                case Location.Global g -> { out.emit(LOAD, scratch, ZERO, 0, g.address()); yield scratch; }
            };
        };
    }

    private int constant(Imm k, int scratch) {
        if (k.value() == 0) return ZERO;
        out.emit(LI, scratch, 0, 0, k.value());
        return scratch;
    }

    /** The register a result for {@code v} should be computed in. */
    private int target(Var v, int scratch) { return home(v) instanceof Location.Register r ? r.r() : scratch; }

    /** Stores a result computed by {@link #target} into v's home when that is memory. */
    private void commit(Var v, int reg) {
        switch (home(v)) {
            case Location.Register r -> { if (r.r() != reg) out.emit(MOV, r.r(), reg, 0, 0); }
            case Location.Frame fr -> out.emit(STORE, 0, SP, reg, fr.offset() + pushed);
            case Location.Global g -> out.emit(STORE, 0, ZERO, reg, g.address());
        }
    }

    private void assign(Var v, int reg) { commit(v, reg); }

    private Location home(Var v) {
        if (v.kind() == Var.Kind.GLOBAL) return new Location.Global(globals.get(v));
        Location l = where.get(v);
        if (l == null) throw new IllegalStateException("variable " + v + " has no home in " + f.name());
        return l;
    }

    private String local(String irLabel) { return prefix + "." + irLabel; }

    private String fresh(String what) { return prefix + ".$" + what + (fresh++); }
}
