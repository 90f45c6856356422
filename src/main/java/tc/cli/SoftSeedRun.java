package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.device.Framebuffer;
import tc.computer.device.InMemoryDisk;
import tc.computer.engine.TcState;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.computer.memory.MachineStats;
import tc.computer.soft.SoftMachine;
import tc.computer.soft.SoftState;
import tc.computer.soft.SoftTemperatures;
import tc.computer.soft.parts.SoftSeed;

/**
 * {@code tc run --target tc --machine seed --engine soft}: the compiled program on the soft seed
 * machine (the soft CPU with a {@link SoftSeed} port) at temperature τ, the program as ±1 logits.
 * Console input is read as the soft cursor reaches it (standard input or {@code --stdin}); the
 * disk is an all-zero in-memory disk (the soft machine keeps its writes in memory, so {@code --disk}
 * and {@code --frames} are refused). The counters are the soft ones, rounded; the console output
 * is the bytes written with mass above ½, printed after the run.
 */
final class SoftSeedRun {
    private SoftSeedRun() {}

    /** A usage problem of the options for the soft seed machine, or null. */
    static String problem(SeedOptions seed, double tau) {
        if (seed.disk != null) return "--disk is not available with --engine soft: the soft seed machine keeps its disk in memory (all zero at the start)";
        if (seed.frames != null) return "--frames is not available with --engine soft; --screenshot is";
        if (tau > 1) return "--tau must be at most 1 for the soft seed machine, got " + tau;
        return null;
    }

    static int run(TcCompiled compiled, SeedOptions seed, double tau, long maxSteps, boolean json, PrintWriter out, InputStream stdin) {
        if (compiled.machine() != TcBackend.Machine.SEED) throw new IllegalArgumentException("not compiled for the seed machine");
        try (InputStream input = seed.stdin == null ? unclosed(stdin) : Files.newInputStream(seed.stdin)) {
            return runOn(compiled, seed, tau, maxSteps, json, out, input);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError("cannot read console input: " + e.getMessage());
        }
    }

    private static InputStream unclosed(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override public void close() { }
        };
    }

    private static int runOn(TcCompiled compiled, SeedOptions seed, double tau, long maxSteps, boolean json, PrintWriter out, InputStream input) {
        SeedConfig config = SeedRun.CONFIG;
        TcProgram program = compiled.program();
        SoftSeed port = new SoftSeed(config, program, tau, 0, input, seed.keyEvents(), new InMemoryDisk(config.diskSectors(), config.sectorWords()));
        SoftMachine machine = new SoftMachine(program.spec(), TcParams.encode(program, 1.0), SoftTemperatures.of(tau), port);
        long start = System.nanoTime();
        SoftState s = machine.run(SoftState.initial(program), maxSteps);
        long nanos = System.nanoTime() - start;

        TcState flat = s.toTcState();
        int[] vm = new int[program.spec().memoryWords()];
        for (int va = 0; va < vm.length; va++) vm[va] = port.virtualWord(va);
        TcState state = new TcState(flat.pc(), flat.registers(), flat.flags(), vm, flat.halted(), flat.steps(), flat.outputs());
        TcOutcome o = TcRunner.outcome(compiled, state);
        RunSummary base = TcRun.summary(compiled, o, "soft");
        Map<String, Object> cfg = new LinkedHashMap<>(base.config());
        cfg.put("name", "tc-seed");
        cfg.put("physicalWords", config.physicalWords());
        cfg.put("pageWords", config.pageWords());
        cfg.put("tau", tau);
        String description = "tc seed (soft, tau " + tau + "), " + base.config().get("memoryWords") + " virtual words on "
                + config.physicalWords() + " physical, " + base.config().get("slots") + " slots";
        RunSummary summary;
        if (port.refused() < 0.5)
            summary = new RunSummary(base.retval(), base.steps(), base.status(), base.pc(), base.outputs(), base.variables(), base.fault(),
                    base.engine(), description, cfg, false);
        else {
            // the discrete machine would have stopped on a device fault; the soft one cannot say at which step
            RunSummary.Fault fault = new RunSummary.Fault("device_fault", String.format(java.util.Locale.ROOT,
                    "the soft machine sent mass %.3f to a device fault (a refused access or a page fault without a handler)", port.refused()),
                    base.pc(), base.steps(), compiled.debug().lineOf(base.pc()));
            summary = new RunSummary(base.retval(), base.steps(), RunSummary.Status.FAULT, base.pc(), base.outputs(), base.variables(), fault,
                    base.engine(), description, cfg, false);
        }
        MachineStats stats = new MachineStats(Math.round(port.cache().hits), Math.round(port.cache().misses), Math.round(port.tlb().hits),
                Math.round(port.tlb().misses), Math.round(port.pageFaults()), Math.round(port.sectorReads()), Math.round(port.sectorWrites()),
                Math.round(port.cpuGrants()), Math.round(port.dmaGrants()), Math.round(port.gpuGrants()), Math.round(port.devices().gpuKernels()));
        if (seed.screenshot != null) {
            Framebuffer fb = new Framebuffer(config.width(), config.height());
            for (Map.Entry<Integer, Double> p : port.devices().pixelsDrawn().entrySet())
                fb.set(p.getKey() % config.width(), p.getKey() / config.width(), (int) (long) Math.rint(p.getValue()) & 0xFFFFFF);
            try {
                fb.writePng(seed.screenshot);
            } catch (IOException e) {
                throw new UserError(e.getMessage());
            }
        }
        String console = new String(port.consoleBytes(), StandardCharsets.ISO_8859_1);
        RunReport report = new RunReport(summary, nanos);
        if (json) {
            var node = report.toJson();
            node.set("stats", MAPPER.valueToTree(stats.toMap()));
            node.put("console", console);
            node.put("stateDoubles", port.stateDoubles());
            try {
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.print(console);
            if (!console.isEmpty() && !console.endsWith("\n")) out.println();
            report.printText(out);
            if (seed.stats) SeedRun.printStats(stats, out);
        }
        out.flush();
        return summary.halted() ? Main.OK : Main.FAILURE;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
}
