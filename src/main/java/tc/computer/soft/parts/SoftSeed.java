package tc.computer.soft.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import tc.computer.device.Disk;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcProgram;
import tc.computer.soft.SoftMemoryPort;

/**
 * The soft {@code seed} machine's memory system and devices: the port that makes the soft CPU
 * ({@code new SoftMachine(spec, params, τ, port)}) the seed machine of {@code SeedMachine}.
 *
 * <p>Every data access (LOAD/STORE at rs1 + imm, PUSH/CALL at sp − 1, POP/RET at sp) is routed by
 * {@link SoftBus#route}. Its memory share goes, with the user-mode mass 1 − κ (κ the kernel-mode
 * mass), through {@link SoftTlb#translate} over the real-valued page-table RAM, and with mass κ to
 * physical address {@code a mod physicalWords}; both physical addresses are read and written
 * through the address kernel in the physical memory of {@code physicalWords} reals, and counted
 * by {@link SoftCache#access}. The TLB's page-fault mass φ gates the whole step (see
 * {@link SoftMemoryPort}); with no handler (TRAP_VECTOR −1) it is refused mass. The device shares
 * go to {@link SoftDevices} (GPU, console out, framebuffer, the content head over physical
 * memory) and, through its
 * extension, to the registers modelled here:
 * <ul>
 *   <li>console input and the keyboard: fixed inputs read at a soft cursor that a load of mass m
 *       advances by m (the byte or event at the cursor, −1 past the end; KEY_COUNT = events −
 *       cursor);</li>
 *   <li>the MMU: TRAP_VECTOR, FAULT_VPN, FAULT_ADDR and PT_INDEX latched, PT_VALUE reading and
 *       writing page-table word [PT_INDEX], TLB_FLUSH through {@link SoftTlb#flush}, MODE = κ,
 *       ERET (its mass restores the shadow bank and leaves kernel mode);</li>
 *   <li>the disk controller: DISK_SECTOR/OFFSET/ADDR/COUNT latched, a sector buffer of reals,
 *       DISK_CMD with the kernel distribution the address kernel gives at v − 1 over the commands
 *       READ, WRITE, DMA_IN, DMA_OUT and the kernel-only SWAP_IN and SWAP_OUT (swap sector words
 *       to and from memory, bypassing the buffer), each blended with its mass; DMA writes snoop the cache
 *       with {@link SoftCache#invalidate}. The disk is materialised lazily: a sector exists as
 *       reals once touched, read first from the swap image (the program's data) or the backing
 *       {@link Disk}, which is never written (the soft machine keeps its writes).</li>
 * </ul>
 * Bus grants are counted as the discrete machine counts them: CPU one per data word moved, DMA one
 * per word moved and one per sector command, GPU one per kernel. Sector numbers, DMA ranges,
 * pixel coordinates and register numbers of a command are rounded to words, as the CPU's masks.
 * At τ = 1e-3 with one-hot parameters every mass is 0 or 1 and the machine equals
 * {@code SeedMachine} state for state (SoftSeedMachineDifferentialTest). Reverse mode
 * ({@code SoftGradients.computeSeed}) goes through the memory path, the MMU's registers, GPU
 * memory, the GPU latches and launches, and the content head, and refuses the rest of the device
 * traffic by name (see {@link #recordNext}).
 */
public final class SoftSeed implements SoftMemoryPort {
    private final SeedConfig config;
    private final int virtualWords, physicalWords, pageWords, pages, sectorWords;
    private final double tau;
    private final SoftBus bus;
    private final SoftDevices devices;
    private final SoftTlb tlbPart;
    private final SoftTlb.State tlb;
    private final SoftCache cachePart;
    private final SoftCache.State cache;
    private final double[] phys, pt;
    private final double[] shadowReg = new double[TcMachineSpec.REGISTERS], shadowFlags = new double[4], shadowPc;
    private double kernel, trapVector = -1, faultVpn, faultAddr, ptIndex;
    private final Input input;
    private final int[] keys;
    private double inCursor, keyCursor;
    // disk controller
    private final Disk backing;
    private final long sectors, firstSwap;
    private final int[] dataImage;
    private final Map<Long, double[]> touched = new TreeMap<>();
    private final double[] buffer;
    private double diskSector, diskOffset, diskAddr, diskCount, sectorReads, sectorWrites;
    private double cpuGrants, dmaGrants, refused;
    // this step
    private final Head ls = new Head(), push = new Head(), pop = new Head();
    private double loadValue, popValue, eret;

    /** One head's access in the current step. */
    private static final class Head {
        double address, mass, memory, user, fault, paUser, paKernel;
        int vpn;
        // recorded for the backward pass: the TLB before this head's translation, the virtual
        // address, the device registers read and their values; adjoint accumulators
        SoftTlb.State tlbBefore;
        double va;
        final double[] readRegister = new double[2];
        double gPaUser, gMemory, gDevice, gGpu, gAddress, gMass;
    }

    /**
     * The seed machine for {@code program} (its {@code memoryWords} is the virtual space) on a
     * machine of {@code config}: the loader's state (page tables with every PTE invalid, frame 0's
     * clock hand at 1, the data image in the swap area).
     *
     * @param tau     temperature of the bus decoding, address kernels, TLB and cache, in (0, 1]
     * @param reluTau the GPU's ReLU temperature
     * @param input   console input bytes
     * @param keys    keyboard events, in order
     * @param disk    the disk's initial contents (read when a sector is first touched; never written)
     */
    public SoftSeed(SeedConfig config, TcProgram program, double tau, double reluTau, byte[] input, int[] keys, Disk disk) {
        this(config, program, tau, reluTau, new java.io.ByteArrayInputStream(input.clone()), keys, disk);
    }

    /**
     * As the other constructor, with console input read from {@code input} only as far as the
     * soft cursor needs it (so a program that never reads it never waits on it).
     */
    public SoftSeed(SeedConfig config, TcProgram program, double tau, double reluTau, java.io.InputStream input, int[] keys, Disk disk) {
        if (disk.sectorWords() != config.sectorWords() || disk.sectors() != config.diskSectors())
            throw new IllegalArgumentException("the disk does not have the configuration's shape");
        this.config = config;
        this.virtualWords = program.spec().memoryWords();
        this.physicalWords = config.physicalWords();
        this.pageWords = config.pageWords();
        this.pages = virtualWords / pageWords;
        this.sectorWords = config.sectorWords();
        this.tau = tau;
        this.bus = new SoftBus(tau, 1, config.gpuWords(), config.sectorWords());
        this.phys = new double[physicalWords];
        this.devices = new SoftDevices(config, tau, reluTau, phys);
        this.tlbPart = new SoftTlb(config.tlbEntries(), pageWords, virtualWords, tau, tau);
        this.tlb = new SoftTlb.State(config.tlbEntries());
        this.cachePart = new SoftCache(config.cacheLines(), config.cacheLineWords(), tau);
        this.cache = new SoftCache.State(config.cacheLines());
        if (config.frames() > 1) phys[0] = 1;
        this.pt = new double[tlbPart.pageTableWords()];
        int dir = pages >>> tlbPart.l2Bits();
        for (int i = 0; i < dir; i++) pt[i] = dir + ((long) i << tlbPart.l2Bits());
        this.shadowPc = new double[program.spec().slots()];
        shadowPc[0] = 1; // the discrete shadow pc starts at 0; a whole distribution keeps ERET's PC a distribution
        this.input = new Input(input);
        this.keys = keys.clone();
        this.backing = disk;
        this.sectors = config.diskSectors();
        this.firstSwap = sectors - config.swapSectors(virtualWords);
        this.dataImage = program.data().clone();
        this.buffer = new double[sectorWords];
        devices.extend(new Registers());
        devices.tape((r, v, m) -> { if (recording) recordDeviceStore(r, v, m); });
    }

