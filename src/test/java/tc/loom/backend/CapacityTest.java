package tc.loom.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tc.loom.backend.IrKit.imm;

import java.util.List;
import org.junit.jupiter.api.Test;
import tc.ir.BinaryOp;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.ir.Var;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** Programs too big for a configuration: clear errors, recognised as capacity errors. */
class CapacityTest {
    private static final MachineConfig C146 = MachineConfig.NAMED.get("146x512");
    private static final MachineConfig C155 = MachineConfig.NAMED.get("155x1024");
    private static final MachineConfig C164 = MachineConfig.NAMED.get("164x2048");

    /** main calls {@code helper}, which outputs 1..count: about 2 instructions per output. */
    private static IrProgram longProgram(int count, IrFunction[] helperOut) { return longProgram(count, helperOut, 0); }

    private static IrProgram longProgram(int count, IrFunction[] helperOut, int extraData) {
        IrKit k = new IrKit(8);
        if (extraData > 0) k.globalArray("table", new int[extraData]);
        IrKit.Fn helper = k.fn("helper", false);
        for (int i = 0; i < count; i++) helper.out(imm(i % 10)).out(imm(-(i % 10)));
        helperOut[0] = helper.ret(null).done();
        k.fn("main", true).call(null, "helper").ret(imm(0)).done();
        return k.build();
    }

    @Test void tooMuchCodeNamesTheFunctionAndFitsALargerMachine() {
        IrFunction[] helper = new IrFunction[1];
        IrProgram ir = longProgram(200, helper);
        CompileException e = assertThrows(CompileException.class, () -> LoomBackend.compile(ir, C146));
        assertEquals("program needs 404 instructions but configuration 146x512 has 320 slots", e.diagnostic().message());
        assertEquals(helper[0].pos(), e.diagnostic().pos());
        CapacityException c = assertInstanceOf(CapacityException.class, e);
        assertEquals(CapacityException.Resource.INSTRUCTIONS, c.resource());
        assertEquals(404, c.needed());
        assertEquals(320, c.available());
        assertEquals(C146, c.config());
        assertTrue(e.getMessage().startsWith("test.c:"), e.getMessage());
        Program p = Run.compile(ir, C164);
        assertEquals(404, p.size());
        assertEquals(400, Run.run(p).outputs().size());
    }

    @Test void tooMuchDataNamesTheFirstVariableThatDoesNotFit() {
        IrKit k = new IrKit(8);
        k.globalArray("small", new int[20]);
        Var big = k.globalArray("big", new int[100]);
        k.fn("main", true).ret(imm(0)).done();
        IrProgram ir = k.build();
        CompileException e = assertThrows(CompileException.class, () -> LoomBackend.compile(ir, C155));
        assertEquals("data needs 129 memory cells but configuration 155x1024 has m = 64", e.diagnostic().message());
        assertEquals(big.pos(), e.diagnostic().pos());
        CapacityException c = assertInstanceOf(CapacityException.class, e);
        assertEquals(CapacityException.Resource.MEMORY_CELLS, c.resource());
        assertEquals(129, c.needed());
        assertEquals(64, c.available());
        assertEquals(160, Run.compile(ir, C146).memory().length);
    }

    @Test void recursionNeedsRoomForTwoFrames() {
        // f(n) keeps n and its site cell across the recursive call: 2 cells a frame
        IrKit k = new IrKit(8);
        k.globalArray("pad", new int[40]);
        IrKit.Fn f = k.fn("f", true, "n");
        Var t = f.temp(), u = f.temp();
        f.br(tc.ir.CmpOp.EQ, f.p(0), imm(0), "base").bin(BinaryOp.SUB, t, f.p(0), imm(1)).call(u, "f", t)
                .bin(BinaryOp.ADD, u, u, f.p(0)).ret(u).label("base").ret(imm(0)).done();
        IrKit.Fn main = k.fn("main", true);
        Var r = main.temp();
        main.call(r, "f", imm(3)).ret(r).done();
        IrProgram ir = k.build();
        Program ok = Run.compile(ir, C155);
        int data = ok.debug().stackBase();
        assertEquals(6, Run.run(ok).cell(7));
        // exactly 2 frames of stack left: fits; one cell less: does not
        Run.compile(ir, new MachineConfig(32, data + 4, 1024, 8));
        MachineConfig tight = new MachineConfig(32, data + 3, 1024, 8);
        CompileException e = assertThrows(CompileException.class, () -> LoomBackend.compile(ir, tight));
        assertTrue(e.diagnostic().message().startsWith("data needs " + (data + 4) + " memory cells but configuration "
                + tight.name() + " has m = " + (data + 3)), e.diagnostic().message());
        assertInstanceOf(CapacityException.class, e);
    }

    @Test void otherErrorsAreNotCapacityErrors() {
        IrKit k = new IrKit(8);
        k.fn("main", true).call(null, "nowhere").ret(imm(0)).done();
        CompileException e = assertThrows(CompileException.class, () -> LoomBackend.compile(k.build(), C146));
        assertFalse(e instanceof CapacityException);
        assertTrue(e.diagnostic().message().contains("nowhere"));

        IrKit k2 = new IrKit(8);
        k2.fn("helper", true).ret(imm(1)).done();
        CompileException noMain = assertThrows(CompileException.class, () -> LoomBackend.compile(k2.build(), C146));
        assertFalse(noMain instanceof CapacityException);
    }

    /** The facade's strategy: try the named configurations in order until one fits. */
    @Test void firstFittingNamedConfiguration() {
        IrFunction[] helper = new IrFunction[1];
        assertEquals(C155, firstFitting(longProgram(200, helper)).config());
        // too long for 146x512 and too much data for 155x1024
        assertEquals(C164, firstFitting(longProgram(200, helper, 80)).config());
    }

    private static Program firstFitting(IrProgram ir) {
        for (MachineConfig c : MachineConfig.namedInOrder()) {
            try {
                return LoomBackend.compile(ir, c);
            } catch (CompileException e) {
                assertInstanceOf(CapacityException.class, e, e.getMessage());
            }
        }
        throw new AssertionError("fits no named configuration");
    }

    /**
     * The facade moves on for a capacity error whatever it says, and stops at any other error even
     * when its wording reads like a capacity error.
     */
    @Test void autoSelectionGoesByTheErrorsTypeNotItsWording() {
        SourceFile f = new SourceFile("t.c", "");
        List<MachineConfig> order = List.of(C146, C155, C164);
        Program fits = Run.compile(longProgram(1, new IrFunction[1]), C164);
        Program chosen = Compiler.firstFitting(order, c -> {
            if (c != C164) throw new CapacityException(f, SourcePos.NONE, "no room on " + c.name(), CapacityException.Resource.MEMORY_CELLS, 2, 1, c);
            return fits;
        });
        assertSame(fits, chosen, "a capacity error in other words still moves on");

        CompileException lookalike = new CompileException(f, SourcePos.NONE, "program needs 404 instructions but configuration 146x512 has 320 slots");
        CompileException thrown = assertThrows(CompileException.class, () -> Compiler.firstFitting(order, c -> {
            if (c == C146) throw lookalike;
            return fits;
        }));
        assertSame(lookalike, thrown, "an error that only reads like a capacity error ends the search");

        CapacityException last = assertThrows(CapacityException.class,
                () -> Compiler.firstFitting(order, c -> { throw Capacity.tooMuchCode(f, SourcePos.NONE, 5000, c); }));
        assertEquals(C164, last.config(), "nothing fits: the largest configuration's error");
    }
}
