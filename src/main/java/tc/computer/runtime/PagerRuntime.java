package tc.computer.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/**
 * The seed machine's page-fault handler, generated as Tensor Computer instructions. It runs in
 * kernel mode (physical addresses, registers shadowed, so it uses any register freely) and keeps
 * its data in physical frame 0: word 0 is the clock hand, word k holds {@code vpn + 1} of the page
 * in frame k (0 = free).
 *
 * <ol>
 *   <li>The disk controller's registers DISK_SECTOR, DISK_OFFSET, DISK_ADDR and DISK_COUNT are
 *       saved in registers (restored before ERET), so a fault between a program's setting them and
 *       its command is invisible to it.</li>
 *   <li>The victim is the frame under the clock hand (frames 1..frames−1 in turn); the hand
 *       moves on.</li>
 *   <li>If the victim holds page q, q is written back to its swap sector (SWAP_OUT of the frame
 *       at q's offset: one atomic sector update), its PTE is cleared through PT_INDEX/PT_VALUE and
 *       its TLB entry flushed.</li>
 *   <li>The faulting page p is read in (SWAP_IN of p's words into the frame), its PTE set to
 *       {@code (frame << 1) | 1}, the frame's owner word to p + 1, and ERET re-runs the faulting
 *       instruction.</li>
 * </ol>
 * The swap commands bypass the controller's sector buffer, so the buffer a program may be filling
 * for a WRITE (or reading after a READ) is never touched by paging. Every page is written back
 * when evicted (there is no dirty bit), so swap always holds the page's latest contents once it
 * leaves memory.
 */
public final class PagerRuntime {
    private PagerRuntime() {}

    /** A program with the handler appended, and the slot {@code TRAP_VECTOR} must name. */
    public record Installed(TcProgram program, int trapVector) {}

    // Registers of the handler (the shadow bank restores the program's). SAVED.. hold the
    // controller's registers across the handler; T, K, U and PTE are temporaries.
    private static final int ZERO = 0, P = 1, FRAME = 2, T = 3, Q = 4, SECTOR = 5, OFFSET = 6, K = 7, PTE = 8,
            U = 9, SAVED_SECTOR = 10, SAVED_OFFSET = 11, SAVED_ADDR = 12, SAVED_COUNT = 13;
    private static final int[][] SAVED = {{SAVED_SECTOR, Mmio.DISK_SECTOR}, {SAVED_OFFSET, Mmio.DISK_OFFSET},
            {SAVED_ADDR, Mmio.DISK_ADDR}, {SAVED_COUNT, Mmio.DISK_COUNT}};

    /**
     * The handler's instructions for a virtual space of {@code virtualWords} words, to be placed at
     * slot {@code base} (jump targets are absolute).
     *
     * @throws IllegalArgumentException when the configuration cannot page with this handler: fewer
     *         than two frames, more frames than frame 0 has words, pages larger than sectors, or a
     *         virtual space smaller than a page
     */
    public static List<TcInstruction> handler(SeedConfig config, int virtualWords, int base) {
        int frames = config.frames(), pageWords = config.pageWords(), sectorWords = config.sectorWords();
        if (frames < 2) throw new IllegalArgumentException("demand paging needs at least two frames (frame 0 is the handler's), got " + frames);
        if (frames > pageWords) throw new IllegalArgumentException("frame 0 (" + pageWords + " words) cannot hold the owners of " + frames + " frames");
        if (pageWords > sectorWords) throw new IllegalArgumentException("pages (" + pageWords + " words) must not be larger than sectors (" + sectorWords + ")");
        if (Integer.bitCount(virtualWords) != 1 || virtualWords < pageWords)
            throw new IllegalArgumentException("the virtual space must be a power of two of at least one page, got " + virtualWords);
        int pageBits = config.pageBits();
        int sectorBits = Integer.numberOfTrailingZeros(sectorWords);
        int vpnBits = Integer.numberOfTrailingZeros(virtualWords) - pageBits;
        int l2Bits = vpnBits / 2;
        long firstSwap = config.diskSectors() - config.swapSectors(virtualWords);
        if (firstSwap < 0 || firstSwap > Integer.MAX_VALUE) throw new IllegalArgumentException("the swap area does not fit the disk");

        Asm a = new Asm(base);
        a.li(ZERO, 0);
        for (int[] r : SAVED) a.load(r[0], ZERO, dev(r[1]));
        a.load(P, ZERO, dev(Mmio.FAULT_VPN));
        a.load(FRAME, ZERO, 0);                 // victim = the clock hand
        a.addi(T, FRAME, 1);
        a.li(U, frames);
        a.cmp(T, U);
        a.jump(TcOp.JLT, "hand");
        a.li(T, 1);
        a.label("hand");
        a.store(T, ZERO, 0);                    // the hand moves on
        a.load(Q, FRAME, 0);                    // owner + 1 of the victim frame
        a.cmp(Q, ZERO);
        a.jump(TcOp.JZ, "in");
        a.addi(Q, Q, -1);
        swapPosition(a, Q, pageBits, sectorBits, (int) firstSwap, sectorWords);
        swap(a, pageBits, pageWords, Mmio.DISK_SWAP_OUT);
        pteIndex(a, Q, l2Bits);
        a.store(ZERO, ZERO, dev(Mmio.PT_VALUE)); // q is no longer resident
        a.store(Q, ZERO, dev(Mmio.TLB_FLUSH));
        a.label("in");
        swapPosition(a, P, pageBits, sectorBits, (int) firstSwap, sectorWords);
        swap(a, pageBits, pageWords, Mmio.DISK_SWAP_IN);
        pteIndex(a, P, l2Bits);
        a.li(K, 1);
        a.op(TcOp.SHL, U, FRAME, K);
        a.op(TcOp.OR, U, U, K);
        a.store(U, ZERO, dev(Mmio.PT_VALUE));   // p → frame, valid
        a.addi(U, P, 1);
        a.store(U, FRAME, 0);
        for (int[] r : SAVED) a.store(r[0], ZERO, dev(r[1]));
        a.store(ZERO, ZERO, dev(Mmio.ERET));
        return a.finish();
    }

