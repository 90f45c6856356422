package tc.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs IR directly: the oracle that back ends are checked against. Each call gets a fresh frame
 * (so recursion is real), every operator is the {@link Word} one, and every executed instruction
 * (labels and line markers included) counts as one step.
 */
public final class IrInterpreter {
    /** Frames deeper than this end the run, rather than exhausting the Java heap. */
    public static final int MAX_CALL_DEPTH = 100_000;

    /** How a run ended. */
    public enum Status {
        /** The entry function returned. */
        RETURNED,
        /** maxSteps instructions ran first. */
        STEP_LIMIT,
        /**
         * An array index outside 0..size-1, or a {@link Instr.Load}/{@link Instr.Store} at an address
         * no live variable covers (the IR leaves such programs undefined).
         */
        INDEX_OUT_OF_BOUNDS,
        /** More than {@link #MAX_CALL_DEPTH} nested calls. */
        CALL_DEPTH_EXCEEDED,
        /**
         * A device builtin ({@link Instr.Device}) was reached: the IR has no console, disk,
         * framebuffer or GPU; only the Tensor Computer's seed machine runs such programs.
         */
        NEEDS_DEVICE
    }

    /**
     * @param retval    the entry function's return value (0 if it returned none or did not return)
     * @param outputs   the values passed to {@code output}, in order
     * @param variables globals and the entry function's variables by source name, at the end
     *                  (temporaries left out; of several with one name, the global, else the first declared)
     * @param steps     instructions executed
     */
    public record Result(Status status, int retval, List<Integer> outputs, Map<String, int[]> variables, long steps) {}

    private static final class Frame {
        final IrFunction function;
        final Map<String, Integer> labels;
        final Map<Var, int[]> cells = new HashMap<>();
        final Var resultDst;
        /** The first address free when the frame was made: its variables' addresses start here, and are freed down to it on return. */
        final int addressMark;
        int pc;

        Frame(IrFunction function, Map<String, Integer> labels, Var resultDst, int addressMark) {
            this.function = function;
            this.labels = labels;
            this.resultDst = resultDst;
            this.addressMark = addressMark;
            for (Var v : function.params()) cells.put(v, new int[1]);
            for (Var v : function.locals()) cells.put(v, v.hasStaticInit() ? v.init() : new int[v.size()]);
        }
    }

    private static final class OutOfBounds extends Exception {
        OutOfBounds() { super(null, null, false, false); }
    }

    private final IrProgram program;
    private final int bits;
    private final Map<String, IrFunction> functions = new HashMap<>();
    private final Map<String, Map<String, Integer>> labelMaps = new HashMap<>();
    private final Map<Var, int[]> globals = new HashMap<>();
    private final List<Integer> outputs = new ArrayList<>();
    /**
     * The address space of {@link Instr.AddrOf}: variables get addresses (from 1, so 0 is never
     * one) when their address is first taken, globals' first; a frame's are freed when it returns,
     * so addresses are reused like a stack's. Addresses are unsigned N-bit words.
     */
    private final java.util.TreeMap<Integer, int[]> regions = new java.util.TreeMap<>();
    private final Map<int[], Integer> addresses = new java.util.IdentityHashMap<>();
    private int nextAddress = 1;

    private IrInterpreter(IrProgram program) {
        this.program = program;
        this.bits = program.wordBits();
        for (IrFunction f : program.functions()) {
            functions.putIfAbsent(f.name(), f);
            Map<String, Integer> labels = new HashMap<>();
            for (int i = 0; i < f.body().size(); i++) {
                if (f.body().get(i) instanceof Instr.Label l) labels.put(l.name(), i);
            }
            labelMaps.put(f.name(), labels);
        }
        for (Var g : program.globals()) {
            int[] cells = g.hasStaticInit() ? g.init() : new int[g.size()];
            globals.put(g, cells);
            // Globals outlive every frame: their addresses are given first, once.
            addresses.put(cells, nextAddress);
            regions.put(nextAddress, cells);
            nextAddress += cells.length;
        }
    }

    /** Runs {@code main}. */
    public static Result run(IrProgram p, long maxSteps) {
        return call(p, "main", List.of(), maxSteps);
    }

    /** Runs one function of {@code p} on the given arguments (with the globals' initial contents). */
    public static Result call(IrProgram p, String function, List<Integer> args, long maxSteps) {
        return new IrInterpreter(p).execute(function, args, maxSteps);
    }