    // ---- the CPU's side (SoftMemoryPort) ----

    @Override public double access(double running, double lsAddress, double load, double store, double pushAddress, double pushMass,
                                   double popAddress, double popMass) {
        eret = 0;
        if (recording) {
            rec.kappa = kernel;
            rec.writes = 0;
            for (Head h : new Head[] {ls, push, pop}) h.tlbBefore = null;
        }
        double phi = translate(ls, lsAddress, load + store) + translate(push, pushAddress, pushMass) + translate(pop, popAddress, popMass);
        double keep = phi > 0 ? 1 - phi / running : 1;
        if (phi > 0) {
            if (trapVector == -1 || SoftMath.word(trapVector) == -1) refused += phi;
            int q = 0;
            for (Head h : new Head[] {ls, push, pop}) if (h.fault > 0) {
                if (recording) {
                    rec.faultVpnBefore[q] = faultVpn;
                    rec.faultAddrBefore[q++] = faultAddr;
                }
                faultVpn += h.fault * (h.vpn - faultVpn);
                faultAddr += h.fault * (h.address - faultAddr);
            }
        }
        // the accesses that happen: cache, CPU grants, reads and their side effects
        for (Head h : new Head[] {ls, push, pop}) if (h.mass > 0) {
            double m = h.mass * keep;
            countCache(h, m);
            cpuGrants += m;
        }
        if (recording) {
            recordReads(ls, false);
            recordReads(push, true);
            recordReads(pop, true);
        }
        loadValue = ls.mass > 0 ? read(ls) + devices.load(lsAddress, 1, load * keep) : 0;
        popValue = pop.mass > 0 ? read(pop) + devices.load(popAddress, 1, popMass * keep) : 0;
        return phi;
    }

    /** Routes and translates one head; returns its page-fault mass. */
    private double translate(Head h, double address, double mass) {
        h.address = address;
        h.mass = mass;
        h.fault = 0;
        if (mass == 0) return 0;
        h.memory = bus.route(address)[SoftBus.MEMORY];
        h.user = mass * h.memory * (1 - kernel);
        h.paKernel = address - Math.floor(address / physicalWords) * physicalWords;
        if (h.user > 0) {
            double va = address - Math.floor(address / virtualWords) * virtualWords;
            if (recording) {
                h.va = va;
                h.tlbBefore = tlb.copy();
            }
            h.vpn = (int) Math.floor(va) / pageWords;
            h.paUser = tlbPart.translate(tlb, pt, va, h.user);
            h.fault = tlbPart.lastFault();
        }
        return h.fault;
    }

    private void countCache(Head h, double m) {
        double user = m * h.memory * (1 - kernel), kern = m * h.memory * kernel;
        if (user > 0) cachePart.access(cache, cachePart.tagOf(h.paUser), user);
        if (kern > 0) cachePart.access(cache, cachePart.tagOf(h.paKernel), kern);
    }

    private double read(Head h) {
        double v = 0;
        if (h.memory * (1 - kernel) > 0) v += h.memory * (1 - kernel) * physRead(h.paUser);
        if (h.memory * kernel > 0) v += h.memory * kernel * physRead(h.paKernel);
        return v;
    }

    private double physRead(double pa) {
        double fl = Math.floor(pa), w = SoftMath.ramp(pa - fl, tau);
        int lo = Math.floorMod((long) fl, physicalWords);
        return w == 0 ? phys[lo] : (1 - w) * phys[lo] + w * phys[(lo + 1) % physicalWords];
    }

    private void physWrite(double pa, double value, double mass) {
        double fl = Math.floor(pa), w = SoftMath.ramp(pa - fl, tau);
        int lo = Math.floorMod((long) fl, physicalWords), hi = (lo + 1) % physicalWords;
        if (recording) {
            WriteRecord r = rec.write[rec.writes - 1];
            r.phys[r.physCount++] = new double[] {pa, lo, hi, phys[lo], phys[hi]};
        }
        double m0 = mass * (1 - w), m1 = mass * w;
        phys[lo] += m0 * (value - phys[lo]);
        if (m1 != 0) phys[hi] += m1 * (value - phys[hi]);
    }

    private void writeHead(Head h, double value, double mass) {
        double user = mass * h.memory * (1 - kernel), kern = mass * h.memory * kernel;
        if (recording) recordWrite(h, value, mass, user, kern);
        if (user > 0) physWrite(h.paUser, value, user);
        if (kern > 0) physWrite(h.paKernel, value, kern);
        devices.store(h.address, value, mass);
    }

    @Override public void write(double address, double value, double mass) { writeHead(ls, value, mass); }

    @Override public void push(double address, double value, double mass) {
        double before = eret;
        writeHead(push, value, mass);
        if (eret > before) { // ERET through a stack write is a device fault in the discrete machine
            refused += eret - before;
            eret = before;
        }
    }

    @Override public double memoryShare(double address) { return bus.route(address)[SoftBus.MEMORY]; }

    /** Not used by the soft CPU for a {@link SoftMemoryPort} (it calls {@link #access}); the device share, no side effects. */
    @Override public double read(double address) { return devices.read(address); }

    @Override public double loadValue() { return loadValue; }
    @Override public double popValue() { return popValue; }
    @Override public double eretMass() { return eret; }
    @Override public int trapSlot(int slots) { return SoftMath.word(trapVector) & (slots - 1); }
    @Override public double[] shadowRegisters() { return shadowReg; }
    @Override public double[] shadowFlags() { return shadowFlags; }
    @Override public double[] shadowPc(int slots) { return shadowPc; }

    @Override public void finish(double trapMass) {
        if (recording) {
            rec.trap = trapMass;
            rec.eret = eret;
            recording = false;
        }
        kernel = (kernel + trapMass * (1 - kernel)) * (1 - eret);
    }

    // ---- the registers this class adds to SoftDevices ----

