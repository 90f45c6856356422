package tc.learn.population;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * A program as plain numbers (opcode, rd, rs1, rs2, imm per instruction), so that it travels
 * between the driver and Spark executors; {@link TcInstruction} is not serializable.
 */
public record Code(int[] words) implements Serializable {
    private static final int FIELDS = 5;
    private static final TcOp[] OPS = TcOp.values();

    public Code {
        if (words.length % FIELDS != 0) throw new IllegalArgumentException("a program's words come in fives, got " + words.length);
        words = words.clone();
    }

    public static final Code EMPTY = new Code(new int[0]);

    public static Code of(List<TcInstruction> program) {
        int[] w = new int[program.size() * FIELDS];
        for (int k = 0; k < program.size(); k++) {
            TcInstruction i = program.get(k);
            w[k * FIELDS] = i.op().ordinal();
            w[k * FIELDS + 1] = i.rd();
            w[k * FIELDS + 2] = i.rs1();
            w[k * FIELDS + 3] = i.rs2();
            w[k * FIELDS + 4] = i.imm();
        }
        return new Code(w);
    }

    public List<TcInstruction> instructions() {
        List<TcInstruction> out = new ArrayList<>(length());
        for (int k = 0; k < words.length; k += FIELDS)
            out.add(new TcInstruction(OPS[words[k]], words[k + 1], words[k + 2], words[k + 3], words[k + 4]));
        return out;
    }

    public int length() { return words.length / FIELDS; }

    public boolean isEmpty() { return words.length == 0; }

    @Override public boolean equals(Object o) { return o instanceof Code c && Arrays.equals(words, c.words); }

    @Override public int hashCode() { return Arrays.hashCode(words); }

    @Override public String toString() { return instructions().toString(); }
}
