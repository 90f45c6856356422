package tc.loom.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout;
import tc.loom.transformer.LoomModel;

/**
 * What an exported step says about itself in the model's {@code metadata_props}: the machine
 * shape, the weight profile and the state layout (each row region's first row and height), so
 * that a runtime other than tc can lay out a program and read its result (docs/onnx.md).
 */
public final class StepMetadata {
    private StepMetadata() {}

    /** The keys and values, in a fixed order. */
    public static Map<String, String> of(LoomModel model, StateLayout layout) {
        MachineConfig c = layout.config();
        Map<String, String> m = bare(model, layout.rows());
        m.put("tc.config", c.name());
        m.put("tc.config.smnN", c.s() + "," + c.m() + "," + c.n() + "," + c.wordBits());
        m.put("tc.state.layout", layout.regions().stream()
                .map(r -> r.region().key() + ":" + r.first() + "+" + r.count()).collect(Collectors.joining(",")));
        m.put("tc.columns", "0 = PC and scratch, 1.." + (c.s() - 1) + " scratchpad, " + c.memoryStart() + ".." + (c.programStart() - 1)
                + " memory, " + c.programStart() + ".." + (c.n() - 1) + " instructions");
        m.put("tc.address_bits", Integer.toString(c.addressBits()));
        m.put("tc.word_bits", Integer.toString(c.wordBits()));
        return m;
    }

    /** What any model's step can say: its profile, shape, rule and outputs, but no row layout. */
    static Map<String, String> bare(LoomModel model, int d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tc.format", StepGraph.FORMAT);
        m.put("tc.profile", model.profile());
        m.put("tc.state.rows", Integer.toString(d));
        m.put("tc.state.columns", Integer.toString(model.config().n()));
        m.put("tc.state.dtype", "float32, row-major d×n (index = row·n + column)");
        m.put("tc.scratchpad_columns", Integer.toString(model.config().s()));
        m.put("tc.layers", model.layers().stream().map(l -> l.name()).collect(Collectors.joining("; ")));
        m.put("tc.attention", "argmax top-2: each source column with a key entry of magnitude >= " + StepGraph.ZERO_KEY
                + " sends V·x to its best target (ties to the lower column); best two closer than " + StepGraph.TIE_GAP + " get half each");
        m.put("tc.step", "one run = one instruction; halted when the PC (column 0) is 0");
        m.put("tc.input", StepGraph.INPUT);
        m.put("tc.output", StepGraph.OUTPUT);
        return m;
    }
}
