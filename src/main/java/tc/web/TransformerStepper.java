package tc.web;

import java.util.ArrayList;
import java.util.List;
import tc.loom.engine.ExactHost;
import tc.loom.engine.Fault;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.TransformerEngine;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/**
 * A transformer engine one forward pass at a time, with the host's rules of
 * {@link TransformerEngine#run}: stop at PC 0; on the exact profile, stop with the interpreter's
 * fault when the weights send the PC to a fault column or outside the program. Memory, PC and
 * outputs are read from the state matrix alone.
 */
final class TransformerStepper implements Stepper {
    private final Program program;
    private final TransformerEngine engine;
    private final ForwardPass pass;
    private final StateMatrix x;
    private final int outputColumn, outputIndex;
    private final List<Integer> outputs = new ArrayList<>();
    private long steps;
    private Fault fault;

    /** @throws IllegalArgumentException when the exact profile cannot run the program (ExactHost's message) */
    TransformerStepper(Program program, TransformerEngine engine) {
        this.program = program;
        this.engine = engine;
        if (engine.exact()) ExactHost.check(program);
        MachineConfig c = program.config();
        pass = engine.kind().create(engine.model(c));
        x = engine.initialState(program);
        outputIndex = program.debug().outputIndex();
        outputColumn = outputIndex >= 0 && outputIndex < c.m() ? c.memoryStart() + outputIndex : -1;
    }

    TransformerEngine engine() { return engine; }

    @Override public Program program() { return program; }

    @Override public boolean running() {
        int pc = x.pc();
        return pc != 0 && fault == null && !(engine.exact() && ExactHost.stops(program, pc));
    }

    @Override public boolean step() {
        if (!running()) return false;
        int pc = x.pc();
        Instruction ins = x.readInstruction(pc);
        int before = outputColumn >= 0 ? x.memory(outputIndex) : 0;
        // the pass may skip finding what changed only on the state its own last step left
        if (steps == 0) pass.step(x);
        else pass.stepNext(x.data());
        steps++;
        if (outputColumn >= 0) {
            int after = x.memory(outputIndex);
            if (after != before || TransformerEngine.writesUnconditionally(ins, program.config(), outputColumn)) outputs.add(after);
        }
        int next = x.pc();
        if (engine.exact() && next != 0 && ExactHost.stops(program, next)) fault = ExactHost.fault(program, x, next, pc, steps);
        return true;
    }

    @Override public String status() {
        if (fault != null) return "fault: " + fault.message();
        return x.pc() == 0 ? "halted" : "running";
    }

    @Override public long steps() { return steps; }
    @Override public int pc() { return x.pc(); }

    @Override public int[] memory() {
        int[] m = new int[program.config().m()];
        for (int i = 0; i < m.length; i++) m[i] = x.memory(i);
        return m;
    }

    @Override public List<Integer> outputs() { return List.copyOf(outputs); }
    @Override public StateMatrix state() { return x; }
}
