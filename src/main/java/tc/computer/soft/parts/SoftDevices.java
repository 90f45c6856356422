package tc.computer.soft.parts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;

/**
 * The device side of a soft {@code seed} step: what a soft LOAD or STORE does to the memory-mapped
 * devices. It routes the (real) address with {@link SoftBus#route}; the MEMORY share is the
 * caller's (the memory hierarchy), the rest is handled here, each share weighted by its routing
 * weight times the access mass:
 * <ul>
 *   <li>GPU memory: words of {@link SoftGpu.State} read and written through the address kernel
 *       (two words), NTM-style erase/add;</li>
 *   <li>device registers: the register number r = a − DEV_BASE through the address kernel over
 *       register numbers, so an integer address is one register exactly. FB_X, FB_Y and GPU_A..GPU_S
 *       are latched reals ({@code latch += m·(v − latch)}); CONSOLE_OUT appends ([v] & 0xFF, m) to a
 *       soft tape as OUT does; FB_RGB blends [v] & 0xFFFFFF into the pixel at ([FB_X], [FB_Y]) of a
 *       framebuffer materialised lazily (touched pixels only); GPU_RUN launches {@link SoftGpu}
 *       with the kernel distribution the address kernel gives at v − 1 over the seven kernels and
 *       the operands read off the latches as words; GPU_RESULT reads DOT's result ([x] is the
 *       rounded word: masks and pixel coordinates are piecewise constant, as the CPU's AND is);</li>
 *   <li>with a memory given, the proposed content-head registers of {@link SoftContentHead}:
 *       CONTENT_SHIFT latched, a store to CONTENT_KEY runs the soft first-match lookup over main
 *       memory (sharpness 1/τ) and blends FOUND, ADDR and RESULT into their latches with the
 *       store's mass;</li>
 *   <li>the disk buffer and registers, the keyboard, console input and the MMU registers are
 *       routed to an extension when one is set ({@link SoftSeed}, the whole soft seed machine);
 *       without it, and for unknown registers, bus errors and refused operations, the share is
 *       added to {@link #unsupported()}, so a caller can tell that the soft step left the modelled
 *       part of the machine.</li>
 * </ul>
 * With one-hot masses and integer operands every share is exactly 0 or 1 and the device state
 * equals the discrete one (checked against {@code SeedMachine} in the tests). Reverse mode is
 * {@link SoftSeed}'s: it records through a {@link StoreTape} and differentiates GPU memory, the
 * latches, GPU_RUN and the content head; this class has no adjoint of its own.
 */
public final class SoftDevices implements tc.computer.soft.SoftPort {
    private static final int REGISTERS = 64;

    private final SoftBus bus;
    private final SoftGpu gpu;
    private final double addressTau;
    private final int gpuWords, width, height;
    private final SoftGpu.State gpuState;
    private final double[] latch = new double[REGISTERS];
    private final Map<Integer, Double> pixels = new HashMap<>();
    private final List<double[]> console = new ArrayList<>();
    private double unsupported, kernels;
    /** Main memory for the content head (registers 56..60), or null when the head is not wired. */
    private final double[] memory;
    private final SoftContentHead head;
    /** The registers and the disk buffer the seed machine's {@link SoftSeed} adds, or null. */
    private Extension extension;

    /** Device registers and the disk buffer handled outside this class (by {@link SoftSeed}). */
    interface Extension {
        /** Whether register r (a valid register number) is handled by the extension. */
        boolean handles(int r);

        void storeRegister(int r, double value, double mass);

        /** The value of register r; {@code consume} is the mass of the load's side effects. */
        double loadRegister(int r, double consume);

        void storeBuffer(int i, double value, double mass);

        double loadBuffer(int i);

        int bufferWords();
    }

    /** Routes the registers {@code x} handles, and the disk buffer, to it. */
    void extend(Extension x) { extension = x; }

    /**
     * Told of every store to a register this class handles itself, before it happens, so reverse
     * mode can record what the store overwrites (the forward result does not depend on it).
     */
    interface StoreTape {
        void beforeStore(int r, double value, double mass);
    }

