package tc.computer.interp;

import java.util.ArrayList;
import java.util.List;
import tc.computer.device.Console;
import tc.computer.device.DeviceException;
import tc.computer.device.DeviceFault;
import tc.computer.device.Devices;
import tc.computer.device.DiskController;
import tc.computer.device.Framebuffer;
import tc.computer.device.Gpu;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.computer.memory.MachineStats;
import tc.computer.memory.MemoryHierarchy;

/**
 * The discrete {@code seed} machine: {@link TcMachine}'s CPU and ISA (the same 32 opcodes, the
 * same arithmetic, flags and jumps) with every data access decoded by address: negative addresses
 * are memory-mapped devices ({@link Mmio}); non-negative ones go through the memory hierarchy
 * (TLB, two-level page tables, cache, main memory) in user mode, or straight to physical memory
 * (through the cache) in kernel mode.
 *
 * <p>The loader: the program's {@code memoryWords} is the virtual space; the page tables are built
 * with every PTE invalid (demand paging from the first access); the program's data image is
 * written to the swap area of the disk; physical frame 0 is reserved for the page-fault handler
 * (word 0, the clock hand, starts at 1; words 1..frames−1, the owners, at 0 = free);
 * {@code TRAP_VECTOR} is −1; {@code sp} = virtual words, as on {@link TcMachine}.
 *
 * <p>A user-mode access to a page that is not mapped has no effect, counts as one step and traps:
 * pc, registers and flags go to the shadow bank, the machine enters kernel mode and jumps to
 * {@code TRAP_VECTOR}; a store to {@code ERET} restores them and re-runs the faulting instruction.
 * A device fault (a {@link DeviceException} from a device, a bus error, a page fault without a
 * handler, ERET outside kernel mode) stops the run: {@link #fault()} says why, the pc stays on the
 * faulting instruction and the instruction has no effect.
 *
 * <p>Hot paths are array lookups: instructions are pre-decoded into int arrays, a TLB or cache hit
 * is O(1).
 */
public final class SeedMachine {
    /** Receives each executed instruction; {@code after} is the machine after it. */
    public interface Trace {
        void step(long step, int pc, TcInstruction instruction, SeedMachine after);
    }

    // execute() switches on opcode numbers (constants, so the switch compiles to a table); this pins them to TcOp.
    static {
        if (TcOp.HALT.ordinal() != 0 || TcOp.CMP.ordinal() != 17 || TcOp.JMP.ordinal() != 18 || TcOp.JGT.ordinal() != 24
                || TcOp.LOAD.ordinal() != 25 || TcOp.STORE.ordinal() != 26 || TcOp.PUSH.ordinal() != 27 || TcOp.POP.ordinal() != 28
                || TcOp.CALL.ordinal() != 29 || TcOp.RET.ordinal() != 30 || TcOp.OUT.ordinal() != 31)
            throw new AssertionError("SeedMachine's opcode numbers no longer match TcOp");
    }

    private static final int SP = TcMachineSpec.SP;
    private static final int Z = TcState.Z, N = TcState.N, C = TcState.C, V = TcState.V;
    private static final int REGISTER_WINDOW = 64;
    private static final String[] REGISTER_NAMES = new String[REGISTER_WINDOW];

    static {
        String[][] named = {{"CONSOLE_OUT", "0"}, {"CONSOLE_IN", "1"}, {"KEY_IN", "2"}, {"KEY_COUNT", "3"},
                {"FB_X", "8"}, {"FB_Y", "9"}, {"FB_RGB", "10"}, {"DISK_SECTOR", "16"}, {"DISK_OFFSET", "17"},
                {"DISK_ADDR", "18"}, {"DISK_COUNT", "19"}, {"DISK_CMD", "20"}, {"GPU_A", "32"}, {"GPU_B", "33"},
                {"GPU_C", "34"}, {"GPU_N", "35"}, {"GPU_M", "36"}, {"GPU_K", "37"}, {"GPU_S", "38"}, {"GPU_RUN", "39"},
                {"GPU_RESULT", "40"}, {"TRAP_VECTOR", "48"}, {"FAULT_VPN", "49"}, {"FAULT_ADDR", "50"}, {"ERET", "51"},
                {"PT_INDEX", "52"}, {"PT_VALUE", "53"}, {"TLB_FLUSH", "54"}, {"MODE", "55"},
                {"CONTENT_SHIFT", "56"}, {"CONTENT_KEY", "57"}, {"CONTENT_FOUND", "58"}, {"CONTENT_ADDR", "59"}, {"CONTENT_RESULT", "60"}};
        for (String[] n : named) REGISTER_NAMES[Integer.parseInt(n[1])] = n[0];
    }

