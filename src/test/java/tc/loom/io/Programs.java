package tc.loom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.loom.isa.Symbol.Kind;

/** Hand-built programs for the round-trip tests (the C compiler is written elsewhere). */
public final class Programs {
    private Programs() {}

    /** Every operand form the writer has: symbols, arrays, clashing names, odd names, raw fields, SUBLEQ, undefined opcodes. */
    public static Program kitchenSink() {
        MachineConfig c = MachineConfig.parse("155x1024");
        int s = c.s(), start = c.programStart();
        int[] mem = new int[c.m()];
        mem[1] = 1;
        mem[2] = -128;
        mem[3] = 60;
        mem[9] = 5;
        mem[10] = 34;
        mem[11] = -12;
        mem[12] = 127;
        mem[20] = -1;
        List<Symbol> symbols = List.of(
                new Symbol("__zero", null, 0, 1, Kind.RESERVED), new Symbol("__one", null, 1, 1, Kind.RESERVED),
                new Symbol("__sign", null, 2, 1, Kind.RESERVED), new Symbol("__sp", null, 3, 1, Kind.RESERVED),
                new Symbol("__retval", null, 7, 1, Kind.RESERVED), new Symbol("__output", null, 8, 1, Kind.RESERVED),
                new Symbol("g", null, 9, 1, Kind.GLOBAL), new Symbol("arr", null, 10, 3, Kind.GLOBAL),
                new Symbol("x", "main", 13, 1, Kind.LOCAL), new Symbol("x", "f", 14, 1, Kind.PARAM),
                new Symbol("x@12", "main", 15, 1, Kind.LOCAL), new Symbol("t0", "f", 16, 1, Kind.TEMP),
                new Symbol("odd name \"q\"", null, 17, 1, Kind.CONSTANT), new Symbol("empty", null, 18, 0, Kind.GLOBAL),
                new Symbol("stack", null, 60, 4, Kind.STACK));
        List<Instruction> rom = new ArrayList<>();
        rom.add(Instruction.of(Opcode.MOV, s + 13, s + 9));         // 0 main: x = g
        rom.add(Instruction.of(Opcode.ADD, s + 12, s + 10));        // arr[2] += arr[0]
        rom.add(Instruction.of(Opcode.JZ, s + 14, start + 5));      // labelled target
        rom.add(Instruction.of(Opcode.JMP, 0, start + 6));          // unlabelled target
        rom.add(Instruction.subleq(s + 1, s + 15, start + 2));
        rom.add(Instruction.of(Opcode.INC, s + 16, 0));             // 5 loop:
        rom.add(Instruction.of(Opcode.INC, s + 17, 7));             // raw unused field
        rom.add(Instruction.of(Opcode.JMP, s + 3, start + 0));      // b set on a jump
        rom.add(Instruction.of(Opcode.HALT, 0, start + 1));         // HALT with c (Loom jumps)
        rom.add(new Instruction(25, s + 1, 3));                     // undefined opcode
        rom.add(Instruction.of(Opcode.STORE, s + 9, s + 3));
        rom.add(Instruction.of(Opcode.LOAD, 5, 1000));              // operands outside memory
        rom.add(Instruction.of(Opcode.CMP, s + 63, 0));             // jump to column 0
        rom.add(Instruction.of(Opcode.SWAP, s + 19, s + 61));       // unnamed cell, stack element
        rom.add(Instruction.of(Opcode.HALT, 0, 0));
        Map<String, Integer> labels = new LinkedHashMap<>();
        labels.put("main", 0);
        labels.put("entry", 0);
        labels.put("loop", 5);
        labels.put("f.return", 8);
        labels.put("end", rom.size());
        int[] lines = new int[rom.size()];
        int[] given = {3, 3, 4, 4, 4, 0, 7, 7, 12, 12, 0, 0, 15, 15, 16};
        System.arraycopy(given, 0, lines, 0, lines.length);
        DebugInfo debug = new DebugInfo("sink.c", symbols, lines, labels, 7, 8, 60, 64);
        return new Program(c, mem, rom, debug);
    }

    /** A 16-bit custom configuration without any debug info. */
    public static Program bare16() {
        MachineConfig c = new MachineConfig(32, 8, 64, 16);
        int[] mem = {0, 1, -32768, 32767, 1000, -1000, 0, 0};
        List<Instruction> rom = List.of(Instruction.of(Opcode.ADD, 36, 37), Instruction.of(Opcode.MULACC, 36, 33),
                Instruction.of(Opcode.HALT, 0, 0));
        return new Program(c, mem, rom, DebugInfo.minimal("bare.s", rom.size()));
    }

    public static void assertSameDebug(DebugInfo want, DebugInfo got) {
        assertEquals(want.sourceName(), got.sourceName());
        assertEquals(want.symbols(), got.symbols());
        assertArrayEquals(want.lines(), got.lines());
        assertEquals(want.labels(), got.labels());
        assertEquals(want.retvalIndex(), got.retvalIndex());
        assertEquals(want.outputIndex(), got.outputIndex());
        assertEquals(want.stackBase(), got.stackBase());
        assertEquals(want.stackLimit(), got.stackLimit());
    }
}