    private final class Registers implements SoftDevices.Extension {
        @Override public boolean handles(int r) {
            return switch (r) {
                case Mmio.CONSOLE_IN, Mmio.KEY_IN, Mmio.KEY_COUNT, Mmio.DISK_SECTOR, Mmio.DISK_OFFSET, Mmio.DISK_ADDR, Mmio.DISK_COUNT,
                     Mmio.DISK_CMD, Mmio.TRAP_VECTOR, Mmio.FAULT_VPN, Mmio.FAULT_ADDR, Mmio.ERET, Mmio.PT_INDEX, Mmio.PT_VALUE,
                     Mmio.TLB_FLUSH, Mmio.MODE -> true;
                default -> false;
            };
        }

        @Override public void storeRegister(int r, double v, double m) {
            if (recording) {
                WriteRecord w = rec.write[rec.writes - 1];
                double old = switch (r) {
                    case Mmio.TRAP_VECTOR -> trapVector;
                    case Mmio.PT_INDEX -> ptIndex;
                    case Mmio.PT_VALUE -> {
                        int i = SoftMath.word(ptIndex);
                        yield i < 0 || i >= pt.length ? 0 : pt[i];
                    }
                    default -> 0;
                };
                w.flushBefore[w.deviceCount] = r == Mmio.TLB_FLUSH ? tlb.copy() : null;
                w.device[w.deviceCount++] = new double[] {r, m, old, r == Mmio.TLB_FLUSH ? SoftMath.word(v) : SoftMath.word(ptIndex)};
            }
            switch (r) {
                case Mmio.DISK_SECTOR -> diskSector += m * (v - diskSector);
                case Mmio.DISK_OFFSET -> diskOffset += m * (v - diskOffset);
                case Mmio.DISK_ADDR -> diskAddr += m * (v - diskAddr);
                case Mmio.DISK_COUNT -> diskCount += m * (v - diskCount);
                case Mmio.DISK_CMD -> command(v, m);
                case Mmio.TRAP_VECTOR -> trapVector += m * (v - trapVector);
                case Mmio.PT_INDEX -> ptIndex += m * (v - ptIndex);
                case Mmio.PT_VALUE -> {
                    int i = SoftMath.word(ptIndex);
                    if (i < 0 || i >= pt.length) refused += m;
                    else pt[i] += m * (v - pt[i]);
                }
                case Mmio.TLB_FLUSH -> {
                    int vpn = SoftMath.word(v);
                    if (vpn == -1 || (vpn >= 0 && vpn < pages)) tlbPart.flush(tlb, vpn, m);
                }
                case Mmio.ERET -> {
                    eret += m * kernel;
                    refused += m * (1 - kernel); // ERET in user mode
                }
                default -> refused += m; // read-only registers
            }
        }

        @Override public double loadRegister(int r, double consume) {
            return switch (r) {
                case Mmio.CONSOLE_IN -> {
                    double v = at(inCursor, input.available((long) Math.floor(inCursor) + 2), input::get);
                    inCursor += consume;
                    yield v;
                }
                case Mmio.KEY_IN -> {
                    double v = at(keyCursor, keys.length, i -> keys[i]);
                    keyCursor += consume;
                    yield v;
                }
                case Mmio.KEY_COUNT -> Math.max(0, keys.length - keyCursor);
                case Mmio.DISK_SECTOR -> diskSector;
                case Mmio.DISK_OFFSET -> diskOffset;
                case Mmio.DISK_ADDR -> diskAddr;
                case Mmio.DISK_COUNT -> diskCount;
                case Mmio.TRAP_VECTOR -> trapVector;
                case Mmio.FAULT_VPN -> faultVpn;
                case Mmio.FAULT_ADDR -> faultAddr;
                case Mmio.PT_INDEX -> ptIndex;
                case Mmio.PT_VALUE -> {
                    int i = SoftMath.word(ptIndex);
                    if (i < 0 || i >= pt.length) {
                        refused += consume;
                        yield 0;
                    }
                    yield pt[i];
                }
                case Mmio.MODE -> kernel;
                default -> { // write-only registers
                    refused += consume;
                    yield 0;
                }
            };
        }

        @Override public void storeBuffer(int i, double value, double mass) { buffer[i] += mass * (value - buffer[i]); }
        @Override public double loadBuffer(int i) { return buffer[i]; }
        @Override public int bufferWords() { return sectorWords; }
    }

    /** Console input bytes, read from the stream on demand and kept. */
    private static final class Input {
        private final java.io.InputStream in;
        private byte[] bytes = new byte[16];
        private int length;
        private boolean ended;

        Input(java.io.InputStream in) { this.in = in; }

        /** Reads until {@code wanted} bytes are held or the input ends; returns the bytes held. */
        int available(long wanted) {
            while (!ended && length < wanted) {
                int b;
                try {
                    b = in.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (b < 0) ended = true;
                else {
                    if (length == bytes.length) bytes = java.util.Arrays.copyOf(bytes, 2 * length);
                    bytes[length++] = (byte) b;
                }
            }
            return length;
        }

        int get(int i) { return bytes[i] & 0xFF; }
    }

    /** The queue entry at a soft cursor: entries ⌊c⌋ and ⌊c⌋ + 1 blended by its fraction, −1 past the end. */
    private double at(double cursor, int length, java.util.function.IntUnaryOperator entry) {
        double fl = Math.floor(cursor), f = SoftMath.ramp(cursor - fl, tau);
        long i = (long) fl;
        double v0 = i >= 0 && i < length ? entry.applyAsInt((int) i) : -1;
        if (f == 0) return v0;
        double v1 = i + 1 >= 0 && i + 1 < length ? entry.applyAsInt((int) (i + 1)) : -1;
        return (1 - f) * v0 + f * v1;
    }

    /** DISK_CMD v with mass m: the commands' distribution by the address kernel at v − 1. */
    private void command(double v, double m) {
        double fl = Math.floor(v - 1), f = SoftMath.ramp(v - 1 - fl, tau);
        for (int j = 0; j < 2; j++) {
            double w = m * (j == 0 ? 1 - f : f);
            if (w == 0) continue;
            long c = (long) fl + j + 1;
            if (c == Mmio.DISK_READ || c == Mmio.DISK_WRITE) sectorCommand((int) c, w);
            else if (c == Mmio.DISK_DMA_IN || c == Mmio.DISK_DMA_OUT) dma((int) c, w);
            else if (c == Mmio.DISK_SWAP_IN || c == Mmio.DISK_SWAP_OUT) swap((int) c, w);
            else refused += w;
        }
    }

    private void sectorCommand(int c, double w) {
        long s = SoftMath.word(diskSector);
        // kernel mode may address the swap area, user mode only the sectors before it
        double allowed = (s >= 0 && s < sectors ? kernel : 0) + (s >= 0 && s < firstSwap ? 1 - kernel : 0);
        refused += w * (1 - allowed);
        double m = w * allowed;
        if (m == 0) return;
        double[] sec = sector(s);
        if (c == Mmio.DISK_READ) {
            for (int i = 0; i < sectorWords; i++) buffer[i] += m * (sec[i] - buffer[i]);
            sectorReads += m;
        } else {
            for (int i = 0; i < sectorWords; i++) sec[i] += m * (buffer[i] - sec[i]);
            sectorWrites += m;
        }
        dmaGrants += m;
    }

