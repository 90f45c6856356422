package tc.loom.transformer;

import java.util.List;
import tc.loom.isa.MachineConfig;

/**
 * The weights of a looped transformer that runs one instruction per forward pass.
 *
 * @param profile which construction made it ("loom-v1", "exact", or "file" for loaded weights)
 * @param config  the machine shape; the weights depend on (s, n, N), not on m
 * @param layers  in order
 */
public record LoomModel(String profile, MachineConfig config, List<Layer> layers) {
    public LoomModel {
        layers = List.copyOf(layers);
    }
}
