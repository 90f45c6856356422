package tc.computer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.stream.Collectors;
import tc.computer.asm.TcAsmWriter;
import tc.computer.asm.TcSyntax;
import tc.computer.interp.TcMachine;
import tc.computer.interp.TcState;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;

/**
 * The outcome of {@code tc run --target tc}, for people or as one JSON object shaped like the Loom
 * target's summary (retval, steps, halted, status, pc, outputs, variables, fault, engine) plus the
 * machine's registers, flags and spec. The calling convention returns in r0, so {@code retval} is
 * r0. The Tensor Computer cannot fault: {@code fault} is always null and {@code variables} empty.
 *
 * @param wallNanos time the engine took, for the speed line (0: no speed line)
 */
public record TcRunReport(TcState state, TcMachineSpec spec, String engine, long wallNanos) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FLAG_NAMES = {"Z", "N", "C", "V"};

    public int retval() { return state.register(0); }

    /** {@code halted} or {@code step_limit}, as in the Loom summary. */
    public String status() { return state.halted() ? "halted" : "step_limit"; }

    /** The human summary, one fact per line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("retval = ").append(retval()).append('\n');
        sb.append("steps = ").append(state.steps()).append('\n');
        sb.append("status = ").append(state.halted() ? "halted" : "step limit reached").append('\n');
        if (!state.outputs().isEmpty())
            sb.append("outputs = ").append(state.outputs().stream().map(String::valueOf).collect(Collectors.joining(", "))).append('\n');
        sb.append("registers:");
        for (int r = 0; r < TcMachineSpec.REGISTERS; r++) sb.append(r % 8 == 0 ? "\n  " : " ").append(TcSyntax.register(r)).append('=').append(state.register(r));
        sb.append("\nflags = ").append(flagsText(state.flags())).append('\n');
        sb.append("pc = ").append(state.pc()).append('\n');
        if (wallNanos > 0) {
            String rate = String.format(Locale.ROOT, "%,.0f steps/s", state.steps() * 1e9 / wallNanos);
            sb.append(String.format(Locale.ROOT, "speed = %d steps in %.3f ms, %s (%s, %d words, %d slots)%n",
                    state.steps(), wallNanos / 1e6, rate, engine, spec.memoryWords(), spec.slots()));
        }
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("retval", retval());
        o.put("steps", state.steps());
        o.put("halted", state.halted());
        o.put("status", status());
        o.put("pc", state.pc());
        ArrayNode outputs = o.putArray("outputs");
        state.outputs().forEach(outputs::add);
        o.putObject("variables");
        o.putNull("fault");
        o.put("engine", engine);
        ArrayNode regs = o.putArray("registers");
        for (int r : state.registers()) regs.add(r);
        ObjectNode flags = o.putObject("flags");
        int[] f = state.flags();
        for (int i = 0; i < f.length; i++) flags.put(FLAG_NAMES[i], f[i]);
        ObjectNode s = o.putObject("spec");
        s.put("memoryWords", spec.memoryWords());
        s.put("slots", spec.slots());
        return o;
    }

    /** {@link #toJson()} pretty-printed. */
    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flagsText(int[] f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length; i++) sb.append(i == 0 ? "" : " ").append(FLAG_NAMES[i]).append('=').append(f[i]);
        return sb.toString();
    }

    /** The column heads for {@link #traceLine}. */
    public static String traceHeader() { return String.format("%8s %6s  %-28s %s", "step", "pc", "instruction", "writes"); }

    /**
     * One {@code --trace} line, for a {@link TcMachine.Trace}: step, pc, the instruction and what it
     * wrote (register, memory word, sp, flags), read from the machine after the step.
     */
    public static String traceLine(long step, int pc, TcInstruction ins, TcMachine after) {
        StringBuilder sb = new StringBuilder(String.format("%8d %6d  %-28s", step, pc, TcAsmWriter.instruction(ins)));
        TcOp op = ins.op();
        int sp = after.register(TcMachineSpec.SP);
        switch (op) {
            case STORE -> sb.append(" [").append(address(after, (long) after.register(ins.rs1()) + ins.imm())).append("]=").append(after.register(ins.rs2()));
            case PUSH, CALL -> sb.append(" sp=").append(sp).append(" [").append(address(after, sp)).append("]=").append(after.memory(sp));
            case POP -> {
                sb.append(' ').append(TcSyntax.register(ins.rd())).append('=').append(after.register(ins.rd()));
                if (ins.rd() != TcMachineSpec.SP) sb.append(" sp=").append(sp);
            }
            case RET -> sb.append(" sp=").append(sp);
            case OUT -> sb.append(" out ").append(after.register(ins.rs1()));
            default -> { if (op.shape().rd) sb.append(' ').append(TcSyntax.register(ins.rd())).append('=').append(after.register(ins.rd())); }
        }
        if (op.setsFlags()) {
            sb.append(' ');
            for (int i = 0; i < FLAG_NAMES.length; i++) sb.append(after.flag(i) == 1 ? FLAG_NAMES[i] : "-");
        }
        return sb.toString();
    }

    /** The word an address value lands on after wrapping: the trace shows where the write went. */
    private static int address(TcMachine m, long value) { return m.spec().address(value); }
}
