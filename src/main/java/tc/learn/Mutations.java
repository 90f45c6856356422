package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * The search's proposals: edits of a program that keep jump targets pointing where they pointed
 * (an insertion or deletion shifts the targets behind it). Programs are kept canonical: a jump
 * past the end targets slot = length (the first HALT).
 */
final class Mutations {
    private final Vocabulary vocabulary;
    private final int maxLength;

    Mutations(Vocabulary vocabulary, int maxLength) {
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
    }

    /**
     * One random edit of {@code code} with at most {@code cap} instructions: replace, tweak one
     * field, insert, delete, insert a compare-and-branch pair or a counted loop, or swap
     * neighbours.
     */
    List<TcInstruction> propose(RandomGenerator r, List<TcInstruction> code, int cap) {
        cap = Math.min(cap, maxLength);
        int n = code.size();
        while (true) {
            int kind = r.nextInt(11);
            List<TcInstruction> out = switch (kind) {
                case 0, 1 -> n == 0 ? null : replace(r, code, r.nextInt(n));
                case 2, 3, 4 -> n == 0 ? null : tweak(r, code, r.nextInt(n));
                case 5, 6 -> n >= cap ? null : insert(r, code, r.nextInt(n + 1));
                case 7 -> n == 0 ? null : delete(code, r.nextInt(n));
                case 8 -> n + 2 > cap ? null : insertBranch(r, code, r.nextInt(n + 1));
                case 10 -> n + 2 > cap || n == 0 ? null : insertLoop(r, code);
                default -> n < 2 ? null : swap(code, r.nextInt(n - 1));
            };
            if (out != null && !out.equals(code)) return canonical(out);
        }
    }

    private List<TcInstruction> replace(RandomGenerator r, List<TcInstruction> code, int pos) {
        List<TcInstruction> out = new ArrayList<>(code);
        out.set(pos, vocabulary.instruction(r, pos, code.size()));
        return out;
    }

    private List<TcInstruction> tweak(RandomGenerator r, List<TcInstruction> code, int pos) {
        TcInstruction i = code.get(pos);
        var s = i.op().shape();
        List<String> fields = new ArrayList<>(List.of("op"));
        if (s.rd) fields.add("rd");
        if (s.rs1) fields.add("rs1");
        if (s.rs2) fields.add("rs2");
        if (s.imm) fields.add("imm");
        TcInstruction t = switch (fields.get(r.nextInt(fields.size()))) {
            case "op" -> {
                List<TcOp> same = vocabulary.sameShape(i.op());
                TcOp op = same.get(r.nextInt(same.size()));
                yield new TcInstruction(op, i.rd(), i.rs1(), i.rs2(), op.isJump() == i.op().isJump() ? i.imm() : vocabulary.immediate(r, op, pos, code.size()));
            }
            case "rd" -> new TcInstruction(i.op(), vocabulary.register(r), i.rs1(), i.rs2(), i.imm());
            case "rs1" -> new TcInstruction(i.op(), i.rd(), vocabulary.register(r), i.rs2(), i.imm());
            case "rs2" -> new TcInstruction(i.op(), i.rd(), i.rs1(), vocabulary.register(r), i.imm());
            default -> new TcInstruction(i.op(), i.rd(), i.rs1(), i.rs2(), vocabulary.immediate(r, i.op(), pos, code.size()));
        };
        if (Vocabulary.degenerate(t)) return null;
        List<TcInstruction> out = new ArrayList<>(code);
        out.set(pos, t);
        return out;
    }

    static List<TcInstruction> insert(List<TcInstruction> code, int pos, TcInstruction ins) {
        List<TcInstruction> out = new ArrayList<>(code.size() + 1);
        for (TcInstruction i : code) out.add((i.op().isJump() || i.op() == TcOp.CALL) && i.imm() >= pos ? retarget(i, i.imm() + 1) : i);
        out.add(pos, ins);
        return out;
    }

    private List<TcInstruction> insert(RandomGenerator r, List<TcInstruction> code, int pos) {
        return insert(code, pos, vocabulary.instruction(r, pos, code.size() + 1));
    }

    /** Removes slot {@code pos}; jumps to it now land on what follows it. */
    static List<TcInstruction> delete(List<TcInstruction> code, int pos) {
        List<TcInstruction> out = new ArrayList<>(code.size() - 1);
        for (int k = 0; k < code.size(); k++) {
            if (k == pos) continue;
            TcInstruction i = code.get(k);
            out.add((i.op().isJump() || i.op() == TcOp.CALL) && i.imm() > pos ? retarget(i, i.imm() - 1) : i);
        }
        return out;
    }

    /** {@code CMP ra, rb} then a conditional jump forward: the branch idiom as one proposal. */
    private List<TcInstruction> insertBranch(RandomGenerator r, List<TcInstruction> code, int pos) {
        int a = vocabulary.register(r), b = vocabulary.register(r);
        if (a == b) return null;
        List<TcInstruction> out = insert(code, pos, new TcInstruction(TcOp.CMP, 0, a, b, 0));
        TcOp[] conditions = {TcOp.JZ, TcOp.JNZ, TcOp.JLT, TcOp.JGE, TcOp.JLE, TcOp.JGT};
        TcOp cond = conditions[r.nextInt(conditions.length)];
        int length = out.size() + 1;
        int target = pos + 2 + r.nextInt(length - pos - 1);
        return insert(out, pos + 1, new TcInstruction(cond, 0, 0, 0, target));
    }

    /**
     * A counted loop closing over existing code: {@code ADDI rc, rc, −1; JNZ start} after slot
     * {@code end}, jumping back to a slot at or before it (the loop idiom as one proposal).
     */
    private List<TcInstruction> insertLoop(RandomGenerator r, List<TcInstruction> code) {
        int end = r.nextInt(code.size());
        int start = r.nextInt(end + 1);
        int counter = vocabulary.register(r);
        List<TcInstruction> out = insert(code, end + 1, new TcInstruction(TcOp.ADDI, counter, counter, 0, -1));
        return insert(out, end + 2, new TcInstruction(TcOp.JNZ, 0, 0, 0, start));
    }

    private static List<TcInstruction> swap(List<TcInstruction> code, int pos) {
        List<TcInstruction> out = new ArrayList<>(code);
        out.set(pos, code.get(pos + 1));
        out.set(pos + 1, code.get(pos));
        return out;
    }

    static TcInstruction retarget(TcInstruction i, int target) { return new TcInstruction(i.op(), i.rd(), i.rs1(), i.rs2(), target); }

    /** Jumps past the end all mean HALT: make them target slot = length. */
    static List<TcInstruction> canonical(List<TcInstruction> code) {
        int n = code.size();
        List<TcInstruction> out = new ArrayList<>(n);
        for (TcInstruction i : code) out.add(i.op().isJump() && (i.imm() > n || i.imm() < 0) ? retarget(i, n) : i);
        return List.copyOf(out);
    }
}
