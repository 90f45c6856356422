package tc.computer.backend;

import static tc.computer.isa.TcOp.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.c.CFrontEnd;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcProgram;
import tc.computer.runtime.PagerRuntime;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Var;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * The Tensor Computer back end: C (through the shared front end, at 32 bits) to a
 * {@link TcProgram}. Layout: globals from address 0 up, the stack from the top of memory down.
 * Code: {@code li r14, 0; call main; halt} then, with recursion, the overflow HALT, then the
 * functions reachable from main.
 */
public final class TcBackend {
    /** The width of {@code int} on the Tensor Computer. */
    public static final int WORD_BITS = 32;
    /** With recursion the stack cannot be sized statically; memory then holds at least this many activations of the largest function. */
    public static final int RECURSION_FRAMES = 32;
    static final String OVERFLOW = "$stack_overflow";
    static final String PAGER = "$page_fault";
    /** The seed machine programs are compiled for: the handler's swap addresses depend on its disk and page sizes. */
    public static final SeedConfig SEED_CONFIG = SeedConfig.SEED;

    private TcBackend() {}

    /**
     * Memory for compiled C unless asked otherwise: room for about a thousand nested calls of a
     * small function (a 4-word activation needs 4,000 words). {@link TcMachineSpec#DEFAULT}'s 256
     * words stay the size of the learning tasks' machine. The soft engine runs this size too: its
     * address kernel touches two words per access (only the learner's content addressing sweeps
     * all of memory), so steps stay cheap (measured: the 18,026 steps of a depth-1000 recursion
     * take about 0.3 s at 16,384 words, 0.6 s at 65,536).
     */
    public static final int DEFAULT_MEMORY_WORDS = 1 << 14;

    /**
     * Which Tensor Computer a program is compiled for. {@code CPU} is the flat machine (no devices,
     * addresses wrap); {@code SEED} adds the memory hierarchy and the memory-mapped devices: its
     * memory words are the virtual address space, the startup code installs the page-fault handler
     * and the device builtins are allowed.
     */
    public enum Machine {
        CPU, SEED;

