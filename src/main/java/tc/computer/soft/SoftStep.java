package tc.computer.soft;

import static tc.computer.isa.TcOp.*;

import tc.computer.engine.TcState;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;

/**
 * One step of the soft machine for one batch element: {@link #evaluate} computes every
 * intermediate of the step from a state, {@link #apply} moves the state on, and {@link #backward}
 * turns the adjoints of the next state into those of this one (and of the code's distributions).
 * The backward pass re-evaluates the step from the saved state, so only the state is kept per
 * step. All buffers are allocated once per instance: a step allocates nothing.
 *
 * <p>The step, with {@code g = 1 − halted} the running mass and {@code e_j = g·o_j} the effective
 * opcode weights (o = the PC-weighted opcode distribution): every state change is linear in the
 * e_j, so a halted machine ({@code g = 0}) no longer changes.
 */
final class SoftStep {
    private static final int OPS = SoftCode.OPS, R = SoftCode.REGS, BITS = SoftCode.BITS, SP = TcMachineSpec.SP;
    private static final int IHALT = HALT.ordinal(), IMOV = MOV.ordinal(), ILI = LI.ordinal(), IADD = ADD.ordinal(),
            IADDI = ADDI.ordinal(), ISUB = SUB.ordinal(), IMUL = MUL.ordinal(), IDIV = DIV.ordinal(), IMOD = MOD.ordinal(),
            IAND = AND.ordinal(), IOR = OR.ordinal(), IXOR = XOR.ordinal(), INOT = NOT.ordinal(), ISHL = SHL.ordinal(),
            ISHR = SHR.ordinal(), ISRA = SRA.ordinal(), ICMP = CMP.ordinal(), IJMP = JMP.ordinal(), IJZ = JZ.ordinal(),
            IJNZ = JNZ.ordinal(), IJLT = JLT.ordinal(), IJGE = JGE.ordinal(), IJLE = JLE.ordinal(), IJGT = JGT.ordinal(),
            ILOAD = LOAD.ordinal(), ISTORE = STORE.ordinal(), IPUSH = PUSH.ordinal(), IPOP = POP.ordinal(),
            ICALL = CALL.ordinal(), IRET = RET.ordinal(), IOUT = OUT.ordinal();
    /** Operations that write rd, and those that go on to PC + 1. */
    private static final boolean[] WRITES = new boolean[OPS], SEQUENTIAL = new boolean[OPS];
    private static final double[] BIT_WEIGHT = new double[BITS];

    static {
        for (TcOp op : TcOp.values()) {
            int j = op.ordinal();
            WRITES[j] = op.shape().rd;
            SEQUENTIAL[j] = op != HALT && !op.isJump() && op != CALL && op != RET;
        }
        for (int i = 0; i < BITS - 1; i++) BIT_WEIGHT[i] = Math.scalb(1.0, i);
        BIT_WEIGHT[BITS - 1] = -Math.scalb(1.0, BITS - 1);
    }

    private final SoftCode code;
    private final int slots, words, pcBits;
    private final double addressPower;
    /** Content addressing of the LOAD/STORE head: its gate γ and sharpness β; dense when γ > 0. */
    private final double gate, sharpness;
    private final boolean dense;
    /** Memory-mapped devices (the seed machine), or null; the memory share of the LOAD/STORE head's address. */
    private final SoftPort port;
    private double lsShare;
    /** The port as the owner of main memory (the seed machine), or null; this step's page-fault mass and sp. */
    private final SoftMemoryPort hierarchy;
    private double trap, spBefore;

    // intermediates of the step last evaluated
    private final double[] fetched = new double[SoftCode.ROW], gFetched = new double[SoftCode.ROW];
    private final double[] o = new double[OPS], e = new double[OPS], sel = new double[R], x1 = new double[R], x2 = new double[R], bit = new double[BITS];
    private double g, a, b, imm, r1, r2, retv, v, wr, spDelta, flagMass, cStay, cSeq, cTarget;
    private final double[] res = new double[OPS], flagValue = new double[OPS * 4], cond = new double[OPS], regMid = new double[R];
    private final double[] target, prefix, suffix, nextPc;
    private final AddressKernel ls = new AddressKernel(), sp = new AddressKernel(), ret = new AddressKernel();
    private int push0, push1;
    // content addressing (allocated only when dense): match distribution c, head weighting h over
    // the words, the kernel of the immediate's fraction (the shift of c), and adjoint scratch
    private final double[] match, head, inMem, gHead;
    private final AddressKernel shift = new AddressKernel();

    // adjoint scratch
    private final double[] gE = new double[OPS], gO = new double[OPS], gSel = new double[R], gX1 = new double[R], gX2 = new double[R],
            gBit = new double[BITS], gRegOut = new double[R], gPcOut, gTarget;

    SoftStep(SoftCode code, TcMachineSpec spec) { this(code, spec, SoftAddressing.LOCATION); }

    SoftStep(SoftCode code, TcMachineSpec spec, SoftAddressing addressing) { this(code, spec, addressing, null); }

    /** A step whose LOAD/STORE head also reaches {@code port} (null: the cpu machine). */
    SoftStep(SoftCode code, TcMachineSpec spec, SoftAddressing addressing, SoftPort port) {
        if (port != null && addressing.usesContent())
            throw new IllegalArgumentException("content addressing and memory-mapped devices are not combined");
        this.port = port;
        this.hierarchy = port instanceof SoftMemoryPort m ? m : null;
        this.code = code;
        this.gate = addressing.gate();
        this.sharpness = addressing.sharpness();
        this.dense = addressing.usesContent();
        this.slots = spec.slots();
        this.words = spec.memoryWords();
        this.pcBits = spec.pcBits();
        this.addressPower = 1 / code.tau.address();
        target = new double[slots];
        prefix = new double[slots * (pcBits + 1)];
        suffix = new double[slots * (pcBits + 1)];
        nextPc = new double[slots];
        gPcOut = new double[slots];
        gTarget = new double[slots];
        int n = dense ? words : 0;
        match = new double[n];
        head = new double[n];
        inMem = new double[n];
        gHead = new double[n];
    }

