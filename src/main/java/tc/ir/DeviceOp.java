package tc.ir;

/**
 * The device builtins of C, as the IR carries them to the back ends: the console, the keyboard,
 * the framebuffer, the disk and the GPU of the Tensor Computer's {@code seed} machine. The IR keeps
 * them abstract (no addresses): the Tensor Computer back end maps each to loads and stores on the
 * machine's memory-mapped registers, and a back end without these devices refuses them.
 *
 * <p>GPU operands are word offsets in the GPU's memory; lengths and shapes are word counts.
 */
public enum DeviceOp {
    /** putchar(c): append {@code c & 0xFF} to the console output. */
    PUTCHAR("putchar", 1, false),
    /** getchar(): the next byte of console input (0..255), −1 at the end. */
    GETCHAR("getchar", 0, true),
    /** pixel(x, y, r, g, b): draw one pixel; each colour channel is taken modulo 256. */
    PIXEL("pixel", 5, false),
    /** sector_read(sector, buf): the disk sector into a global array of one sector's words. */
    SECTOR_READ("sector_read", 1, false),
    /** sector_write(sector, buf): the array onto the disk sector (atomically). */
    SECTOR_WRITE("sector_write", 1, false),
    /** gpu_write(i, v): GPU word i ← v. */
    GPU_WRITE("gpu_write", 2, false),
    /** gpu_read(i): GPU word i. */
    GPU_READ("gpu_read", 1, true),
    /** gpu_fill(c, n, s): c[i] = s for i &lt; n. */
    GPU_FILL("gpu_fill", 3, false),
    /** gpu_add(a, b, c, n): c[i] = a[i] + b[i]. */
    GPU_ADD("gpu_add", 4, false),
    /** gpu_mul(a, b, c, n): c[i] = a[i] * b[i]. */
    GPU_MUL("gpu_mul", 4, false),
    /** gpu_scale(a, c, n, s): c[i] = s * a[i]. */
    GPU_SCALE("gpu_scale", 4, false),
    /** gpu_dot(a, b, n): Σ a[i] * b[i]. */
    GPU_DOT("gpu_dot", 3, true),
    /** gpu_matmul(a, b, c, n, k, m): C (n×m) = A (n×k) · B (k×m), row-major. */
    GPU_MATMUL("gpu_matmul", 6, false),
    /** gpu_relu(a, c, n): c[i] = max(a[i], 0). */
    GPU_RELU("gpu_relu", 3, false),
    /** getkey(): the next keyboard event (any int), −1 when the queue is empty. */
    GETKEY("getkey", 0, true);

    /** Words in a sector buffer: sector_read and sector_write take a global int array of exactly this size (the seed machine's 4 KB sectors). */
    public static final int SECTOR_WORDS = 1024;

    private final String cName;
    private final int scalarArgs;
    private final boolean returnsValue;

    DeviceOp(String cName, int scalarArgs, boolean returnsValue) {
        this.cName = cName;
        this.scalarArgs = scalarArgs;
        this.returnsValue = returnsValue;
    }

    /** The C name of the builtin. */
    public String cName() { return cName; }

    /** Scalar operands (the sector builtins also take a buffer array, not counted here). */
    public int scalarArgs() { return scalarArgs; }

    public boolean returnsValue() { return returnsValue; }

    /** Whether the builtin moves a sector between the disk and a buffer array. */
    public boolean usesBuffer() { return this == SECTOR_READ || this == SECTOR_WRITE; }

    /** The device builtin called {@code name}, or null. */
    public static DeviceOp byName(String name) {
        for (DeviceOp op : values()) if (op.cName.equals(name)) return op;
        return null;
    }
}
