package tc.c.check;

import tc.ir.DeviceOp;

/**
 * The builtin functions. A program may define a function of the same name: its calls then reach
 * the user's function, and the builtin is out of its reach (CheckedProgram#builtin). The device builtins
 * ({@link #device()} not null) reach the Tensor Computer's seed machine; every target accepts
 * them in the front end, and a back end without the devices refuses them.
 */
public enum Builtin {
    ABS("abs", 1, true), MIN("min", 2, true), MAX("max", 2, true), MUL("mul", 2, true),
    SWAP("swap", 2, false), OUTPUT("output", 1, false),
    PUTCHAR(DeviceOp.PUTCHAR), GETCHAR(DeviceOp.GETCHAR), PIXEL(DeviceOp.PIXEL),
    SECTOR_READ(DeviceOp.SECTOR_READ), SECTOR_WRITE(DeviceOp.SECTOR_WRITE),
    GPU_WRITE(DeviceOp.GPU_WRITE), GPU_READ(DeviceOp.GPU_READ), GPU_FILL(DeviceOp.GPU_FILL),
    GPU_ADD(DeviceOp.GPU_ADD), GPU_MUL(DeviceOp.GPU_MUL), GPU_SCALE(DeviceOp.GPU_SCALE),
    GPU_DOT(DeviceOp.GPU_DOT), GPU_MATMUL(DeviceOp.GPU_MATMUL), GPU_RELU(DeviceOp.GPU_RELU),
    GETKEY(DeviceOp.GETKEY);

    /** The words of a sector buffer: {@code sector_read} and {@code sector_write} take a global int array of exactly this size. */
    public static final int SECTOR_WORDS = DeviceOp.SECTOR_WORDS;

    private final String cName;
    private final int arity;
    private final boolean returnsValue;
    private final DeviceOp device;

    Builtin(String cName, int arity, boolean returnsValue) {
        this.cName = cName;
        this.arity = arity;
        this.returnsValue = returnsValue;
        this.device = null;
    }

    Builtin(DeviceOp device) {
        this.cName = device.cName();
        this.arity = device.scalarArgs() + (device.usesBuffer() ? 1 : 0);
        this.returnsValue = device.returnsValue();
        this.device = device;
    }

    public String cName() { return cName; }

    public int arity() { return arity; }

    public boolean returnsValue() { return returnsValue; }

    /** The device operation of a device builtin, or null for the pure ones and swap/output. */
    public DeviceOp device() { return device; }

    /** The builtin called {@code name}, or null. */
    public static Builtin byName(String name) {
        for (Builtin b : values()) if (b.cName.equals(name)) return b;
        return null;
    }
}
