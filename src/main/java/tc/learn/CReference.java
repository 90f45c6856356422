package tc.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tc.c.CFrontEnd;
import tc.c.ast.FunctionDecl;
import tc.c.ast.Param;
import tc.c.ast.TopLevel;
import tc.c.parse.Parser;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcOutcome;
import tc.computer.backend.TcRunner;
import tc.computer.backend.TcSymbol;
import tc.computer.interp.TcMachine;
import tc.source.CompileException;
import tc.source.SourceFile;

/**
 * A C function as the oracle of a learning task: compiled by our own compiler for the Tensor
 * Computer (32-bit {@code int}) inside a generated wrapper, and run on the interpreter for every
 * case, so that the cases follow the compiler's semantics and no C is re-implemented here.
 *
 * <p>The wrapper appends globals for the inputs and a {@code main} that calls the function on
 * them and stores its result. An array argument lives in a global sandwiched between two guard
 * globals; the words of the buffer past {@code n} are guards too. A case is run twice with
 * different guard contents: a guard changed means the function wrote outside its array, a result
 * that depends on the guards means it read outside it.
 */
public final class CReference {
    /** The three signatures a reference function may have. */
    public enum Shape {
        /** {@code int f(int x, …)}: 1–4 ints in r0…, answer in r0. */
        SCALAR("int → int"),
        /** {@code int f(int a[], int n, …)}: array at r0, n in r1, up to 2 ints in r2, r3; answer in r0. */
        ARRAY_TO_INT("array → int"),
        /** {@code void f(int a[], int n, …)}: as above; the answer is the array after the call. */
        ARRAY_IN_PLACE("array → array");

        private final String label;

        Shape(String label) { this.label = label; }

        public String label() { return label; }

        public boolean array() { return this != SCALAR; }
    }

    /**
     * The reference's signature.
     *
     * @param ints the int parameters: all of them for {@link Shape#SCALAR}, those after the array
     *             and its length otherwise
     */
    public record Signature(String function, Shape shape, int ints) {
        /** The registers the inputs occupy (r0 …). */
        public int inputs() { return shape.array() ? 2 + ints : ints; }
    }

    /** A reference the learner cannot use, with the reason in words (for the CLI: one message). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) { super(message, null, false, false); }
    }

    /** Steps a reference may take on one case before it counts as looping forever. */
    public static final long STEP_LIMIT = 2_000_000;
    /** Guard words on each side of the array buffer. */
    static final int GUARD = 8;
    private static final String IN = "tc_learn_in", LOW = "tc_learn_guard_low", ARRAY = "tc_learn_array", HIGH = "tc_learn_guard_high", OUT = "tc_learn_out";

    private final Signature signature;
    private final TcCompiled compiled;
    private final int capacity;
    private final int in, low, array, high, out;
    private final SourceFile source;

    private CReference(Signature signature, TcCompiled compiled, int capacity, SourceFile source) {
        this.signature = signature;
        this.compiled = compiled;
        this.capacity = capacity;
        this.source = source;
        this.in = address(IN);
        this.out = address(OUT);
        this.low = signature.shape().array() ? address(LOW) : -1;
        this.array = signature.shape().array() ? address(ARRAY) : -1;
        this.high = signature.shape().array() ? address(HIGH) : -1;
    }

    public Signature signature() { return signature; }

    /** The longest array a case may pass. */
    public int capacity() { return capacity; }

    /**
     * Compiles {@code function} of {@code source} (null: the file's only function) inside the
     * wrapper, for arrays of up to {@code capacity} words.
     *
     * @throws Refused when the file does not compile or the function has no usable signature
     */
    public static CReference compile(SourceFile source, String function, int capacity) {
        Signature sig = signature(source, function);
        String wrapped = source.text() + (source.text().endsWith("\n") ? "" : "\n") + wrapper(sig, Math.max(1, capacity));
        TcCompiled compiled;
        try {
            compiled = TcBackend.compile(CFrontEnd.compile(new SourceFile(source.name(), wrapped), TcBackend.WORD_BITS), 4096, TcBackend.Machine.CPU);
        } catch (CompileException e) {
            throw new Refused(source.name() + " does not compile: " + e.diagnostic().format());
        }
        return new CReference(sig, compiled, Math.max(1, capacity), source);
    }