    private final TcProgram program;
    private final TcMachineSpec spec;
    private final SeedConfig config;
    private final Devices devices;
    private final MemoryHierarchy mem;
    private final Console console;
    private final Framebuffer fb;
    private final DiskController disk;
    private final Gpu gpu;
    private final tc.computer.device.Bus bus;
    private final TcInstruction[] code;
    private final int[] op, rd, rs1, rs2, imm;
    private final int slotMask;
    private final int[] reg = new int[TcMachineSpec.REGISTERS];
    private final int[] flags = new int[4];
    private final int[] shadowReg = new int[TcMachineSpec.REGISTERS];
    private final int[] shadowFlags = new int[4];
    private final List<Integer> outputs = new ArrayList<>();
    private int shadowPc;
    private int pc;
    private boolean halted;
    private long steps, userSteps, pageFaults;
    private DeviceFault fault;
    private int trapVector = -1, faultVpn, faultAddr, ptIndex, fbX, fbY;
    private int redirect = -1;
    private int contentShift, contentFound, contentAddr, contentResult;

    /**
     * Loads {@code program} on a seed machine of {@code config} with {@code devices} (which must
     * be built for the same configuration, and are used by this machine only).
     */
    public SeedMachine(TcProgram program, SeedConfig config, Devices devices) {
        if (!devices.config().equals(config)) throw new IllegalArgumentException("the devices were built for another configuration");
        this.program = program;
        this.spec = program.spec();
        this.config = config;
        this.devices = devices;
        int virtualWords = spec.memoryWords();
        this.mem = new MemoryHierarchy(config, virtualWords);
        this.console = devices.console();
        this.fb = devices.framebuffer();
        this.disk = devices.disk();
        this.gpu = devices.gpu();
        this.bus = devices.bus();
        int slots = spec.slots();
        slotMask = slots - 1;
        code = new TcInstruction[slots];
        op = new int[slots];
        rd = new int[slots];
        rs1 = new int[slots];
        rs2 = new int[slots];
        imm = new int[slots];
        for (int k = 0; k < slots; k++) {
            TcInstruction ins = program.at(k);
            code[k] = ins;
            op[k] = ins.op().ordinal();
            rd[k] = ins.rd();
            rs1[k] = ins.rs1();
            rs2[k] = ins.rs2();
            imm[k] = ins.imm();
        }
        long swapSectors = config.swapSectors(virtualWords);
        if (swapSectors >= config.diskSectors())
            throw new IllegalArgumentException("a virtual space of " + virtualWords + " words needs " + swapSectors
                    + " swap sectors; the disk has only " + config.diskSectors());
        disk.setSwap(config.diskSectors() - swapSectors);
        disk.writeSwapWords(0, program.data());
        if (config.frames() > 1) mem.poke(0, 1);
        reg[SP] = virtualWords;
    }

    /** Sets a register before the run. */
    public SeedMachine withRegister(int r, int value) { reg[r] = value; return this; }

    /** Sets {@code TRAP_VECTOR} before the run, as if the program had stored it first. */
    public SeedMachine withTrapVector(int slot) { trapVector = slot; return this; }

