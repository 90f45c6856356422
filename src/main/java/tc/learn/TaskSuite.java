package tc.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import tc.computer.isa.TcMachineSpec;

/**
 * The task suite. Every generator is a pure function of the seed: the training and held-out sets
 * come from two independent streams split off it, so a seed names one exact learning problem.
 *
 * <table>
 *   <caption>Conventions</caption>
 *   <tr><th>task</th><th>inputs</th><th>output</th><th>train / test</th></tr>
 *   <tr><td>add</td><td>r0 = a, r1 = b</td><td>r0 = a + b</td><td>a, b in −1000..1000</td></tr>
 *   <tr><td>max</td><td>r0 = a, r1 = b</td><td>r0 = max(a, b)</td><td>as add</td></tr>
 *   <tr><td>abs</td><td>r0 = a</td><td>r0 = |a|</td><td>a in −1000..1000, one scratch register</td></tr>
 *   <tr><td>swap</td><td>r0 = a, r1 = b</td><td>r0 = b, r1 = a</td><td>in place: only r0, r1 may be named</td></tr>
 *   <tr><td>sum_array</td><td>r0 = base, r1 = n, array at base</td><td>r0 = sum</td><td>train n = 1..4, test n = 5..8</td></tr>
 *   <tr><td>bubble_sort</td><td>r0 = base, r1 = n</td><td>array sorted ascending in place</td><td>train n = 4, test n = 2..8</td></tr>
 *   <tr><td>binary_search</td><td>r0 = base, r1 = n, r2 = key; ascending distinct array; four scratch registers</td><td>r0 = index of key, or −1, within 56 steps (a bisection's budget: a scan fails the longer held-out arrays)</td><td>train: the key at every index of n = 1..6 and above all words (stored just outside the array, so a program that reads past either end is caught); test: every index and every gap of n = 7..12, the key outside the array in half the cases</td></tr>
 *   <tr><td>gcd</td><td>r0 = a, r1 = b, both in 1..200</td><td>r0 = gcd(a, b)</td><td>disjoint seeds</td></tr>
 * </table>
 * The library tasks ({@link #LIBRARY_NAMES}) may CALL the programs learned for earlier tasks
 * ({@link Task#uses}, {@link Library}):
 * <table>
 *   <caption>Library tasks</caption>
 *   <tr><th>task</th><th>inputs</th><th>output</th><th>may call</th></tr>
 *   <tr><td>max3</td><td>r0, r1, r2 in −1000..1000</td><td>r0 = the largest</td><td>max</td></tr>
 *   <tr><td>gcd3</td><td>r0, r1, r2 in 1..200, one scratch register</td><td>r0 = gcd of the three</td><td>gcd</td></tr>
 *   <tr><td>sum_abs</td><td>r0 = base, r1 = n (train 1..4, test 5..8)</td><td>r0 = Σ |a[i]|</td><td>abs</td></tr>
 * </table>
 * Array bases are drawn from 8..23 (so a program must use r0, not a constant address); memory has
 * 64 words, the stack (unused by the learner) sits at the top.
 */
public final class TaskSuite {
    private TaskSuite() {}

    public static final List<String> NAMES = List.of("add", "max", "abs", "swap", "sum_array", "bubble_sort", "binary_search", "gcd");
    /** Tasks that may call routines learned for tasks of {@link #NAMES}. */
    public static final List<String> LIBRARY_NAMES = List.of("max3", "gcd3", "sum_abs");
    /** Every task, suite then library tasks. */
    public static final List<String> ALL = java.util.stream.Stream.concat(NAMES.stream(), LIBRARY_NAMES.stream()).toList();
    static final int TRAIN = 24, TEST = 64, MEMORY = 64;