    private void dma(int c, double w) {
        int off = SoftMath.word(diskOffset), addr = SoftMath.word(diskAddr), count = SoftMath.word(diskCount);
        if (count < 0 || off < 0 || (long) off + count > sectorWords || addr < 0 || (long) addr + count > physicalWords) {
            refused += w;
            return;
        }
        if (c == Mmio.DISK_DMA_IN) {
            for (int k = 0; k < count; k++) {
                phys[addr + k] += w * (buffer[off + k] - phys[addr + k]);
                cachePart.invalidate(cache, cachePart.tagOf(addr + k), w);
            }
        } else {
            for (int k = 0; k < count; k++) buffer[off + k] += w * (phys[addr + k] - buffer[off + k]);
        }
        dmaGrants += w * count;
    }

    /** SWAP_IN / SWAP_OUT: words of a swap sector to or from physical memory, bypassing the buffer; kernel mode only. */
    private void swap(int c, double w) {
        long s = SoftMath.word(diskSector);
        int off = SoftMath.word(diskOffset), addr = SoftMath.word(diskAddr), count = SoftMath.word(diskCount);
        if (s < firstSwap || s >= sectors || count < 0 || off < 0 || (long) off + count > sectorWords || addr < 0
                || (long) addr + count > physicalWords) {
            refused += w;
            return;
        }
        refused += w * (1 - kernel);
        double m = w * kernel;
        if (m == 0) return;
        double[] sec = sector(s);
        if (c == Mmio.DISK_SWAP_IN) {
            for (int k = 0; k < count; k++) {
                phys[addr + k] += m * (sec[off + k] - phys[addr + k]);
                cachePart.invalidate(cache, cachePart.tagOf(addr + k), m);
            }
            sectorReads += m;
        } else {
            for (int k = 0; k < count; k++) sec[off + k] += m * (phys[addr + k] - sec[off + k]);
            sectorWrites += m;
        }
        dmaGrants += m * count;
    }

