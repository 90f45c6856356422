package tc.computer.soft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tc.computer.isa.TcOp.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/** Content-based addressing of the LOAD/STORE head ({@link SoftAddressing}). */
class SoftContentAddressingTest {
    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    /** A key–value table (7 → 70, 9 → 90, 11 → 110) at words 20..25, far from the key values themselves. */
    static final int[] TABLE = new int[26];
    static {
        TABLE[20] = 7; TABLE[21] = 70; TABLE[22] = 9; TABLE[23] = 90; TABLE[24] = 11; TABLE[25] = 110;
    }

    /** r1 = key; load r0, 1(r1); halt. */
    static TcProgram lookup(int key) {
        return new TcProgram(List.of(i(LI, 1, 0, 0, key), i(LOAD, 0, 1, 0, 1), TcInstruction.of(HALT)), new TcMachineSpec(64, 4), TABLE);
    }

    static SoftState run(TcProgram p, SoftAddressing addressing) {
        return new SoftMachine(p.spec(), tc.computer.isa.TcParams.encode(p, 1.0), SoftTemperatures.of(1e-3), addressing)
                .run(SoftState.initial(p), 100);
    }

    @Test void pureContentReadsTheValueStoredAfterTheMatchingKey() {
        for (int[] kv : new int[][] {{7, 70}, {9, 90}, {11, 110}}) {
            // every other word differs from the key by at least 2: weight exp(−β·4) relative to the match
            SoftState s = run(lookup(kv[0]), SoftAddressing.content(1, 20));
            assertEquals(kv[1], s.register(0), 1e-9 * kv[1], "key " + kv[0]);
        }
    }

    @Test void locationAddressingReadsAddressKeyPlusOne() {
        // the same program at gate 0 is the discrete machine: it reads word key + 1 (zero here)
        for (int key : new int[] {7, 19, 24}) {
            TcProgram p = lookup(key);
            assertEquals(new TcMachine(p).run(100), run(p, SoftAddressing.LOCATION).toTcState());
        }
        assertEquals(70, run(lookup(20), SoftAddressing.LOCATION).register(0), "word 21 holds 70");
    }

    @Test void theGateInterpolatesLocationAndContentReads() {
        // key 20 is held nowhere but word 20 is its location: the content read finds no match of 20
        // exactly, so compare at key 9, whose location read (word 10) is 0 and content read is 90
        SoftState s = run(lookup(9), SoftAddressing.content(0.25, 20));
        assertEquals(0.25 * 90, s.register(0), 1e-9);
    }

    @Test void contentStoreOverwritesTheValueAfterTheMatchingKey() {
        TcProgram p = new TcProgram(List.of(i(LI, 1, 0, 0, 9), i(LI, 2, 0, 0, -5), i(STORE, 0, 1, 2, 1), TcInstruction.of(HALT)),
                new TcMachineSpec(64, 4), TABLE);
        SoftState s = run(p, SoftAddressing.content(1, 20));
        assertEquals(-5, s.memory(23), 1e-9);
        assertEquals(70, s.memory(21), 1e-9);
        assertEquals(110, s.memory(25), 1e-9);
        assertEquals(0, s.memory(10), 1e-9, "the location word is untouched");
    }

    @Test void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SoftAddressing.content(-0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> SoftAddressing.content(1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> SoftAddressing.content(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> SoftAddressing.content(0.5, Double.NaN));
    }
}