    /** Task {@code name} with cases drawn from {@code seed}. */
    public static Task task(String name, long seed) {
        SplittableRandom root = new SplittableRandom(Seeds.named(seed, name));
        SplittableRandom trainRng = root.split(), testRng = root.split();
        return switch (name) {
            case "add" -> scalar(name, "r0 = r0 + r1", 2, 4, trainRng, testRng, r -> ab(r, 1000), c -> new int[]{c[0] + c[1]});
            case "max" -> scalar(name, "r0 = max(r0, r1)", 2, 4, trainRng, testRng, r -> ab(r, 1000), c -> new int[]{Math.max(c[0], c[1])});
            case "abs" -> scalar(name, "r0 = |r0|", 2, 5, trainRng, testRng, r -> new int[]{r.nextInt(-1000, 1001)}, c -> new int[]{Math.abs(c[0])});
            case "swap" -> scalar(name, "r0, r1 = r1, r0 in place", 2, 4, trainRng, testRng, r -> ab(r, 1000), c -> new int[]{c[1], c[0]});
            case "gcd" -> scalar(name, "r0 = gcd(r0, r1)", 3, 6, trainRng, testRng, r -> new int[]{r.nextInt(1, 201), r.nextInt(1, 201)},
                    c -> new int[]{gcd(c[0], c[1])}, 400);
            case "sum_array" -> array(name, "r0 = sum of the r1 words at r0", 4, 8, 64 * 8 + 16, trainRng, testRng, range(1, 4), range(5, 8),
                    (r, n) -> randomArray(r, n, 50), (a, base) -> List.of(TaskCase.register(0, Arrays.stream(a).sum())));
            case "bubble_sort" -> array(name, "sort the r1 words at r0 ascending, in place", 6, 16, 2000, trainRng, testRng, range(4, 4), range(2, 8),
                    (r, n) -> randomArray(r, n, 50), TaskSuite::sorted);
            case "binary_search" -> search(name, trainRng, testRng);
            case "max3" -> calling(scalar(name, "r0 = max(r0, r1, r2)", 3, 12, trainRng, testRng,
                    r -> new int[]{r.nextInt(-1000, 1001), r.nextInt(-1000, 1001), r.nextInt(-1000, 1001)},
                    c -> new int[]{Math.max(c[0], Math.max(c[1], c[2]))}), "max");
            case "gcd3" -> calling(scalar(name, "r0 = gcd(r0, r1, r2)", 4, 12, trainRng, testRng,
                    r -> new int[]{r.nextInt(1, 201), r.nextInt(1, 201), r.nextInt(1, 201)}, c -> new int[]{gcd(gcd(c[0], c[1]), c[2])}, 800), "gcd");
            case "sum_abs" -> calling(array(name, "r0 = sum of the absolute values of the r1 words at r0", 5, 16, 1000, trainRng, testRng, range(1, 4), range(5, 8),
                    (r, n) -> randomArray(r, n, 50), (a, base) -> List.of(TaskCase.register(0, Arrays.stream(a).map(Math::abs).sum()))), "abs");
            default -> throw new IllegalArgumentException("unknown task '" + name + "': choose one of " + String.join(", ", ALL));
        };
    }

    /** {@code t} allowed to call the routines of {@code uses}, on a machine with room for them after its code. */
    private static Task calling(Task t, String... uses) {
        return new Task(t.name(), t.description(), t.registers(), t.usesMemory(), t.maxLength(), t.stepLimit(),
                TcMachineSpec.fitting(MEMORY, 2 * t.maxLength() + 1), t.train(), t.test(), List.of(uses));
    }

    private static int[] ab(SplittableRandom r, int bound) { return new int[]{r.nextInt(-bound, bound + 1), r.nextInt(-bound, bound + 1)}; }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    private static int[] range(int from, int to) { return java.util.stream.IntStream.rangeClosed(from, to).toArray(); }

