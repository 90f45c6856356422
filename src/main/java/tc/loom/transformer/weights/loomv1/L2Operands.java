package tc.loom.transformer.weights.loomv1;

import java.util.List;
import tc.loom.isa.Opcode;
import tc.loom.state.Bipolar;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.weights.FfnBuilder;
import tc.loom.transformer.weights.Heads;
import tc.loom.transformer.weights.Idioms;
import tc.loom.transformer.weights.LayerBudget;

/**
 * L2: read the three operands (at ±0.5) and decode the opcode into scr_sub/scr_min and the
 * LOAD/FIND/STORE/SWAP set-up (REFERENCE.md §2.3, row budget §2.4).
 *
 * <p>Opcode gates: ⟨p_op, addr_a⟩ = ℓ only on a match and ≤ ℓ − 2 otherwise, so a bias of
 * −(ℓ + extra − ½) lets a row fire ½ (or 1) exactly when the opcode and its operand bits agree.
 */
public final class L2Operands {
    private L2Operands() {}

    /** k = log2 s: the low pointer bits LOAD and STORE keep (s = 32). */
    private static final int POINTER_BITS = 5;

    public static LayerBudget build(StateLayout layout, Fixes fixes) {
        return new L2Operands.Rows2(layout, fixes).build();
    }

    /** Holds the field rows while the sections are emitted. */
    private static final class Rows2 {
        final StateLayout layout;
        final Fixes fixes;
        final FfnBuilder f;
        final int l;
        final int n;
        final Rows mem;
        final Rows sub;
        final Rows min;
        final Rows bufA;
        final Rows bufB;
        final Rows bufC;
        final Rows find;
        final Rows load;

        Rows2(StateLayout layout, Fixes fixes) {
            this.fixes = fixes;
            this.layout = layout;
            this.f = new FfnBuilder(layout, "L2 operands and decode");
            this.l = layout.addressBits();
            this.n = layout.wordBits();
            this.mem = layout.rows(Region.MEMORY);
            this.sub = layout.rows(Region.SCR_SUB);
            this.min = layout.rows(Region.SCR_MIN);
            this.bufA = layout.rows(Region.BUF_A);
            this.bufB = layout.rows(Region.BUF_B);
            this.bufC = layout.rows(Region.BUF_C);
            this.find = layout.rows(Region.FIND_TEMP);
            this.load = layout.rows(Region.LOAD_TEMP);
        }

        public LayerBudget build() {
            Rows pos = layout.rows(Region.POS_ENC);
            AttentionHead a = Heads.head("L2 head a: buf_a ← mem[a] + scr_sub", layout, l, f.scratchA(), pos,
                    new Heads.Values(layout).copy(bufA, mem, 1).copy(bufA, sub, 1));
            AttentionHead b = Heads.head("L2 head b: buf_b ← mem[b] + scr_min", layout, l, f.scratchB(), pos,
                    new Heads.Values(layout).copy(bufB, mem, 1).copy(bufB, min, 1));
            AttentionHead c = Heads.head("L2 head c: buf_c ← mem[c]", layout, l, f.scratchC(), pos,
                    new Heads.Values(layout).copy(bufC, mem, 1));

            everyMode();
            f.block("INC, DEC, JZ, JNZ, JMP, HALT: set scr_sub");
            constant(Opcode.INC, -1);
            constant(Opcode.DEC, 1);
            for (Opcode op : List.of(Opcode.JZ, Opcode.JNZ, Opcode.JMP, Opcode.HALT)) constant(op, 0);
            mov();
            add();
            subtract();
            shl();
            shr();
            f.block("CMP: scr_sub ← 0");
            constant(Opcode.CMP, 0);
            loadOp();
            findOp();
            cmov();
            swap();
            mulacc();
            bitwise();
            store();
            if (layout.isExact()) fixes.operands(f);
            else f.padTo(80 * n, "allocated 80N, never filled");
            return f.build(List.of(a, b, c));
        }