    /** Whether the LOAD/STORE head is dense (content addressing on): a step may then write every word. */
    boolean dense() { return dense; }

    /** Computes the step's intermediates from {@code s} (which it does not change). */
    void evaluate(SoftState s) {
        fetch(s.pc);
        evaluateFetched(s);
    }

    /** The fetched instruction's size: opcode, rd, rs1, rs2 and bit probabilities (a row of {@code SoftCode.rows}). */
    static final int FETCHED = SoftCode.ROW;

    /** Copies the fetched instruction of the last evaluation to {@code to[at..at+FETCHED)}. */
    void saveFetched(double[] to, int at) { System.arraycopy(fetched, 0, to, at, FETCHED); }

    private void loadFetched(double[] from, int at) {
        System.arraycopy(from, at, fetched, 0, FETCHED);
        split();
    }

    private void fetch(double[] pc) {
        java.util.Arrays.fill(fetched, 0);
        double[] rows = code.rows;
        // fetch = PCᵀ · code; slots the PC is surely not on contribute exactly nothing, so skip them
        for (int k = 0; k < slots; k++) {
            double p = pc[k];
            if (p == 0) continue;
            for (int i = 0, at = k * FETCHED; i < FETCHED; i++) fetched[i] += p * rows[at + i];
        }
        split();
    }

    /** The fetched row into its named parts. */
    private void split() {
        System.arraycopy(fetched, SoftCode.AT_OP, o, 0, OPS);
        System.arraycopy(fetched, SoftCode.AT_RD, sel, 0, R);
        System.arraycopy(fetched, SoftCode.AT_RS1, x1, 0, R);
        System.arraycopy(fetched, SoftCode.AT_RS2, x2, 0, R);
        System.arraycopy(fetched, SoftCode.AT_BIT, bit, 0, BITS);
    }

    /** The rest of {@link #evaluate}, once o, sel, x1, x2 and bit hold the fetched instruction. */
    private void evaluateFetched(SoftState s) {
        double[] pc = s.pc, reg = s.reg, mem = s.mem;
        g = 1 - s.halted;
        for (int j = 0; j < OPS; j++) e[j] = g * o[j];
        a = 0;
        b = 0;
        for (int r = 0; r < R; r++) {
            a += x1[r] * reg[r];
            b += x2[r] * reg[r];
        }
        imm = 0;
        for (int i = 0; i < BITS; i++) imm += bit[i] * BIT_WEIGHT[i];
        int ia = SoftState.word(a), ib = SoftState.word(b), ii = SoftState.word(imm);

        ls.at(a + imm, words, addressPower);
        sp.at(reg[SP], words, addressPower);
        push0 = (sp.low - 1) & (words - 1);
        push1 = (sp.high - 1) & (words - 1);
        if (dense) r1 = contentHead(mem, a, imm);
        else r1 = (1 - ls.weight) * mem[ls.low] + ls.weight * mem[ls.high];
        if (port != null && hierarchy == null) {
            lsShare = port.memoryShare(a + imm);
            r1 = lsShare * r1 + port.read(a + imm);
        }
        r2 = (1 - sp.weight) * mem[sp.low] + sp.weight * mem[sp.high];
        if (hierarchy != null) {
            // the seed machine: memory is the port's; a page fault undoes the instruction with its mass
            spBefore = reg[SP];
            trap = hierarchy.access(g, a + imm, e[ILOAD], e[ISTORE], spBefore - 1, e[IPUSH] + e[ICALL], spBefore, e[IPOP] + e[IRET]);
            if (trap > 0) {
                double keep = 1 - trap / g;
                for (int j = 0; j < OPS; j++) e[j] *= keep;
            }
            r1 = hierarchy.loadValue();
            r2 = hierarchy.popValue();
        }
        retv = 0;
        for (int k = 0; k < slots; k++) if (pc[k] != 0) retv += pc[k] * ((k + 1) & (slots - 1));

        alu(ia, ib, ii);
        v = 0;
        wr = 0;
        for (int j = 0; j < OPS; j++) if (WRITES[j]) {
            v += e[j] * res[j];
            wr += e[j];
        }
        spDelta = e[IPOP] + e[IRET] - e[IPUSH] - e[ICALL];
        System.arraycopy(reg, 0, regMid, 0, R);
        regMid[SP] = SoftAlu.wrap(reg[SP] + spDelta);
        flagMass = 0;
        for (int j = IADD; j <= ICMP; j++) flagMass += e[j];

        conditions(s.flags);
        targetDistribution();
        ret.at(r2, slots, addressPower);
        cStay = s.halted + e[IHALT];
        cTarget = e[IJMP] + e[ICALL];
        cSeq = 0;
        for (int j = 0; j < OPS; j++) if (SEQUENTIAL[j]) cSeq += e[j];
        for (int j = IJZ; j <= IJGT; j++) {
            cTarget += e[j] * cond[j];
            cSeq += e[j] * (1 - cond[j]);
        }
    }

