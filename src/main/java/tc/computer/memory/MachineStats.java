package tc.computer.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed machine's counters at one moment: what {@code --stats} prints and {@code --json} gives
 * as {@code stats}.
 *
 * @param sectorReads  disk controller READ and SWAP_IN commands (swap sectors included)
 * @param sectorWrites disk controller WRITE and SWAP_OUT commands (swap sectors included)
 * @param busCpu       bus grants to the CPU (data words it moved to or from memory or a device)
 * @param busDma       bus grants to the disk's DMA (words moved by DMA or swap, one per sector READ/WRITE)
 * @param busGpu       bus grants to the GPU (one per kernel)
 */
public record MachineStats(long cacheHits, long cacheMisses, long tlbHits, long tlbMisses, long pageFaults,
                           long sectorReads, long sectorWrites, long busCpu, long busDma, long busGpu, long gpuKernels) {
    /** The counters as an ordered map for JSON; bus grants nested as {@code busGrants: {cpu, dma, gpu}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cacheHits", cacheHits);
        m.put("cacheMisses", cacheMisses);
        m.put("tlbHits", tlbHits);
        m.put("tlbMisses", tlbMisses);
        m.put("pageFaults", pageFaults);
        m.put("sectorReads", sectorReads);
        m.put("sectorWrites", sectorWrites);
        Map<String, Object> bus = new LinkedHashMap<>();
        bus.put("cpu", busCpu);
        bus.put("dma", busDma);
        bus.put("gpu", busGpu);
        m.put("busGrants", bus);
        m.put("gpuKernels", gpuKernels);
        return m;
    }
}