    /** Sector s as reals, materialised on first touch from the swap image or the backing disk. */
    private double[] sector(long s) {
        return touched.computeIfAbsent(s, k -> {
            double[] d = new double[sectorWords];
            if (k >= firstSwap) {
                long base = (k - firstSwap) * sectorWords;
                for (int i = 0; i < sectorWords; i++) if (base + i < dataImage.length) d[i] = dataImage[(int) (base + i)];
            } else {
                int[] words = new int[sectorWords];
                try {
                    backing.read(k, words);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (int i = 0; i < sectorWords; i++) d[i] = words[i];
            }
            return d;
        });
    }

    // ---- reverse mode ----

    /** Whether the calls of the step being replayed record what the backward pass needs. */
    private boolean recording;
    private final Record rec = new Record();
    // the adjoint of the state (cache, counts, cursors and the disk have none: see recordNext)
    private double[] gPhys, gPt, gShadowReg, gShadowFlags, gShadowPc;
    private SoftTlb.State gTlb;
    private double gKappa, gTrapVector, gPtIndex, gFaultVpn, gFaultAddr;
    /** Adjoints of the device latches (by register number) and of GPU memory and RESULT. */
    private double[] gLatch;
    private SoftGpu.State gGpu;

    /** One write or push: its head, value, mass, user and kernel masses, physical writes and device stores, in order. */
    private static final class WriteRecord {
        Head head;
        double value, mass, user, kern;
        /** {pa, lo, hi, old phys[lo], old phys[hi]} per physical write (user first, then kernel). */
        final double[][] phys = new double[2][];
        int physCount;
        /** {register, mass, old value of what it writes, word(PT_INDEX)} per register store. */
        final double[][] device = new double[2][];
        /** Per register store: the GPU before a GPU_RUN launch, or {old FOUND, ADDR, RESULT, shift} of a CONTENT_KEY lookup. */
        final Object[] before = new Object[2];
        /** {index, old word, kernel side j} per GPU memory word written. */
        final double[][] gpu = new double[2][];
        int gpuCount;
        /** The TLB before a TLB_FLUSH store (null for the other registers). */
        final SoftTlb.State[] flushBefore = new SoftTlb.State[2];
        int deviceCount;
    }

    /** What one replayed step recorded. */
    private static final class Record {
        double kappa, trap, eret;
        final double[] faultVpnBefore = new double[3], faultAddrBefore = new double[3];
        final WriteRecord[] write = {new WriteRecord(), new WriteRecord(), new WriteRecord()};
        int writes;
    }

    /** The saved state: everything a step reads or the backward pass restores. */
    private record Saved(double[] phys, double[] pt, SoftTlb.State tlb, SoftCache.State cache, double[] shadowReg, double[] shadowFlags,
                         double[] shadowPc, double[] scalars, double[] buffer, Devices devices) {}

    /** The device side's state: latches, GPU, console length, pixels and counts. */
    private record Devices(double[] latch, SoftGpu.State gpu, int console, Map<Integer, Double> pixels, double unsupported, double kernels) {}

    @Override public Object saveState() {
        return new Saved(phys.clone(), pt.clone(), tlb.copy(), cache.copy(), shadowReg.clone(), shadowFlags.clone(), shadowPc.clone(),
                new double[] {kernel, trapVector, faultVpn, faultAddr, ptIndex, inCursor, keyCursor, diskSector, diskOffset, diskAddr, diskCount,
                        sectorReads, sectorWrites, cpuGrants, dmaGrants, refused, eret}, buffer.clone(),
                new Devices(devices.latches().clone(), devices.gpu().copy(), devices.console().size(), new java.util.HashMap<>(devices.pixelsDrawn()),
                        devices.unsupported(), devices.gpuKernels()));
    }

    @Override public void restoreState(Object saved) {
        Saved v = (Saved) saved;
        System.arraycopy(v.phys, 0, phys, 0, phys.length);
        System.arraycopy(v.pt, 0, pt, 0, pt.length);
        copyTlb(v.tlb, tlb);
        cache.lines.copyFrom(v.cache.lines);
        cache.hits = v.cache.hits;
        cache.misses = v.cache.misses;
        System.arraycopy(v.shadowReg, 0, shadowReg, 0, shadowReg.length);
        System.arraycopy(v.shadowFlags, 0, shadowFlags, 0, shadowFlags.length);
        System.arraycopy(v.shadowPc, 0, shadowPc, 0, shadowPc.length);
        double[] x = v.scalars;
        kernel = x[0]; trapVector = x[1]; faultVpn = x[2]; faultAddr = x[3]; ptIndex = x[4]; inCursor = x[5]; keyCursor = x[6];
        diskSector = x[7]; diskOffset = x[8]; diskAddr = x[9]; diskCount = x[10]; sectorReads = x[11]; sectorWrites = x[12];
        cpuGrants = x[13]; dmaGrants = x[14]; refused = x[15]; eret = x[16];
        System.arraycopy(v.buffer, 0, buffer, 0, buffer.length);
        Devices d = v.devices;
        System.arraycopy(d.latch, 0, devices.latches(), 0, d.latch.length);
        copyGpu(d.gpu, devices.gpu());
        devices.truncateConsole(d.console);
        devices.restorePixels(d.pixels);
        devices.restoreCounts(d.unsupported, d.kernels);
    }

    private static void copyGpu(SoftGpu.State from, SoftGpu.State to) {
        System.arraycopy(from.mem, 0, to.mem, 0, from.mem.length);
        to.result = from.result;
    }

    private static void copyTlb(SoftTlb.State from, SoftTlb.State to) {
        to.entries.copyFrom(from.entries);
        System.arraycopy(from.frame, 0, to.frame, 0, from.frame.length);
        to.hits = from.hits;
        to.misses = from.misses;
        to.faults = from.faults;
    }

    @Override public double[] physicalMemory() { return phys; }

    @Override public double[] startAdjoint() {
        gPhys = new double[physicalWords];
        gPt = new double[pt.length];
        gShadowReg = new double[shadowReg.length];
        gShadowFlags = new double[shadowFlags.length];
        gShadowPc = new double[shadowPc.length];
        gTlb = new SoftTlb.State(config.tlbEntries());
        gKappa = gTrapVector = gPtIndex = gFaultVpn = gFaultAddr = 0;
        gLatch = new double[devices.latches().length];
        gGpu = new SoftGpu.State(config.gpuWords());
        return gPhys;
    }

    @Override public double[] shadowRegistersAdjoint() { return gShadowReg; }
    @Override public double[] shadowFlagsAdjoint() { return gShadowFlags; }
    @Override public double[] shadowPcAdjoint() { return gShadowPc; }

    /**
     * {@inheritDoc} The cache has no adjoint: it holds tags and recency only and changes nothing
     * but its own counts, so no register or memory word depends on it. Device traffic of the
     * LOAD/STORE head is differentiable to the MMU's registers (TRAP_VECTOR … MODE), GPU memory,
     * the latches (FB_X, FB_Y, GPU_A … GPU_S, CONTENT_SHIFT), GPU_RUN, GPU_RESULT, the content head
     * and to registers or addresses that hold nothing; console output, pixels, console input,
     * the keyboard, the disk controller and buffer, and device or GPU accesses by the stack,
     * with non-zero weight, are refused.
     */
    @Override public void recordNext() {
        recording = true;
        for (Head h : new Head[] {ls, push, pop}) h.gPaUser = h.gMemory = h.gDevice = h.gGpu = h.gAddress = h.gMass = 0;
    }

    private static boolean mmu(long r) { return r >= Mmio.TRAP_VECTOR && r <= Mmio.MODE; }

    /** Registers outside the MMU whose reads return state with no adjoint here: console input, keyboard, disk controller, a pixel. */
    private static boolean stateful(long r) {
        return r == Mmio.CONSOLE_IN || r == Mmio.KEY_IN || r == Mmio.KEY_COUNT || (r >= Mmio.DISK_SECTOR && r <= Mmio.DISK_COUNT) || r == Mmio.FB_RGB;
    }

    /** Registers that hold a real latched by a store (latch += m·(v − latch)) and read back as it. */
    private static boolean latched(long r) {
        return r == Mmio.FB_X || r == Mmio.FB_Y || (r >= Mmio.GPU_A && r <= Mmio.GPU_S) || r == SoftContentHead.CONTENT_SHIFT;
    }

    /** Device-side registers whose reads are differentiated: the latches, GPU_RESULT and the content head's outcome. */
    private static boolean readable(long r) {
        return latched(r) || r == Mmio.GPU_RESULT || (r >= SoftContentHead.CONTENT_FOUND && r <= SoftContentHead.CONTENT_RESULT);
    }

    /**
     * Stores whose adjoint is built: the MMU, the latches, GPU_RUN (a launch), CONTENT_KEY (a
     * lookup), and stores to read-only or unassigned registers (refused: they change nothing but a
     * count). Not: the console tape, a pixel and the disk controller.
     */
    private static boolean storable(long r) {
        return !(r == Mmio.CONSOLE_OUT || r == Mmio.FB_RGB || (r >= Mmio.DISK_SECTOR && r <= Mmio.DISK_CMD));
    }

    /** Records what a store to a register of {@link SoftDevices} overwrites (called before it happens). */
    private void recordDeviceStore(int r, double v, double m) {
        WriteRecord w = rec.write[rec.writes - 1];
        double[] latch = devices.latches();
        Object before = null;
        if (r == Mmio.GPU_RUN) before = devices.gpu().copy();
        else if (r == SoftContentHead.CONTENT_KEY)
            before = new double[] {latch[SoftContentHead.CONTENT_FOUND], latch[SoftContentHead.CONTENT_ADDR], latch[SoftContentHead.CONTENT_RESULT],
                    SoftMath.word(latch[SoftContentHead.CONTENT_SHIFT])};
        w.flushBefore[w.deviceCount] = null;
        w.before[w.deviceCount] = before;
        w.device[w.deviceCount++] = new double[] {r, m, latch[r], 0};
    }

    private static UnsupportedOperationException refusedRegister(long r, String what, double address) {
        return new UnsupportedOperationException("gradients through device register " + r + " (" + what + " at address " + address
                + ") are not built: the soft seed machine differentiates the memory path, the MMU's registers "
                + Mmio.TRAP_VECTOR + "–" + Mmio.MODE + ", GPU memory and registers and the content head");
    }

    /** Refuses a head's device traffic that has no adjoint and records the MMU registers it reads. */
    private void recordReads(Head h, boolean stack) {
        if (h.mass <= 0) return;
        double[] w = bus.route(h.address);
        if (stack && w[SoftBus.GPU_MEMORY] > 0)
            throw new UnsupportedOperationException("gradients through GPU memory reached by the stack (address " + h.address + ") are not built");
        if (w[SoftBus.DISK_BUFFER] > 0) throw new UnsupportedOperationException("gradients through the disk buffer are not built (address " + h.address + ")");
        if (w[SoftBus.DEVICE] <= 0) return;
        if (stack) throw new UnsupportedOperationException("gradients through a device register reached by the stack (address " + h.address + ") are not built");
        double x = h.address - Mmio.DEV_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau);
        for (int j = 0; j < 2; j++) {
            long r = (long) fl + j;
            double k = j == 0 ? 1 - k1 : k1;
            h.readRegister[j] = 0;
            if (k == 0 || r < 0 || r >= 64 || r == Mmio.CONSOLE_OUT || r == Mmio.GPU_RUN || r == Mmio.DISK_CMD
                    || r == SoftContentHead.CONTENT_KEY) continue; // write-only: reads 0
            if (readable(r)) {
                h.readRegister[j] = r == Mmio.GPU_RESULT ? devices.gpu().result : devices.latches()[(int) r];
                continue;
            }
            if (!mmu(r)) {
                if (stateful(r)) throw refusedRegister(r, "read", h.address);
                continue; // unassigned registers read 0
            }
            h.readRegister[j] = switch ((int) r) {
                case Mmio.TRAP_VECTOR -> trapVector;
                case Mmio.FAULT_VPN -> faultVpn;
                case Mmio.FAULT_ADDR -> faultAddr;
                case Mmio.PT_INDEX -> ptIndex;
                case Mmio.PT_VALUE -> {
                    int i = SoftMath.word(ptIndex);
                    yield i < 0 || i >= pt.length ? 0 : pt[i];
                }
                case Mmio.MODE -> kernel;
                default -> 0; // ERET and TLB_FLUSH read as 0
            };
        }
    }

