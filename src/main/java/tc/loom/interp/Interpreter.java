package tc.loom.interp;

import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.Instruction;
import tc.loom.isa.Program;

/**
 * The ideal ISA interpreter as an {@link Engine}: the oracle every other engine is checked against.
 *
 * <p>Two paths with one semantics. A traced run steps an {@link IsaMachine}, the reference, one
 * instruction at a time; an untraced run goes through {@link DecodedProgram}, a flat decoded form
 * with a tight loop that hands every fault and unusual instruction back to the reference machine.
 * {@code DecodedProgramTest} holds the two to the same result on the corpus and on random programs.
 */
public final class Interpreter implements Engine {
    @Override public String name() { return "interp"; }

    @Override public String description() { return "ideal ISA interpreter (reference semantics, no tensors)"; }

    @Override public RunResult run(Program program, RunOptions options) {
        if (options.trace() != null) return stepByStep(program, options);
        return DecodedProgram.of(program).run(options.maxSteps());
    }

    /** The reference path: {@link IsaMachine#step()} per instruction, each reported to the trace listener. */
    static RunResult stepByStep(Program program, RunOptions options) {
        IsaMachine machine = new IsaMachine(program);
        var trace = options.trace();
        while (machine.running() && machine.steps() < options.maxSteps()) {
            int pc = machine.pc();
            Instruction ins = machine.current();
            machine.step();
            if (trace != null) trace.onStep(machine.lastEvent(pc, ins));
        }
        RunResult.Status status = machine.halted() ? RunResult.Status.HALTED
                : machine.fault() != null ? RunResult.Status.FAULT : RunResult.Status.STEP_LIMIT;
        return new RunResult(status, machine.steps(), machine.pc(), machine.memory(), machine.outputs(), machine.fault());
    }
}
