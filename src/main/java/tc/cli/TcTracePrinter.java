package tc.cli;

import java.io.PrintWriter;
import tc.computer.asm.TcAsmWriter;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.interp.TcMachine;

/**
 * {@code tc run FILE.c --target tc --trace}: one line per executed Tensor Computer instruction —
 * step, slot, the instruction, and what it wrote (registers, the memory word, the flags) — printed
 * as it happens so that long traces stream.
 */
final class TcTracePrinter implements TcMachine.Trace {
    private static final String[] FLAG_NAMES = {"Z", "N", "C", "V"};
    private final PrintWriter out;
    private final int[] registers = new int[TcMachineSpec.REGISTERS];
    private final int[] flags = new int[4];
    private final StringBuilder line = new StringBuilder(120);

    /** @param initial the machine before its first step (the registers it starts with) */
    TcTracePrinter(PrintWriter out, TcMachine initial) {
        this.out = out;
        for (int r = 0; r < registers.length; r++) registers[r] = initial.register(r);
        for (int f = 0; f < flags.length; f++) flags[f] = initial.flag(f);
    }

    void header() { out.println(String.format("%8s %6s  %-26s %s", "step", "slot", "instruction", "writes")); }

    @Override public void step(long step, int pc, TcInstruction ins, TcMachine after) {
        line.setLength(0);
        line.append(String.format("%8d %6d  %-26s", step, pc, TcAsmWriter.instruction(ins)));
        for (int r = 0; r < registers.length; r++) {
            int v = after.register(r);
            if (v != registers[r]) {
                line.append(' ').append(r == TcMachineSpec.SP ? "sp" : "r" + r).append('=').append(v);
                registers[r] = v;
            }
        }
        int address = switch (ins.op()) {
            case STORE -> after.register(ins.rs1()) + ins.imm(); // STORE changes no register
            case PUSH, CALL -> after.register(TcMachineSpec.SP);
            default -> Integer.MIN_VALUE;
        };
        if (address != Integer.MIN_VALUE) {
            int a = after.spec().address(address);
            line.append(" [").append(a).append("]=").append(after.memory(a));
        }
        StringBuilder changed = new StringBuilder();
        for (int f = 0; f < flags.length; f++) {
            int v = after.flag(f);
            if (v != flags[f]) {
                changed.append(FLAG_NAMES[f]).append('=').append(v).append(',');
                flags[f] = v;
            }
        }
        if (!changed.isEmpty()) line.append(' ').append(changed, 0, changed.length() - 1);
        out.println(line);
    }
}
