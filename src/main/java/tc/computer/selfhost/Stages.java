package tc.computer.selfhost;

import tc.computer.backend.TcCompiled;
import tc.computer.isa.TcProgram;

/**
 * The three stages of the bootstrap. Stage 1: {@code tc} compiles selfhost.c. Stage 2: stage 1
 * running on the seed machine compiles selfhost.c, given on its console, to image 2. Stage 3:
 * image 2 running on the machine compiles selfhost.c again, to image 3. The compiler is its own
 * fixed point when image 2 and image 3 are the same text, byte for byte.
 */
public final class Stages {
    private Stages() {}

    /** Receives progress: the stage (2 or 3) and how many characters of the source it has read. */
    public interface Progress {
        void read(int stage, long characters);
    }

    /**
     * What the stages did.
     *
     * @param stage1      the tc-compiled compiler
     * @param stage1Nanos wall time of stage 1
     * @param stage2      the run of stage 1 on selfhost.c (its console is image 2)
     * @param stage3      the run of image 2 on selfhost.c (its console is image 3), null if stage 2 failed
     */
    public record Result(TcCompiled stage1, long stage1Nanos, MachineRun stage2, MachineRun stage3) {
        public String image2() { return stage2.console(); }

        public String image3() { return stage3 == null ? null : stage3.console(); }

        /** Whether both compilations succeeded and wrote the same bytes. */
        public boolean identical() {
            return stage2.succeeded() && stage3 != null && stage3.succeeded() && image2().equals(image3());
        }

        /** The first character where image 2 and image 3 differ, or −1. */
        public int firstDifference() {
            String a = image2(), b = image3() == null ? "" : image3();
            int n = Math.min(a.length(), b.length());
            for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
            return a.length() == b.length() ? -1 : n;
        }
    }

    /** Runs the three stages on selfhost.c, each machine run for at most {@code maxSteps} steps. */
    public static Result run(long maxSteps, Progress progress) {
        String source = SelfHost.source();
        long t0 = System.nanoTime();
        TcCompiled stage1 = SelfHost.stage1();
        long stage1Nanos = System.nanoTime() - t0;
        MachineRun stage2 = SelfHost.run(stage1.program(), source, maxSteps, n -> progress.read(2, n));
        if (!stage2.succeeded()) return new Result(stage1, stage1Nanos, stage2, null);
        TcProgram image2 = SelfHost.assemble("image2.s", stage2.console());
        MachineRun stage3 = SelfHost.run(image2, source, maxSteps, n -> progress.read(3, n));
        return new Result(stage1, stage1Nanos, stage2, stage3);
    }
}
