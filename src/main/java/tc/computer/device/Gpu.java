package tc.computer.device;

/**
 * The GPU: its own memory of {@code gpuWords} 32-bit words (the CPU reaches it at
 * {@code Mmio.GPU_BASE + i}), operand registers A, B, C (offsets), N, M, K (sizes), S (scalar) and
 * kernels launched by a store to {@code GPU_RUN}. Arithmetic is 32-bit wrapping int. Each kernel
 * reads its operands whole and then writes its result, as a tensor operation does, so a result
 * that overlaps an operand sees the operand's old values.
 *
 * <ul>
 *   <li>FILL: c[i] = S; ADD: c[i] = a[i] + b[i]; MUL: c[i] = a[i]·b[i]; SCALE: c[i] = S·a[i];
 *       RELU: c[i] = max(a[i], 0); for i &lt; N.</li>
 *   <li>DOT: RESULT = Σ_{i&lt;N} a[i]·b[i] (nothing written to memory).</li>
 *   <li>MATMUL: C (N×M) = A (N×K) · B (K×M), row-major.</li>
 * </ul>
 * An unknown kernel, a negative size or an operand outside GPU memory is a {@link DeviceException}.
 */
public final class Gpu {
    private final int[] mem;
    private final Bus bus;
    private int a, b, c, n, m, k, s, result;
    private long kernels;

    public Gpu(int words, Bus bus) {
        if (words <= 0) throw new IllegalArgumentException("GPU words must be positive");
        this.mem = new int[words];
        this.bus = bus;
    }

    public int words() { return mem.length; }
    /** GPU memory word i (the caller has checked the range). */
    public int word(int i) { return mem[i]; }
    public void setWord(int i, int v) { mem[i] = v; }

    /** Reads register {@code r} (a {@code Mmio.GPU_*} number other than GPU_RUN). */
    public int register(int r) {
        return switch (r) {
            case Mmio.GPU_A -> a; case Mmio.GPU_B -> b; case Mmio.GPU_C -> c; case Mmio.GPU_N -> n;
            case Mmio.GPU_M -> m; case Mmio.GPU_K -> k; case Mmio.GPU_S -> s; case Mmio.GPU_RESULT -> result;
            default -> throw new IllegalArgumentException("not a readable GPU register: " + r);
        };
    }

    /** Writes register {@code r} (GPU_A..GPU_S). */
    public void setRegister(int r, int v) {
        switch (r) {
            case Mmio.GPU_A -> a = v; case Mmio.GPU_B -> b = v; case Mmio.GPU_C -> c = v; case Mmio.GPU_N -> n = v;
            case Mmio.GPU_M -> m = v; case Mmio.GPU_K -> k = v; case Mmio.GPU_S -> s = v;
            default -> throw new IllegalArgumentException("not a writable GPU register: " + r);
        }
    }

    /** DOT's last result. */
    public int result() { return result; }
    /** Kernels run so far. */
    public long kernels() { return kernels; }

    /** Launches kernel {@code kernel} (a {@code Mmio.GPU_*} kernel number) synchronously. */
    public void run(int kernel) {
        switch (kernel) {
            case Mmio.GPU_FILL -> { range("C", c, n); for (int i = 0; i < n; i++) mem[c + i] = s; }
            case Mmio.GPU_ADD -> { int[] x = operand("A", a, n), y = operand("B", b, n); range("C", c, n);
                for (int i = 0; i < n; i++) mem[c + i] = x[i] + y[i]; }
            case Mmio.GPU_MUL -> { int[] x = operand("A", a, n), y = operand("B", b, n); range("C", c, n);
                for (int i = 0; i < n; i++) mem[c + i] = x[i] * y[i]; }
            case Mmio.GPU_SCALE -> { int[] x = operand("A", a, n); range("C", c, n);
                for (int i = 0; i < n; i++) mem[c + i] = s * x[i]; }
            case Mmio.GPU_RELU -> { int[] x = operand("A", a, n); range("C", c, n);
                for (int i = 0; i < n; i++) mem[c + i] = Math.max(x[i], 0); }
            case Mmio.GPU_DOT -> { range("A", a, n); range("B", b, n);
                int sum = 0;
                for (int i = 0; i < n; i++) sum += mem[a + i] * mem[b + i];
                result = sum; }
            case Mmio.GPU_MATMUL -> {
                if (n < 0 || m < 0 || k < 0) throw new DeviceException("GPU MATMUL sizes must not be negative (N=" + n + ", M=" + m + ", K=" + k + ")");
                int[] x = operand("A", a, (long) n * k), y = operand("B", b, (long) k * m);
                range("C", c, (long) n * m);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < m; j++) {
                        int sum = 0;
                        for (int t = 0; t < k; t++) sum += x[i * k + t] * y[t * m + j];
                        mem[c + i * m + j] = sum;
                    }
            }
            default -> throw new DeviceException("unknown GPU kernel " + kernel + " (1 FILL, 2 ADD, 3 MUL, 4 SCALE, 5 DOT, 6 MATMUL, 7 RELU)");
        }
        kernels++;
        bus.grantGpu();
    }

    private int[] operand(String name, int at, long len) {
        range(name, at, len);
        int[] copy = new int[(int) len];
        System.arraycopy(mem, at, copy, 0, (int) len);
        return copy;
    }

    private void range(String name, int at, long len) {
        if (len < 0) throw new DeviceException("GPU length N must not be negative, got " + len);
        if (at < 0 || at + len > mem.length)
            throw new DeviceException("GPU operand " + name + " [" + at + ", " + (at + len) + ") is outside GPU memory (0.." + (mem.length - 1) + ")");
    }
}