    /** Finds the function and reads its signature from the parsed file. */
    static Signature signature(SourceFile source, String function) {
        List<FunctionDecl> defined = new ArrayList<>();
        try {
            for (TopLevel t : Parser.parse(source).items())
                if (t instanceof FunctionDecl f && f.isDefinition()) defined.add(f);
        } catch (CompileException e) {
            throw new Refused(source.name() + " does not compile: " + e.diagnostic().format());
        }
        if (defined.stream().anyMatch(f -> f.name().equals("main")))
            throw new Refused(source.name() + " defines main: give only the reference function (and its helpers); the learner writes its own main around it");
        FunctionDecl f;
        if (function != null) {
            f = defined.stream().filter(d -> d.name().equals(function)).findFirst()
                    .orElseThrow(() -> new Refused(source.name() + " has no function '" + function + "'" + names(defined)));
        } else if (defined.size() == 1) {
            f = defined.get(0);
        } else {
            throw new Refused(defined.isEmpty() ? source.name() + " defines no function"
                    : source.name() + " defines several functions" + names(defined) + ": choose one with --function NAME");
        }
        List<Param> params = f.params();
        boolean[] arrays = new boolean[params.size()];
        for (int k = 0; k < params.size(); k++) arrays[k] = params.get(k).pointer(); // int a[] and int *a alike
        String where = source.name() + ":" + f.pos().line() + ":" + f.pos().column() + ": ";
        String expected = "; the learner takes int f(int x, ...) with 1-4 ints, int f(int a[], int n, ...) or void f(int a[], int n, ...) with up to 2 more ints";
        boolean anyArray = false;
        for (boolean a : arrays) anyArray |= a;
        if (!anyArray) {
            if (f.returnsVoid()) throw new Refused(where + f.name() + " returns void and takes no array: nothing to learn" + expected);
            if (params.isEmpty() || params.size() > 4) throw new Refused(where + f.name() + " takes " + params.size() + " ints" + expected);
            return new Signature(f.name(), Shape.SCALAR, params.size());
        }
        if (!arrays[0] || params.size() < 2 || arrays[1])
            throw new Refused(where + f.name() + " takes an array, but not as (int a[], int n, ...)" + expected);
        for (int k = 2; k < params.size(); k++)
            if (arrays[k]) throw new Refused(where + f.name() + " takes more than one array" + expected);
        if (params.size() > 4) throw new Refused(where + f.name() + " takes " + (params.size() - 2) + " ints after the array and its length" + expected);
        return new Signature(f.name(), f.returnsVoid() ? Shape.ARRAY_IN_PLACE : Shape.ARRAY_TO_INT, params.size() - 2);
    }

    private static String names(List<FunctionDecl> defined) {
        return defined.isEmpty() ? "" : " (it defines " + String.join(", ", defined.stream().map(FunctionDecl::name).toList()) + ")";
    }

    /** Globals for the inputs and a main that calls the function on them. */
    private static String wrapper(Signature sig, int capacity) {
        StringBuilder w = new StringBuilder("\n/* learning wrapper, written by tc learn --from */\n");
        w.append("int ").append(IN).append("[6];\n");
        if (sig.shape().array()) {
            w.append("int ").append(LOW).append('[').append(GUARD).append("];\n");
            w.append("int ").append(ARRAY).append('[').append(capacity).append("];\n");
            w.append("int ").append(HIGH).append('[').append(GUARD).append("];\n");
        }
        w.append("int ").append(OUT).append(";\n");
        List<String> args = new ArrayList<>();
        if (sig.shape().array()) {
            args.add(ARRAY);
            args.add(IN + "[0]");
            for (int k = 0; k < sig.ints(); k++) args.add(IN + "[" + (k + 1) + "]");
        } else {
            for (int k = 0; k < sig.ints(); k++) args.add(IN + "[" + k + "]");
        }
        String call = sig.function() + "(" + String.join(", ", args) + ")";
        w.append("int main() {\n    ");
        w.append(sig.shape() == Shape.ARRAY_IN_PLACE ? call + ";\n" : OUT + " = " + call + ";\n");
        w.append("    return 0;\n}\n");
        return w.toString();
    }