    /**
     * Appends the handler to {@code program} at slot {@code program.spec().slots()}, so that every
     * slot of the original keeps its meaning (HALT where it had none), in a spec with enough slots.
     * The program must still set {@code TRAP_VECTOR} to {@link Installed#trapVector()} (or the
     * caller presets it).
     */
    public static Installed install(TcProgram program, SeedConfig config) {
        int base = program.spec().slots();
        int virtualWords = program.spec().memoryWords();
        List<TcInstruction> pager = handler(config, virtualWords, base);
        List<TcInstruction> code = new ArrayList<>(base + pager.size());
        for (int k = 0; k < base; k++) code.add(program.at(k));
        code.addAll(pager);
        TcMachineSpec spec = TcMachineSpec.fitting(virtualWords, code.size());
        return new Installed(new TcProgram(code, spec, program.data()), base);
    }

    private static int dev(int r) { return Mmio.register(r); }

    /** SECTOR := swap sector of page {@code page}, OFFSET := its word offset in that sector. */
    private static void swapPosition(Asm a, int page, int pageBits, int sectorBits, int firstSwap, int sectorWords) {
        a.li(K, pageBits);
        a.op(TcOp.SHL, T, page, K);
        a.li(K, sectorBits);
        a.op(TcOp.SHR, SECTOR, T, K);
        a.addi(SECTOR, SECTOR, firstSwap);
        a.li(K, sectorWords - 1);
        a.op(TcOp.AND, OFFSET, T, K);
    }

    /** SWAP_IN or SWAP_OUT of one page between FRAME's words and swap sector SECTOR at OFFSET. */
    private static void swap(Asm a, int pageBits, int pageWords, int command) {
        a.store(SECTOR, ZERO, dev(Mmio.DISK_SECTOR));
        a.store(OFFSET, ZERO, dev(Mmio.DISK_OFFSET));
        a.li(K, pageBits);
        a.op(TcOp.SHL, U, FRAME, K);
        a.store(U, ZERO, dev(Mmio.DISK_ADDR));
        a.li(U, pageWords);
        a.store(U, ZERO, dev(Mmio.DISK_COUNT));
        a.li(U, command);
        a.store(U, ZERO, dev(Mmio.DISK_CMD));
    }

    /** PT_INDEX := the index of {@code page}'s PTE (directory entry, then the L2 slot). */
    private static void pteIndex(Asm a, int page, int l2Bits) {
        a.li(K, l2Bits);
        a.op(TcOp.SHR, PTE, page, K);
        a.store(PTE, ZERO, dev(Mmio.PT_INDEX));
        a.load(PTE, ZERO, dev(Mmio.PT_VALUE));
        a.li(K, (1 << l2Bits) - 1);
        a.op(TcOp.AND, U, page, K);
        a.op(TcOp.ADD, PTE, PTE, U);
        a.store(PTE, ZERO, dev(Mmio.PT_INDEX));
    }

    /** A tiny assembler with forward labels. */
    private static final class Asm {
        private final int base;
        private final List<TcInstruction> code = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private final Map<Integer, String> fixups = new HashMap<>();

        Asm(int base) { this.base = base; }

        void li(int rd, int v) { code.add(new TcInstruction(TcOp.LI, rd, 0, 0, v)); }
        void addi(int rd, int rs1, int v) { code.add(new TcInstruction(TcOp.ADDI, rd, rs1, 0, v)); }
        void load(int rd, int rs1, int off) { code.add(new TcInstruction(TcOp.LOAD, rd, rs1, 0, off)); }
        void store(int rs2, int rs1, int off) { code.add(new TcInstruction(TcOp.STORE, 0, rs1, rs2, off)); }
        void cmp(int rs1, int rs2) { code.add(new TcInstruction(TcOp.CMP, 0, rs1, rs2, 0)); }
        void op(TcOp o, int rd, int rs1, int rs2) { code.add(new TcInstruction(o, rd, rs1, rs2, 0)); }
        void label(String name) { labels.put(name, base + code.size()); }

        void jump(TcOp o, String label) {
            fixups.put(code.size(), label);
            code.add(new TcInstruction(o, 0, 0, 0, 0));
        }

        List<TcInstruction> finish() {
            fixups.forEach((at, label) -> code.set(at, new TcInstruction(code.get(at).op(), 0, 0, 0, labels.get(label))));
            return List.copyOf(code);
        }
    }
}
