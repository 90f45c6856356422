package tc.cli;

import java.io.PrintWriter;
import tc.computer.asm.TcAsmWriter;
import tc.computer.backend.TcCompiled;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.loom.engine.TraceEvent;
import tc.loom.engine.TraceListener;
import tc.loom.isa.Program;
import tc.source.SourceFile;

/**
 * {@code tc run --trace}: one line per executed instruction (step, pc, the instruction, its source
 * line, what it wrote, the C line quoted), printed as it happens so that traces of millions of
 * steps stream instead of piling up in memory. The columns are common to both machines; what an
 * instruction looks like and what it wrote is each machine's: {@link Loom} and {@link Tc}.
 */
final class TracePrinter {
    private final PrintWriter out;
    private final String pcColumn;
    private final SourceFile cSource;
    private final StringBuilder line = new StringBuilder(160);

    /**
     * @param pcColumn the name of the pc column ({@code pc} on Loom, {@code slot} on the Tensor Computer)
     * @param cSource  the C source, to quote each instruction's line; null if unknown
     */
    private TracePrinter(PrintWriter out, String pcColumn, SourceFile cSource) {
        this.out = out;
        this.pcColumn = pcColumn;
        this.cSource = cSource;
    }

    /** A printer for Loom programs; {@code cSource} is the C source (null if unknown). */
    static Loom loom(PrintWriter out, Program program, SourceFile cSource) {
        return new Loom(new TracePrinter(out, "pc", cSource), program);
    }

    /** A printer for a compiled C program on the Tensor Computer's interpreter, starting from {@code initial}. */
    static Tc tc(PrintWriter out, TcCompiled compiled, TcMachine initial) {
        return new Tc(new TracePrinter(out, "slot", compiled.debug().source()), compiled, initial);
    }

    void header() {
        out.println(String.format("%8s %6s  %-28s %5s  %s", "step", pcColumn, "instruction", "line", "writes"));
    }

    /** @param writes each write as " name=value" */
    private void print(long step, int pc, String instruction, int srcLine, CharSequence writes) {
        line.setLength(0);
        line.append(String.format("%8d %6d  %-28s %5s ", step, pc, instruction, srcLine > 0 ? Integer.toString(srcLine) : "-"));
        line.append(writes);
        if (cSource != null && srcLine > 0) {
            String code = cSource.line(srcLine).strip();
            if (!code.isEmpty()) line.append("   // ").append(code);
        }
        out.println(line);
    }

    /** Loom: instructions with memory operands by symbol name, the cells each one wrote. */
    static final class Loom implements TraceListener {
        private final TracePrinter printer;
        private final Program program;
        private final InstructionText text;
        private final StringBuilder writes = new StringBuilder(64);

        private Loom(TracePrinter printer, Program program) {
            this.printer = printer;
            this.program = program;
            this.text = new InstructionText(program);
        }

        void header() { printer.header(); }

        @Override public void onStep(TraceEvent e) {
            int[] w = e.writes();
            writes.setLength(0);
            for (int i = 0; i + 1 < w.length; i += 2) writes.append(' ').append(text.cell(w[i])).append('=').append(w[i + 1]);
            printer.print(e.step(), e.pc(), text.format(e.instruction()), program.debug().lineOf(e.pc() - program.config().programStart()), writes);
        }
    }

    /**
     * The Tensor Computer: instructions as assembly; the registers that changed, the memory word a
     * store, push or call wrote, and the flags that changed.
     */
    static final class Tc implements TcMachine.Trace {
        private static final String[] FLAG_NAMES = {"Z", "N", "C", "V"};
        private final TracePrinter printer;
        private final TcCompiled compiled;
        private final int[] registers = new int[TcMachineSpec.REGISTERS];
        private final int[] flags = new int[4];
        private final StringBuilder writes = new StringBuilder(64);

        private Tc(TracePrinter printer, TcCompiled compiled, TcMachine initial) {
            this.printer = printer;
            this.compiled = compiled;
            for (int r = 0; r < registers.length; r++) registers[r] = initial.register(r);
            for (int f = 0; f < flags.length; f++) flags[f] = initial.flag(f);
        }

        void header() { printer.header(); }

        @Override public void step(long step, int pc, TcInstruction ins, TcMachine after) {
            writes.setLength(0);
            for (int r = 0; r < registers.length; r++) {
                int v = after.register(r);
                if (v != registers[r]) {
                    writes.append(' ').append(r == TcMachineSpec.SP ? "sp" : "r" + r).append('=').append(v);
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
                writes.append(" [").append(a).append("]=").append(after.memory(a));
            }
            int before = writes.length();
            for (int f = 0; f < flags.length; f++) {
                int v = after.flag(f);
                if (v != flags[f]) {
                    writes.append(writes.length() == before ? " " : ",").append(FLAG_NAMES[f]).append('=').append(v);
                    flags[f] = v;
                }
            }
            printer.print(step, pc, TcAsmWriter.instruction(ins), compiled.debug().lineOf(pc), writes);
        }
    }
}
