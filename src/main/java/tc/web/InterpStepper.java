package tc.web;

import java.util.List;
import tc.loom.interp.IsaMachine;
import tc.loom.isa.Program;
import tc.loom.state.StateMatrix;

/** The ideal ISA interpreter, one step at a time. */
final class InterpStepper implements Stepper {
    private final IsaMachine machine;

    InterpStepper(Program program) { machine = new IsaMachine(program); }

    @Override public Program program() { return machine.program(); }
    @Override public boolean step() { return machine.running() && machine.step(); }
    @Override public boolean running() { return machine.running(); }

    @Override public String status() {
        if (machine.halted()) return "halted";
        return machine.fault() != null ? "fault: " + machine.fault().message() : "running";
    }

    @Override public long steps() { return machine.steps(); }
    @Override public int pc() { return machine.pc(); }
    @Override public int[] memory() { return machine.memory(); }
    @Override public List<Integer> outputs() { return machine.outputs(); }
    @Override public StateMatrix state() { return null; }
}