    public TcProgram program() { return program; }
    public TcMachineSpec spec() { return spec; }
    public SeedConfig config() { return config; }
    public Devices devices() { return devices; }
    /** The memory hierarchy (TLB, page table, cache, physical memory), for tests and tools. */
    public MemoryHierarchy memory() { return mem; }
    /** Whether a HALT ran (a device fault is {@link #fault()}, not a halt). */
    public boolean halted() { return halted; }
    public int pc() { return pc; }
    /** Instructions executed, in both modes, faulting ones included. */
    public long steps() { return steps; }
    /** User-mode instructions that completed (not those that page-faulted, nor the handler's). */
    public long userSteps() { return userSteps; }
    public int register(int r) { return reg[r]; }
    /** Flag Z, N, C or V ({@link TcState} indices): 0 or 1. */
    public int flag(int f) { return flags[f]; }
    /** Whether a trap handler is running (between a page fault and its ERET). */
    public boolean kernelMode() { return mem.kernel(); }
    /** Why the run stopped early, or null. */
    public DeviceFault fault() { return fault; }
    /** {@code TRAP_VECTOR}, {@code FAULT_VPN}, {@code FAULT_ADDR} and {@code PT_INDEX} as the program would load them. */
    public int trapVector() { return trapVector; }
    public int faultVpn() { return faultVpn; }
    public int faultAddr() { return faultAddr; }
    public int ptIndex() { return ptIndex; }
    /** The content head's registers {@code CONTENT_SHIFT}, {@code CONTENT_FOUND}, {@code CONTENT_ADDR}, {@code CONTENT_RESULT}. */
    public int contentShift() { return contentShift; }
    public int contentFound() { return contentFound; }
    public int contentAddr() { return contentAddr; }
    public int contentResult() { return contentResult; }
    /** The framebuffer cursor ({@code FB_X}, {@code FB_Y}). */
    public int fbX() { return fbX; }
    public int fbY() { return fbY; }
    /** The shadow bank: registers, flags and pc saved by the last trap. */
    public int[] shadowRegisters() { return shadowReg.clone(); }
    public int[] shadowFlags() { return shadowFlags.clone(); }
    public int shadowPc() { return shadowPc; }

    /** Words written by OUT, in order. */
    public List<Integer> outputs() { return List.copyOf(outputs); }

    /** The counters so far. */
    public MachineStats stats() {
        return new MachineStats(mem.cache().hits(), mem.cache().misses(), mem.tlb().hits(), mem.tlb().misses(), pageFaults,
                disk.sectorReads(), disk.sectorWrites(), bus.cpuGrants(), bus.dmaGrants(), bus.gpuGrants(), gpu.kernels());
    }

    /** Virtual word {@code va} as the program sees it: from its frame if resident, else from swap. No statistics. */
    public int virtualWord(int va) {
        va &= spec.memoryWords() - 1;
        Integer v = mem.peekVirtual(va);
        return v != null ? v : disk.swapWord(va);
    }

    /**
     * A snapshot whose memory is the virtual memory as the program sees it (resident pages from
     * their frames, the others from swap), so that a run that uses no device compares with
     * {@link TcMachine}'s. Registers and flags are the current ones (the handler's in kernel mode).
     */
    public TcState state() {
        int[] vm = new int[spec.memoryWords()];
        for (int va = 0; va < vm.length; va++) vm[va] = virtualWord(va);
        return new TcState(pc, reg, flags, vm, halted, steps, outputs);
    }

    /** Runs until HALT, a device fault or {@code maxSteps} instructions; returns the final state. */
    public TcState run(long maxSteps) { return run(maxSteps, null); }

    /** As {@link #run(long)}, calling {@code trace} after every instruction. */
    public TcState run(long maxSteps, Trace trace) {
        try {
            if (trace == null) {
                while (!halted && fault == null && steps < maxSteps) step();
            } else {
                while (!halted && fault == null && steps < maxSteps) {
                    int at = pc;
                    TcInstruction ins = step();
                    trace.step(steps, at, ins, this);
                }
            }
        } finally {
            console.flush();
        }
        return state();
    }

    /** Executes one instruction (nothing once halted or faulted) and returns it. */
    public TcInstruction step() {
        int p = pc;
        TcInstruction ins = code[p];
        if (halted || fault != null) return ins;
        steps++;
        try {
            execute(p);
        } catch (DeviceException e) {
            fault = new DeviceFault(e.getMessage(), p, steps);
        }
        return ins;
    }

