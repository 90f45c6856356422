package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tc.computer.isa.TcMachineSpec;

/**
 * Learning tasks from C reference functions ({@code tc learn --from FILE.c}): every training,
 * held-out and report case is the {@link CReference}'s answer, run on the interpreter. What the
 * learner gets follows from the signature's shape only — never from the function's name:
 *
 * <ul>
 *   <li>scalar: inputs in r0 … r(k−1), answer in r0, values drawn from {@link Options#lo}..{@link Options#hi};</li>
 *   <li>array → int: the array at a base drawn from 8..23 (so a program must use r0), r0 = base,
 *       r1 = n, further ints in r2, r3; answer in r0;</li>
 *   <li>array → array: the same inputs; the answer is every word of the array after the call.</li>
 * </ul>
 * Array tasks train on {@link Options#trainLengths} and are judged on {@link Options#testLengths}.
 * The registers the learner may name are the inputs plus a number of scratch registers fixed by the
 * shape ({@link #scratchStages}).
 */
public final class FromC {
    private FromC() {}

    /**
     * What a {@code --from} task is drawn from.
     *
     * @param lo        the smallest value of an int input or array word
     * @param hi        the largest
     * @param trainFrom the shortest array trained on
     * @param trainTo   the longest array trained on
     * @param testFrom  the shortest array of the held-out and report cases
     * @param testTo    the longest
     * @param cases     training cases
     * @param maxLength the longest program the learner may write (instructions; 0: by shape)
     */
    public record Options(int lo, int hi, int trainFrom, int trainTo, int testFrom, int testTo, int cases, int maxLength) implements java.io.Serializable {
        public static final Options DEFAULT = new Options(-50, 50, 1, 4, 5, 8, 24, 0);

        public Options {
            if (lo > hi) throw new IllegalArgumentException("the value range " + lo + ".." + hi + " is empty");
            if (trainFrom < 0 || trainFrom > trainTo) throw new IllegalArgumentException("bad training lengths " + trainFrom + ".." + trainTo);
            if (testFrom < 0 || testFrom > testTo) throw new IllegalArgumentException("bad test lengths " + testFrom + ".." + testTo);
            if (Math.max(trainTo, testTo) > MAX_ARRAY) throw new IllegalArgumentException("arrays of at most " + MAX_ARRAY + " words");
            if (cases < 1) throw new IllegalArgumentException("--cases must be at least 1");
            if (maxLength < 0 || maxLength > 60) throw new IllegalArgumentException("--max-length must be 1..60");
        }
    }

    /** The longest array a case may have. */
    public static final int MAX_ARRAY = 64;
    /** Held-out cases (the set that decides "solved") and report cases (drawn fresh, scored after learning). */
    public static final int TEST = 64, REPORT = 64;

    /** The program length allowed by shape when {@link Options#maxLength} is 0. */
    static int defaultLength(CReference.Shape shape) { return shape == CReference.Shape.SCALAR ? 8 : 16; }

    /**
     * The scratch-register grants tried in turn, fewest first (a simpler program is found sooner
     * with fewer names; more are granted only when it was not): scalar 1 then 2; arrays 2 then 4
     * (a pass that keeps a loaded word and a running value needs 2; a repeated pass over a copy of
     * the pointer and count needs 3 more).
     */
    public static int[] scratchStages(CReference.Shape shape) {
        return shape == CReference.Shape.SCALAR ? new int[]{1, 2} : new int[]{2, 4};
    }

    /** The task of {@code ref} with {@code scratch} scratch registers, cases drawn from {@code seed}. */
    public static Task task(CReference ref, Options o, long seed, int scratch) {
        return build(ref, o, seed, scratch, false);
    }

    /** The same task whose held-out set is a fresh draw, never seen while learning: the report's accuracy. */
    public static Task reportTask(CReference ref, Options o, long seed, int scratch) {
        return build(ref, o, seed, scratch, true);
    }

    private static Task build(CReference ref, Options o, long seed, int scratch, boolean report) {
        CReference.Signature sig = ref.signature();
        if (sig.shape() == CReference.Shape.ARRAY_IN_PLACE && Math.min(o.trainFrom(), o.testFrom()) < 1)
            throw new CReference.Refused(sig.function() + " answers with its array: its lengths must be at least 1 (an empty array has no word to check)");
        if (sig.shape().array() && Math.max(o.trainTo(), o.testTo()) > ref.capacity())
            throw new IllegalArgumentException("the reference's buffer holds " + ref.capacity() + " words, the lengths ask for more");
        SplittableRandom root = new SplittableRandom(Seeds.stream(seed, 101));
        SplittableRandom trainRng = root.split(), testRng = root.split(), reportRng = root.split();
        int maxLength = o.maxLength() > 0 ? o.maxLength() : defaultLength(sig.shape());
        int registers = Math.min(TcMachineSpec.SP, sig.inputs() + scratch);
        int longest = Math.max(o.trainTo(), o.testTo());
        int memory = 64;
        while (memory < 24 + longest + 8) memory *= 2;
        List<TaskCase> train = cases(ref, o, trainRng, o.cases(), o.trainFrom(), o.trainTo());
        List<TaskCase> test = cases(ref, o, report ? reportRng : testRng, report ? REPORT : TEST, o.testFrom(), o.testTo());
        long steps = sig.shape().array() ? 64 + 32L * longest * longest : 400;
        String description = sig.function() + " (" + sig.shape().label() + ", from " + ref.source().name() + ")";
        return new Task(sig.function(), description, registers, sig.shape().array(), maxLength, steps,
                TcMachineSpec.fitting(memory, 2 * maxLength + 1), train, test);
    }

    private static List<TaskCase> cases(CReference ref, Options o, SplittableRandom r, int count, int from, int to) {
        CReference.Signature sig = ref.signature();
        List<TaskCase> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!sig.shape().array()) {
                int[] x = new int[sig.ints()];
                for (int k = 0; k < x.length; k++) x[k] = r.nextInt(o.lo(), o.hi() + 1);
                int answer = ref.run(new int[0], x)[0];
                out.add(new TaskCase(x, new int[0], List.of(TaskCase.register(0, answer))));
                continue;
            }
            int n = from + i % (to - from + 1); // every length in turn, as the suite's array tasks
            int[] a = new int[n];
            for (int k = 0; k < n; k++) a[k] = r.nextInt(o.lo(), o.hi() + 1);
            int[] x = new int[sig.ints()];
            for (int k = 0; k < x.length; k++) x[k] = r.nextInt(o.lo(), o.hi() + 1);
            int base = r.nextInt(8, 24);
            int[] answer = ref.run(a, x);
            int[] mem = new int[base + n];
            System.arraycopy(a, 0, mem, base, n);
            int[] regs = new int[sig.inputs()];
            regs[0] = base;
            regs[1] = n;
            System.arraycopy(x, 0, regs, 2, x.length);
            List<TaskCase.Expect> expect = new ArrayList<>();
            if (sig.shape() == CReference.Shape.ARRAY_TO_INT) expect.add(TaskCase.register(0, answer[0]));
            else for (int k = 0; k < n; k++) expect.add(TaskCase.memory(base + k, answer[k]));
            out.add(new TaskCase(regs, mem, expect));
        }
        return out;
    }
}
