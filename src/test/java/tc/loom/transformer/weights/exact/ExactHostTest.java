package tc.loom.transformer.weights.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.Engines;
import tc.loom.engine.ExactHost;
import tc.loom.engine.Fault;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;

/** The host side of the exact profile: static refusals and faults reported like the interpreter's. */
class ExactHostTest {
    static final MachineConfig C = MachineConfig.parse("146x512");

    static Program program(int[] cells, Instruction... code) {
        int[] memory = new int[C.m()];
        System.arraycopy(cells, 0, memory, 0, cells.length);
        return new Program(C, memory, List.of(code), DebugInfo.minimal("host", code.length));
    }

    @Test void staticFaultsAreRefusedNamingTheInstruction() {
        int mem = C.memoryStart();
        var undefined = assertThrows(IllegalArgumentException.class, () -> ExactHost.check(program(new int[0], new Instruction(25, 0, 0))));
        assertTrue(undefined.getMessage().contains("instruction 0") && undefined.getMessage().contains("opcode 25 is undefined"), undefined.getMessage());
        var operand = assertThrows(IllegalArgumentException.class,
                () -> ExactHost.check(program(new int[0], Instruction.of(Opcode.HALT, 0, 0), Instruction.of(Opcode.ADD, mem, 5))));
        assertTrue(operand.getMessage().contains("instruction 1") && operand.getMessage().contains("operand c = column 5"), operand.getMessage());
        var target = assertThrows(IllegalArgumentException.class, () -> ExactHost.check(program(new int[0], Instruction.of(Opcode.JMP, 0, 1))));
        assertTrue(target.getMessage().contains("jump target column 1 is reserved"), target.getMessage());
        ExactHost.check(program(new int[0], Instruction.of(Opcode.INC, mem, 0), Instruction.of(Opcode.HALT, 0, 0)));
    }

    @Test void faultsAreReportedLikeTheInterpreters() {
        int mem = C.memoryStart();
        Program offTheEnd = program(new int[] {1}, Instruction.of(Opcode.INC, mem, 0));
        Program badPointer = program(new int[] {-1, 9}, Instruction.of(Opcode.INC, mem + 1, 0), Instruction.of(Opcode.LOAD, mem + 1, mem),
                Instruction.of(Opcode.HALT, 0, 0));
        for (Program p : List.of(offTheEnd, badPointer)) {
            RunResult ideal = new Interpreter().run(p, RunOptions.defaults());
            RunResult tensor = Engines.get("sparse").run(p, RunOptions.defaults());
            assertEquals(RunResult.Status.FAULT, tensor.status());
            assertEquals(ideal.fault().kind(), tensor.fault().kind());
            assertEquals(ideal.fault().message(), tensor.fault().message());
            assertEquals(ideal.steps(), tensor.steps());
            assertEquals(ideal.pc(), tensor.pc());
            assertEquals(java.util.Arrays.toString(ideal.memory()), java.util.Arrays.toString(tensor.memory()));
        }
        assertEquals(Fault.Kind.PC_OUT_OF_PROGRAM, Engines.get("sparse").run(offTheEnd, RunOptions.defaults()).fault().kind());
        assertEquals(Fault.Kind.POINTER_OUT_OF_RANGE, Engines.get("sparse").run(badPointer, RunOptions.defaults()).fault().kind());
    }
}