    private void recordWrite(Head h, double value, double mass, double user, double kern) {
        WriteRecord r = rec.write[rec.writes++];
        r.head = h;
        r.value = value;
        r.mass = mass;
        r.user = user;
        r.kern = kern;
        r.physCount = 0;
        r.deviceCount = 0;
        r.gpuCount = 0;
        double[] w = bus.route(h.address);
        if (w[SoftBus.DISK_BUFFER] > 0) throw new UnsupportedOperationException("gradients through the disk buffer are not built (address " + h.address + ")");
        if (w[SoftBus.GPU_MEMORY] * mass > 0) {
            if (h != ls) throw new UnsupportedOperationException("gradients through GPU memory reached by the stack (address " + h.address + ") are not built");
            double x = h.address - Mmio.GPU_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau);
            double[] mem = devices.gpu().mem;
            for (int j = 0; j < 2; j++) {
                long i = (long) fl + j;
                double k = j == 0 ? 1 - k1 : k1;
                if (k == 0 || i < 0 || i >= mem.length) continue;
                r.gpu[r.gpuCount++] = new double[] {i, mem[(int) i], j};
            }
        }
        if (w[SoftBus.DEVICE] * mass == 0) return;
        if (h != ls) throw new UnsupportedOperationException("gradients through a device register reached by the stack (address " + h.address + ") are not built");
        double x = h.address - Mmio.DEV_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau);
        for (int j = 0; j < 2; j++) {
            long reg = (long) fl + j;
            double k = j == 0 ? 1 - k1 : k1;
            if (k == 0 || reg < 0 || reg >= 64) continue;
            if (!storable(reg)) throw refusedRegister(reg, "store", h.address);
        }
    }

    @Override public double[] finishBackward() {
        // κ' = (κ + φ(1 − κ))(1 − m)
        double k = rec.kappa, phi = rec.trap, m = rec.eret, g = gKappa;
        gKappa = g * (1 - phi) * (1 - m);
        kernel = k;
        return new double[] {g * (1 - k) * (1 - m), -g * (k + phi * (1 - k))};
    }

    @Override public double[][] writesBackward(double gEret) {
        double k = rec.kappa;
        double[][] out = new double[rec.writes][];
        for (int n = rec.writes - 1; n >= 0; n--) {
            WriteRecord r = rec.write[n];
            Head h = r.head;
            double v = r.value, mass = r.mass, gValue = 0, gMass = 0, gAddress = 0;
            double[] gValueOut = {0};
            // device stores, last first: m_j = mass · route_DEVICE(a) · kernel_j(a − DEV_BASE)
            if (r.deviceCount > 0) {
                double wDev = bus.route(h.address)[SoftBus.DEVICE], d = mass * wDev;
                double x = h.address - Mmio.DEV_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau), slope = SoftMath.rampSlope(x - fl, tau);
                double gD = 0;
                for (int q = r.deviceCount - 1; q >= 0; q--) {
                    double[] dv = r.device[q];
                    int reg = (int) dv[0], j = (int) (reg - (long) fl);
                    double m = dv[1], old = dv[2], gm = 0;
                    switch (reg) {
                        case Mmio.ERET -> {
                            gm += gEret * k;
                            gKappa += gEret * m;
                        }
                        case Mmio.TRAP_VECTOR -> {
                            gm += gTrapVector * (v - old);
                            gValue += gTrapVector * m;
                            gTrapVector *= 1 - m;
                            trapVector = old;
                        }
                        case Mmio.PT_INDEX -> {
                            gm += gPtIndex * (v - old);
                            gValue += gPtIndex * m;
                            gPtIndex *= 1 - m;
                            ptIndex = old;
                        }
                        case Mmio.TLB_FLUSH -> {
                            int vpn = (int) dv[3];
                            if (vpn == -1 || (vpn >= 0 && vpn < pages)) {
                                gm += tlbPart.flushBackward(r.flushBefore[q], vpn, m, gTlb);
                                copyTlb(r.flushBefore[q], tlb);
                            }
                        }
                        case Mmio.PT_VALUE -> {
                            int i = (int) dv[3];
                            if (i >= 0 && i < pt.length) {
                                gm += gPt[i] * (v - old);
                                gValue += gPt[i] * m;
                                gPt[i] *= 1 - m;
                                pt[i] = old;
                            }
                        }
                        case Mmio.GPU_RUN -> gm += launchBackward((SoftGpu.State) r.before[q], v, m, gValueOut);
                        case SoftContentHead.CONTENT_KEY -> gm += lookupBackward((double[]) r.before[q], v, m, gValueOut);
                        default -> {
                            if (latched(reg)) {
                                gm += gLatch[reg] * (v - old);
                                gValue += gLatch[reg] * m;
                                gLatch[reg] *= 1 - m;
                                devices.restoreLatch(reg, old);
                            } // refused stores (read-only registers) change nothing
                        }
                    }
                    gValue += gValueOut[0];
                    gValueOut[0] = 0;
                    gD += gm * (j == 0 ? 1 - k1 : k1);
                    gAddress += gm * d * (j == 0 ? -slope : slope);
                }
                gMass += gD * wDev;
                h.gDevice += gD * mass;
            }
            // GPU memory words, last first: mem[i] += g·k_j·(v − mem[i]), g = mass · route_GPU(a)
            if (r.gpuCount > 0) {
                double wG = bus.route(h.address)[SoftBus.GPU_MEMORY], g = mass * wG;
                double x = h.address - Mmio.GPU_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau), slope = SoftMath.rampSlope(x - fl, tau);
                double[] mem = devices.gpu().mem;
                double gG = 0;
                for (int q = r.gpuCount - 1; q >= 0; q--) {
                    int i = (int) r.gpu[q][0], j = (int) r.gpu[q][2];
                    double old = r.gpu[q][1], kj = j == 0 ? 1 - k1 : k1, mj = g * kj;
                    double gmj = gGpu.mem[i] * (v - old);
                    gValue += gGpu.mem[i] * mj;
                    gGpu.mem[i] *= 1 - mj;
                    mem[i] = old;
                    gG += gmj * kj;
                    gAddress += gmj * g * (j == 0 ? -slope : slope);
                }
                gMass += gG * wG;
                h.gGpu += gG * mass;
            }
            // physical writes, kernel then user: p[lo] += M(1 − w)(v − p[lo]), p[hi] += M·w(v − p[hi])
            for (int q = r.physCount - 1; q >= 0; q--) {
                double[] pw = r.phys[q];
                boolean kernelWrite = q == 1 || r.user <= 0;
                double pa = pw[0], M = kernelWrite ? r.kern : r.user, oldLo = pw[3], oldHi = pw[4];
                int lo = (int) pw[1], hi = (int) pw[2];
                double fl = Math.floor(pa), w = SoftMath.ramp(pa - fl, tau), slope = SoftMath.rampSlope(pa - fl, tau);
                double m0 = M * (1 - w), m1 = M * w;
                double gm1 = gPhys[hi] * (v - oldHi);
                gValue += gPhys[hi] * m1;
                gPhys[hi] *= 1 - m1;
                phys[hi] = oldHi;
                double gm0 = gPhys[lo] * (v - oldLo);
                gValue += gPhys[lo] * m0;
                gPhys[lo] *= 1 - m0;
                phys[lo] = oldLo;
                double gM = gm0 * (1 - w) + gm1 * w, gPa = M * (gm1 - gm0) * slope;
                if (kernelWrite) {
                    gMass += gM * h.memory * k;
                    h.gMemory += gM * mass * k;
                    gKappa += gM * mass * h.memory;
                    gAddress += gPa;
                } else {
                    gMass += gM * h.memory * (1 - k);
                    h.gMemory += gM * mass * (1 - k);
                    gKappa -= gM * mass * h.memory;
                    h.gPaUser += gPa;
                }
            }
            out[n] = new double[] {gValue, gMass, gAddress};
        }
        return out;
    }

    @Override public double[] accessBackward(double gFault, double gLoadValue, double gPopValue) {
        double k = rec.kappa;
        kernel = k;
        readBackward(pop, gPopValue);
        readBackward(ls, gLoadValue);
        // the fault latches, last head first: L' = L + f·(x − L)
        Head[] heads = {ls, push, pop};
        double[] gF = new double[3];
        int q = 0;
        for (Head h : heads) if (h.mass > 0 && h.fault > 0) q++;
        for (int i = 2; i >= 0; i--) {
            Head h = heads[i];
            if (!(h.mass > 0 && h.fault > 0)) continue;
            q--;
            double fv = rec.faultVpnBefore[q], fa = rec.faultAddrBefore[q];
            gF[i] += gFaultVpn * (h.vpn - fv) + gFaultAddr * (h.address - fa);
            h.gAddress += gFaultAddr * h.fault;
            gFaultVpn *= 1 - h.fault;
            gFaultAddr *= 1 - h.fault;
            faultVpn = fv;
            faultAddr = fa;
        }
        // translations, last head first
        for (int i = 2; i >= 0; i--) {
            Head h = heads[i];
            if (!(h.mass > 0)) continue;
            if (h.user > 0) {
                double[] gr = tlbPart.backward(h.tlbBefore, pt, h.va, h.user, gTlb, h.gPaUser, gFault + gF[i], gPt);
                h.gAddress += gr[0];
                double gUser = gr[1];
                h.gMass += gUser * h.memory * (1 - k);
                h.gMemory += gUser * h.mass * (1 - k);
                gKappa -= gUser * h.mass * h.memory;
                copyTlb(h.tlbBefore, tlb);
            }
            double[] gw = new double[SoftBus.TARGETS];
            gw[SoftBus.MEMORY] = h.gMemory;
            gw[SoftBus.DEVICE] = h.gDevice;
            gw[SoftBus.GPU_MEMORY] = h.gGpu;
            h.gAddress += bus.routeBackward(h.address, gw);
        }
        return new double[] {ls.gAddress, ls.gMass, push.gAddress, push.gMass, pop.gAddress, pop.gMass};
    }

    /** Backward through {@link #read} and the device load of a head: value = mem(1 − κ)·P(paUser) + mem·κ·P(paKernel) + device. */
    private void readBackward(Head h, double gv) {
        if (!(h.mass > 0) || gv == 0) return;
        double k = rec.kappa, mem = h.memory;
        double pk = physRead(h.paKernel);
        h.gMemory += gv * k * pk;
        gKappa += gv * mem * pk;
        h.gAddress += physReadBackward(h.paKernel, gv * mem * k);
        if (h.user > 0) {
            double pu = physRead(h.paUser);
            h.gMemory += gv * (1 - k) * pu;
            gKappa -= gv * mem * pu;
            h.gPaUser += physReadBackward(h.paUser, gv * mem * (1 - k));
        }
        gpuReadBackward(h, gv);
        double wDev = bus.route(h.address)[SoftBus.DEVICE];
        if (wDev > 0) {
            double x = h.address - Mmio.DEV_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau), slope = SoftMath.rampSlope(x - fl, tau);
            double r0 = h.readRegister[0], r1 = h.readRegister[1];
            h.gDevice += gv * ((1 - k1) * r0 + k1 * r1);
            h.gAddress += gv * wDev * slope * (r1 - r0);
            for (int j = 0; j < 2; j++) {
                long r = (long) fl + j;
                double g = gv * wDev * (j == 0 ? 1 - k1 : k1);
                if (g == 0 || r < 0 || r >= 64) continue;
                if (r == Mmio.GPU_RESULT) gGpu.result += g;
                else if (readable(r)) gLatch[(int) r] += g;
                if (!mmu(r)) continue;
                switch ((int) r) {
                    case Mmio.TRAP_VECTOR -> gTrapVector += g;
                    case Mmio.FAULT_VPN -> gFaultVpn += g;
                    case Mmio.FAULT_ADDR -> gFaultAddr += g;
                    case Mmio.PT_INDEX -> gPtIndex += g;
                    case Mmio.PT_VALUE -> {
                        int i = SoftMath.word(ptIndex);
                        if (i >= 0 && i < pt.length) gPt[i] += g;
                    }
                    case Mmio.MODE -> gKappa += g;
                    default -> { }
                }
            }
        }
    }

    /** Backward through the GPU-memory share of a head's load: value += route_GPU(a)·Σ k_j·mem[i_j]. */
    private void gpuReadBackward(Head h, double gv) {
        double wG = bus.route(h.address)[SoftBus.GPU_MEMORY];
        if (!(wG > 0)) return;
        double[] mem = devices.gpu().mem;
        double x = h.address - Mmio.GPU_BASE, fl = Math.floor(x), k1 = SoftMath.ramp(x - fl, tau), slope = SoftMath.rampSlope(x - fl, tau);
        long i0 = (long) fl, i1 = i0 + 1;
        boolean in0 = i0 >= 0 && i0 < mem.length, in1 = i1 >= 0 && i1 < mem.length;
        double v0 = in0 ? mem[(int) i0] : 0, v1 = in1 ? mem[(int) i1] : 0;
        h.gGpu += gv * ((1 - k1) * v0 + k1 * v1);
        h.gAddress += gv * wG * slope * (v1 - v0);
        if (in0) gGpu.mem[(int) i0] += gv * wG * (1 - k1);
        if (in1) gGpu.mem[(int) i1] += gv * wG * k1;
    }

    /**
     * Backward through a GPU_RUN store of v with mass m: the kernel weights κ (the address kernel at
     * v − 1, times m) and S feed {@link SoftGpu#backward}, which turns the GPU's adjoint into that
     * of the GPU before the launch; the launch's operands A..K are words (piecewise constant).
     * Restores the GPU; returns the adjoint of m and adds that of v to {@code gValue[0]}.
     */
    private double launchBackward(SoftGpu.State before, double v, double m, double[] gValue) {
        double x = v - 1, fl = Math.floor(x), f = SoftMath.ramp(x - fl, tau), slope = SoftMath.rampSlope(x - fl, tau);
        double[] kappa = new double[SoftGpu.KERNELS];
        for (int j = 0; j < 2; j++) {
            long k = (long) fl + j;
            double w = m * (j == 0 ? 1 - f : f);
            if (w != 0 && k >= 0 && k < SoftGpu.KERNELS) kappa[(int) k] += w;
        }
        double[] latch = devices.latches();
        SoftGpu.Grad g = devices.gpuPart().backward(before, devices.launchOperands(), latch[Mmio.GPU_S], kappa, gGpu);
        gLatch[Mmio.GPU_S] += g.s();
        double gm = 0;
        for (int j = 0; j < 2; j++) {
            long k = (long) fl + j;
            if (k < 0 || k >= SoftGpu.KERNELS) continue;
            double gk = g.weights()[(int) k];
            gm += gk * (j == 0 ? 1 - f : f);
            gValue[0] += gk * m * (j == 0 ? -slope : slope);
        }
        copyGpu(before, devices.gpu());
        return gm;
    }

    /**
     * Backward through a CONTENT_KEY store of key v with mass m: FOUND, ADDR and RESULT latch the
     * soft lookup over physical memory (as it is at the store: this step's earlier memory writes
     * are still applied when this runs). {@code before}: the three latches before and the shift.
     */
    private double lookupBackward(double[] before, double v, double m, double[] gValue) {
        SoftContentHead head = devices.contentHead();
        int shift = (int) before[3];
        head.lookup(phys, v, shift);
        int f = SoftContentHead.CONTENT_FOUND, a = SoftContentHead.CONTENT_ADDR, res = SoftContentHead.CONTENT_RESULT;
        double gF = gLatch[f], gA = gLatch[a], gR = gLatch[res];
        double gm = gF * (head.found() - before[0]) + gA * (head.addr() - before[1]) + gR * (head.result() - before[2]);
        gValue[0] += head.backward(phys, v, shift, gF * m, gA * m, gR * m, gPhys);
        gLatch[f] *= 1 - m;
        gLatch[a] *= 1 - m;
        gLatch[res] *= 1 - m;
        devices.restoreLatch(f, before[0]);
        devices.restoreLatch(a, before[1]);
        devices.restoreLatch(res, before[2]);
        return gm;
    }

    /** Adds g·∂read/∂phys of {@link #physRead} at pa to the memory adjoint and returns g·∂read/∂pa. */
    private double physReadBackward(double pa, double g) {
        double fl = Math.floor(pa), w = SoftMath.ramp(pa - fl, tau);
        int lo = Math.floorMod((long) fl, physicalWords), hi = (lo + 1) % physicalWords;
        gPhys[lo] += g * (1 - w);
        gPhys[hi] += g * w;
        return g * SoftMath.rampSlope(pa - fl, tau) * (phys[hi] - phys[lo]);
    }

    // ---- the state, for tests and tools ----

    /**
     * Virtual word {@code va} as the program sees it (the rounded word): from its frame when the
     * page table maps it, else from its swap sector. No statistics.
     */
    public int virtualWord(int va) {
        va &= virtualWords - 1;
        int vpn = va / pageWords, l2 = tlbPart.l2Bits();
        int dir = SoftMath.word(pt[vpn >>> l2]);
        if (dir != 0) {
            int pte = SoftMath.word(pt[dir + (vpn & ((1 << l2) - 1))]);
            if ((pte & 1) == 1) return SoftMath.word(phys[(pte >>> 1) * pageWords + va % pageWords]);
        }
        long w = (long) va, sector = firstSwap + w / sectorWords;
        double[] d = touched.get(sector);
        if (d != null) return SoftMath.word(d[(int) (w % sectorWords)]);
        return va < dataImage.length ? dataImage[va] : 0;
    }

    /** The console output as bytes: the entries written with mass above ½. */
    public byte[] consoleBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (double[] e : devices.console()) if (e[1] > 0.5) out.write((int) e[0]);
        return out.toByteArray();
    }

    /** The device side (GPU, console output, framebuffer). */
    public SoftDevices devices() { return devices; }
    public SeedConfig config() { return config; }
    /** Physical memory (live). */
    public double[] physical() { return phys; }
    /** The page-table RAM (live). */
    public double[] pageTable() { return pt; }
    public SoftTlb.State tlb() { return tlb; }
    public SoftCache.State cache() { return cache; }
    /** Kernel-mode mass κ. */
    public double kernelMode() { return kernel; }
    public double trapVector() { return trapVector; }
    public double faultVpn() { return faultVpn; }
    public double faultAddr() { return faultAddr; }
    public double ptIndex() { return ptIndex; }
    public double[] shadowPcDistribution() { return shadowPc; }
    /** Console input bytes and keyboard events consumed (soft cursors). */
    public double inputCursor() { return inCursor; }
    public double keyCursor() { return keyCursor; }
    /** Keyboard events waiting (events − cursor; the discrete queue's count). */
    public double keyEventsLeft() { return keys.length - keyCursor; }
    /** The disk controller's registers, buffer (live) and materialised sectors (live, by number). */
    public double diskSector() { return diskSector; }
    public double diskOffset() { return diskOffset; }
    public double diskAddr() { return diskAddr; }
    public double diskCount() { return diskCount; }
    public double[] buffer() { return buffer; }
    public Map<Long, double[]> sectorsTouched() { return touched; }
    public long firstSwapSector() { return firstSwap; }
    public double sectorReads() { return sectorReads; }
    public double sectorWrites() { return sectorWrites; }
    public double pageFaults() { return tlb.faults; }
    public double cpuGrants() { return cpuGrants; }
    public double dmaGrants() { return dmaGrants; }
    public double gpuGrants() { return devices.gpuKernels(); }
    /** Mass the discrete machine would have stopped on (device faults, page faults without a handler), here and in the devices. */
    public double refused() { return refused + devices.unsupported(); }

    /** Doubles held by this soft machine's state (memory use: physical memory, tables, TLB, cache, GPU, buffer, touched sectors, pixels). */
    public long stateDoubles() {
        long n = phys.length + pt.length + 4L * config.tlbEntries() + 3L * config.cacheLines() + config.gpuWords() + 1
                + buffer.length + (long) touched.size() * sectorWords + 2L * devices.pixelsTouched() + shadowPc.length + 20;
        return n;
    }

}
