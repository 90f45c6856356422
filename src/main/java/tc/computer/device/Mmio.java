package tc.computer.device;

/**
 * The seed machine's memory map for devices: every data address with bit 31 set is memory-mapped
 * I/O, so the 32-opcode ISA reaches the GPU, the framebuffer, the console, the keyboard, the disk
 * controller and the MMU with plain LOAD and STORE (no opcode is added). Non-negative addresses are
 * memory (virtual in user mode, physical in kernel mode). See docs/tensor-computer.md.
 */
public final class Mmio {
    private Mmio() {}

    /** GPU memory word i is at {@code GPU_BASE + i}. */
    public static final int GPU_BASE = 0x8000_0000;
    /** Device register r is at {@code DEV_BASE + r}. */
    public static final int DEV_BASE = 0xC000_0000;
    /** Word i of the disk controller's sector buffer is at {@code DISK_BUF + i}. */
    public static final int DISK_BUF = 0xC001_0000;

    // Device register numbers (offsets from DEV_BASE).
    public static final int CONSOLE_OUT = 0, CONSOLE_IN = 1, KEY_IN = 2, KEY_COUNT = 3;
    public static final int FB_X = 8, FB_Y = 9, FB_RGB = 10;
    public static final int DISK_SECTOR = 16, DISK_OFFSET = 17, DISK_ADDR = 18, DISK_COUNT = 19, DISK_CMD = 20;
    public static final int GPU_A = 32, GPU_B = 33, GPU_C = 34, GPU_N = 35, GPU_M = 36, GPU_K = 37, GPU_S = 38,
            GPU_RUN = 39, GPU_RESULT = 40;
    public static final int TRAP_VECTOR = 48, FAULT_VPN = 49, FAULT_ADDR = 50, ERET = 51, PT_INDEX = 52, PT_VALUE = 53,
            TLB_FLUSH = 54, MODE = 55;

    // DISK_CMD values. SWAP_IN and SWAP_OUT (kernel mode, swap sectors only) move DISK_COUNT words
    // between word DISK_OFFSET of swap sector DISK_SECTOR and physical memory at DISK_ADDR without
    // the sector buffer, so the page-fault handler leaves the user-visible buffer alone.
    public static final int DISK_READ = 1, DISK_WRITE = 2, DISK_DMA_IN = 3, DISK_DMA_OUT = 4, DISK_SWAP_IN = 5, DISK_SWAP_OUT = 6;

    // GPU_RUN kernels.
    public static final int GPU_FILL = 1, GPU_ADD = 2, GPU_MUL = 3, GPU_SCALE = 4, GPU_DOT = 5, GPU_MATMUL = 6, GPU_RELU = 7;

    /** The address of device register r. */
    public static int register(int r) { return DEV_BASE + r; }
}