    /**
     * The LOAD/STORE head's weighting h = (1 − γ)·kernel(a + imm) + γ·shift(c, imm), with the
     * match c = softmax(−β·(mem − key)²) and the key a; returns the read Σ h·mem.
     */
    private double contentHead(double[] mem, double key, double offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < words; w++) {
            double d = mem[w] - key;
            match[w] = -sharpness * d * d;
            max = Math.max(max, match[w]);
        }
        double sum = 0;
        for (int w = 0; w < words; w++) sum += match[w] = Math.exp(match[w] - max);
        for (int w = 0; w < words; w++) match[w] /= sum;
        shift.at(offset, words, addressPower);
        int mask = words - 1, lo = shift.low;
        double k1 = shift.weight, k0 = 1 - k1, read = 0;
        for (int x = 0; x < words; x++) {
            head[x] = gate * (k0 * match[(x - lo) & mask] + k1 * match[(x - lo - 1) & mask]);
        }
        head[ls.low] += (1 - gate) * (1 - ls.weight);
        head[ls.high] += (1 - gate) * ls.weight;
        for (int x = 0; x < words; x++) read += head[x] * mem[x];
        return read;
    }

    private void alu(int ia, int ib, int ii) {
        res[IMOV] = a;
        res[ILI] = imm;
        res[IADD] = SoftAlu.wrap(a + b);
        res[IADDI] = SoftAlu.wrap(a + imm);
        res[ISUB] = SoftAlu.wrap(a - b);
        res[IMUL] = SoftAlu.mul(a, b, ia, ib);
        res[IDIV] = SoftAlu.div(ia, ib);
        res[IMOD] = SoftAlu.mod(ia, ib);
        res[IAND] = ia & ib;
        res[IOR] = ia | ib;
        res[IXOR] = ia ^ ib;
        res[INOT] = SoftAlu.wrap(-a - 1);
        res[ISHL] = ia << (ib & 31);
        res[ISHR] = ia >>> (ib & 31);
        res[ISRA] = ia >> (ib & 31);
        res[ILOAD] = r1;
        res[IPOP] = r2;
        SoftAlu.addFlags(ia, ib, flagValue, IADD * 4);
        SoftAlu.addFlags(ia, ii, flagValue, IADDI * 4);
        SoftAlu.subFlags(ia, ib, flagValue, ISUB * 4);
        SoftAlu.logicFlags(ia * ib, flagValue, IMUL * 4);
        SoftAlu.logicFlags(SoftAlu.div(ia, ib), flagValue, IDIV * 4);
        SoftAlu.logicFlags(SoftAlu.mod(ia, ib), flagValue, IMOD * 4);
        SoftAlu.logicFlags(ia & ib, flagValue, IAND * 4);
        SoftAlu.logicFlags(ia | ib, flagValue, IOR * 4);
        SoftAlu.logicFlags(ia ^ ib, flagValue, IXOR * 4);
        SoftAlu.logicFlags(~ia, flagValue, INOT * 4);
        SoftAlu.logicFlags(ia << (ib & 31), flagValue, ISHL * 4);
        SoftAlu.logicFlags(ia >>> (ib & 31), flagValue, ISHR * 4);
        SoftAlu.logicFlags(ia >> (ib & 31), flagValue, ISRA * 4);
        SoftAlu.subFlags(ia, ib, flagValue, ICMP * 4);
    }

    /** Branch probabilities from the soft flags, treating them as independent bits. */
    private void conditions(double[] f) {
        double z = f[TcState.Z], lt = lt(f);
        cond[IJZ] = z;
        cond[IJNZ] = 1 - z;
        cond[IJLT] = lt;
        cond[IJGE] = 1 - lt;
        cond[IJLE] = z + (1 - z) * lt;
        cond[IJGT] = (1 - z) * (1 - lt);
    }

    /** P(N ≠ V). */
    private static double lt(double[] f) {
        double n = f[TcState.N], ov = f[TcState.V];
        return n * (1 - ov) + ov * (1 - n);
    }

    /** target[k] = Π_{i<pcBits} (bit i of k ? b_i : 1 − b_i), built one bit at a time. */
    private void targetDistribution() {
        target[0] = 1;
        for (int i = 0, n = 1; i < pcBits; i++, n <<= 1) {
            double one = bit[i], zero = 1 - bit[i];
            for (int k = 0; k < n; k++) {
                target[k + n] = target[k] * one;
                target[k] *= zero;
            }
        }
    }

    /** Prefix and suffix products of each slot's factors, for d target / d bit in the backward pass. */
    private void targetFactors() {
        int w = pcBits + 1;
        for (int k = 0; k < slots; k++) {
            prefix[k * w] = 1;
            for (int i = 0; i < pcBits; i++) prefix[k * w + i + 1] = prefix[k * w + i] * factor(k, i);
            suffix[k * w + pcBits] = 1;
            for (int i = pcBits - 1; i >= 0; i--) suffix[k * w + i] = suffix[k * w + i + 1] * factor(k, i);
        }
    }

    private double factor(int k, int i) { return ((k >>> i) & 1) != 0 ? bit[i] : 1 - bit[i]; }

    /**
     * Moves {@code s} to the next state using the intermediates of {@link #evaluate}(s). The old
     * values of the (at most four) memory words it writes go to {@code undo[at..at+4)} at the word
     * indices {@code undoAt[at..at+4)}, so the backward pass can restore the memory.
     */
    void apply(SoftState s, int[] undoAt, double[] undo, int at) {
        if (hierarchy != null) {
            applySeed(s);
            return;
        }
        double[] reg = s.reg, mem = s.mem, fl = s.flags, pc = s.pc;
        for (int r = 0; r < R; r++) reg[r] = regMid[r] + sel[r] * (v - wr * regMid[r]);
        for (int q = 0; q < 4; q++) {
            double f = fl[q] * (1 - flagMass);
            for (int j = IADD; j <= ICMP; j++) f += e[j] * flagValue[j * 4 + q];
            fl[q] = f;
        }
        // memory: NTM erase/add, every delta from the old words (heads superpose)
        double mLs0 = mem[ls.low], mLs1 = mem[ls.high], mP0 = mem[push0], mP1 = mem[push1];
        if (dense && undo != null) throw new IllegalStateException("a dense step writes every word: save the memory instead of an undo log");
        if (undo != null) {
            undoAt[at] = ls.low; undo[at] = mLs0;
            undoAt[at + 1] = ls.high; undo[at + 1] = mLs1;
            undoAt[at + 2] = push0; undo[at + 2] = mP0;
            undoAt[at + 3] = push1; undo[at + 3] = mP1;
        }
        double st = e[ISTORE], pu = e[IPUSH], ca = e[ICALL];
        double dLs0 = -st * (1 - ls.weight) * (mLs0 - b), dLs1 = -st * ls.weight * (mLs1 - b);
        if (port != null) {
            dLs0 *= lsShare;
            dLs1 *= lsShare;
            if (st != 0) port.write(a + imm, b, st);
        }
        double dP0 = -(1 - sp.weight) * (pu * (mP0 - a) + ca * (mP0 - retv)), dP1 = -sp.weight * (pu * (mP1 - a) + ca * (mP1 - retv));
        if (dense) {
            // the stack head's deltas above were taken from the old words; so are these
            if (st != 0) for (int x = 0; x < words; x++) mem[x] -= st * head[x] * (mem[x] - b);
        } else {
            mem[ls.low] += dLs0;
            mem[ls.high] += dLs1;
        }
        mem[push0] += dP0;
        mem[push1] += dP1;
        // PC
        for (int k = 0; k < slots; k++)
            nextPc[k] = cStay * pc[k] + cSeq * pc[(k - 1) & (slots - 1)] + cTarget * target[k];
        nextPc[ret.low] += e[IRET] * (1 - ret.weight);
        nextPc[ret.high] += e[IRET] * ret.weight;
        System.arraycopy(nextPc, 0, pc, 0, slots);
        if (e[IOUT] > 0) s.output(a, e[IOUT]);
        s.halted += e[IHALT];
        s.steps += g;
    }

    /**
     * {@link #apply} on the seed machine: memory and devices through the port, the trap of mass
     * {@code trap} (shadow bank saved, PC to TRAP_VECTOR) and ERET (shadow bank restored).
     */
    private void applySeed(SoftState s) {
        double[] reg = s.reg, fl = s.flags, pc = s.pc;
        SoftMemoryPort h = hierarchy;
        if (trap > 0) {
            double[] sr = h.shadowRegisters(), sf = h.shadowFlags(), spc = h.shadowPc(slots);
            for (int r = 0; r < R; r++) sr[r] += trap * (reg[r] - sr[r]);
            for (int q = 0; q < 4; q++) sf[q] += trap * (fl[q] - sf[q]);
            for (int k = 0; k < slots; k++) spc[k] += trap * (pc[k] - spc[k]);
        }
        for (int r = 0; r < R; r++) reg[r] = regMid[r] + sel[r] * (v - wr * regMid[r]);
        for (int q = 0; q < 4; q++) {
            double f = fl[q] * (1 - flagMass);
            for (int j = IADD; j <= ICMP; j++) f += e[j] * flagValue[j * 4 + q];
            fl[q] = f;
        }
        if (e[ISTORE] != 0) h.write(a + imm, b, e[ISTORE]);
        if (e[IPUSH] != 0) h.push(spBefore - 1, a, e[IPUSH]);
        if (e[ICALL] != 0) h.push(spBefore - 1, retv, e[ICALL]);
        for (int k = 0; k < slots; k++)
            nextPc[k] = cStay * pc[k] + cSeq * pc[(k - 1) & (slots - 1)] + cTarget * target[k];
        nextPc[ret.low] += e[IRET] * (1 - ret.weight);
        nextPc[ret.high] += e[IRET] * ret.weight;
        if (trap > 0) nextPc[h.trapSlot(slots)] += trap;
        double m = h.eretMass();
        if (m > 0) {
            double[] sr = h.shadowRegisters(), sf = h.shadowFlags(), spc = h.shadowPc(slots);
            for (int r = 0; r < R; r++) reg[r] += m * (sr[r] - reg[r]);
            for (int q = 0; q < 4; q++) fl[q] += m * (sf[q] - fl[q]);
            for (int k = 0; k < slots; k++) nextPc[k] += m * (spc[k] - nextPc[k]);
        }
        System.arraycopy(nextPc, 0, pc, 0, slots);
        if (e[IOUT] > 0) s.output(a, e[IOUT]);
        s.halted += e[IHALT];
        s.steps += g;
        h.finish(trap);
    }

    /**
     * Backward through one step. On entry the adjoints describe the state after the step; on
     * exit, the state {@code s} before it (which must be the state {@link #evaluate} saw; it is
     * evaluated again here, from the fetched instruction {@link #saveFetched} kept). Adjoints of the code's distributions are added to {@code acc}.
     */
    void backward(SoftState s, double[] fetched, int at, Adjoint gs, SoftCode.Grad acc) {
        if (hierarchy != null) {
            backwardSeed(s, fetched, at, gs, acc);
            return;
        }
        if (port != null) throw new UnsupportedOperationException("gradients through memory-mapped devices are not built");
        loadFetched(fetched, at);
        evaluateFetched(s);
        double[] pc = s.pc, reg = s.reg, mem = s.mem, fl = s.flags;
        double[] gReg = gs.reg, gFl = gs.flags, gPc = gs.pc, gMem = gs.mem;
        java.util.Arrays.fill(gE, 0);
        java.util.Arrays.fill(gTarget, 0);
        // the output tape entry this step wrote, if any: value a, mass e_OUT
        gE[IOUT] += gs.outMass;
        double gA = gs.outValue, gB = 0, gImm = 0, gR1 = 0, gR2 = 0, gRetv = 0, gLs = 0, gSp = 0;

        // halted' = halted + e_HALT
        double gH = gs.halted;
        gE[IHALT] += gs.halted;

        // PC' = cStay·pc + cSeq·roll(pc) + cTarget·target + e_RET·kernel(r2)
        pcBackward(pc, gPc, fl);
        gR2 += pcR2;
        gH += pcStay;
        double gZ = pcZ, gLt = pcLt;

        // memory writes (deltas from the old words; adjoints of the new words taken before any change)
        double inLs0 = gMem[ls.low], inLs1 = gMem[ls.high], inP0 = gMem[push0], inP1 = gMem[push1];
        double st = e[ISTORE], pu = e[IPUSH], ca = e[ICALL];
        if (dense) {
            System.arraycopy(gMem, 0, inMem, 0, words);
            double gSt = 0, gHb = 0;
            for (int x = 0; x < words; x++) {
                double in = inMem[x], diff = mem[x] - b;
                gHead[x] = -in * st * diff;
                gMem[x] -= in * st * head[x];
                gSt -= in * head[x] * diff;
                gHb += in * head[x];
            }
            gE[ISTORE] += gSt;
            gB += gHb * st;
        } else {
            double m0 = mem[ls.low], m1 = mem[ls.high], w0 = 1 - ls.weight, w1 = ls.weight;
            gMem[ls.low] -= inLs0 * st * w0;
            gMem[ls.high] -= inLs1 * st * w1;
            gE[ISTORE] -= inLs0 * w0 * (m0 - b) + inLs1 * w1 * (m1 - b);
            double gw1 = -inLs1 * st * (m1 - b) + inLs0 * st * (m0 - b);
            gLs += gw1 * ls.slope;
            gB += (inLs0 * w0 + inLs1 * w1) * st;
        }
        {
            double m0 = mem[push0], m1 = mem[push1], u0 = 1 - sp.weight, u1 = sp.weight;
            gMem[push0] -= inP0 * u0 * (pu + ca);
            gMem[push1] -= inP1 * u1 * (pu + ca);
            gE[IPUSH] -= inP0 * u0 * (m0 - a) + inP1 * u1 * (m1 - a);
            gE[ICALL] -= inP0 * u0 * (m0 - retv) + inP1 * u1 * (m1 - retv);
            double e0 = pu * (m0 - a) + ca * (m0 - retv), e1 = pu * (m1 - a) + ca * (m1 - retv);
            gSp += (-inP1 * e1 + inP0 * e0) * sp.slope;
            gA += (inP0 * u0 + inP1 * u1) * pu;
            gRetv += (inP0 * u0 + inP1 * u1) * ca;
        }

        writeBackward(gFl, gReg, fl, gZ, gLt);
        gA += wbA;
        gB += wbB;
        gImm += wbImm;
        gR1 += wbR1;
        gR2 += wbR2;

        // reads
        if (dense) {
            for (int x = 0; x < words; x++) {
                gMem[x] += gR1 * head[x];
                gHead[x] += gR1 * mem[x];
            }
            contentHeadBackward(mem, a, gMem);
            gA += gKeyOut;
            gImm += gOffsetOut;
            gLs += (1 - gate) * ls.slope * (gHead[ls.high] - gHead[ls.low]);
        } else {
            gMem[ls.low] += gR1 * (1 - ls.weight);
            gMem[ls.high] += gR1 * ls.weight;
            gLs += gR1 * ls.slope * (mem[ls.high] - mem[ls.low]);
        }
        gMem[sp.low] += gR2 * (1 - sp.weight);
        gMem[sp.high] += gR2 * sp.weight;
        gSp += gR2 * sp.slope * (mem[sp.high] - mem[sp.low]);
        gA += gLs;
        gImm += gLs;
        gRegOut[SP] += gSp;
        for (int k = 0; k < slots; k++) gPcOut[k] += gRetv * ((k + 1) & (slots - 1));

        // operands
        for (int r = 0; r < R; r++) {
            gRegOut[r] += gA * x1[r] + gB * x2[r];
            gX1[r] = gA * reg[r];
            gX2[r] = gB * reg[r];
        }
        for (int i = 0; i < BITS; i++) gBit[i] += gImm * BIT_WEIGHT[i];

        // e = g·o, g = 1 − halted
        double gG = 0;
        for (int j = 0; j < OPS; j++) {
            gO[j] = g * gE[j];
            gG += o[j] * gE[j];
        }
        gH -= gG;

        // fetch: one fused row per slot (see SoftCode.rows)
        System.arraycopy(gO, 0, gFetched, SoftCode.AT_OP, OPS);
        System.arraycopy(gSel, 0, gFetched, SoftCode.AT_RD, R);
        System.arraycopy(gX1, 0, gFetched, SoftCode.AT_RS1, R);
        System.arraycopy(gX2, 0, gFetched, SoftCode.AT_RS2, R);
        System.arraycopy(gBit, 0, gFetched, SoftCode.AT_BIT, BITS);
        double[] rows = code.rows, accRows = acc.rows;
        for (int k = 0; k < slots; k++) {
            double p = pc[k];
            int row = k * FETCHED;
            // two loops: the accumulation vectorises; the dot product runs four independent partial
            // sums (FETCHED = 112 is a multiple of 4), since one sequential sum waits on every add
            for (int i = 0; i < FETCHED; i++) accRows[row + i] += p * gFetched[i];
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < FETCHED; i += 4) {
                s0 += gFetched[i] * rows[row + i];
                s1 += gFetched[i + 1] * rows[row + i + 1];
                s2 += gFetched[i + 2] * rows[row + i + 2];
                s3 += gFetched[i + 3] * rows[row + i + 3];
            }
            gPcOut[k] += (s0 + s1) + (s2 + s3);
        }
        System.arraycopy(gRegOut, 0, gReg, 0, R);
        System.arraycopy(gPcOut, 0, gPc, 0, slots);
        gs.halted = gH;
    }

    // scratch of the seed machine's backward pass: the shadow bank before the step, the state between
    // the update and ERET's blend, the adjoints of the accesses' masses (before the fault's gating)
    private double[] sr0, sf0, spc0, reg1, fl1, gEpre;

    /**
     * {@link #backward} on the seed machine: the port's state must be the one before the step (the
     * caller restores it); the step's port calls are replayed with recording on, then the adjoint
     * runs back through ERET's blend, the kernel-mode update, the PC (the trap's mass at the
     * vector), the writes, the register and flag updates, the shadow bank's save, the fault's
     * gating of the opcode weights (e'_j = o_j·(g − φ)) and the accesses.
     */
    private void backwardSeed(SoftState s, double[] fetched, int at, Adjoint gs, SoftCode.Grad acc) {
        SoftMemoryPort h = hierarchy;
        if (sr0 == null) {
            sr0 = new double[R];
            sf0 = new double[4];
            spc0 = new double[slots];
            reg1 = new double[R];
            fl1 = new double[4];
            gEpre = new double[OPS];
        }
        loadFetched(fetched, at);
        h.recordNext();
        evaluateFetched(s);
        double[] pc = s.pc, reg = s.reg, fl = s.flags;
        // replay the port's side of applySeed (recorded), keeping the shadow bank before the save
        double[] sr = h.shadowRegisters(), sf = h.shadowFlags(), spc = h.shadowPc(slots);
        System.arraycopy(sr, 0, sr0, 0, R);
        System.arraycopy(sf, 0, sf0, 0, 4);
        System.arraycopy(spc, 0, spc0, 0, slots);
        if (trap > 0) {
            for (int r = 0; r < R; r++) sr[r] += trap * (reg[r] - sr[r]);
            for (int q = 0; q < 4; q++) sf[q] += trap * (fl[q] - sf[q]);
            for (int k = 0; k < slots; k++) spc[k] += trap * (pc[k] - spc[k]);
        }
        boolean stored = e[ISTORE] != 0, pushed = e[IPUSH] != 0, called = e[ICALL] != 0;
        if (stored) h.write(a + imm, b, e[ISTORE]);
        if (pushed) h.push(spBefore - 1, a, e[IPUSH]);
        if (called) h.push(spBefore - 1, retv, e[ICALL]);
        int trapAt = h.trapSlot(slots);
        double m = h.eretMass();
        h.finish(trap);
        // the state between the update and ERET's blend
        for (int r = 0; r < R; r++) reg1[r] = regMid[r] + sel[r] * (v - wr * regMid[r]);
        for (int q = 0; q < 4; q++) {
            double f = fl[q] * (1 - flagMass);
            for (int j = IADD; j <= ICMP; j++) f += e[j] * flagValue[j * 4 + q];
            fl1[q] = f;
        }
        for (int k = 0; k < slots; k++)
            nextPc[k] = cStay * pc[k] + cSeq * pc[(k - 1) & (slots - 1)] + cTarget * target[k];
        nextPc[ret.low] += e[IRET] * (1 - ret.weight);
        nextPc[ret.high] += e[IRET] * ret.weight;
        if (trap > 0) nextPc[trapAt] += trap;

        double[] gReg = gs.reg, gFl = gs.flags, gPc = gs.pc;
        double[] gSr = h.shadowRegistersAdjoint(), gSf = h.shadowFlagsAdjoint(), gSpc = h.shadowPcAdjoint();
        double[] fin = h.finishBackward();
        double gTrap = fin[0], gM = fin[1];
        // x'' = x' + m·(shadow − x')
        for (int r = 0; r < R; r++) {
            gM += gReg[r] * (sr[r] - reg1[r]);
            gSr[r] += m * gReg[r];
            gReg[r] *= 1 - m;
        }
        for (int q = 0; q < 4; q++) {
            gM += gFl[q] * (sf[q] - fl1[q]);
            gSf[q] += m * gFl[q];
            gFl[q] *= 1 - m;
        }
        for (int k = 0; k < slots; k++) {
            gM += gPc[k] * (spc[k] - nextPc[k]);
            gSpc[k] += m * gPc[k];
            gPc[k] *= 1 - m;
        }
        gTrap += gPc[trapAt];
        double[][] writes = h.writesBackward(gM);
        int w = 0;
        double[] gStore = stored ? writes[w++] : new double[3], gPush = pushed ? writes[w++] : new double[3], gCall = called ? writes[w++] : new double[3];

        java.util.Arrays.fill(gE, 0);
        java.util.Arrays.fill(gTarget, 0);
        gE[IOUT] += gs.outMass;
        double gA = gs.outValue, gB = 0, gImm = 0, gR1 = 0, gR2 = 0, gRetv = 0, gSp = 0;
        double gH = gs.halted;
        gE[IHALT] += gs.halted;

        // PC' = cStay·pc + cSeq·roll(pc) + cTarget·target + e_RET·kernel(r2) + φ·[trap slot]
        pcBackward(pc, gPc, fl);
        gR2 += pcR2;
        gH += pcStay;
        double gZ = pcZ, gLt = pcLt;

        // the writes through the port: STORE (b at a + imm), PUSH (a at sp − 1), CALL (retv at sp − 1)
        gB += gStore[0];
        gE[ISTORE] += gStore[1];
        gA += gStore[2];
        gImm += gStore[2];
        gA += gPush[0];
        gE[IPUSH] += gPush[1];
        gSp += gPush[2];
        gRetv += gCall[0];
        gE[ICALL] += gCall[1];
        gSp += gCall[2];

        writeBackward(gFl, gReg, fl, gZ, gLt);
        gA += wbA;
        gB += wbB;
        gImm += wbImm;
        gR1 += wbR1;
        gR2 += wbR2;
        gRegOut[SP] += gSp;
        for (int k = 0; k < slots; k++) gPcOut[k] += gRetv * ((k + 1) & (slots - 1));

        // the shadow bank's save: shadow' = shadow + φ·(x − shadow)
        for (int r = 0; r < R; r++) {
            gTrap += gSr[r] * (reg[r] - sr0[r]);
            gRegOut[r] += gSr[r] * trap;
            gSr[r] *= 1 - trap;
        }
        for (int q = 0; q < 4; q++) {
            gTrap += gSf[q] * (fl[q] - sf0[q]);
            gFl[q] += gSf[q] * trap;
            gSf[q] *= 1 - trap;
        }
        for (int k = 0; k < slots; k++) {
            gTrap += gSpc[k] * (pc[k] - spc0[k]);
            gPcOut[k] += gSpc[k] * trap;
            gSpc[k] *= 1 - trap;
        }

        // the gating: e'_j = g·o_j·(1 − φ/g) = o_j·(g − φ)
        double gG = 0;
        for (int j = 0; j < OPS; j++) {
            gO[j] = (g - trap) * gE[j];
            gG += o[j] * gE[j];
            gTrap -= o[j] * gE[j];
        }
        // the accesses, with the masses before the gating (e_j = g·o_j)
        double[] ga = h.accessBackward(gTrap, gR1, gR2);
        java.util.Arrays.fill(gEpre, 0);
        gA += ga[0];
        gImm += ga[0];
        gEpre[ILOAD] += ga[1];
        gEpre[ISTORE] += ga[1];
        gRegOut[SP] += ga[2] + ga[4];
        gEpre[IPUSH] += ga[3];
        gEpre[ICALL] += ga[3];
        gEpre[IPOP] += ga[5];
        gEpre[IRET] += ga[5];
        for (int j = 0; j < OPS; j++) {
            gO[j] += g * gEpre[j];
            gG += o[j] * gEpre[j];
        }

        // operands
        for (int r = 0; r < R; r++) {
            gRegOut[r] += gA * x1[r] + gB * x2[r];
            gX1[r] = gA * reg[r];
            gX2[r] = gB * reg[r];
        }
        for (int i = 0; i < BITS; i++) gBit[i] += gImm * BIT_WEIGHT[i];
        gH -= gG;

        System.arraycopy(gO, 0, gFetched, SoftCode.AT_OP, OPS);
        System.arraycopy(gSel, 0, gFetched, SoftCode.AT_RD, R);
        System.arraycopy(gX1, 0, gFetched, SoftCode.AT_RS1, R);
        System.arraycopy(gX2, 0, gFetched, SoftCode.AT_RS2, R);
        System.arraycopy(gBit, 0, gFetched, SoftCode.AT_BIT, BITS);
        double[] rows = code.rows, accRows = acc.rows;
        for (int k = 0; k < slots; k++) {
            double p = pc[k];
            int row = k * FETCHED;
            double dot = 0;
            for (int i = 0; i < FETCHED; i++) {
                accRows[row + i] += p * gFetched[i];
                dot += gFetched[i] * rows[row + i];
            }
            gPcOut[k] += dot;
        }
        System.arraycopy(gRegOut, 0, gReg, 0, R);
        System.arraycopy(gPcOut, 0, gPc, 0, slots);
        gs.halted = gH;
    }

    /**
     * Backward through the content part of {@link #contentHead}, given the head's adjoint in
     * {@code gHead}: adds to the memory's adjoint and leaves those of the key and the offset in
     * {@code gKeyOut} and {@code gOffsetOut}.
     */
    private double gKeyOut, gOffsetOut;

    private void contentHeadBackward(double[] mem, double key, double[] gMem) {
        int mask = words - 1, lo = shift.low;
        double k1 = shift.weight, k0 = 1 - k1, gK1 = 0, dot = 0;
        // gHead is reused for d/d c: walk c's index y, reading the head adjoint at y + lo and y + lo + 1
        for (int y = 0; y < words; y++) {
            double h0 = gate * gHead[(y + lo) & mask], h1 = gate * gHead[(y + lo + 1) & mask];
            gK1 += match[y] * (h1 - h0);
            inMem[y] = k0 * h0 + k1 * h1;
            dot += match[y] * inMem[y];
        }
        gOffsetOut = gK1 * shift.slope;
        double g = 0;
        for (int y = 0; y < words; y++) {
            double gs = match[y] * (inMem[y] - dot), d = mem[y] - key;
            gMem[y] -= gs * 2 * sharpness * d;
            g += gs * 2 * sharpness * d;
        }
        gKeyOut = g;
    }

    /** Adjoints of a soft state's differentiable parts. */
    static final class Adjoint {
        final double[] reg = new double[R], flags = new double[4], pc, mem;
        double halted;
        /** Adjoints of the output entry written by the step being differentiated (0 when none). */
        double outValue, outMass;

        Adjoint(TcMachineSpec spec) {
            pc = new double[spec.slots()];
            mem = new double[spec.memoryWords()];
        }

        void clear() {
            java.util.Arrays.fill(reg, 0);
            java.util.Arrays.fill(flags, 0);
            java.util.Arrays.fill(pc, 0);
            java.util.Arrays.fill(mem, 0);
            halted = 0;
            outValue = 0;
            outMass = 0;
        }
    }

    // what pcBackward passes back besides the arrays it fills: the adjoint reaching the popped RET
    // address r2, the stay coefficient's (halted mass), and the Z and signed-less-than conditions'
    private double pcR2, pcStay, pcZ, pcLt;

    /**
     * The adjoint of PC' = cStay·pc + cSeq·roll(pc) + cTarget·target + e_RET·kernel(r2) given
     * gPc (the next PC's adjoint): adds into gE, gTarget and gPcOut, sets gBit (the immediate
     * bits' share through the target distribution), and leaves the scalar parts in
     * {@link #pcR2}, {@link #pcStay}, {@link #pcZ} and {@link #pcLt}. Shared by the cpu
     * machine's backward and the seed machine's.
     */
    private void pcBackward(double[] pc, double[] gPc, double[] fl) {
        double gStay = 0, gSeq = 0, gTgt = 0;
        for (int k = 0; k < slots; k++) {
            gStay += gPc[k] * pc[k];
            gSeq += gPc[k] * pc[(k - 1) & (slots - 1)];
            gTgt += gPc[k] * target[k];
            gTarget[k] = cTarget * gPc[k];
            gPcOut[k] = cStay * gPc[k] + cSeq * gPc[(k + 1) & (slots - 1)];
        }
        gE[IRET] += gPc[ret.low] * (1 - ret.weight) + gPc[ret.high] * ret.weight;
        pcR2 = e[IRET] * ret.slope * (gPc[ret.high] - gPc[ret.low]);
        pcStay = gStay;
        gE[IHALT] += gStay;
        gE[IJMP] += gTgt;
        gE[ICALL] += gTgt;
        for (int j = 0; j < OPS; j++) if (SEQUENTIAL[j]) gE[j] += gSeq;
        double gZ = 0, gLt = 0;
        double z = fl[TcState.Z], lt = lt(fl);
        for (int j = IJZ; j <= IJGT; j++) {
            gE[j] += gSeq * (1 - cond[j]) + gTgt * cond[j];
            double gc = e[j] * (gTgt - gSeq);
            if (j == IJZ) gZ += gc;
            else if (j == IJNZ) gZ -= gc;
            else if (j == IJLT) gLt += gc;
            else if (j == IJGE) gLt -= gc;
            else if (j == IJLE) { gZ += gc * (1 - lt); gLt += gc * (1 - z); }
            else { gZ -= gc * (1 - lt); gLt -= gc * (1 - z); }
        }
        pcZ = gZ;
        pcLt = gLt;
        java.util.Arrays.fill(gBit, 0);
        targetFactors();
        int w = pcBits + 1;
        for (int k = 0; k < slots; k++) {
            double gt = gTarget[k];
            if (gt == 0) continue;
            for (int i = 0; i < pcBits; i++) {
                double rest = prefix[k * w + i] * suffix[k * w + i + 1];
                gBit[i] += ((k >>> i) & 1) != 0 ? gt * rest : -gt * rest;
            }
        }
    }

    // what writeBackward passes back: the adjoints reaching a, b, imm, the LOAD read r1 and the POP read r2
    private double wbA, wbB, wbImm, wbR1, wbR2;

    /**
     * The adjoint of the flag and register writes (flags' = flags·(1 − Σ_F e) + Σ_F e_j·value_j;
     * registers' = regMid + sel·(v − wr·regMid)) given gFl and gReg, the branch conditions'
     * adjoints gZ and gLt folded into the flags: scales gFl in place, adds into gE, sets gSel and
     * gRegOut, and leaves the operands' shares in {@link #wbA} … {@link #wbR2}. Shared by the cpu
     * machine's backward and the seed machine's.
     */
    private void writeBackward(double[] gFl, double[] gReg, double[] fl, double gZ, double gLt) {
        // flags' = flags·(1 − Σ_F e) + Σ_F e_j·value_j
        for (int j = IADD; j <= ICMP; j++)
            for (int q = 0; q < 4; q++) gE[j] += gFl[q] * (flagValue[j * 4 + q] - fl[q]);
        for (int q = 0; q < 4; q++) gFl[q] *= 1 - flagMass;
        gFl[TcState.Z] += gZ;
        gFl[TcState.N] += gLt * (1 - 2 * fl[TcState.V]);
        gFl[TcState.V] += gLt * (1 - 2 * fl[TcState.N]);

        // registers' = regMid + sel·(v − wr·regMid)
        double gV = 0, gWr = 0;
        for (int r = 0; r < R; r++) {
            gV += gReg[r] * sel[r];
            gWr -= gReg[r] * sel[r] * regMid[r];
            gSel[r] = gReg[r] * (v - wr * regMid[r]);
            gRegOut[r] = gReg[r] * (1 - sel[r] * wr);
        }
        double gSpDelta = gRegOut[SP];
        gE[IPOP] += gSpDelta;
        gE[IRET] += gSpDelta;
        gE[IPUSH] -= gSpDelta;
        gE[ICALL] -= gSpDelta;
        for (int j = 0; j < OPS; j++) if (WRITES[j]) gE[j] += gV * res[j] + gWr;
        wbA = gV * (e[IMOV] + e[IADD] + e[IADDI] + e[ISUB] - e[INOT] + e[IMUL] * b);
        wbB = gV * (e[IADD] - e[ISUB] + e[IMUL] * a);
        wbImm = gV * (e[ILI] + e[IADDI]);
        wbR1 = gV * e[ILOAD];
        wbR2 = gV * e[IPOP];
    }
}
