package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.isa.Opcode;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/** L6: the branch flag f into scr_sub[0], clear scr_min, PC ← PC + 1 (every row gated to the scratchpad). */
public final class L6Branch {
    private L6Branch() {}

    /** Rows reserved for the flag section beyond the 23 + 2N it uses (gate-only rows in the reference). */
    static final int FLAG_PADDING = 20;

    /** Extended opcodes that never branch: their gate subtracts 1 from the flag (REFERENCE.md §2.3 L6). */
    private static final List<Opcode> NO_BRANCH_BEFORE_JZ = List.of(Opcode.AND, Opcode.OR, Opcode.XOR, Opcode.MOV, Opcode.ADD,
            Opcode.SUB, Opcode.SHL, Opcode.SHR, Opcode.LOAD);
    private static final List<Opcode> NO_BRANCH_AFTER_CMP = List.of(Opcode.FIND, Opcode.SWAP, Opcode.CMOV, Opcode.MULACC, Opcode.STORE);

    public static LayerBudget build(StateLayout layout, Fixes fixes) {
        int l = layout.addressBits();
        int n = layout.wordBits();
        Rows r = layout.rows(Region.SCR_MIN); // the result R
        Rows pc = layout.rows(Region.PC);
        int flag = layout.rows(Region.SCR_SUB).row(0);
        FfnBuilder f = new FfnBuilder(layout, "L6 flag and PC+1");

        f.block("flag += relu(R sign bit)");
        f.row().onlyScratchpad().in(r.row(0), 1).out(flag, 1);
        f.block("flag += relu(1 − N − ΣR): R == 0");
        FfnBuilder.Row zero = f.row().onlyScratchpad().biasCol0(1 - n).out(flag, 1);
        for (int i = 0; i < n; i++) zero.in(r.row(i), -1);
        f.block("clear scr_min");
        Idioms.clearRuns(f, r, Idioms.Gate.SCRATCHPAD);
        f.block("dead row relu(a_bit32 − 0.5) (computed, never connected)");
        f.row().onlyScratchpad().in(f.subleqModeBit(), 1).biasCol0(-0.5);
        f.block("flag += 2: JMP, HALT always branch");
        for (Opcode op : List.of(Opcode.JMP, Opcode.HALT))
            f.row().onlyScratchpad().opcode(op).biasCol0(-(l - 0.5)).out(flag, 2);
        f.block("flag −= 1 for opcodes 4–7 (JZ, JNZ, INC, DEC)");
        FfnBuilder.Row four = f.row().onlyScratchpad().biasCol0(-(l - 3)).out(flag, -1);
        Rows a = f.scratchA();
        for (int i = 0; i < l - 3; i++) four.in(a.row(i), -1);
        four.in(a.row(l - 3), 1);
        f.block("flag −= 1 for AND, OR, XOR, MOV, ADD, SUB, SHL, SHR, LOAD");
        for (Opcode op : NO_BRANCH_BEFORE_JZ) f.row().onlyScratchpad().opcode(op).biasCol0(-(l - 1)).out(flag, -1);
        f.block("JZ: flag += 2·relu(⟨p_JZ,a⟩ − ΣR − ℓ − N + 0.5)");
        conditional(f, Opcode.JZ, 1, -1, -(l + n - 0.5), r).out(flag, 2);
        // The reference scales JNZ's opcode gate by 10, which only silences it on other opcodes while
        // ΣR + N < 20.5, i.e. for N ≤ 10: at N = 16 a MOV of 32767 branched. exact scales it by 2N.
        double jnzScale = layout.isExact() ? Math.max(10, 2 * n) : 10;
        f.block("JNZ: flag += 2·relu(" + (int) jnzScale + "⟨p_JNZ,a⟩ + ΣR − " + (int) jnzScale + "ℓ + N − 0.5)");
        conditional(f, Opcode.JNZ, jnzScale, 1, -jnzScale * l + n - 0.5, r).out(flag, 2);
        f.block("CMP: flag −= 2·relu(⟨p_CMP,a⟩ − ΣR − ℓ − N + 0.5)");
        conditional(f, Opcode.CMP, 1, -1, -(l + n - 0.5), r).out(flag, -2);
        f.block("flag −= 1 for FIND, SWAP, CMOV, MULACC, STORE");
        for (Opcode op : NO_BRANCH_AFTER_CMP) f.row().onlyScratchpad().opcode(op).biasCol0(-(l - 1)).out(flag, -1);
        if (layout.isExact()) fixes.faultBranch(f, flag);
        if (!layout.isExact()) {
            f.block(FfnBuilder.UNUSED + ": gate-only rows of the flag section");
            for (int i = 0; i < FLAG_PADDING; i++) f.row().onlyScratchpad();
        }

        for (int i = l; i >= 1; i--) {
            f.block("PC+1, bit " + (i - 1) + " (T = low " + i + " bits of PC + 1)");
            Idioms.sixThresholds(f, pc, pc, null, i, (Math.pow(2, i) - 1) / 2 + 1, Idioms.Gate.SCRATCHPAD);
        }
        f.block("clear the old PC");
        Idioms.clearRuns(f, pc, Idioms.Gate.SCRATCHPAD);
        for (int i = 0; i < l; i++) f.outputBias(pc.row(i), -3, 0, 0);
        return f.build(List.of(Heads.none("L6", layout)));
    }

    private static FfnBuilder.Row conditional(FfnBuilder f, Opcode op, double opScale, double rWeight, double bias, Rows r) {
        FfnBuilder.Row row = f.row().onlyScratchpad().opcode(op, opScale).biasCol0(bias);
        for (int i = 0; i < r.count(); i++) row.in(r.row(i), rWeight);
        return row;
    }
}