        private void everyMode() {
            f.block("SUBLEQ: scr_sub ← ±2·buf_a when a_bit32; clear buf_a everywhere");
            // exact: the mode row L1 computed (a ≥ s), not the bit of a worth 32.
            int mode = layout.isExact() ? layout.rows(Region.MODE).first() : f.subleqModeBit();
            for (int i = 0; i < n; i++) {
                f.row().onlyScratchpad().in(mode, 1).in(bufA.row(i), 1).out(sub.row(i), 2);
                f.row().onlyScratchpad().in(mode, 1).in(bufA.row(i), -1).out(sub.row(i), -2);
                f.row().in(bufA.row(i), 1).out(bufA.row(i), -1);
                f.row().in(bufA.row(i), -1).out(bufA.row(i), 1);
            }
            f.block("always copy: scr_min ← mem[b] (relu(2buf_b − 2scr_min) pairs); clear buf_b everywhere");
            for (int i = 0; i < n; i++) {
                f.row().onlyScratchpad().in(min.row(i), -2).in(bufB.row(i), 2).out(min.row(i), 1);
                f.row().onlyScratchpad().in(min.row(i), 2).in(bufB.row(i), -2).out(min.row(i), -1);
                f.row().in(bufB.row(i), 1).out(bufB.row(i), -1);
                f.row().in(bufB.row(i), -1).out(bufB.row(i), 1);
            }
            f.block("clear buf_c outside the scratchpad (column 0 keeps mem[c] for L5)");
            Idioms.clearPairs(f, bufC, Idioms.Gate.OUTSIDE_SCRATCHPAD);
        }

        /** Opcode gate firing ½ on a match: scr_sub ← the constant word {@code value}. */
        private void constant(Opcode op, int value) {
            float[] bits = Bipolar.encodeSigned(value, n);
            FfnBuilder.Row r = f.row().opcode(op).biasCol0(-(l - 0.5));
            for (int i = 0; i < n; i++) r.out(sub.row(i), 2 * bits[i]);
        }

        /** Same, with the bias in every column (SWAP's variant in the reference). */
        private void constantAllColumns(Opcode op, int value) {
            float[] bits = Bipolar.encodeSigned(value, n);
            FfnBuilder.Row r = f.row().opcode(op).bias(-(l - 0.5));
            for (int i = 0; i < n; i++) r.out(sub.row(i), 2 * bits[i]);
        }

        /** dst ← src bit by bit where they differ: relu(op + 2src − 2cur − ℓ − 1) → ±2. */
        private void copyPairs(Opcode op, Rows dst, Rows cur, Rows src, boolean allColumns) {
            for (int i = 0; i < n; i++) {
                FfnBuilder.Row up = f.row().opcode(op).in(cur.row(i), -2).in(src.row(i), 2).out(dst.row(i), 2);
                FfnBuilder.Row down = f.row().opcode(op).in(cur.row(i), 2).in(src.row(i), -2).out(dst.row(i), -2);
                if (allColumns) { up.bias(-(l + 1)); down.bias(-(l + 1)); } else { up.biasCol0(-(l + 1)); down.biasCol0(-(l + 1)); }
            }
        }

        private void mov() {
            f.block("MOV: scr_sub ← 0; scr_min ← buf_c where it differs from buf_b");
            constant(Opcode.MOV, 0);
            copyPairs(Opcode.MOV, min, bufB, bufC, false);
        }

        /**
         * The "+1" of a two's complement negation of buf_c into scr_sub: bit p flips when every
         * lower bit of buf_c is 0 (so every lower bit of ~buf_c is 1).
         */
        private void negationCarry(Opcode op, boolean msbGated) {
            int extra = msbGated ? 1 : 0;
            for (int p = n - 1; p >= 0; p--) {
                int lower = n - 1 - p;
                for (int sign : new int[] {1, -1}) {
                    FfnBuilder.Row r = f.row().opcode(op);
                    if (msbGated) r.in(bufB.row(0), 2);
                    r.in(bufC.row(p), 2 * sign);
                    for (int q = p + 1; q < n; q++) r.in(bufC.row(q), -2);
                    r.bias(-(l + extra + lower)).out(sub.row(p), 2 * sign);
                }
            }
        }

        private void add() {
            f.block("ADD: scr_sub ← ~buf_c (one's complement)");
            for (int i = 0; i < n; i++) {
                f.row().opcode(Opcode.ADD).in(bufC.row(i), 2).biasCol0(-l).out(sub.row(i), -1);
                f.row().opcode(Opcode.ADD).in(bufC.row(i), -2).biasCol0(-l).out(sub.row(i), 1);
            }
            f.block("ADD: two's-complement negation of buf_c, +1 carry chain (LSB first)");
            negationCarry(Opcode.ADD, false);
        }

        private void subtract() {
            f.block("SUB: scr_sub ← buf_c");
            for (int i = 0; i < n; i++) {
                f.row().opcode(Opcode.SUB).in(bufC.row(i), 2).biasCol0(-l).out(sub.row(i), 1);
                f.row().opcode(Opcode.SUB).in(bufC.row(i), -2).biasCol0(-l).out(sub.row(i), -1);
            }
        }

