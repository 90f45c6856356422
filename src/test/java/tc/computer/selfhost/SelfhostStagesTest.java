package tc.computer.selfhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcProgram;
import tc.computer.runtime.PagerRuntime;

/**
 * The bootstrap in full: stage 1 (tc compiles selfhost.c), stage 2 (stage 1 on the seed machine
 * compiles selfhost.c), stage 3 (image 2 on the machine compiles selfhost.c again); image 2 and
 * image 3 are the same bytes. About 46 million steps for stage 2 and 90 million for stage 3
 * (printed), some 10 s on the development machine.
 */
class SelfhostStagesTest {
    private static Stages.Result result;

    @BeforeAll static void bootstrap() {
        result = Stages.run(1_000_000_000L, (stage, read) -> { });
        System.out.println("selfhost stages: stage 1 " + result.stage1().program().code().size() + " instructions; stage 2 "
                + result.stage2().steps() + " steps, " + result.stage2().nanos() / 1_000_000 + " ms; stage 3 "
                + (result.stage3() == null ? "-" : result.stage3().steps() + " steps, " + result.stage3().nanos() / 1_000_000 + " ms")
                + "; image " + result.image2().length() + " bytes");
    }

    @Test void stageTwoAndStageThreeAreIdentical() {
        assertTrue(result.stage2().succeeded(), "stage 2: " + result.stage2().console());
        assertTrue(result.stage3().succeeded(), "stage 3: " + result.stage3().console());
        assertEquals(-1, result.firstDifference());
        assertTrue(result.identical());
        assertTrue(result.image2().startsWith(".memory "));
    }

    @Test void theSelfCompiledCompilerWritesWhatTheTcCompiledOneWrites() {
        TcProgram image2 = SelfHost.assemble("image2.s", result.image2());
        MachineRun byImage2 = SelfHost.compileOnMachine(image2, SelfhostProgramsTest.FACTORIAL, 50_000_000L);
        MachineRun byStage1 = SelfHost.compileOnMachine(result.stage1().program(), SelfhostProgramsTest.FACTORIAL, 50_000_000L);
        assertTrue(byImage2.succeeded());
        assertEquals(byStage1.console(), byImage2.console());
        assertEquals(120, SelfHost.run(SelfHost.assemble("fact.s", byImage2.console()), "", 1_000_000).exitStatus());
    }

    @Test void theHandlerItWritesIsPagerRuntimes() {
        // the self-hosted compiler writes the page-fault handler last; it must be tc's, instruction for instruction
        TcProgram image2 = SelfHost.assemble("image2.s", result.image2());
        List<TcInstruction> code = image2.code();
        int words = image2.spec().memoryWords();
        List<TcInstruction> handler = PagerRuntime.handler(SelfHost.CONFIG, words, 0);
        int base = code.size() - handler.size();
        assertEquals(PagerRuntime.handler(SelfHost.CONFIG, words, base), code.subList(base, code.size()));
        assertEquals(base, image2.at(1).imm(), "the start-up code installs the handler at its slot");
    }
}
