package tc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tc.loom.Engines;
import tc.loom.engine.TransformerEngine;
import tc.loom.isa.MachineConfig;
import tc.loom.onnx.StepGraph;
import tc.loom.state.StateLayout;

/** {@code tc export onnx}: one step of the looped transformer as an ONNX file (docs/onnx.md). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export one step of the Loom transformer (one instruction, all layers) as an ONNX graph, computed from the"
                + " weights, with the state layout and machine shape in its metadata. Default: --config 146x512 (the first named"
                + " shape; there is no program to fit), --profile exact.",
        footer = {"", "Examples:",
                "  tc export onnx -o step.onnx",
                "  tc export onnx --config 155x1024 --profile loom-v1 -o loom-v1.onnx",
                "", "Check it with Python: /usr/bin/python3 bench/onnx_check.py step.onnx"})
final class ExportCommand implements Callable<Integer> {
    /** The formats there are: one, for now. */
    static final List<String> FORMATS = List.of("onnx");

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", completionCandidates = Formats.class, description = "What to write: ${COMPLETION-CANDIDATES}.")
    String format;

    @Mixin MachineOptions machine;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "exact",
            description = "Weight profile: exact (default) or loom-v1.")
    String profile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.onnx", required = true, description = "The ONNX file to write.")
    Path output;

    @Override public Integer call() throws Exception {
        if (!FORMATS.contains(format)) throw new UsageError("unknown export format '" + format + "': choose one of " + String.join(", ", FORMATS));
        if (!Engines.PROFILES.contains(profile))
            throw new UsageError("unknown profile '" + profile + "': choose one of " + String.join(", ", Engines.PROFILES));
        MachineConfig config = machine.toCompileOptions().config();
        if (config == null) config = MachineConfig.namedInOrder().get(0).withWordBits(machine.toCompileOptions().wordBits());
        TransformerEngine engine = (TransformerEngine) Engines.get("onnx", profile);
        StateLayout layout = engine.exact() ? StateLayout.exact(config) : StateLayout.of(config);
        var model = StepGraph.build(engine.model(config), layout);
        byte[] bytes = model.toByteArray();
        AtomicFiles.write(output, bytes);
        spec.commandLine().getOut().printf("wrote %s: one step of the %s transformer at %s, state %d×%d, %d nodes, %,d bytes%n", output, profile,
                config, layout.rows(), layout.columns(), model.getGraph().getNodeCount(), bytes.length);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    static final class Formats implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return FORMATS.iterator(); }
    }
}
