package tc.difftest;

import java.util.ArrayList;
import java.util.List;
import tc.c.CFrontEnd;
import tc.ir.IrInterpreter;
import tc.ir.IrProgram;
import tc.source.SourceFile;

/**
 * What the differential tests over generated programs share: which seeds run (a count or one seed
 * to rerun, from system properties) and the 32-bit IR interpreter's answer for a seed, the
 * reference each back end is held to.
 */
final class GeneratedCases {
    private GeneratedCases() {}

    /** Seeds 0..K-1 with K = {@code -D<prefix>.programs} (default {@code count}), or only {@code -D<prefix>.seed}. */
    static List<Long> seeds(String prefix, int count) {
        List<Long> seeds = new ArrayList<>();
        Long only = Long.getLong(prefix + ".seed");
        if (only != null) seeds.add(only);
        else for (long s = 0, n = Integer.getInteger(prefix + ".programs", count); s < n; s++) seeds.add(s);
        return seeds;
    }

    /** A generated program, its 32-bit IR and the IR interpreter's run of it. */
    record Reference(ProgramGenerator.Generated program, IrProgram ir, IrInterpreter.Result result) {
        /** Out of bounds at 32 bits: undefined in the IR, so not compared (the generator keeps indices in range only at its own width). */
        boolean outOfBounds() { return result.status() == IrInterpreter.Status.INDEX_OUT_OF_BOUNDS; }
    }

    static Reference reference(long seed, long maxSteps) {
        var p = ProgramGenerator.generate(seed, GccDifferentialTest.bitsFor(seed));
        IrProgram ir = CFrontEnd.compile(new SourceFile("gen-" + seed + ".c", p.text()), 32);
        return new Reference(p, ir, IrInterpreter.run(ir, maxSteps));
    }
}
