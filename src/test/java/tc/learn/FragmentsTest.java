package tc.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.computer.isa.TcOp.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/** Library learning's fragments: mined from stored programs up to register renaming, and offered to the sketch search as one statement. */
class FragmentsTest {
    private static TcInstruction i(TcOp op, int rd, int a, int b, int imm) { return new TcInstruction(op, rd, a, b, imm); }

    @Test void aFragmentRecurringInTwoProgramsUpToRenamingIsMined() {
        List<TcInstruction> p = List.of(i(SUB, 2, 0, 1, 0), i(MUL, 2, 2, 2, 0), i(MOV, 0, 2, 0, 0));
        List<TcInstruction> q = List.of(i(LI, 3, 0, 0, 1), i(SUB, 4, 1, 3, 0), i(MUL, 4, 4, 4, 0), i(CMP, 0, 4, 1, 0), i(JGT, 0, 0, 0, 0));
        List<Fragments.Fragment> mined = Fragments.mine(List.of(p, q));
        // sub x, a, b; mul x, x, x — the squared difference — is in both (registers renamed)
        Fragments.Fragment sq = mined.stream().filter(f -> f.code().size() == 2 && f.code().get(0).op() == SUB && f.code().get(1).op() == MUL).findFirst().orElseThrow();
        assertEquals(2, sq.uses());
        assertEquals(3, sq.registers());
        assertEquals(List.of(i(SUB, 2, 0, 1, 0), i(MUL, 2, 2, 2, 0)), sq.code(), "registers numbered by first appearance, sources first");
        // nothing with a compare or a jump, and nothing that occurs in one program only
        for (Fragments.Fragment f : mined) {
            assertTrue(f.uses() >= 2);
            assertTrue(f.code().stream().noneMatch(x -> x.op() == CMP || x.op().isJump()));
        }
        assertTrue(Fragments.mine(List.of(p)).isEmpty(), "one program: nothing recurs");
    }

    @Test void theSketchSpaceOffersAFragmentAsOneStatementOnTheTasksRegisters() {
        Task add = TaskSuite.task("add", 1);
        Fragments.Fragment f = new Fragments.Fragment(List.of(i(SUB, 2, 0, 1, 0), i(MUL, 2, 2, 2, 0)), 3, 2);
        Task three = new Task("t", "t", 3, false, 4, 64, add.spec(), add.train(), add.test());
        SketchSpace plain = new SketchSpace(three), mined = new SketchSpace(three, Library.EMPTY.withFragments(List.of(f)));
        SketchSpace.Ctx top = new SketchSpace.Ctx(-1, 0);
        assertTrue(plain.fragments(top).isEmpty());
        List<List<Sketch.Op>> placed = mined.fragments(top);
        assertEquals(6, placed.size(), "every assignment of 3 distinct registers of 3");
        // at cost 3 the line family now lists the fragment (alone it costs 3 + 5 = 8)
        List<List<Sketch>> atThree = new ArrayList<>(), plainAtThree = new ArrayList<>();
        mined.families().get(0).programs().list(Fragments.COST, atThree::add);
        plain.families().get(0).programs().list(Fragments.COST, plainAtThree::add);
        assertTrue(atThree.stream().anyMatch(p -> p.size() == 2 && p.get(1) instanceof Sketch.Op o && o.ins().op() == MUL), "the fragment at the cost of one ADD");
        assertFalse(plainAtThree.stream().anyMatch(p -> p.size() == 2));
        // a frozen register (a loop's pointer) is never written by a placed fragment
        assertTrue(mined.fragments(new SketchSpace.Ctx(-1, 1)).stream().allMatch(ops -> ops.stream().allMatch(o -> o.ins().rd() != 0 && o.ins().rs1() != 0 && o.ins().rs2() != 0)));
        assertEquals(Map.of(), Library.EMPTY.routines());
    }
}