    private void execute(int p) {
        boolean user = !mem.kernel();
        int o = op[p];
        int a = reg[rs1[p]], b = reg[rs2[p]], im = imm[p], d = rd[p];
        int next = (p + 1) & slotMask;
        switch (o) {
            case 0 -> { halted = true; next = p; } // HALT
            case 1 -> { } // NOP
            case 2 -> reg[d] = a; // MOV
            case 3 -> reg[d] = im; // LI
            case 4 -> reg[d] = Alu.add(a, b, flags);
            case 5 -> reg[d] = Alu.add(a, im, flags);
            case 6 -> reg[d] = Alu.sub(a, b, flags);
            case 7 -> reg[d] = Alu.logic(a * b, flags);
            case 8 -> reg[d] = Alu.logic(TcOp.div(a, b), flags);
            case 9 -> reg[d] = Alu.logic(TcOp.mod(a, b), flags);
            case 10 -> reg[d] = Alu.logic(a & b, flags);
            case 11 -> reg[d] = Alu.logic(a | b, flags);
            case 12 -> reg[d] = Alu.logic(a ^ b, flags);
            case 13 -> reg[d] = Alu.logic(~a, flags);
            case 14 -> reg[d] = Alu.logic(a << (b & 31), flags);
            case 15 -> reg[d] = Alu.logic(a >>> (b & 31), flags);
            case 16 -> reg[d] = Alu.logic(a >> (b & 31), flags);
            case 17 -> Alu.sub(a, b, flags); // CMP
            case 18 -> next = im & slotMask; // JMP
            case 19 -> { if (flags[Z] == 1) next = im & slotMask; }
            case 20 -> { if (flags[Z] == 0) next = im & slotMask; }
            case 21 -> { if (flags[N] != flags[V]) next = im & slotMask; }
            case 22 -> { if (flags[N] == flags[V]) next = im & slotMask; }
            case 23 -> { if (flags[Z] == 1 || flags[N] != flags[V]) next = im & slotMask; }
            case 24 -> { if (flags[Z] == 0 && flags[N] == flags[V]) next = im & slotMask; }
            case 25 -> { // LOAD
                if (!load(p, a + im)) return;
                reg[d] = loaded;
            }
            case 26 -> { // STORE
                int ea = a + im;
                if (ea < 0) {
                    mmioStore(ea, b);
                    if (redirect >= 0) { next = redirect; redirect = -1; }
                } else {
                    int pa = mem.translate(ea);
                    if (pa < 0) { trap(p, ea); return; }
                    mem.write(pa, b);
                }
                bus.grantCpu();
            }
            case 27 -> { // PUSH
                int ea = reg[SP] - 1;
                if (!store(p, ea, a)) return;
                reg[SP] = ea;
            }
            case 28 -> { // POP
                if (!load(p, reg[SP])) return;
                reg[SP] += 1;
                reg[d] = loaded;
            }
            case 29 -> { // CALL
                int ea = reg[SP] - 1;
                if (!store(p, ea, next)) return;
                reg[SP] = ea;
                next = im & slotMask;
            }
            case 30 -> { // RET
                if (!load(p, reg[SP])) return;
                reg[SP] += 1;
                next = loaded & slotMask;
            }
            case 31 -> outputs.add(a); // OUT
            default -> throw new AssertionError(o);
        }
        pc = next;
        if (user) userSteps++;
    }

    /** The word the last successful {@link #load} read. */
    private int loaded;

    /** A data load (LOAD, POP, RET) into {@link #loaded}: false when it trapped (then nothing changed). */
    private boolean load(int p, int ea) {
        if (ea < 0) loaded = mmioLoad(ea);
        else {
            int pa = mem.translate(ea);
            if (pa < 0) { trap(p, ea); return false; }
            loaded = mem.read(pa);
        }
        bus.grantCpu();
        return true;
    }

    /** A stack store (PUSH, CALL): false when it trapped. Device stores through the stack never redirect. */
    private boolean store(int p, int ea, int value) {
        if (ea < 0) {
            mmioStore(ea, value);
            if (redirect >= 0) { redirect = -1; throw new DeviceException("ERET must be a STORE, not a stack write"); }
        } else {
            int pa = mem.translate(ea);
            if (pa < 0) { trap(p, ea); return false; }
            mem.write(pa, value);
        }
        bus.grantCpu();
        return true;
    }

    private void trap(int p, int ea) {
        pageFaults++;
        int vpn = mem.faultVpn();
        if (trapVector == -1)
            throw new DeviceException("page fault at address " + ea + " (page " + vpn + ") and no handler (TRAP_VECTOR unset)");
        System.arraycopy(reg, 0, shadowReg, 0, reg.length);
        System.arraycopy(flags, 0, shadowFlags, 0, flags.length);
        shadowPc = p;
        mem.setKernel(true);
        faultVpn = vpn;
        faultAddr = ea;
        pc = trapVector & slotMask;
    }

    private void eret() {
        if (!mem.kernel()) throw new DeviceException("ERET outside a trap handler (the machine is in user mode)");
        System.arraycopy(shadowReg, 0, reg, 0, reg.length);
        System.arraycopy(shadowFlags, 0, flags, 0, flags.length);
        mem.setKernel(false);
        redirect = shadowPc;
    }

