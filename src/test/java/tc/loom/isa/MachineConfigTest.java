package tc.loom.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineConfigTest {
    @Test void namedConfigurationsHaveThePapersShapes() {
        MachineConfig a = MachineConfig.parse("146x512");
        assertEquals(146, a.rows());
        assertEquals(320, a.instructionSlots());
        assertEquals(192, a.programStart());
        MachineConfig b = MachineConfig.parse("155x1024");
        assertEquals(155, b.rows());
        assertEquals(928, b.instructionSlots());
        assertEquals(96, b.programStart());
        MachineConfig c = MachineConfig.parse("164x2048");
        assertEquals(164, c.rows());
        assertEquals(1792, c.instructionSlots());
        assertEquals(11, c.addressBits());
    }

    @Test void customConfigurationsAndWordBits() {
        MachineConfig c = MachineConfig.parse("32,8,64,8");
        assertEquals(119, c.rows());
        assertEquals(24, c.instructionSlots());
        assertEquals("32,8,64,8", c.name());
        assertEquals(183, new MachineConfig(32, 8, 64, 16).rows());
        assertEquals("146x512", MachineConfig.parse(" 146x512 ").name());
        assertEquals(16, MachineConfig.parse("146x512").withWordBits(16).wordBits());
    }

    @Test void badConfigurationsSayWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("100x100"));
        assertTrue(e.getMessage().contains("146x512"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("32,8,100,8"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("32,8,64,12"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("32,300,1024,8"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("32,256,1024,8"));
        assertEquals(255, MachineConfig.parse("32,255,1024,8").m());
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("32,40,64,8"));
        assertThrows(IllegalArgumentException.class, () -> MachineConfig.parse("a,b,c,d"));
    }
}