    private StoreTape tape;

    /** Sets (or, with null, clears) the tape told of register stores. */
    void tape(StoreTape t) { tape = t; }

    /** Sets latch r (reverse mode restores what a store overwrote). */
    void restoreLatch(int r, double v) { latch[r] = v; }

    /** The latches (live), the GPU part and the content head (null when not wired), for reverse mode. */
    double[] latches() { return latch; }

    SoftGpu gpuPart() { return gpu; }

    SoftContentHead contentHead() { return head; }

    /** Drops console entries past the first {@code n} (reverse mode replays a step's stores). */
    void truncateConsole(int n) { while (console.size() > n) console.remove(console.size() - 1); }

    /** Replaces the materialised pixels (reverse mode restores a step's state). */
    void restorePixels(Map<Integer, Double> saved) {
        pixels.clear();
        pixels.putAll(saved);
    }

    /** Restores the counters a replayed step advances again. */
    void restoreCounts(double unsupported, double kernels) {
        this.unsupported = unsupported;
        this.kernels = kernels;
    }

    /** The launch operands GPU_RUN reads now: the latches A..K as words. */
    SoftGpu.Launch launchOperands() {
        return new SoftGpu.Launch(SoftMath.word(latch[Mmio.GPU_A]), SoftMath.word(latch[Mmio.GPU_B]), SoftMath.word(latch[Mmio.GPU_C]),
                SoftMath.word(latch[Mmio.GPU_N]), SoftMath.word(latch[Mmio.GPU_M]), SoftMath.word(latch[Mmio.GPU_K]));
    }

    /**
     * @param config     sizes (GPU words, framebuffer, sector words)
     * @param tau        temperature of the bus's decoding and the address kernels, in (0, 1]
     * @param reluTau    the GPU's ReLU temperature ({@link SoftGpu})
     */
    public SoftDevices(SeedConfig config, double tau, double reluTau) { this(config, tau, reluTau, null); }

    /**
     * Devices with the proposed content-head registers ({@link SoftContentHead}, 56..60) searching
     * {@code memory} (the soft machine's {@code SoftState.mem}, read live) at sharpness 1/τ.
     */
    public SoftDevices(SeedConfig config, double tau, double reluTau, double[] memory) {
        this.memory = memory;
        this.head = memory == null ? null : new SoftContentHead(1 / tau);
        this.bus = new SoftBus(tau, 1, config.gpuWords(), config.sectorWords());
        this.gpu = new SoftGpu(config.gpuWords(), reluTau);
        this.addressTau = tau;
        this.gpuWords = config.gpuWords();
        this.width = config.width();
        this.height = config.height();
        this.gpuState = new SoftGpu.State(gpuWords);
    }

    /** GPU memory and RESULT. */
    public SoftGpu.State gpu() { return gpuState; }

    /** The latched value of device register r (FB_X, FB_Y, GPU_A..GPU_S). */
    public double register(int r) { return latch[r]; }

    /** Pixel (x, y) as a real 0xRRGGBB (0 where never drawn). */
    public double pixel(int x, int y) { return pixels.getOrDefault(y * width + x, 0.0); }

    /** The materialised pixels: index y·width + x → real 0xRRGGBB (read-only view). */
    public Map<Integer, Double> pixelsDrawn() { return java.util.Collections.unmodifiableMap(pixels); }

    /** Pixels materialised so far (drawn with some mass). */
    public int pixelsTouched() { return pixels.size(); }

    /** Console output entries: {byte, mass}. */
    public List<double[]> console() { return console; }

    /** Soft count of GPU kernels launched (each launch adds the mass of its valid kernels): the GPU's bus grants. */
    public double gpuKernels() { return kernels; }

    /** Mass of accesses that went to parts not modelled here (see the class comment), or that a device refused. */
    public double unsupported() { return unsupported; }

    /** Adds refused mass (a device fault of the extension's registers). */
    void refuse(double mass) { unsupported += mass; }