    private int address(String name) {
        for (TcSymbol s : compiled.symbols())
            if (s.function() == null && s.name().equals(name)) return s.address();
        throw new IllegalStateException("the wrapper's global " + name + " is missing from the compiled program");
    }

    /**
     * The function's answer on one input: {@code [r0]} for an int result, the array after the
     * call for an in-place one.
     *
     * @param a    the array (ignored for a scalar function)
     * @param ints the int arguments (after the array and its length)
     * @throws Refused when it does not return within {@link #STEP_LIMIT} steps, overflows its
     *                 stack, or reads or writes outside its array
     */
    public int[] run(int[] a, int[] ints) {
        int[] first = runOnce(a, ints, 0x5EED0000);
        if (signature.shape().array()) {
            int[] second = runOnce(a, ints, -0x0BADF00D);
            if (!Arrays.equals(first, second))
                throw new Refused(signature.function() + " reads outside its array on input " + describe(a, ints)
                        + ": its answer depends on the words around the array");
        }
        return first;
    }

    private int[] runOnce(int[] a, int[] ints, int guardSeed) {
        if (signature.shape().array() && a.length > capacity) throw new IllegalArgumentException("array longer than the buffer: " + a.length);
        TcMachine m = new TcMachine(compiled.program());
        int[] guards = new int[2 * GUARD + capacity];
        for (int k = 0; k < guards.length; k++) guards[k] = guardSeed + 7919 * k;
        if (signature.shape().array()) {
            m.withMemory(in, a.length);
            for (int k = 0; k < ints.length; k++) m.withMemory(in + 1 + k, ints[k]);
            for (int k = 0; k < GUARD; k++) {
                m.withMemory(low + k, guards[k]);
                m.withMemory(high + k, guards[GUARD + capacity + k]);
            }
            for (int k = 0; k < capacity; k++) m.withMemory(array + k, k < a.length ? a[k] : guards[GUARD + k]);
        } else {
            for (int k = 0; k < ints.length; k++) m.withMemory(in + k, ints[k]);
        }
        TcOutcome o = TcRunner.outcome(compiled, m.run(STEP_LIMIT));
        switch (o.status()) {
            case STEP_LIMIT -> throw new Refused(signature.function() + " does not return within " + String.format(Locale.ROOT, "%,d", STEP_LIMIT)
                    + " steps on input " + describe(a, ints) + " (it loops forever there, or too long to serve as a reference)");
            case STACK_OVERFLOW -> throw new Refused(signature.function() + " overflows the stack on input " + describe(a, ints));
            case HALTED -> { }
        }
        if (signature.shape().array()) {
            for (int k = 0; k < GUARD; k++) {
                if (m.memory(low + k) != guards[k]) throw outside(a, ints, "a[" + (k - GUARD) + "]");
                if (m.memory(high + k) != guards[GUARD + capacity + k]) throw outside(a, ints, "past the array's buffer");
            }
            for (int k = a.length; k < capacity; k++)
                if (m.memory(array + k) != guards[GUARD + k]) throw outside(a, ints, "a[" + k + "]");
        }
        if (signature.shape() == Shape.ARRAY_IN_PLACE) {
            int[] after = new int[a.length];
            for (int k = 0; k < a.length; k++) after[k] = m.memory(array + k);
            return after;
        }
        return new int[]{m.memory(out)};
    }

    private Refused outside(int[] a, int[] ints, String where) {
        return new Refused(signature.function() + " writes outside its array (" + where + ", n = " + a.length + ") on input " + describe(a, ints));
    }

    private String describe(int[] a, int[] ints) {
        if (!signature.shape().array()) return "(" + String.join(", ", Arrays.stream(ints).mapToObj(Integer::toString).toList()) + ")";
        StringBuilder s = new StringBuilder("a = ").append(Arrays.toString(a)).append(", n = ").append(a.length);
        for (int v : ints) s.append(", ").append(v);
        return s.toString();
    }

    /** The source file the reference came from. */
    public SourceFile source() { return source; }
}