        /** scr_min ← buf_b << 1: bit i takes bit i+1, the LSB is cleared. */
        private void shiftLeft(Opcode op) {
            for (int i = 0; i < n - 1; i++) {
                f.row().opcode(op).in(bufB.row(i), -2).in(bufB.row(i + 1), 2).biasCol0(-(l + 1)).out(min.row(i), 2);
                f.row().opcode(op).in(bufB.row(i), 2).in(bufB.row(i + 1), -2).biasCol0(-(l + 1)).out(min.row(i), -2);
            }
            f.row().opcode(op).in(bufB.row(n - 1), 2).biasCol0(-l).out(min.row(n - 1), -2);
        }

        private void shl() {
            f.block("SHL: scr_sub ← 0; scr_min ← buf_b << 1");
            constant(Opcode.SHL, 0);
            shiftLeft(Opcode.SHL);
        }

        private void shr() {
            f.block("SHR: scr_sub ← 0; scr_min ← buf_b >> 1 (sign kept)");
            constant(Opcode.SHR, 0);
            for (int i = 1; i < n; i++) {
                f.row().opcode(Opcode.SHR).in(bufB.row(i - 1), 2).in(bufB.row(i), -2).biasCol0(-(l + 1)).out(min.row(i), 2);
                f.row().opcode(Opcode.SHR).in(bufB.row(i - 1), -2).in(bufB.row(i), 2).biasCol0(-(l + 1)).out(min.row(i), -2);
            }
        }

        /** scr_min ← 0 (all bits −1) so that L3's indirect read lands on a clean word. */
        private void zeroMin(Opcode op) {
            for (int i = 0; i < n; i++) {
                f.row().opcode(op).in(bufB.row(i), 2).biasCol0(-(l + 0.5)).out(min.row(i), -2);
                f.row().opcode(op).in(bufB.row(i), -2).biasCol0(-(l + 0.5)).out(min.row(i), 2);
            }
        }

        /**
         * Writes the position code of column s + (buf_c mod s) into {@code target}, which is
         * assumed to be 0 there: high bits −1, bit k +1, the k low bits copied from buf_c.
         * The indicator term keeps the rows off non-scratchpad columns.
         */
        private void positionCode(Opcode op, Rows target, String what) {
            int k = POINTER_BITS;
            f.block(what + ": high bits −1, bit k = +1 (column s + pointer mod s)");
            FfnBuilder.Row fixed = f.row().opcode(op).in(f.indicator(), l).bias(-(2 * l - 0.5));
            for (int i = 0; i < l - k - 1; i++) fixed.out(target.row(i), -2);
            fixed.out(target.row(l - k - 1), 2);
            f.block(what + ": low k pointer bits from buf_c");
            for (int i = 0; i < k; i++) {
                int src = bufC.row(n - k + i);
                int dst = target.row(l - k + i);
                f.row().opcode(op).in(src, 2).in(f.indicator(), l + 2).bias(-(2 * l + 2.5)).out(dst, 2);
                f.row().opcode(op).in(src, -2).in(f.indicator(), l + 2).bias(-(2 * l + 2.5)).out(dst, -2);
            }
        }

        private void loadOp() {
            f.block("LOAD: scr_sub ← 0; scr_min ← 0");
            constant(Opcode.LOAD, 0);
            zeroMin(Opcode.LOAD);
            if (layout.isExact()) fixes.pointerQuery(f, Opcode.LOAD, layout.rows(Region.ADDR_Q), "LOAD: addr_q ← ±1 copy of the pointer");
            else positionCode(Opcode.LOAD, load, "LOAD: load_temp ← position code");
        }

        private void findOp() {
            f.block("FIND: scr_sub ← 0; scr_min ← 0");
            constant(Opcode.FIND, 0);
            zeroMin(Opcode.FIND);
            f.block("FIND: find_temp ← ±1 copy of buf_c");
            for (int i = 0; i < n; i++) {
                f.row().opcode(Opcode.FIND).in(bufC.row(i), 2).in(f.indicator(), l + 2).bias(-(2 * l + 2.5)).out(find.row(i), 2);
                f.row().opcode(Opcode.FIND).in(bufC.row(i), -2).in(f.indicator(), l + 2).bias(-(2 * l + 2.5)).out(find.row(i), -2);
            }
        }

