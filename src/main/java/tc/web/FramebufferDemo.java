package tc.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import tc.c.CFrontEnd;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.device.Console;
import tc.computer.device.Devices;
import tc.computer.device.InMemoryDisk;
import tc.computer.interp.SeedMachine;
import tc.source.SourceFile;

/**
 * A Tensor Computer demo ({@code tc demo --target tc}: tc/demo/seed/) on the discrete seed machine,
 * run a request's steps at a time so that the page can draw the framebuffer and the console as
 * the picture builds (Mandelbrot is about 20 million steps, more than one request may run).
 */
final class FramebufferDemo {
    /** Steps between two checks of the cancel flag. */
    private static final long CHUNK = 1 << 16;

    private final String name;
    private final SeedMachine machine;
    private final Console console;

    FramebufferDemo(String name) {
        if (!names().contains(name))
            throw new WebError(404, "unknown Tensor Computer demo '" + name + "': choose one of " + String.join(", ", names()));
        this.name = name;
        String text = DemoCatalog.resource("/tc/demo/seed/" + name + ".c");
        TcCompiled compiled = TcBackend.compile(CFrontEnd.compile(new SourceFile(name + ".c", text), TcBackend.WORD_BITS),
                TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
        var config = TcBackend.SEED_CONFIG;
        console = Console.empty();
        Devices devices = new Devices(config, console, new InMemoryDisk(config.diskSectors(), config.sectorWords()));
        machine = new SeedMachine(compiled.program(), config, devices);
    }

    /** The seed demos, in the index's order. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String line : DemoCatalog.resource("/tc/demo/seed/demos.txt").split("\\R")) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#")) out.add(line.substring(0, line.length() - 2));
        }
        return out;
    }

    /** Runs up to {@code steps} more steps (fewer when it halts, faults, is cancelled or reaches the time limit) and returns the picture so far. */
    Map<String, Object> advance(long steps, StopSignal stop) {
        long target = machine.steps() + steps, start = System.nanoTime(), before = machine.steps();
        String stopped = null;
        while (machine.steps() < target && !machine.halted() && machine.fault() == null) {
            if ((stopped = stop.reason()) != null) break;
            machine.run(Math.min(target, machine.steps() + CHUNK));
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("steps", machine.steps());
        m.put("stepsPerSecond", Math.round((machine.steps() - before) / seconds));
        m.put("halted", machine.halted());
        m.put("status", machine.halted() ? "halted" : machine.fault() != null ? "fault: " + machine.fault().message()
                : stopped != null && stopped.equals("cancelled") ? "cancelled" : "running");
        if (stopped != null) m.put("stopped", stopped);
        m.put("retval", machine.register(0));
        m.put("console", new String(console.output(), StandardCharsets.ISO_8859_1));
        m.put("framebuffer", png());
        return m;
    }

    private String png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(machine.devices().framebuffer().image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
