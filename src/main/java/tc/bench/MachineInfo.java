package tc.bench;

/**
 * Where the figures were taken: they mean little without it.
 *
 * @param processors  {@code Runtime.availableProcessors()}
 * @param javaVersion {@code java.version}
 * @param javaVm      {@code java.vm.name}
 * @param os          {@code os.name} and {@code os.version}
 * @param arch        {@code os.arch}
 * @param maxHeap     {@code Runtime.maxMemory()}, bytes
 * @param date        when the report was made (ISO-8601, UTC)
 */
public record MachineInfo(int processors, String javaVersion, String javaVm, String os, String arch, long maxHeap, String date) {
    public static MachineInfo current() {
        Runtime rt = Runtime.getRuntime();
        return new MachineInfo(rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                rt.maxMemory(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    /** "2 processors, Java 25 (OpenJDK 64-Bit Server VM), Linux 6.1 amd64, max heap 1.9 GiB". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d processors, Java %s (%s), %s %s, max heap %.1f GiB",
                processors, javaVersion, javaVm, os, arch, maxHeap / (double) (1L << 30));
    }
}