    private static int[] randomArray(SplittableRandom r, int n, int bound) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = r.nextInt(-bound, bound + 1);
        return a;
    }

    private static List<TaskCase.Expect> sorted(int[] a, int base) {
        int[] s = a.clone();
        Arrays.sort(s);
        List<TaskCase.Expect> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) out.add(TaskCase.memory(base + i, s[i]));
        return out;
    }

    private static Task scalar(String name, String description, int registers, int maxLength, SplittableRandom trainRng, SplittableRandom testRng,
                               java.util.function.Function<SplittableRandom, int[]> inputs, java.util.function.Function<int[], int[]> outputs) {
        return scalar(name, description, registers, maxLength, trainRng, testRng, inputs, outputs, 64);
    }

    private static Task scalar(String name, String description, int registers, int maxLength, SplittableRandom trainRng, SplittableRandom testRng,
                               java.util.function.Function<SplittableRandom, int[]> inputs, java.util.function.Function<int[], int[]> outputs, long stepLimit) {
        java.util.function.BiFunction<SplittableRandom, Integer, List<TaskCase>> cases = (r, count) -> {
            List<TaskCase> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int[] in = inputs.apply(r);
                int[] want = outputs.apply(in);
                List<TaskCase.Expect> e = new ArrayList<>();
                for (int k = 0; k < want.length; k++) e.add(TaskCase.register(k, want[k]));
                out.add(new TaskCase(in, new int[0], e));
            }
            return out;
        };
        return new Task(name, description, registers, false, maxLength, stepLimit, TcMachineSpec.fitting(MEMORY, maxLength + 1),
                cases.apply(trainRng, TRAIN), cases.apply(testRng, TEST));
    }

    private static Task array(String name, String description, int registers, int maxLength, long stepLimit, SplittableRandom trainRng, SplittableRandom testRng,
                              int[] trainLengths, int[] testLengths, BiFunction<SplittableRandom, Integer, int[]> arrays,
                              BiFunction<int[], Integer, List<TaskCase.Expect>> outputs) {
        BiFunction<SplittableRandom, int[], List<TaskCase>> cases = (r, lengths) -> {
            List<TaskCase> out = new ArrayList<>();
            int count = lengths == trainLengths ? TRAIN : TEST;
            for (int i = 0; i < count; i++) {
                int n = lengths[i % lengths.length];
                int base = r.nextInt(8, 24);
                int[] a = arrays.apply(r, n);
                int[] mem = new int[base + n];
                System.arraycopy(a, 0, mem, base, n);
                out.add(new TaskCase(new int[]{base, n}, mem, outputs.apply(a, base)));
            }
            return out;
        };
        return new Task(name, description, registers, true, maxLength, stepLimit, TcMachineSpec.fitting(MEMORY, maxLength + 1),
                cases.apply(trainRng, trainLengths), cases.apply(testRng, testLengths));
    }

    /**
     * binary_search's registers: base, length and key, then lo, mid, a loaded word and the shift
     * count 1 — what a bisection needs (with fewer only a scan fits).
     */
    static final int SEARCH_REGISTERS = FamilyGate.BISECT.registersFor(3);
    /**
     * binary_search's step budget: a bisection answers n = 12 within 50 steps, a scan needs up to
     * 102, so a program that scans can pass the training lengths (n ≤ 6: ≤ 54 steps) but not the
     * held-out ones — the task asks for the logarithmic search its name says.
     */
    static final int SEARCH_STEPS = 56;

    private static Task search(String name, SplittableRandom trainRng, SplittableRandom testRng) {
        // training: the key at every index of arrays of 1..6 words, and above all their words (where a read past the end is caught)
        List<TaskCase> train = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            for (int i = 0; i < n; i++) train.add(searchCase(trainRng, n, 2 * i + 1, false));
            train.add(searchCase(trainRng, n, 2 * n, true));
        }
        // held-out: every place the key can be (each index, each gap) in arrays of 7..12 words
        List<TaskCase> test = new ArrayList<>();
        for (int n = 7; n <= 12; n++)
            for (int place = 0; place <= 2 * n; place++) test.add(searchCase(testRng, n, place, false));
        return new Task(name, "r0 = index of key r2 in the ascending r1 words at r0, or −1", SEARCH_REGISTERS, true, 20, SEARCH_STEPS,
                TcMachineSpec.fitting(MEMORY, 21), train, test);
    }

    /**
     * A search case on {@code n} ascending distinct words with the key at {@code place}: odd
     * places 2i + 1 are index i, even places 2i the gap before index i (absent). In half the
     * cases the words just outside the array hold the key, so a program that reads past the
     * array's ends is caught.
     */
    private static TaskCase searchCase(SplittableRandom r, int n, int place, boolean keyOutside) {
        while (true) {
            int[] a = r.ints(-100, 101).distinct().limit(n).sorted().toArray();
            int key;
            if (place % 2 == 1) key = a[place / 2];
            else {
                int g = place / 2, low = g == 0 ? -102 : a[g - 1], high = g == n ? 102 : a[g];
                if (high - low < 2) continue; // no room for a key in this gap: draw again
                key = r.nextInt(low + 1, high);
            }
            int base = r.nextInt(8, 24);
            int[] mem = new int[base + n + 1];
            System.arraycopy(a, 0, mem, base, n);
            if (r.nextBoolean() || keyOutside) mem[base - 1] = mem[base + n] = key;
            return new TaskCase(new int[]{base, n, key}, mem, List.of(TaskCase.register(0, place % 2 == 1 ? place / 2 : -1)));
        }
    }
}
