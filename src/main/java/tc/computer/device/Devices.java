package tc.computer.device;

import java.io.InputStream;
import java.io.OutputStream;
import tc.computer.isa.SeedConfig;

/**
 * The seed machine's devices, bundled: console, keyboard, framebuffer, disk controller (over a
 * {@link Disk}), GPU and the bus they share.
 */
public final class Devices {
    private final SeedConfig config;
    private final Bus bus = new Bus();
    private final Console console;
    private final Keyboard keyboard = new Keyboard();
    private final Framebuffer framebuffer;
    private final DiskController disk;
    private final Gpu gpu;

    /**
     * @param consoleIn  console input (−1 at its end)
     * @param consoleOut where console output goes (null: kept only)
     * @param disk       the disk; its sector size must be the configuration's
     */
    public Devices(SeedConfig config, InputStream consoleIn, OutputStream consoleOut, Disk disk) {
        this(config, new Console(consoleIn, consoleOut), disk);
    }

    public Devices(SeedConfig config, Console console, Disk disk) {
        if (disk.sectorWords() != config.sectorWords() || disk.sectors() != config.diskSectors())
            throw new IllegalArgumentException("the disk has " + disk.sectors() + " sectors of " + disk.sectorWords()
                    + " words; the configuration wants " + config.diskSectors() + " of " + config.sectorWords());
        this.config = config;
        this.console = console;
        this.framebuffer = new Framebuffer(config.width(), config.height());
        this.disk = new DiskController(disk, bus);
        this.gpu = new Gpu(config.gpuWords(), bus);
    }

    /** No console input, output kept only, an in-memory disk (all zero). */
    public static Devices inMemory(SeedConfig config) {
        return new Devices(config, Console.empty(), new InMemoryDisk(config.diskSectors(), config.sectorWords()));
    }

    public SeedConfig config() { return config; }
    public Bus bus() { return bus; }
    public Console console() { return console; }
    public Keyboard keyboard() { return keyboard; }
    public Framebuffer framebuffer() { return framebuffer; }
    public DiskController disk() { return disk; }
    public Gpu gpu() { return gpu; }
}
