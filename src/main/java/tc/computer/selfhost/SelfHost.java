package tc.computer.selfhost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import tc.c.CFrontEnd;
import tc.computer.asm.TcAsmReader;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.device.Console;
import tc.computer.device.Devices;
import tc.computer.device.InMemoryDisk;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.engine.TcState;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;
import tc.computer.soft.parts.SoftSeed;
import tc.source.SourceFile;

/**
 * The self-hosted compiler and the machine it runs on. {@code selfhost.c} reads C on the seed
 * machine's console and writes Tensor Computer assembly there; the console is the seed
 * machine's alone (the {@code cpu} machine has only OUT), so every run here is on the discrete
 * seed machine ({@link SeedMachine}) of {@link TcBackend#SEED_CONFIG}, and the programs the
 * self-hosted compiler writes are seed-machine programs with the page-fault handler included.
 */
public final class SelfHost {
    private SelfHost() {}

    /** Where the jar keeps the compiler's source. */
    public static final String RESOURCE = "/tc/selfhost/selfhost.c";

    /** The machine every stage runs on. */
    public static final SeedConfig CONFIG = TcBackend.SEED_CONFIG;

    /** Steps between two progress reports. */
    private static final long CHUNK = 1_000_000;

    /** The text of {@code selfhost.c}. */
    public static String source() {
        try (InputStream in = SelfHost.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stage 1: {@code tc}'s own compiler (front end, IR, Tensor Computer back end) compiles selfhost.c for the seed machine. */
    public static TcCompiled stage1() {
        SourceFile src = new SourceFile("selfhost.c", source());
        return TcBackend.compile(CFrontEnd.compile(src, TcBackend.WORD_BITS), TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
    }

    /**
     * Reads a program the self-hosted compiler wrote (Tensor Computer assembly).
     *
     * @throws tc.source.CompileException when the text is not a program (then the compiler wrote garbage)
     */
    public static TcProgram assemble(String name, String image) {
        return TcAsmReader.read(new SourceFile(name, image));
    }

    /** Runs {@code program} on the seed machine with {@code input} on its console, for at most {@code maxSteps} steps. */
    public static MachineRun run(TcProgram program, String input, long maxSteps) {
        return run(program, input, maxSteps, done -> { });
    }

    /**
     * As {@link #run(TcProgram, String, long)}, telling {@code inputRead} how many characters of
     * the input the program has read, about every million steps (a compiler's progress).
     */
    public static MachineRun run(TcProgram program, String input, long maxSteps, LongConsumer inputRead) {
        CountingInput in = new CountingInput(input.getBytes(StandardCharsets.ISO_8859_1));
        Devices devices = new Devices(CONFIG, new Console(in, null), new InMemoryDisk(CONFIG.diskSectors(), CONFIG.sectorWords()));
        SeedMachine machine = new SeedMachine(program, CONFIG, devices);
        long start = System.nanoTime();
        while (!machine.halted() && machine.fault() == null && machine.steps() < maxSteps) {
            machine.run(Math.min(maxSteps, machine.steps() + CHUNK));
            inputRead.accept(in.read);
        }
        long nanos = System.nanoTime() - start;
        return new MachineRun(devices.console().outputText(), machine.state(), machine.fault(), machine.steps(), nanos);
    }

    /**
     * Compiles C source on the machine with {@code compiler} (a program built from selfhost.c)
     * and returns the run; its console holds the program (assembly) when it {@link MachineRun#succeeded()},
     * else the error message.
     */
    public static MachineRun compileOnMachine(TcProgram compiler, String cSource, long maxSteps) {
        return run(compiler, cSource, maxSteps);
    }

    /**
     * The final state of {@code program} on the soft seed machine (the soft CPU with a
     * {@link SoftSeed} port) at temperature {@code tau}, its parameters one-hot ±1 logits, as
     * {@code tc run --target tc --machine seed --engine soft} runs it; no console input.
     * The state's memory is the program's virtual memory, read through the soft page tables.
     *
     * @throws IllegalStateException when the soft machine sent mass above ½ to a device fault
     */
    public static TcState runSoft(TcProgram program, double tau, long maxSteps) {
        SoftSeed port = new SoftSeed(CONFIG, program, tau, 0, new byte[0], new int[0],
                new InMemoryDisk(CONFIG.diskSectors(), CONFIG.sectorWords()));
        SoftMachine machine = new SoftMachine(program.spec(), TcParams.encode(program, 1.0), SoftTemperatures.of(tau), port);
        SoftState s = machine.run(SoftState.initial(program), maxSteps);
        if (port.refused() >= 0.5) throw new IllegalStateException("the soft machine sent mass " + port.refused() + " to a device fault");
        TcState flat = s.toTcState();
        int[] vm = new int[program.spec().memoryWords()];
        for (int va = 0; va < vm.length; va++) vm[va] = port.virtualWord(va);
        return new TcState(flat.pc(), flat.registers(), flat.flags(), vm, flat.halted(), flat.steps(), flat.outputs());
    }

    /** An input stream that counts the bytes read. */
    private static final class CountingInput extends ByteArrayInputStream {
        long read;

        CountingInput(byte[] bytes) { super(bytes); }

        @Override public synchronized int read() {
            int b = super.read();
            if (b >= 0) read++;
            return b;
        }

        @Override public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) read += n;
            return n;
        }
    }
}
