package tc.loom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.loom.Engines;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.engine.PassKind;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.engine.ForwardPass;
import tc.loom.engine.TransformerEngine;
import tc.loom.interp.Interpreter;
import tc.loom.interp.IsaMachine;
import tc.loom.io.LoomState;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.source.SourceFile;

/**
 * Lockstep checks of loom-v1 against the ideal interpreter: inside loom-v1's band they agree to
 * the last step; outside it the first disagreement is found at the step the band predicts.
 */
class LockstepVerifierTest {
    private static final MachineConfig C155 = MachineConfig.parse("155x1024");

    private static ForwardPass loomV1(PassKind kind, MachineConfig config) {
        TransformerEngine sparse = (TransformerEngine) Engines.get("sparse", "loom-v1");
        return kind.create(sparse.model(config));
    }

    private static Program compile(String name, String text) {
        return Compiler.compile(new SourceFile(name, text), CompileOptions.of(C155));
    }

    private static long interpreterSteps(Program p) {
        RunResult r = new Interpreter().run(p, RunOptions.defaults());
        assertEquals(RunResult.Status.HALTED, r.status());
        return r.steps();
    }

    @Test void referenceFibonacciIsVerifiedInTheInterpretersStepCount() throws IOException {
        Path dir = Path.of("../shared/loom-ref/programs");
        Program p = LoomState.read(new SourceFile("fibonacci_state.json", Files.readString(dir.resolve("fibonacci_state.json"))),
                new SourceFile("fibonacci_info.json", Files.readString(dir.resolve("fibonacci_info.json"))));
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, p.config()), 10_000);
        assertEquals(Verification.Status.VERIFIED, v.status(), () -> String.valueOf(v.divergence()));
        assertEquals(interpreterSteps(p), v.steps());
        assertEquals(80, v.steps());
    }

    @Test void compiledGcdInsideTheBandIsVerified() throws IOException {
        Path file = Path.of("src/test/resources/corpus/loom-demos/gcd.c");
        Program p = compile(file.toString(), Files.readString(file));
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, C155), 10_000);
        assertTrue(v.verified(), () -> String.valueOf(v.divergence()));
        assertEquals(interpreterSteps(p), v.steps());
    }

    /** loom-v1 takes STORE pointers mod s = 32, so a store to cell p ≥ 32 lands on p − 32. */
    @Test void storeThroughAPointerPast32DivergesAtThatStore() {
        Program p = compile("far.c", "int pad[30];\nint a[8];\nint main() {\n  int i = 3;\n  a[i] = 7;\n  return a[3];\n}\n");
        // The oracle, from the interpreter alone: the first STORE whose pointer is ≥ 32.
        IsaMachine isa = new IsaMachine(p);
        int base = p.config().memoryStart();
        long storeStep = -1;
        int pointer = -1;
        while (isa.running() && storeStep < 0) {
            Instruction ins = isa.current();
            if (ins.opcode(p.config()) == Opcode.STORE && isa.cell(ins.c() - base) >= 32) {
                storeStep = isa.steps() + 1;
                pointer = isa.cell(ins.c() - base);
            }
            isa.step();
        }
        assertTrue(storeStep > 0, "the program stores past cell 32");

        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, C155), 1_000);
        Divergence d = v.divergence();
        assertNotNull(d, "loom-v1 must diverge");
        assertEquals(Verification.Status.DIVERGED, v.status());
        assertEquals(storeStep, d.step());
        assertEquals(storeStep, v.steps());
        assertEquals(Opcode.STORE, d.instruction().opcode(p.config()));
        assertEquals(Divergence.Kind.MEMORY, d.kind());
        assertEquals(pointer, d.cell(), "the interpreter's write is reported first");
        assertEquals(7, d.expected());
        assertEquals(0, d.actual());
        assertEquals(Region.MEMORY, d.region());
        assertEquals(p.config().s() + pointer, d.column());
        assertEquals(List.of(pointer - 32), d.otherCells(), "the aliased cell took the value instead");
        StateLayout layout = StateLayout.of(p.config());
        assertEquals(Region.MEMORY, LockstepVerifier.regionOf(layout, d.row()));
    }

    /** The ideal ISA faults on a pointer past memory; the transformer cannot, so that step diverges. */
    @Test void interpreterFaultIsADivergence() {
        Program p = compile("oob.c", "int a[8];\nint main() {\n  int i = 100;\n  a[i] = 7;\n  return 0;\n}\n");
        RunResult ideal = new Interpreter().run(p, RunOptions.defaults());
        assertEquals(RunResult.Status.FAULT, ideal.status());
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, C155), 1_000);
        Divergence d = v.divergence();
        assertEquals(Divergence.Kind.INTERPRETER_FAULT, d.kind());
        assertEquals(ideal.fault().step(), d.step());
        assertEquals(ideal.fault().pc(), d.pc());
        assertEquals(ideal.fault().message(), d.message());
        assertNull(d.region());
    }

    /** loom-v1's HALT jumps to its c field; the ideal HALT stops with PC 0. */
    @Test void haltWithANonzeroTargetDivergesOnThePc() {
        MachineConfig c = MachineConfig.parse("146x512");
        int start = c.programStart();
        List<Instruction> rom = List.of(Instruction.of(Opcode.INC, c.memoryStart() + 5, 0), new Instruction(0, 0, start));
        Program p = new Program(c, new int[c.m()], rom, DebugInfo.minimal("halt.s", rom.size()));
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, c), 100);
        Divergence d = v.divergence();
        assertEquals(Divergence.Kind.PC, d.kind());
        assertEquals(2, d.step());
        assertEquals(start + 1, d.pc());
        assertEquals(0, d.expected());
        assertEquals(start, d.actual());
        assertEquals(Region.PC, d.region());
        assertEquals(0, d.column());
        assertEquals(Region.PC, LockstepVerifier.regionOf(StateLayout.of(c), d.row()));
    }

    /** Softmax attention blurs the argmax: entries drift off {−1, 0, +1} before any decoded value is wrong. */
    @Test void softmaxDriftIsCaughtAsAnUncleanEntry() throws IOException {
        Path file = Path.of("src/test/resources/corpus/loom-demos/gcd.c");
        Program p = compile(file.toString(), Files.readString(file));
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SOFTMAX, C155), 20);
        Divergence d = v.divergence();
        assertNotNull(d, "softmax drifts within 20 steps");
        assertEquals(Divergence.Kind.NOT_CLEAN, d.kind());
        float entry = d.actual().floatValue();
        assertTrue(Math.min(Math.abs(entry), Math.abs(Math.abs(entry) - 1f)) > LockstepVerifier.TOLERANCE, "reported entry " + entry);
        assertEquals(LockstepVerifier.regionOf(StateLayout.of(C155), d.row()), d.region());
        assertTrue(d.column() >= 0 && d.column() < C155.n());
    }

    @Test void stepLimitBeforeHaltIsNotVerified() throws IOException {
        Path file = Path.of("src/test/resources/corpus/loom-demos/gcd.c");
        Program p = compile(file.toString(), Files.readString(file));
        Verification v = LockstepVerifier.run(p, loomV1(PassKind.SPARSE, C155), 5);
        assertEquals(Verification.Status.STEP_LIMIT, v.status());
        assertEquals(5, v.steps());
        assertNull(v.divergence());
    }

    @Test void everyRowBelongsToTheRegionTheLayoutGivesIt() {
        StateLayout layout = StateLayout.of(C155);
        for (StateLayout.Rows r : layout.regions()) {
            assertEquals(r.region(), LockstepVerifier.regionOf(layout, r.first()));
            assertEquals(r.region(), LockstepVerifier.regionOf(layout, r.end() - 1));
        }
    }
}
