package tc.computer.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;

/**
 * The assembly spelling of Tensor Computer operations and registers, shared by the reader, the
 * writer and the ISA reference so that the three cannot drift apart.
 *
 * <p>Operands follow the operation's {@link TcOp.Shape} in the order rd, rs1, rs2, imm, except for
 * memory access, written the conventional way: {@code load rd, imm(rs1)} and
 * {@code store rs2, imm(rs1)}.
 */
public final class TcSyntax {
    private TcSyntax() {}

    /** What one operand position holds. */
    enum Operand { RD, RS1, RS2, IMM, MEM }

    private static final Map<String, TcOp> BY_MNEMONIC = new TreeMap<>();

    static {
        for (TcOp op : TcOp.values()) BY_MNEMONIC.put(op.mnemonic(), op);
    }

    /** The operation spelled {@code mnemonic}, in any letter case. */
    public static Optional<TcOp> op(String mnemonic) { return Optional.ofNullable(BY_MNEMONIC.get(mnemonic.toLowerCase(Locale.ROOT))); }

    static List<Operand> operands(TcOp op) {
        if (op == TcOp.LOAD) return List.of(Operand.RD, Operand.MEM);
        if (op == TcOp.STORE) return List.of(Operand.RS2, Operand.MEM);
        var s = op.shape();
        List<Operand> out = new ArrayList<>(3);
        if (s.rd) out.add(Operand.RD);
        if (s.rs1) out.add(Operand.RS1);
        if (s.rs2) out.add(Operand.RS2);
        if (s.imm) out.add(Operand.IMM);
        return out;
    }

    /** The operation's syntax as the ISA reference shows it, e.g. {@code load rd, imm(rs1)} or {@code jnz target}. */
    public static String syntax(TcOp op) {
        List<String> parts = new ArrayList<>();
        for (Operand o : operands(op)) parts.add(switch (o) {
            case RD -> "rd";
            case RS1 -> "rs1";
            case RS2 -> "rs2";
            case IMM -> op.isJump() || op == TcOp.CALL ? "target" : "imm";
            case MEM -> "imm(rs1)";
        });
        return parts.isEmpty() ? op.mnemonic() : op.mnemonic() + " " + String.join(", ", parts);
    }

    /** How a register is written: {@code sp} for the stack pointer, else {@code rN}. */
    public static String register(int r) { return r == TcMachineSpec.SP ? "sp" : "r" + r; }

    /** The register named {@code name} ({@code r0}..{@code r15} or {@code sp}, any case), or −1. */
    public static int register(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("sp")) return TcMachineSpec.SP;
        if (n.length() >= 2 && n.length() <= 3 && n.charAt(0) == 'r' && n.chars().skip(1).allMatch(Character::isDigit)) {
            int r = Integer.parseInt(n.substring(1));
            if (r < TcMachineSpec.REGISTERS && (n.length() == 2 || n.charAt(1) != '0')) return r;
        }
        return -1;
    }

    /** Whether {@code name} looks like a register, valid or not ({@code r16}, {@code r007}): such names are no labels. */
    static boolean looksLikeRegister(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("sp") || n.length() >= 2 && n.charAt(0) == 'r' && n.chars().skip(1).allMatch(Character::isDigit);
    }
}
