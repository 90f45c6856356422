package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import tc.ir.IrProgram;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.interp.Interpreter;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/** Compiling and running test programs, with the structural checks every compiled program must pass. */
final class Run {
    private Run() {}

    static final MachineConfig BIG8 = new MachineConfig(32, 224, 2048, 8);
    static final MachineConfig BIG16 = new MachineConfig(32, 1024, 4096, 16);

    static MachineConfig big(int bits) { return bits == 8 ? BIG8 : BIG16; }

    static Program compile(IrProgram ir) { return compile(ir, big(ir.wordBits())); }

    static Program compile(IrProgram ir, MachineConfig config) {
        Program p = LoomBackend.compile(ir, config);
        checkEncoding(p);
        return p;
    }

    static RunResult run(Program p) {
        return new Interpreter().run(p, RunOptions.defaults().withMaxSteps(2_000_000));
    }

    static RunResult compileAndRun(IrProgram ir) {
        RunResult r = run(compile(ir));
        assertTrue(r.halted(), () -> "did not halt: " + r.status() + " " + r.fault());
        return r;
    }

    /** Main's return value. */
    static int retval(IrProgram ir) { return compileAndRun(ir).cell(7); }

    /**
     * Every instruction is one the ideal ISA defines (opcodes 0..20, never SUBLEQ), its memory
     * fields are memory columns, its jump fields instruction columns, and unused fields are 0.
     */
    static void checkEncoding(Program p) {
        MachineConfig c = p.config();
        int memLo = c.memoryStart(), memHi = c.memoryStart() + c.m();
        int codeLo = c.programStart(), codeHi = c.programStart() + p.size();
        for (int k = 0; k < p.size(); k++) {
            Instruction ins = p.instructions().get(k);
            if (ins.a() > 20) fail("instruction " + k + " has undefined opcode " + ins.a());
            Opcode op = Opcode.byNumber(ins.a()).orElseThrow();
            assertTrue(op != Opcode.FIND && op != Opcode.MULACC, "unexpected " + op);
            boolean bMem = switch (op.operands()) { case B, B_C, B_JUMP -> true; default -> false; };
            boolean cMem = op.operands() == Opcode.Operands.B_C;
            boolean cJump = op.jumps();
            final int at = k;
            if (bMem) assertTrue(ins.b() >= memLo && ins.b() < memHi, () -> "b field of " + at + " " + ins);
            else assertEquals(0, ins.b(), () -> "unused b of " + at + " " + ins);
            if (cMem) assertTrue(ins.c() >= memLo && ins.c() < memHi, () -> "c field of " + at + " " + ins);
            else if (cJump) assertTrue(ins.c() >= codeLo && ins.c() < codeHi, () -> "jump target of " + at + " " + ins);
            else assertEquals(0, ins.c(), () -> "unused c of " + at + " " + ins);
            if (op == Opcode.MOV) assertTrue(ins.b() != ins.c(), "MOV x, x left in the code");
            if (op == Opcode.JMP) assertTrue(ins.c() != codeLo + k + 1, "JMP to the next instruction left in the code");
        }
        assertEquals(p.size(), p.debug().lines().length);
    }

    /** Memory index of a global (or other symbol with no function) by name. */
    static int indexOf(Program p, String name) { return symbol(p, name, null).index(); }

    static Symbol symbol(Program p, String name, String function) {
        for (Symbol s : p.debug().symbols())
            if (s.name().equals(name) && java.util.Objects.equals(s.function(), function)) return s;
        throw new AssertionError("no symbol " + name + " in " + function + ": " + p.debug().symbols());
    }
}
