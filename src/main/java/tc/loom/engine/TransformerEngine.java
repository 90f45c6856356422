package tc.loom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateMatrix;
import tc.loom.transformer.LoomModel;

/**
 * A looped transformer as an {@link Engine}: lays the program out with
 * {@link StateMatrix#initial(Program)}, runs {@link TransformerRunner} and reads the result back
 * from the state alone (memory rows of the memory columns, PC of column 0).
 *
 * <p>Status is HALTED when the PC reached 0 and STEP_LIMIT when the steps ran out. loom-v1 has no
 * faults (it computes something for every state); on the exact profile a PC the weights sent to
 * the fault column, or one outside the program, ends the run with the interpreter's fault
 * ({@link ExactHost}), and programs with static faults are refused before the run. Trace events and outputs are recovered from the
 * states before and after each step, so they can differ from the interpreter's:
 * <ul>
 * <li>a trace event's writes are the memory cells whose value changed, in index order (a write of
 *     the value a cell already held is not seen);</li>
 * <li>an output is recorded after a step when the output cell's value changed, or when the
 *     instruction at the step's PC (decoded from the state's ROM rows) unconditionally writes its
 *     b field (c too for SWAP) and that field is the output cell. So {@code output(5)} twice is
 *     seen twice (the compiler emits {@code MOV __output, x}); a CMOV or STORE that rewrites the
 *     output cell with the value it already holds is not seen.</li>
 * </ul>
 */
public final class TransformerEngine implements Engine {
    private final String name;
    private final String profile;
    private final Function<MachineConfig, LoomModel> weights;
    private final PassKind kind;
    private final Map<MachineConfig, LoomModel> models = new ConcurrentHashMap<>();

    /**
     * @param name    engine name for {@code tc run --engine}
     * @param profile name of the weight construction, for the description
     * @param weights builds (or loads) the model for a machine shape; called once per shape
     * @param kind    how to execute it
     */
    public TransformerEngine(String name, String profile, Function<MachineConfig, LoomModel> weights, PassKind kind) {
        this.name = Objects.requireNonNull(name);
        this.profile = Objects.requireNonNull(profile);
        this.weights = Objects.requireNonNull(weights);
        this.kind = Objects.requireNonNull(kind);
    }

    @Override public String name() { return name; }

    @Override public String description() {
        return profile + " weights on the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " transformer engine";
    }

    public PassKind kind() { return kind; }

    @Override public boolean approximate() { return kind.approximate(); }

    /** The model used for {@code config} (built on first use). */
    public LoomModel model(MachineConfig config) { return models.computeIfAbsent(config, weights); }

    /** Whether this engine runs the exact profile (its layout and host protocol, {@link ExactHost}). */
    public boolean exact() { return profile.equals("exact"); }

    /** The initial state of {@code program} in this profile's layout. */
    public StateMatrix initialState(Program program) {
        MachineConfig config = program.config();
        return StateMatrix.initial(program, exact() ? StateLayout.exact(config) : StateLayout.of(config));
    }

    @Override public RunResult run(Program program, RunOptions options) {
        MachineConfig config = program.config();
        if (exact()) ExactHost.check(program);
        ForwardPass engine = kind.create(model(config));
        StateMatrix x = initialState(program);
        ModelShape.of(engine.model()).checkState(x);
        int outputIndex = program.debug().outputIndex();
        int outputColumn = outputIndex >= 0 && outputIndex < config.m() ? config.memoryStart() + outputIndex : -1;
        List<Integer> outputs = new ArrayList<>();
        MemoryTracker memory = new MemoryTracker(x);
        Instruction[] current = {x.readInstruction(x.pc())};
        var trace = options.trace();
        int[] lastPc = {config.programStart()};
        long steps = new TransformerRunner(engine).run(x, options.maxSteps(), (step, pcBefore, after) -> {
            lastPc[0] = pcBefore;
            Instruction ins = current[0];
            memory.update(after, engine);
            if (outputColumn >= 0 && (memory.changed(outputIndex) || writesUnconditionally(ins, config, outputColumn)))
                outputs.add(memory.cell(outputIndex));
            int pc = after.pc();
            if (trace != null) trace.onStep(new TraceEvent(step, pcBefore, ins, pc, memory.changes()));
            current[0] = after.readInstruction(pc);
        }, exact() ? pc -> ExactHost.stops(program, pc) : pc -> false);
        int pc = x.pc();
        boolean pointerFault = pc == ExactHost.POINTER_FAULT_COLUMN;
        if (exact() && pc != 0 && ExactHost.stops(program, pc) && (pointerFault || steps < options.maxSteps())) {
            var fault = ExactHost.fault(program, x, pc, lastPc[0], steps);
            int reportedPc = fault.kind() == Fault.Kind.PC_OUT_OF_PROGRAM ? pc : lastPc[0];
            return new RunResult(RunResult.Status.FAULT, fault.step(), reportedPc, memory.snapshot(), outputs, fault);
        }
        RunResult.Status status = pc == 0 ? RunResult.Status.HALTED : RunResult.Status.STEP_LIMIT;
        return new RunResult(status, steps, pc, memory.snapshot(), outputs, null);
    }

    /** Whether {@code ins} always writes memory column {@code column}. */
    public static boolean writesUnconditionally(Instruction ins, MachineConfig config, int column) {
        Opcode op = ins.opcode(config);
        if (op == null) return false;
        return switch (op) {
            case HALT, JMP, JZ, JNZ, CMP, CMOV, STORE -> false;
            case SWAP -> ins.b() == column || ins.c() == column;
            default -> ins.b() == column;
        };
    }
}
