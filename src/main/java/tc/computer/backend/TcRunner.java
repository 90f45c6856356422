package tc.computer.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.engine.TcEngine;
import tc.computer.engine.TcState;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * Runs a compiled C program on an engine and reads its results through the symbol table.
 *
 * <p>A run can stop anywhere (step limit, stack overflow). main's variables in registers are then
 * found by walking the stack: callees push the registers they use in their prologue, so main's
 * value of a register is in the outermost callee's save slot when one saved it, and in the register
 * itself otherwise. When the walk fails (main not entered yet, or a stack that does not look like
 * this back end's, say a soft run at a high temperature) those values are reported as unknown
 * (null) rather than read from registers a callee may have reused.
 */
public final class TcRunner {
    private TcRunner() {}

    public static TcOutcome run(TcCompiled compiled, TcEngine engine, long maxSteps) {
        return outcome(compiled, engine.run(compiled.program(), maxSteps));
    }

    /** The outcome of a run of {@code compiled} that ended in state {@code s}. */
    public static TcOutcome outcome(TcCompiled compiled, TcState s) {
        TcOutcome.Status status = !s.halted() ? TcOutcome.Status.STEP_LIMIT
                : s.pc() == compiled.overflowSlot() ? TcOutcome.Status.STACK_OVERFLOW : TcOutcome.Status.HALTED;
        boolean overflow = status == TcOutcome.Status.STACK_OVERFLOW;
        // A step limit can also land on the overflow HALT before it runs: the stack is the same.
        boolean atOverflowHalt = compiled.overflowSlot() >= 0 && s.pc() == compiled.overflowSlot();
        return new TcOutcome(status, variables(compiled, s, mainRegisters(compiled, s, atOverflowHalt)), overflow ? fault(compiled, s) : null, s);
    }

    /**
     * Globals and main's variables by name; a variable of main wins over a global it shadows, as in
     * the Loom target's report. {@code registers} holds main's view of each register, null entries
     * (or a null array) where it is unknown.
     */
    static Map<String, Object> variables(TcCompiled compiled, TcState s, Integer[] registers) {
        Map<String, Object> vars = new LinkedHashMap<>();
        int[] mem = s.memory();
        var ordered = new ArrayList<>(compiled.symbols().stream().filter(x -> x.function() != null).toList());
        ordered.addAll(compiled.symbols().stream().filter(x -> x.function() == null).toList());
        boolean mainEntered = registers != null;
        for (TcSymbol sym : ordered) {
            if (vars.containsKey(sym.name())) continue;
            if (sym.function() != null && !mainEntered) vars.put(sym.name(), null);
            else if (sym.inRegister()) vars.put(sym.name(), registers[sym.register()]);
            else if (sym.array()) {
                int[] cells = new int[sym.size()];
                for (int k = 0; k < cells.length; k++) cells[k] = mem[(sym.address() + k) & (mem.length - 1)];
                vars.put(sym.name(), cells);
            } else vars.put(sym.name(), mem[sym.address() & (mem.length - 1)]);
        }
        return vars;
    }

    /** One activation found on the stack: its return address is at {@code entrySp}; its first {@code savesDone} saved registers are pushed. */
    record Activation(TcDebugInfo.Function function, int entrySp, int savesDone) {}

    /**
     * main's view of the registers at the end of the run (entries null where unknown), or null when
     * main's frame is not live: it has not been entered, or the stack cannot be walked to it.
     */
    static Integer[] mainRegisters(TcCompiled compiled, TcState s, boolean atOverflowHalt) {
        Integer[] regs = new Integer[TcMachineSpec.REGISTERS];
        for (int r = 0; r < regs.length; r++) regs[r] = s.register(r);
        if (!atOverflowHalt && compiled.debug().functionAt(s.pc()) == null)
            return s.pc() == compiled.mainReturnSlot() ? regs : null; // main has returned and restored nothing it needs; or not begun
        List<Activation> chain = walk(compiled, s, atOverflowHalt);
        if (chain == null) return null;
        int[] mem = s.memory();
        TcMachineSpec spec = compiled.program().spec();
        for (int r = 0; r < regs.length; r++) {
            // Outermost callee first: the first one to save r saved main's value.
            for (int a = chain.size() - 2; a >= 0; a--) {
                Activation act = chain.get(a);
                int i = act.function().saved().indexOf(r);
                if (i >= 0 && i < act.savesDone()) {
                    regs[r] = mem[spec.address((long) act.entrySp() - 1 - i)];
                    break;
                }
            }
        }
        return regs;
    }

    /**
     * The activations on the stack, innermost first and main's last, or null when the state does
     * not lead back to main through return addresses that follow CALLs of the right functions.
     */
    static List<Activation> walk(TcCompiled compiled, TcState s, boolean atOverflowHalt) {
        TcDebugInfo debug = compiled.debug();
        TcProgram program = compiled.program();
        TcMachineSpec spec = program.spec();
        int[] mem = s.memory();
        int pc = s.pc();
        long sp = s.register(TcMachineSpec.SP);
        if (atOverflowHalt) {
            // The callee stopped in its prologue's check, before pushing anything: resume at its caller.
            pc = mem[spec.address(sp)];
            sp++;
        }
        List<Activation> chain = new ArrayList<>();
        for (int guard = 0; guard <= spec.memoryWords(); guard++) {
            TcDebugInfo.Function f = debug.functionAt(pc);
            if (f == null) return null;
            int depth = debug.depthAt(pc);
            long entrySp = sp + depth;
            chain.add(new Activation(f, (int) entrySp, Math.min(depth, f.saved().size())));
            int ret = mem[spec.address(entrySp)];
            if (!isCallOf(program, ret - 1, f.entry())) return null;
            if (debug.functionAt(ret) == null) return ret == compiled.mainReturnSlot() ? chain : null;
            pc = ret;
            sp = entrySp + 1;
        }
        return null;
    }

    private static boolean isCallOf(TcProgram program, int slot, int entry) {
        if (slot < 0 || slot >= program.code().size()) return false;
        TcInstruction in = program.at(slot);
        return in.op() == TcOp.CALL && in.imm() == entry;
    }

    /** The stack overflow, traced back from the overflow HALT to the CALL whose callee's prologue jumped there. */
    static TcOutcome.Fault fault(TcCompiled compiled, TcState s) {
        TcProgram program = compiled.program();
        int ret = s.memory()[program.spec().address(s.register(TcMachineSpec.SP))];
        int call = ret - 1;
        boolean known = call >= 0 && call < program.code().size() && program.at(call).op() == TcOp.CALL;
        TcDebugInfo.Function callee = known ? compiled.debug().functionEnteredAt(program.at(call).imm()) : null;
        // CALL, the prologue's check, then the overflow HALT: the CALL is that many steps back.
        long step = s.steps() - FunctionCompiler.OVERFLOW_CHECK - 1;
        String what = callee == null ? "a call" : "the call of " + callee.name();
        String message = "stack overflow: " + what + " would grow the stack into the globals (memory is "
                + program.spec().memoryWords() + " words)";
        return new TcOutcome.Fault(message, known ? call : -1, step, known ? compiled.debug().lineOf(call) : 0);
    }
}