    private int mmioLoad(int ea) {
        int g = ea - Mmio.GPU_BASE;
        if (g >= 0 && g < gpu.words()) return gpu.word(g);
        int bi = ea - Mmio.DISK_BUF;
        if (bi >= 0 && bi < disk.sectorWords()) return disk.bufferWord(bi);
        int r = ea - Mmio.DEV_BASE;
        if (r < 0 || r >= REGISTER_WINDOW || REGISTER_NAMES[r] == null) throw busError(ea);
        return switch (r) {
            case Mmio.CONSOLE_IN -> console.read();
            case Mmio.KEY_IN -> devices.keyboard().next();
            case Mmio.KEY_COUNT -> devices.keyboard().count();
            case Mmio.FB_X -> fbX;
            case Mmio.FB_Y -> fbY;
            case Mmio.FB_RGB -> fb.get(fbX, fbY);
            case Mmio.DISK_SECTOR -> disk.sector();
            case Mmio.DISK_OFFSET -> disk.offset();
            case Mmio.DISK_ADDR -> disk.addr();
            case Mmio.DISK_COUNT -> disk.count();
            case Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S, Mmio.GPU_RESULT -> gpu.register(r);
            case Mmio.TRAP_VECTOR -> trapVector;
            case Mmio.FAULT_VPN -> faultVpn;
            case Mmio.FAULT_ADDR -> faultAddr;
            case Mmio.PT_INDEX -> ptIndex;
            case Mmio.PT_VALUE -> mem.pageTable().get(ptIndex);
            case Mmio.MODE -> mem.kernel() ? 1 : 0;
            case Mmio.CONTENT_SHIFT -> contentShift;
            case Mmio.CONTENT_FOUND -> contentFound;
            case Mmio.CONTENT_ADDR -> contentAddr;
            case Mmio.CONTENT_RESULT -> contentResult;
            default -> throw new DeviceException("register " + REGISTER_NAMES[r] + " is write-only");
        };
    }

    private void mmioStore(int ea, int v) {
        int g = ea - Mmio.GPU_BASE;
        if (g >= 0 && g < gpu.words()) { gpu.setWord(g, v); return; }
        int bi = ea - Mmio.DISK_BUF;
        if (bi >= 0 && bi < disk.sectorWords()) { disk.setBufferWord(bi, v); return; }
        int r = ea - Mmio.DEV_BASE;
        if (r < 0 || r >= REGISTER_WINDOW || REGISTER_NAMES[r] == null) throw busError(ea);
        switch (r) {
            case Mmio.CONSOLE_OUT -> console.write(v);
            case Mmio.FB_X -> fbX = v;
            case Mmio.FB_Y -> fbY = v;
            case Mmio.FB_RGB -> fb.set(fbX, fbY, v);
            case Mmio.DISK_SECTOR -> disk.setSector(v);
            case Mmio.DISK_OFFSET -> disk.setOffset(v);
            case Mmio.DISK_ADDR -> disk.setAddr(v);
            case Mmio.DISK_COUNT -> disk.setCount(v);
            case Mmio.DISK_CMD -> disk.command(v, mem.kernel(), mem);
            case Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S -> gpu.setRegister(r, v);
            case Mmio.GPU_RUN -> gpu.run(v);
            case Mmio.TRAP_VECTOR -> trapVector = v;
            case Mmio.ERET -> eret();
            case Mmio.PT_INDEX -> ptIndex = v;
            case Mmio.PT_VALUE -> mem.pageTable().set(ptIndex, v);
            case Mmio.TLB_FLUSH -> mem.tlb().flush(v);
            case Mmio.CONTENT_SHIFT -> contentShift = v;
            case Mmio.CONTENT_KEY -> contentLookup(v);
            default -> throw new DeviceException("register " + REGISTER_NAMES[r] + " is read-only");
        }
    }

    /**
     * The content head: the first physical word equal to {@code key} (a content-addressable
     * memory with a priority encoder; no cache access, no statistics, as for DMA).
     */
    private void contentLookup(int key) {
        int words = mem.physicalWords();
        for (int w = 0; w < words; w++) {
            if (mem.peek(w) == key) {
                contentFound = 1;
                contentAddr = w;
                contentResult = mem.peek(Math.floorMod(w + contentShift, words));
                return;
            }
        }
        contentFound = 0;
        contentAddr = -1;
        contentResult = 0;
    }

    private static DeviceException busError(int ea) {
        return new DeviceException(String.format("bus error: no device at address 0x%08x", ea));
    }
}