        private void cmov() {
            f.block("CMOV: scr_sub ← 0; scr_min ← buf_c where buf_b < 0");
            constant(Opcode.CMOV, 0);
            // Sign bit: it flips only from 1 to 0 (a negative b moving in a non-negative c).
            f.row().opcode(Opcode.CMOV).in(bufB.row(0), 4).in(bufC.row(0), -2).biasCol0(-(l + 2.5)).out(min.row(0), -4);
            for (int i = 1; i < n; i++) {
                f.row().opcode(Opcode.CMOV).in(bufB.row(0), 2).in(bufB.row(i), -2).in(bufC.row(i), 2).biasCol0(-(l + 2.5)).out(min.row(i), 4);
                f.row().opcode(Opcode.CMOV).in(bufB.row(0), 2).in(bufB.row(i), 2).in(bufC.row(i), -2).biasCol0(-(l + 2.5)).out(min.row(i), -4);
            }
        }

        private void swap() {
            f.block("SWAP: scr_sub ← 0; scr_min ← buf_c");
            constantAllColumns(Opcode.SWAP, 0);
            copyPairs(Opcode.SWAP, min, bufB, bufC, true);
            f.block("SWAP: buf_c ← buf_b, so L5's head c writes the old mem[b] into c");
            for (int i = 0; i < n; i++) {
                f.row().opcode(Opcode.SWAP).in(bufB.row(i), 2).in(bufC.row(i), -2).bias(-(l + 1)).out(bufC.row(i), 1);
                f.row().opcode(Opcode.SWAP).in(bufB.row(i), -2).in(bufC.row(i), 2).bias(-(l + 1)).out(bufC.row(i), -1);
            }
        }

        private void mulacc() {
            f.block("MULACC: scr_sub ← 0; scr_min ← buf_b << 1");
            constant(Opcode.MULACC, 0);
            shiftLeft(Opcode.MULACC);
            f.block("MULACC: scr_sub ← ~buf_c when buf_b < 0");
            for (int i = 0; i < n; i++)
                f.row().opcode(Opcode.MULACC).in(bufB.row(0), 2).in(bufC.row(i), -2).biasCol0(-(l + 1)).out(sub.row(i), 2);
            f.block("MULACC: +1 carry chain of the negation, gated on buf_b < 0");
            negationCarry(Opcode.MULACC, true);
        }

        private void bitwise() {
            f.block("AND: scr_sub ← 0; clear scr_min bits where buf_c is 0");
            constant(Opcode.AND, 0);
            for (int i = 0; i < n; i++) f.row().opcode(Opcode.AND).in(bufB.row(i), 2).in(bufC.row(i), -2).biasCol0(-(l + 1)).out(min.row(i), -2);
            f.block("OR: scr_sub ← 0; set scr_min bits where buf_c is 1");
            constant(Opcode.OR, 0);
            for (int i = 0; i < n; i++) f.row().opcode(Opcode.OR).in(bufB.row(i), -2).in(bufC.row(i), 2).biasCol0(-(l + 1)).out(min.row(i), 2);
            f.block("XOR: scr_sub ← 0; clear bits set in both, set bits set only in buf_c");
            constant(Opcode.XOR, 0);
            for (int i = 0; i < n; i++) f.row().opcode(Opcode.XOR).in(bufB.row(i), 2).in(bufC.row(i), 2).biasCol0(-(l + 1)).out(min.row(i), -2);
            for (int i = 0; i < n; i++) f.row().opcode(Opcode.XOR).in(bufB.row(i), -2).in(bufC.row(i), 2).biasCol0(-(l + 1)).out(min.row(i), 2);
        }

        private void store() {
            f.block("STORE: scr_sub ← 0");
            constant(Opcode.STORE, 0);
            if (layout.isExact()) {
                // exact: addr_b stays (an identity write); L5's tag-keyed head writes the pointed cell.
                fixes.pointerQuery(f, Opcode.STORE, layout.rows(Region.STORE_Q), "STORE: store_q ← ±1 copy of the pointer");
                return;
            }
            f.block("STORE: clear addr_b in scratch_cmd");
            Rows addrB = f.scratchB();
            for (int i = 0; i < l; i++) {
                f.row().opcode(Opcode.STORE).in(addrB.row(i), 2).in(f.indicator(), l + 2).bias(-(2 * l + 3.5)).out(addrB.row(i), -2);
                f.row().opcode(Opcode.STORE).in(addrB.row(i), -2).in(f.indicator(), l + 2).bias(-(2 * l + 3.5)).out(addrB.row(i), 2);
            }
            positionCode(Opcode.STORE, addrB, "STORE: addr_b ← position code");
        }
    }
}
