package tc.loom.transformer.weights.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.engine.PassKind;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.loom.verify.LockstepVerifier;
import tc.loom.verify.Verification;

/**
 * Each architectural defect of REFERENCE.md §9 as a small program: the loom-v1 weights diverge
 * from the ideal interpreter on it (the defect is real and reproduced), the exact weights agree
 * step for step. SWAP's cases agree on both.
 */
class ExactFixesDefectsTest {
    static final MachineConfig C = MachineConfig.parse("146x512");

    static int col(MachineConfig c, int cell) { return c.memoryStart() + cell; }

    static Program program(MachineConfig c, int[] cells, Instruction... code) {
        int[] memory = new int[c.m()];
        System.arraycopy(cells, 0, memory, 0, cells.length);
        return new Program(c, memory, List.of(code), DebugInfo.minimal("defect", code.length));
    }

    static Verification on(String profile, Program p) {
        var model = profile.equals("exact") ? ExactWeights.build(p.config()) : LoomV1Weights.build(p.config());
        return LockstepVerifier.run(p, PassKind.SPARSE.create(model), 100);
    }

    /** The defect shows on loom-v1 and is gone on exact. */
    static void fixed(Program p) {
        Verification v1 = on("loom-v1", p);
        assertFalse(v1.verified(), "loom-v1 should show the defect, but " + v1);
        Verification exact = on("exact", p);
        assertTrue(exact.verified(), "exact: " + exact);
    }

    static Instruction halt() { return Instruction.of(Opcode.HALT, 0, 0); }

    @Test void loadReachesCellsPastThirtyOne() { // §9.1: pointer 40 read cell 8 on the reference
        int[] cells = new int[41];
        cells[8] = 8;
        cells[40] = 40;
        cells[0] = 40;
        fixed(program(C, cells, Instruction.of(Opcode.LOAD, col(C, 1), col(C, 0)), halt()));
    }

    @Test void storeReachesCellsPastThirtyOne() { // §9.1: pointer 45 wrote cell 13
        fixed(program(C, new int[] {45, 99}, Instruction.of(Opcode.STORE, col(C, 1), col(C, 0)), halt()));
    }

    @Test void storeToTheLastCellAndLoadItBack() {
        int last = C.m() - 1;
        fixed(program(C, new int[] {tc.ir.Word.wrap(last, 8), -7, 0}, Instruction.of(Opcode.STORE, col(C, 1), col(C, 0)),
                Instruction.of(Opcode.LOAD, col(C, 2), col(C, 0)), halt()));
    }

    @Test void subleqIsChosenByAGreaterOrEqualS() { // §9.2: a = column 64+ (bit 5 clear) misbehaved
        int a = col(C, 40); // column 72: bit 5 clear
        assertEquals(0, a & 32);
        int[] cells = new int[41];
        cells[40] = 3;
        cells[1] = 5;
        int start = C.programStart();
        fixed(program(C, cells, Instruction.subleq(a, col(C, 1), start + 2), halt(), Instruction.subleq(a, col(C, 1), start + 1), halt()));
    }

    @Test void findReturnsTheFirstOfDuplicates() { // §9.3: duplicates gave a non-bipolar word
        // Cells 1 and 2 hold 42: loom-v1 mixes their tags (bits that differ come out 0.0); the answer is 1.
        fixed(program(C, new int[] {7, 42, 42, 0}, Instruction.of(Opcode.FIND, col(C, 0), col(C, 2)), halt()));
    }

    @Test void findAfterAWriteSeesTheNewDuplicates() {
        // The shadow flags are recomputed every step: INC makes cell 2 equal to cell 1, then FIND.
        fixed(program(C, new int[] {0, 5, 4, 5}, Instruction.of(Opcode.INC, col(C, 2), 0), Instruction.of(Opcode.FIND, col(C, 0), col(C, 2)),
                Instruction.of(Opcode.FIND, col(C, 0), col(C, 3)), halt()));
    }

    @Test void haltWithATargetStops() { // §9.4: HALT(0,0,c) jumped to c
        int start = C.programStart();
        fixed(program(C, new int[] {1}, new Instruction(0, 0, start), Instruction.of(Opcode.INC, col(C, 0), 0)));
    }

    @Test void runningOffTheProgramFaults() { // §9.4: the PC stuck at n − 1
        Program p = program(C, new int[] {1}, Instruction.of(Opcode.INC, col(C, 0), 0));
        fixed(p);
        assertEquals(Verification.Status.FAULTED_ALIKE, on("exact", p).status());
    }

    @Test void pointersPastASmallMemoryFault() { // §9.7: with m < 32 they hit ROM columns
        MachineConfig small = new MachineConfig(32, 8, 64, 8);
        Program p = program(small, new int[] {20, 3}, Instruction.of(Opcode.LOAD, col(small, 1), col(small, 0)), halt());
        fixed(p);
        assertEquals(Verification.Status.FAULTED_ALIKE, on("exact", p).status());
    }

    @Test void swapCasesAgreeOnBothProfiles() {
        int far = C.m() - 1;
        List<Instruction> code = new ArrayList<>();
        code.add(Instruction.of(Opcode.SWAP, col(C, 0), col(C, 1)));   // adjacent
        code.add(Instruction.of(Opcode.SWAP, col(C, 2), col(C, far))); // distant
        code.add(Instruction.of(Opcode.SWAP, col(C, 3), col(C, 3)));   // same cell
        code.add(Instruction.of(Opcode.SWAP, col(C, 4), col(C, 5)));   // double swap
        code.add(Instruction.of(Opcode.SWAP, col(C, 4), col(C, 5)));
        code.add(Instruction.of(Opcode.SWAP, col(C, 6), col(C, 7)));   // rotation of 6, 7, 8
        code.add(Instruction.of(Opcode.SWAP, col(C, 7), col(C, 8)));
        code.add(halt());
        int[] cells = new int[C.m()];
        for (int i = 0; i < cells.length; i++) cells[i] = (i * 37 + 11) % 256 - 128;
        Program p = program(C, cells, code.toArray(new Instruction[0]));
        assertTrue(on("exact", p).verified(), "exact");
        assertTrue(on("loom-v1", p).verified(), "SWAP addresses columns directly, so loom-v1 gets it right too");
    }
}
