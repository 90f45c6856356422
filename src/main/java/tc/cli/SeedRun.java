package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.device.DeviceFault;
import tc.computer.device.Devices;
import tc.computer.device.Disk;
import tc.computer.device.DiskImage;
import tc.computer.device.InMemoryDisk;
import tc.computer.engine.TcState;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.memory.MachineStats;

/**
 * One run of a compiled program on the discrete {@code seed} machine with the devices the options
 * ask for: the disk image (or an in-memory disk), console input from a file or standard input,
 * console output streamed to {@code consoleOut} (or only kept), frames every K steps and a
 * screenshot at the end. Used by {@code tc run --machine seed} and {@code tc demo NAME --target tc}.
 *
 * @param machine the machine after the run (its devices, statistics and fault)
 * @param state   its final state, memory as the program's virtual memory
 * @param frames  frames written with --frames
 * @param nanos   wall time of the run proper (without compiling, opening the disk or writing pictures)
 */
record SeedRun(SeedMachine machine, TcState state, int frames, long nanos) {
    static final SeedConfig CONFIG = TcBackend.SEED_CONFIG;

    DeviceFault fault() { return machine.fault(); }

    MachineStats stats() { return machine.stats(); }

    String console() { return machine.devices().console().outputText(); }

    /**
     * Runs {@code compiled} (which must be compiled for the seed machine) for at most
     * {@code maxSteps} steps.
     *
     * @param consoleOut where console output goes as it is written, null to keep it only
     * @param stdin      console input when --stdin is not given
     * @throws UserError for a disk image that is not one, or a picture that cannot be written
     */
    static SeedRun run(TcCompiled compiled, SeedOptions options, long maxSteps, OutputStream consoleOut, InputStream stdin) {
        return run(compiled, options, maxSteps, consoleOut, stdin, () -> { });
    }

    /**
     * As {@link #run(TcCompiled, SeedOptions, long, OutputStream, InputStream)}, calling
     * {@code opened} once the disk and the input are open and before the first step, so that a
     * caller prints its header only for a run that will happen (a bad disk image is then the
     * only line printed).
     */
    static SeedRun run(TcCompiled compiled, SeedOptions options, long maxSteps, OutputStream consoleOut, InputStream stdin, Runnable opened) {
        if (compiled.machine() != TcBackend.Machine.SEED) throw new IllegalArgumentException("not compiled for the seed machine");
        try (Disk disk = openDisk(options.disk); InputStream in = options.stdin == null ? unclosed(stdin) : Files.newInputStream(options.stdin)) {
            opened.run();
            Devices devices = new Devices(CONFIG, in, consoleOut, disk);
            devices.keyboard().enqueueAll(options.keyEvents());
            SeedMachine machine = new SeedMachine(compiled.program(), CONFIG, devices);
            long start = System.nanoTime(), pictures = 0;
            int frames = 0;
            TcState state;
            if (options.frames == null) {
                state = machine.run(maxSteps);
            } else {
                long every = options.frameEvery();
                while (true) {
                    state = machine.run(Math.min(maxSteps, machine.steps() + every));
                    long t = System.nanoTime();
                    picture(machine, options.frames.resolve(String.format(java.util.Locale.ROOT, "frame-%06d.png", frames++)));
                    pictures += System.nanoTime() - t;
                    if (machine.halted() || machine.fault() != null || machine.steps() >= maxSteps) break;
                }
            }
            long nanos = System.nanoTime() - start - pictures;
            if (options.screenshot != null) picture(machine, options.screenshot);
            return new SeedRun(machine, state, frames, nanos);
        } catch (DiskImage.DiskImageException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Standard input stays open after the run (the process may still read it). */
    private static InputStream unclosed(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override public void close() { }
        };
    }

    private static Disk openDisk(Path file) throws IOException {
        if (file == null) return new InMemoryDisk(CONFIG.diskSectors(), CONFIG.sectorWords());
        return DiskImage.open(file, CONFIG);
    }

    private static void picture(SeedMachine machine, Path file) {
        try {
            machine.devices().framebuffer().writePng(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Console bytes as characters on a writer (one char per byte, as the console's text is ISO-8859-1). */
    static OutputStream to(PrintWriter out) {
        return new OutputStream() {
            @Override public void write(int b) { out.write(b & 0xFF); }
            @Override public void flush() { out.flush(); }
        };
    }

    /** The counters as text, one part a line, for --stats. */
    static void printStats(MachineStats s, PrintWriter out) {
        out.println("stats:");
        out.println(String.format(java.util.Locale.ROOT, "  cache: %,d hits, %,d misses", s.cacheHits(), s.cacheMisses()));
        out.println(String.format(java.util.Locale.ROOT, "  TLB: %,d hits, %,d misses", s.tlbHits(), s.tlbMisses()));
        out.println(String.format(java.util.Locale.ROOT, "  page faults: %,d", s.pageFaults()));
        out.println(String.format(java.util.Locale.ROOT, "  disk: %,d sector reads, %,d sector writes", s.sectorReads(), s.sectorWrites()));
        out.println(String.format(java.util.Locale.ROOT, "  bus grants: cpu %,d, dma %,d, gpu %,d", s.busCpu(), s.busDma(), s.busGpu()));
        out.println(String.format(java.util.Locale.ROOT, "  GPU kernels: %,d", s.gpuKernels()));
    }
}
