package tc.cli;

import java.util.List;
import java.util.Map;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/** Small ISA programs written by hand, so the CLI can be tested without the compiler. */
final class HandMadePrograms {
    static final MachineConfig CONFIG = MachineConfig.parse("146x512");
    static final int COUNTER = 9, ACC = 10, TABLE = 11, TEMP = 14;

    private HandMadePrograms() {}

    private static int col(int cell) { return CONFIG.memoryStart() + cell; }

    /** acc += counter; output(acc); counter -= 1 while counter != 0 (from 5); retval = acc = 15. */
    static Program sumDown() {
        int[] memory = new int[CONFIG.m()];
        memory[1] = 1;
        memory[COUNTER] = 5;
        memory[TABLE] = 1;
        memory[TABLE + 1] = -2;
        memory[TABLE + 2] = 3;
        List<Instruction> code = List.of(
                Instruction.of(Opcode.ADD, col(ACC), col(COUNTER)),               // 0, line 3
                Instruction.of(Opcode.MOV, col(DebugInfo.LOOM_OUTPUT), col(ACC)), // 1, line 4
                Instruction.of(Opcode.DEC, col(COUNTER), 0),                      // 2, line 5
                Instruction.of(Opcode.JNZ, col(COUNTER), CONFIG.programStart()),  // 3, line 6
                Instruction.of(Opcode.MOV, col(DebugInfo.LOOM_RETVAL), col(ACC)), // 4, line 7
                Instruction.of(Opcode.HALT, 0, 0));                               // 5, line 8
        List<Symbol> symbols = List.of(
                new Symbol("__retval", null, DebugInfo.LOOM_RETVAL, 1, Symbol.Kind.RESERVED),
                new Symbol("counter", "main", COUNTER, 1, Symbol.Kind.LOCAL),
                new Symbol("acc", "main", ACC, 1, Symbol.Kind.LOCAL),
                new Symbol("table", null, TABLE, 3, Symbol.Kind.GLOBAL),
                new Symbol("t0", "main", TEMP, 1, Symbol.Kind.TEMP));
        DebugInfo debug = new DebugInfo("sum.c", symbols, new int[] {3, 4, 5, 6, 7, 8}, Map.of("loop", 0),
                DebugInfo.LOOM_RETVAL, DebugInfo.LOOM_OUTPUT, -1, -1);
        return new Program(CONFIG, memory, code, debug);
    }

    /** LOAD through pointer 200 (the word -56) on a 160-cell machine: a pointer fault at step 2. */
    static Program badPointer() {
        int[] memory = new int[CONFIG.m()];
        memory[COUNTER] = -56;
        List<Instruction> code = List.of(
                Instruction.of(Opcode.INC, col(ACC), 0),
                Instruction.of(Opcode.LOAD, col(ACC), col(COUNTER)),
                Instruction.of(Opcode.HALT, 0, 0));
        return new Program(CONFIG, memory, code, DebugInfo.minimal("bad.s", code.size()));
    }
}
