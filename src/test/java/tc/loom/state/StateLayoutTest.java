package tc.loom.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tc.loom.isa.MachineConfig;
import tc.loom.state.StateLayout.Region;

class StateLayoutTest {

    /** The concrete row numbers of REFERENCE.md §1.2. */
    @ParameterizedTest
    @CsvSource({
            "146x512,  0, 27, 35, 43, 51, 78, 87, 96, 137, 145, 146",
            "155x1024, 0, 30, 38, 46, 54, 84, 94, 104, 146, 154, 155",
            "164x2048, 0, 33, 41, 49, 57, 90, 101, 112, 155, 163, 164",
            "'32,8,64,8', 0, 18, 26, 34, 42, 60, 66, 72, 110, 118, 119"})
    void rowsMatchTheReferenceTable(String config, int cmds, int memory, int sub, int min, int scratchCmd, int pc, int pos,
                                    int bufA, int tag, int indicator, int d) {
        StateLayout l = StateLayout.of(MachineConfig.parse(config));
        assertEquals(cmds, l.rows(Region.CMDS).first());
        assertEquals(memory, l.rows(Region.MEMORY).first());
        assertEquals(sub, l.rows(Region.SCR_SUB).first());
        assertEquals(min, l.rows(Region.SCR_MIN).first());
        assertEquals(scratchCmd, l.rows(Region.SCRATCH_CMD).first());
        assertEquals(pc, l.rows(Region.PC).first());
        assertEquals(pos, l.rows(Region.POS_ENC).first());
        assertEquals(bufA, l.rows(Region.BUF_A).first());
        assertEquals(tag, l.rows(Region.TAG).first());
        assertEquals(indicator, l.rows(Region.INDICATOR).first());
        assertEquals(d, l.rows());
        assertEquals(tag, l.rows(Region.LOAD_TEMP).end());   // the buffer ends where the tags begin
    }

    @Test
    void sixteenBitLayoutFollowsTheFormulas() {
        StateLayout l = StateLayout.of(new MachineConfig(32, 8, 64, 16));
        assertEquals(183, l.rows());
        int ell = 6, n = 16;
        assertEquals(3 * ell + 3 * n, l.rows(Region.SCRATCH_CMD).first());
        assertEquals(6 * ell + 3 * n, l.rows(Region.PC).first());
        assertEquals(8 * ell + 7 * n, l.rows(Region.LOAD_TEMP).first());
        assertEquals(9 * ell + 7 * n, l.rows(Region.TAG).first());
        assertEquals(2 * ell, l.cmdC().first());
    }

    @Test
    void bipolarIsMsbFirst() {
        assertArrayEquals(new float[] {-1, -1, -1, -1, -1, 1, 1, -1}, Bipolar.encode(6, 8));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, Bipolar.encodeSigned(-1, 8));
        assertArrayEquals(new float[] {1, -1, -1, -1, -1, -1, -1, -1}, Bipolar.encodeSigned(-128, 8));
        for (int v = -128; v < 128; v++) assertEquals(v, Bipolar.decodeSigned(Bipolar.encodeSigned(v, 8)));
        for (int v = 0; v < 1024; v++) assertEquals(v, Bipolar.decodeUnsigned(Bipolar.encode(v, 10)));
        assertEquals(0, Bipolar.decodeUnsigned(new float[] {0, 0, 0}));   // unused fields read as 0
    }
}