    /** The share of an access at {@code address} that goes to main memory (the caller's part). */
    @Override public double memoryShare(double address) { return bus.route(address)[SoftBus.MEMORY]; }

    /** {@link #load} with weight 1 and no side effects (the soft CPU reads in every step). */
    @Override public double read(double address) {
        return load(address, 1, 0);
    }

    @Override public void write(double address, double value, double mass) { store(address, value, mass); }

    /** The low index, its weight and the high index's weight of the address kernel at x. */
    private double[] kernel(double x) {
        double fl = Math.floor(x), f = x - fl;
        return new double[] {fl, 1 - SoftMath.ramp(f, addressTau), SoftMath.ramp(f, addressTau)};
    }

    /** A store of {@code value} at {@code address} with mass {@code mass}: the device shares. */
    public void store(double address, double value, double mass) {
        double[] w = bus.route(address);
        double g = mass * w[SoftBus.GPU_MEMORY], d = mass * w[SoftBus.DEVICE], db = mass * w[SoftBus.DISK_BUFFER];
        unsupported += mass * w[SoftBus.NOWHERE];
        if (db > 0) {
            if (extension == null) unsupported += db;
            else {
                double[] k = kernel(address - Mmio.DISK_BUF);
                for (int j = 0; j < 2; j++) {
                    long i = (long) k[0] + j;
                    double m = db * k[1 + j];
                    if (m == 0) continue;
                    if (i < 0 || i >= extension.bufferWords()) unsupported += m;
                    else extension.storeBuffer((int) i, value, m);
                }
            }
        }
        if (g > 0) {
            double[] k = kernel(address - Mmio.GPU_BASE);
            for (int j = 0; j < 2; j++) {
                int i = (int) k[0] + j;
                double m = g * k[1 + j];
                if (m == 0) continue;
                if (i < 0 || i >= gpuWords) unsupported += m;
                else gpuState.mem[i] += m * (value - gpuState.mem[i]);
            }
        }
        if (d > 0) {
            double[] k = kernel(address - Mmio.DEV_BASE);
            for (int j = 0; j < 2; j++) {
                double m = d * k[1 + j];
                if (m != 0) storeRegister((long) k[0] + j, value, m);
            }
        }
    }

    private void storeRegister(long r, double v, double m) {
        int ir = r >= 0 && r < REGISTERS ? (int) r : -1;
        if (ir >= 0 && extension != null && extension.handles(ir)) {
            extension.storeRegister(ir, v, m);
            return;
        }
        if (tape != null && ir >= 0) tape.beforeStore(ir, v, m);
        switch (ir) {
            case Mmio.CONSOLE_OUT -> console.add(new double[] {SoftMath.word(v) & 0xFF, m});
            case Mmio.FB_X, Mmio.FB_Y, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S ->
                    latch[ir] += m * (v - latch[ir]);
            case Mmio.FB_RGB -> {
                int x = SoftMath.word(latch[Mmio.FB_X]), y = SoftMath.word(latch[Mmio.FB_Y]);
                if (x < 0 || x >= width || y < 0 || y >= height) {
                    unsupported += m;
                    return;
                }
                double old = pixel(x, y);
                pixels.put(y * width + x, old + m * ((SoftMath.word(v) & 0xFFFFFF) - old));
            }
            case Mmio.GPU_RUN -> launch(v, m);
            case SoftContentHead.CONTENT_SHIFT -> {
                if (head == null) unsupported += m;
                else latch[ir] += m * (v - latch[ir]);
            }
            case SoftContentHead.CONTENT_KEY -> {
                if (head == null) {
                    unsupported += m;
                    return;
                }
                head.lookup(memory, v, SoftMath.word(latch[SoftContentHead.CONTENT_SHIFT]));
                latch[SoftContentHead.CONTENT_FOUND] += m * (head.found() - latch[SoftContentHead.CONTENT_FOUND]);
                latch[SoftContentHead.CONTENT_ADDR] += m * (head.addr() - latch[SoftContentHead.CONTENT_ADDR]);
                latch[SoftContentHead.CONTENT_RESULT] += m * (head.result() - latch[SoftContentHead.CONTENT_RESULT]);
            }
            default -> unsupported += m;
        }
    }