    private Result execute(String entryName, List<Integer> args, long maxSteps) {
        IrFunction entry = functions.get(entryName);
        if (entry == null) throw new IllegalArgumentException("no function " + entryName);
        if (args.size() != entry.params().size()) throw new IllegalArgumentException("wrong argument count for " + entryName);
        Frame first = new Frame(entry, labelMaps.get(entryName), null, nextAddress);
        for (int i = 0; i < args.size(); i++) first.cells.get(entry.params().get(i))[0] = Word.wrap(args.get(i), bits);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(first);
        long steps = 0;
        int retval = 0;
        Status status = Status.RETURNED;
        try {
            while (true) {
                if (steps >= maxSteps) {
                    status = Status.STEP_LIMIT;
                    break;
                }
                Frame f = stack.peek();
                Instr in = f.function.body().get(f.pc++);
                steps++;
                switch (in) {
                    case Instr.Move m -> set(f, m.dst(), read(f, m.src()));
                    case Instr.Unary u -> set(f, u.dst(), u.op().apply(read(f, u.src()), bits));
                    case Instr.Binary b -> set(f, b.dst(), b.op().apply(read(f, b.left()), read(f, b.right()), bits));
                    case Instr.LoadElem l -> set(f, l.dst(), cells(f, l.array())[index(f, l.array(), l.index())]);
                    case Instr.StoreElem s -> {
                        int k = index(f, s.array(), s.index());
                        cells(f, s.array())[k] = read(f, s.src());
                    }
                    case Instr.AddrOf a -> set(f, a.dst(), address(cells(f, a.target())));
                    case Instr.Load l -> {
                        MemoryWord w = memory(read(f, l.address()));
                        set(f, l.dst(), w.cells()[w.index()]);
                    }
                    case Instr.Store st -> {
                        MemoryWord w = memory(read(f, st.address()));
                        w.cells()[w.index()] = read(f, st.src());
                    }
                    case Instr.Swap s -> {
                        int a = read(f, s.a());
                        int b = read(f, s.b());
                        set(f, s.a(), b);
                        set(f, s.b(), a);
                    }
                    case Instr.Label l -> { }
                    case Instr.Line l -> { }
                    case Instr.Jump j -> f.pc = target(f, j.target());
                    case Instr.Branch br -> {
                        if (br.op().test(read(f, br.left()), read(f, br.right()))) f.pc = target(f, br.target());
                    }
                    case Instr.Output o -> outputs.add(read(f, o.value()));
                    case Instr.Device d -> status = Status.NEEDS_DEVICE;
                    case Instr.Call c -> {
                        IrFunction callee = functions.get(c.callee());
                        if (callee == null) throw new IllegalStateException("call of unknown function " + c.callee());
                        if (stack.size() >= MAX_CALL_DEPTH) {
                            status = Status.CALL_DEPTH_EXCEEDED;
                            break;
                        }
                        Frame g = new Frame(callee, labelMaps.get(callee.name()), c.dst(), nextAddress);
                        for (int i = 0; i < c.args().size(); i++) g.cells.get(callee.params().get(i))[0] = read(f, c.args().get(i));
                        stack.push(g);
                    }
                    case Instr.Return r -> {
                        int value = r.value() == null ? 0 : read(f, r.value());
                        stack.pop();
                        release(f);
                        if (stack.isEmpty()) {
                            retval = value;
                            return finish(Status.RETURNED, retval, f, steps);
                        }
                        if (f.resultDst != null) set(stack.peek(), f.resultDst, value);
                    }
                }
                if (status != Status.RETURNED) break;
            }
        } catch (OutOfBounds e) {
            status = Status.INDEX_OUT_OF_BOUNDS;
        }
        return finish(status, retval, first, steps);
    }

    private Result finish(Status status, int retval, Frame entryFrame, long steps) {
        Map<String, int[]> vars = new LinkedHashMap<>();
        for (Var g : program.globals()) vars.putIfAbsent(g.name(), globals.get(g).clone());
        for (Var v : entryFrame.function.params()) vars.putIfAbsent(v.name(), entryFrame.cells.get(v).clone());
        for (Var v : entryFrame.function.locals()) {
            if (v.kind() != Var.Kind.TEMP) vars.putIfAbsent(v.name(), entryFrame.cells.get(v).clone());
        }
        return new Result(status, retval, List.copyOf(outputs), vars, steps);
    }

    /** The word at an address: cell {@code index} of a variable's cells. */
    private record MemoryWord(int[] cells, int index) {}

    /** The address of a variable's cells, given one on first use. */
    private int address(int[] cells) throws OutOfBounds {
        Integer a = addresses.get(cells);
        if (a == null) {
            a = nextAddress;
            nextAddress += cells.length;
            addresses.put(cells, a);
            regions.put(a, cells);
        }
        if ((long) a + cells.length > (1L << bits)) throw new OutOfBounds(); // no N-bit word can name all its cells
        return Word.wrap(a, bits);
    }

    /** The word at {@code address} (an unsigned N-bit word), which some live variable must cover. */
    private MemoryWord memory(int address) throws OutOfBounds {
        int a = Word.unsigned(address, bits);
        var e = regions.floorEntry(a);
        if (e == null || a - e.getKey() >= e.getValue().length) throw new OutOfBounds();
        return new MemoryWord(e.getValue(), a - e.getKey());
    }

    /** Frees the addresses a returning frame's variables had. */
    private void release(Frame f) {
        if (nextAddress == f.addressMark) return;
        for (var it = regions.tailMap(f.addressMark, true).entrySet().iterator(); it.hasNext(); ) {
            addresses.remove(it.next().getValue());
            it.remove();
        }
        nextAddress = f.addressMark;
    }

    private int[] cells(Frame f, Var v) {
        int[] c = v.kind() == Var.Kind.GLOBAL ? globals.get(v) : f.cells.get(v);
        if (c == null) throw new IllegalStateException("variable " + v + " is not visible in " + f.function.name());
        return c;
    }

    private int read(Frame f, Operand o) {
        return switch (o) {
            case Imm i -> i.value();
            case Var v -> {
                if (v.isArray()) throw new IllegalStateException("array " + v + " read as a scalar");
                yield cells(f, v)[0];
            }
        };
    }

    private void set(Frame f, Var v, int value) {
        if (v.isArray()) throw new IllegalStateException("array " + v + " written as a scalar");
        cells(f, v)[0] = Word.wrap(value, bits);
    }

    private int index(Frame f, Var array, Operand index) throws OutOfBounds {
        int k = read(f, index);
        if (k < 0 || k >= array.size()) throw new OutOfBounds();
        return k;
    }

    private static int target(Frame f, String label) {
        Integer i = f.labels.get(label);
        if (i == null) throw new IllegalStateException("no label " + label + " in " + f.function.name());
        return i;
    }
}