        /** The name on the command line. */
        public String cliName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Compiles C source for the Tensor Computer with the default memory ({@link #DEFAULT_MEMORY_WORDS}, grown if needed). */
    public static TcCompiled compile(SourceFile source) {
        return compile(CFrontEnd.compile(source, WORD_BITS), DEFAULT_MEMORY_WORDS);
    }

    /** Compiles for the {@link Machine#CPU} machine. */
    public static TcCompiled compile(IrProgram ir, int minMemoryWords) {
        return compile(ir, minMemoryWords, Machine.CPU);
    }

    /**
     * @param minMemoryWords a power of two: memory is this or, when globals and stack need more,
     *                       the smallest larger power of two that fits them
     * @throws CompileException when the program is not 32-bit IR, has no main, or cannot fit
     */
    public static TcCompiled compile(IrProgram ir, int minMemoryWords, Machine machine) {
        if (ir.wordBits() != WORD_BITS)
            throw error(ir, SourcePos.NONE, "the Tensor Computer back end needs 32-bit int, but the program was compiled for " + ir.wordBits() + " bits");
        if (Integer.bitCount(minMemoryWords) != 1) throw new IllegalArgumentException("memory words must be a power of two, got " + minMemoryWords);
        if (machine == Machine.CPU) refuseDevices(ir);
        IrFunction main = ir.function("main").orElseThrow(() -> error(ir, SourcePos.NONE, "the program has no main function"));
        if (!main.params().isEmpty()) throw error(ir, main.pos(), "main must take no parameters on the Tensor Computer");

        Map<String, IrFunction> byName = new LinkedHashMap<>();
        for (IrFunction fn : ir.functions()) byName.putIfAbsent(fn.name(), fn);
        Map<String, Set<String>> calls = new HashMap<>();
        for (IrFunction fn : byName.values()) {
            Set<String> callees = new LinkedHashSet<>();
            for (Instr in : fn.body()) if (in instanceof Instr.Call c) callees.add(c.callee());
            calls.put(fn.name(), callees);
        }
        List<String> reachable = reachableFrom("main", calls);
        for (String name : reachable)
            if (!byName.containsKey(name)) throw error(ir, SourcePos.NONE, "call of undefined function " + name);
        boolean mainCalled = reachable.stream().anyMatch(n -> calls.get(n).contains("main"));
        boolean recursive = reachable.stream().anyMatch(n -> reaches(n, n, calls));

        Map<Var, Integer> globals = new HashMap<>();
        List<Integer> data = new ArrayList<>();
        for (Var g : ir.globals()) {
            globals.put(g, data.size());
            int[] init = g.init();
            for (int k = 0; k < g.size(); k++) data.add(init == null ? 0 : init[k]);
        }

        CodeBuffer code = new CodeBuffer();
        Map<String, FunctionCompiler> compilers = new LinkedHashMap<>();
        for (String name : reachable) {
            IrFunction fn = byName.get(name);
            boolean save = !(name.equals("main") && !mainCalled);
            compilers.put(name, new FunctionCompiler(fn, RegisterAllocator.allocate(fn), globals, save, code));
        }
        Map<String, Integer> need = new HashMap<>();
        int largest = 0;
        for (String name : reachable) largest = Math.max(largest, compilers.get(name).activationWords() + maxArgs(byName.get(name)));
        int stack = recursive ? RECURSION_FRAMES * largest : stackNeed("main", byName, compilers, need);
        long wanted = (long) data.size() + stack + 1;
        int memory = minMemoryWords;
        while (memory < wanted) {
            if (memory >= (1 << 20)) throw error(ir, SourcePos.NONE, "the program needs " + wanted + " memory words; the Tensor Computer has at most 2^20");
            memory <<= 1;
        }

        code.enter(-1, 0);
        code.emit(LI, FunctionCompiler.ZERO, 0, 0, 0);
        if (machine == Machine.SEED) {
            // Every user access may fault from the first one on (the loader leaves all pages out), so the handler goes in first.
            code.emitTo(LI, FunctionCompiler.S1, PAGER);
            code.emit(STORE, 0, FunctionCompiler.ZERO, FunctionCompiler.S1, Mmio.register(Mmio.TRAP_VECTOR));
        }
        code.emitTo(CALL, FunctionCompiler.label("main"));
        int mainReturnSlot = code.size();
        code.emit(HALT, 0, 0, 0, 0);
        if (recursive) {
            code.label(OVERFLOW);
            code.emit(HALT, 0, 0, 0, 0);
        }
        List<TcDebugInfo.Function> functions = new ArrayList<>();
        for (String name : reachable) {
            FunctionCompiler fc = compilers.get(name);
            // sp on entry points at the return address; the activation must stay above the globals.
            int limit = recursive ? data.size() + fc.activationWords() - 1 + maxArgs(byName.get(name)) + 1 : -1;
            int entry = code.size();
            fc.compile(functions.size(), limit, OVERFLOW);
            functions.add(new TcDebugInfo.Function(name, entry, fc.saved(), byName.get(name).pos().line()));
        }
        if (machine == Machine.SEED) {
            code.enter(-1, 0);
            code.label(PAGER);
            for (TcInstruction in : pager(code.size(), memory)) code.emit(in.op(), in.rd(), in.rs1(), in.rs2(), in.imm());
        }
        if (code.size() > (1 << 16)) throw error(ir, SourcePos.NONE, "the program needs " + code.size() + " instructions; the Tensor Computer has at most 65536 slots");
        var spec = TcMachineSpec.fitting(memory, code.size());
        TcProgram program = new TcProgram(code.resolve(), spec, data.stream().mapToInt(Integer::intValue).toArray());

        List<TcSymbol> symbols = new ArrayList<>();
        // Two globals may share a name (a static local and a global, or static locals of two
        // functions): the later ones are told apart by their line, as the Loom back end does.
        java.util.Set<String> globalNames = new java.util.HashSet<>();
        for (Var g : ir.globals()) {
            String name = globalNames.add(g.name()) ? g.name() : g.name() + "@" + g.pos().line();
            globalNames.add(name);
            symbols.add(new TcSymbol(name, null, g.size(), g.isArray(), -1, globals.get(g)));
        }
        FunctionCompiler mc = compilers.get("main");
        int mainFrame = memory - mc.activationWords(); // main entered once, from the startup CALL at sp = memory
        for (Var v : main.locals()) {
            if (v.kind() == Var.Kind.TEMP) continue;
            switch (mc.locations().get(v)) {
                case Location.Register r -> { if (!mainCalled) symbols.add(new TcSymbol(v.name(), "main", 1, false, r.r(), -1)); }
                case Location.Frame fr -> symbols.add(new TcSymbol(v.name(), "main", v.size(), v.isArray(), -1, mainFrame + fr.offset()));
                case Location.Global g -> { }
            }
        }
        int[][] tables = code.tables();
        TcDebugInfo debug = new TcDebugInfo(tables[0], tables[1], tables[2], functions, ir.source());
        return new TcCompiled(program, symbols, recursive ? code.slotOf(OVERFLOW) : -1, code.listing(), debug, machine, mainReturnSlot);
    }

    /**
     * The cpu machine has no devices (its negative addresses wrap into memory): a device builtin is
     * refused at its call, the first in source order.
     */
    private static void refuseDevices(IrProgram ir) {
        Instr.Device first = null;
        for (IrFunction f : ir.functions())
            for (Instr i : f.body())
                if (i instanceof Instr.Device d && (first == null || d.pos().compareTo(first.pos()) < 0)) first = d;
        if (first != null)
            throw error(ir, first.pos(), first.op().cName() + " needs the Tensor Computer's seed machine: use --machine seed");
    }

    /** The page-fault handler for a virtual space of {@code virtualWords}, laid out from slot {@code base}. */
    private static List<TcInstruction> pager(int base, int virtualWords) {
        return PagerRuntime.handler(SEED_CONFIG, virtualWords, base);
    }

    private static int maxArgs(IrFunction fn) {
        int n = 0;
        for (Instr in : fn.body()) if (in instanceof Instr.Call c) n = Math.max(n, c.args().size());
        return n;
    }

    /** Words of stack a call of {@code name} uses at most (call graph without cycles). */
    private static int stackNeed(String name, Map<String, IrFunction> fns, Map<String, FunctionCompiler> fcs, Map<String, Integer> memo) {
        Integer known = memo.get(name);
        if (known != null) return known;
        int deepest = 0;
        for (Instr in : fns.get(name).body())
            if (in instanceof Instr.Call c) deepest = Math.max(deepest, c.args().size() + stackNeed(c.callee(), fns, fcs, memo));
        int total = fcs.get(name).activationWords() + deepest;
        memo.put(name, total);
        return total;
    }

    private static List<String> reachableFrom(String root, Map<String, Set<String>> calls) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(List.of(root));
        while (!work.isEmpty()) {
            String n = work.remove(work.size() - 1);
            if (!seen.add(n)) continue;
            for (String m : calls.getOrDefault(n, Set.of())) work.add(m);
        }
        return new ArrayList<>(seen);
    }

    private static boolean reaches(String from, String to, Map<String, Set<String>> calls) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(calls.getOrDefault(from, Set.of()));
        while (!work.isEmpty()) {
            String n = work.remove(work.size() - 1);
            if (n.equals(to)) return true;
            if (seen.add(n)) work.addAll(calls.getOrDefault(n, Set.of()));
        }
        return false;
    }

    private static CompileException error(IrProgram ir, SourcePos pos, String message) {
        return new CompileException(ir.source(), pos, message);
    }
}