    private void launch(double v, double m) {
        double[] kappa = new double[SoftGpu.KERNELS], k = kernel(v - 1);
        for (int j = 0; j < 2; j++) {
            long kernelIndex = (long) k[0] + j;
            double w = m * k[1 + j];
            if (w == 0) continue;
            if (kernelIndex < 0 || kernelIndex >= SoftGpu.KERNELS) unsupported += w;
            else {
                kappa[(int) kernelIndex] += w;
                kernels += w;
            }
        }
        gpu.run(gpuState, launchOperands(), latch[Mmio.GPU_S], kappa);
    }

    /**
     * A load at {@code address} with mass {@code mass}: the device shares' contribution to the value
     * read (the caller adds the memory share's).
     */
    public double load(double address, double mass) { return load(address, mass, mass); }

    /**
     * A load at {@code address}: the device shares of the value read, weighted by {@code weight},
     * with side effects (consumed console input and keyboard events, unsupported accesses) of
     * mass {@code consume}.
     */
    public double load(double address, double weight, double consume) {
        double[] w = bus.route(address);
        double g = weight * w[SoftBus.GPU_MEMORY], d = weight * w[SoftBus.DEVICE], db = weight * w[SoftBus.DISK_BUFFER], value = 0;
        double scale = weight == 0 ? 0 : consume / weight;
        unsupported += consume * w[SoftBus.NOWHERE];
        if (db > 0) {
            if (extension == null) unsupported += consume * w[SoftBus.DISK_BUFFER];
            else {
                double[] k = kernel(address - Mmio.DISK_BUF);
                for (int j = 0; j < 2; j++) {
                    long i = (long) k[0] + j;
                    double m = db * k[1 + j];
                    if (m == 0) continue;
                    if (i < 0 || i >= extension.bufferWords()) unsupported += m * scale;
                    else value += m * extension.loadBuffer((int) i);
                }
            }
        }
        if (g > 0) {
            double[] k = kernel(address - Mmio.GPU_BASE);
            for (int j = 0; j < 2; j++) {
                int i = (int) k[0] + j;
                double m = g * k[1 + j];
                if (m == 0) continue;
                if (i < 0 || i >= gpuWords) unsupported += m * scale;
                else value += m * gpuState.mem[i];
            }
        }
        if (d > 0) {
            double[] k = kernel(address - Mmio.DEV_BASE);
            for (int j = 0; j < 2; j++) {
                double m = d * k[1 + j];
                if (m != 0) value += m * loadRegister((long) k[0] + j, m * scale);
            }
        }
        return value;
    }

    private double loadRegister(long r, double m) {
        int ir = r >= 0 && r < REGISTERS ? (int) r : -1;
        if (ir >= 0 && extension != null && extension.handles(ir)) return extension.loadRegister(ir, m);
        return switch (ir) {
            case Mmio.FB_X, Mmio.FB_Y, Mmio.GPU_A, Mmio.GPU_B, Mmio.GPU_C, Mmio.GPU_N, Mmio.GPU_M, Mmio.GPU_K, Mmio.GPU_S -> latch[ir];
            case Mmio.GPU_RESULT -> gpuState.result;
            case SoftContentHead.CONTENT_SHIFT, SoftContentHead.CONTENT_FOUND, SoftContentHead.CONTENT_ADDR, SoftContentHead.CONTENT_RESULT -> {
                if (head == null) unsupported += m;
                yield latch[ir];
            }
            case Mmio.FB_RGB -> {
                int x = SoftMath.word(latch[Mmio.FB_X]), y = SoftMath.word(latch[Mmio.FB_Y]);
                if (x < 0 || x >= width || y < 0 || y >= height) {
                    unsupported += m;
                    yield 0;
                }
                yield pixel(x, y);
            }
            default -> {
                unsupported += m;
                yield 0;
            }
        };
    }
}
