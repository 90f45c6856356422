package tc.loom.backend;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.ir.Instr;
import tc.ir.Var;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.loom.backend.Asm.Const;
import tc.loom.backend.Asm.Item;
import tc.loom.backend.Asm.Op;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourcePos;

/**
 * IR → Loom ISA program, following docs/architecture.md ("Memory layout", "Calls").
 *
 * <p>Stages: {@code * / %} become helper calls; the call graph picks the functions reachable from
 * main and finds recursion; variables get their cells; each function is selected into symbolic
 * code (main first, so execution starts at instruction 0); a peephole pass tidies it; the constant
 * pool and the stack are placed; the result is checked against the machine's capacity and encoded.
 */
public final class LoomBackend {
    private LoomBackend() {}

    /**
     * Compiles {@code ir} for {@code config}.
     *
     * @throws CapacityException when the program does not fit the configuration
     * @throws CompileException  when the IR calls an unknown function
     */
    public static Program compile(IrProgram ir, MachineConfig config) {
        if (ir.wordBits() != config.wordBits())
            throw new IllegalArgumentException("IR has " + ir.wordBits() + "-bit words, configuration "
                    + config.name() + " has " + config.wordBits());
        refuseDevices(ir);
        IrProgram program = MulDivLowering.lower(ir);
        CallGraph graph = CallGraph.of(program);
        refuseAddressesInRecursion(program, graph);
        MemoryLayout layout = MemoryLayout.forVariables(program, graph);
        Refs refs = new Refs(layout);

        Emitter emitter = new Emitter();
        CallSelector calls = new CallSelector(emitter, refs, graph, program);
        FunctionSelector selector = new FunctionSelector(emitter, refs, program, calls);
        for (IrFunction f : graph.functions()) selector.select(f);
        List<Item> code = Peephole.optimize(emitter.items());

        layout.placeConstants(constantsRead(code));
        if (graph.hasRecursion()) layout.placeStack(Capacity.MINIMUM_FRAMES * Math.max(1, largestFrame(graph, calls)));
        checkData(program, graph, layout, config);
        checkCode(program, graph, code, config);

        Assembler.Assembled assembled = Assembler.assemble(code, layout, config);
        DebugInfo debug = DebugInfoBuilder.build(program.source().name(), layout, assembled, config);
        return new Program(config, layout.image(config.m()), assembled.instructions(), debug);
    }

    private static Set<Integer> constantsRead(List<Item> code) {
        Set<Integer> values = new LinkedHashSet<>();
        for (Item it : code) {
            if (!(it instanceof Op op)) continue;
            if (op.b() instanceof Const k) values.add(k.value());
            if (op.c() instanceof Const k) values.add(k.value());
        }
        return values;
    }

    private static int largestFrame(CallGraph graph, CallSelector calls) {
        int largest = 0;
        for (IrFunction f : graph.functions())
            for (int i = 0; i < f.body().size(); i++)
                if (f.body().get(i) instanceof Instr.Call) largest = Math.max(largest, calls.frameSize(f, i));
        return largest;
    }

    /**
     * Loom has no console, framebuffer, disk or GPU: a device builtin is refused at its call, before
     * anything else is compiled (the first one in source order).
     */
    private static void refuseDevices(IrProgram ir) {
        Instr.Device first = null;
        for (IrFunction f : ir.functions())
            for (Instr i : f.body())
                if (i instanceof Instr.Device d && (first == null || d.pos().compareTo(first.pos()) < 0)) first = d;
        if (first != null)
            throw new CompileException(ir.source(), first.pos(), first.op().cName()
                    + " needs the Tensor Computer's seed machine: compile with --target tc --machine seed");
    }

    /**
     * A recursive function's variables have one cell each, whose values a re-entering call saves
     * on the stack and restores on return; a pointer to such a cell would reach whichever
     * activation's value the cell holds at the time, and a write through it would be undone by the
     * restore. So Loom refuses {@code &} of a recursive function's local or parameter (and passing
     * its local arrays), at the variable's declaration; globals and non-recursive functions' variables are fine.
     */
    private static void refuseAddressesInRecursion(IrProgram program, CallGraph graph) {
        for (IrFunction f : graph.functions()) {
            if (!graph.isRecursive(f.name())) continue;
            for (Instr i : f.body()) {
                if (i instanceof Instr.AddrOf a && a.target().kind() != Var.Kind.GLOBAL) {
                    throw new CompileException(program.source(), a.target().pos(), "the address of '" + a.target().name()
                            + "' is taken in recursive function '" + f.name() + "': pointers to a recursive function's variables"
                            + " are not supported on Loom (its recursion saves and restores their cells); make the variable global or static,"
                            + " or compile with --target tc");
                }
            }
        }
    }

    private static void checkData(IrProgram program, CallGraph graph, MemoryLayout layout, MachineConfig config) {
        int needed = layout.cellsNeeded();
        if (needed <= config.m()) return;
        // blame the first variable that does not fit (its function for a temporary), else main
        SourcePos pos = graph.functions().get(0).pos();
        MemoryLayout.Region beyond = layout.firstVariableBeyond(config.m());
        if (beyond != null && !beyond.pos().equals(SourcePos.NONE)) pos = beyond.pos();
        else if (beyond != null && beyond.function() != null)
            pos = program.function(beyond.function()).map(IrFunction::pos).orElse(pos);
        throw Capacity.tooMuchData(program.source(), pos, needed, config, layout.stackBase() >= 0);
    }

    private static void checkCode(IrProgram program, CallGraph graph, List<Item> code, MachineConfig config) {
        int needed = Assembler.instructionCount(code);
        int slots = config.instructionSlots();
        if (needed <= slots) return;
        // blame the function whose code reaches past the last slot
        Map<String, Integer> labels = Assembler.labelIndices(code);
        IrFunction culprit = graph.functions().get(0);
        for (IrFunction f : graph.functions()) {
            Integer start = labels.get(f.name());
            if (start != null && start <= slots) culprit = f;
        }
        throw Capacity.tooMuchCode(program.source(), culprit.pos(), needed, config);
    }
}
