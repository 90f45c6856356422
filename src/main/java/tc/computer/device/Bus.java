package tc.computer.device;

/**
 * The system bus: three masters share it and every transfer needs a grant. Devices are
 * synchronous (a command completes inside the store that issues it), so in the discrete machine
 * requests never collide; when they would, {@link #arbitrate} applies the fixed priority
 * DMA &gt; GPU &gt; CPU (the soft bus's softmax uses that order as its bias, so the two agree as
 * τ → 0). Grants are counted per master for the statistics.
 */
public final class Bus {
    /** Bus masters in priority order (highest first). */
    public enum Master { DMA, GPU, CPU }

    private long cpu, dma, gpu;

    /** The master that wins when several request at once, or null when none does. */
    public static Master arbitrate(boolean dmaRequests, boolean gpuRequests, boolean cpuRequests) {
        if (dmaRequests) return Master.DMA;
        if (gpuRequests) return Master.GPU;
        if (cpuRequests) return Master.CPU;
        return null;
    }

    /** One data word moved by the CPU (memory or device). */
    public void grantCpu() { cpu++; }

    /** {@code n} grants to the disk's DMA (words moved, or 1 per sector READ/WRITE). */
    public void grantDma(long n) { dma += n; }

    /** One GPU kernel. */
    public void grantGpu() { gpu++; }

    public long cpuGrants() { return cpu; }
    public long dmaGrants() { return dma; }
    public long gpuGrants() { return gpu; }
}
