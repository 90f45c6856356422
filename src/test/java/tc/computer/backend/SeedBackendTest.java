package tc.computer.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.c.CFrontEnd;
import tc.computer.TcEngines;
import tc.computer.device.Console;
import tc.computer.device.Devices;
import tc.computer.device.InMemoryDisk;
import tc.computer.device.Mmio;
import tc.computer.engine.TcState;
import tc.computer.interp.SeedMachine;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.runtime.PagerRuntime;
import tc.fixtures.CPrograms;
import tc.source.CompileException;
import tc.source.SourceFile;

/** The TC back end for {@code --machine seed}: the startup and pager it emits, and C's device builtins run on the seed machine. */
class SeedBackendTest {
    static final SeedConfig CONFIG = TcBackend.SEED_CONFIG;

    static TcCompiled seed(String c) {
        return TcBackend.compile(CFrontEnd.compile(new SourceFile("t.c", c), 32), TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.SEED);
    }

    static TcCompiled cpu(String c) {
        return TcBackend.compile(CFrontEnd.compile(new SourceFile("t.c", c), 32), TcBackend.DEFAULT_MEMORY_WORDS, TcBackend.Machine.CPU);
    }

    record Run(SeedMachine machine, TcOutcome outcome) {}

    static Run run(TcCompiled c, String input, long maxSteps) {
        Devices devices = new Devices(CONFIG, new Console(input.getBytes(StandardCharsets.ISO_8859_1)),
                new InMemoryDisk(CONFIG.diskSectors(), CONFIG.sectorWords()));
        SeedMachine m = new SeedMachine(c.program(), CONFIG, devices);
        TcState s = m.run(maxSteps);
        return new Run(m, TcRunner.outcome(c, s));
    }

    static Run run(String c) { return run(seed(c), "", 50_000_000); }

    @Test
    void theStartupInstallsThePagerBeforeCallingMainAndThePagerIsAppended() {
        TcCompiled c = seed(CPrograms.FACT);
        List<TcInstruction> code = c.program().code();
        int pager = code.get(1).imm();
        assertEquals(new TcInstruction(TcOp.LI, 14, 0, 0, 0), code.get(0));
        assertEquals(new TcInstruction(TcOp.LI, FunctionCompiler.S1, 0, 0, pager), code.get(1));
        assertEquals(new TcInstruction(TcOp.STORE, 0, 14, FunctionCompiler.S1, Mmio.register(Mmio.TRAP_VECTOR)), code.get(2));
        assertEquals(TcOp.CALL, code.get(3).op());
        assertEquals(TcOp.HALT, code.get(4).op());
        assertEquals(4, c.mainReturnSlot());
        List<TcInstruction> handler = PagerRuntime.handler(CONFIG, c.program().spec().memoryWords(), pager);
        assertEquals(handler, code.subList(pager, code.size()), "the handler is PagerRuntime's, placed at its slot");
        assertEquals(TcBackend.Machine.SEED, c.machine());
    }

    @Test
    void cpuProgramsKeepTheirStartup() {
        TcCompiled c = cpu(CPrograms.FACT);
        assertEquals(2, c.mainReturnSlot());
        assertEquals(TcOp.CALL, c.program().code().get(1).op());
        assertEquals(c.program(), TcBackend.compile(new SourceFile("t.c", CPrograms.FACT)).program(), "the default compile is the cpu machine's");
    }

    @Test
    void plainProgramsGiveTheSameResultsOnBothMachines() {
        for (String src : List.of(CPrograms.FACT, CPrograms.FIB,
                "int a[300];\nint main() { int i; int s = 0; for (i = 0; i < 300; i++) a[i] = i * i - 7; for (i = 299; i >= 0; i--) s = s + a[i] % 13; output(s); return s; }",
                "int f(int n) { if (n < 2) return n; return f(n - 1) + f(n - 2); }\nint main() { int x = f(15); output(x); return x; }")) {
            TcOutcome want = TcRunner.run(cpu(src), TcEngines.INTERP, 50_000_000);
            Run got = run(src);
            assertNull(got.machine().fault(), src);
            assertEquals(TcOutcome.Status.HALTED, got.outcome().status(), src);
            assertEquals(want.retval(), got.outcome().retval(), src);
            assertEquals(want.outputs(), got.outcome().outputs(), src);
            assertEquals(want.variables().keySet(), got.outcome().variables().keySet(), src);
            for (String name : want.variables().keySet()) {
                Object a = want.variables().get(name), b = got.outcome().variables().get(name);
                if (a instanceof int[] x) assertArrayEquals(x, (int[]) b, name);
                else assertEquals(a, b, name);
            }
            assertTrue(got.machine().stats().pageFaults() > 0, "every page starts out of memory");
        }
    }

    @Test
    void aGlobalArrayLargerThanMainMemoryWorksThroughDemandPaging() {
        Run r = run("int big[4096];\nint main() { int i; int s = 0; for (i = 0; i < 4096; i++) big[i] = 3 * i + 1; "
                + "for (i = 0; i < 4096; i++) s = s + big[4095 - i]; return s; }");
        long want = 0;
        for (int i = 0; i < 4096; i++) want += 3 * i + 1;
        assertEquals((int) want, r.outcome().retval());
        // 16 times main memory: each of its 256 pages is faulted in once per pass, except those the
        // second pass (which runs backwards) finds still resident from the first.
        int pages = 4096 / CONFIG.pageWords();
        assertTrue(r.machine().stats().pageFaults() >= 2 * pages - (CONFIG.frames() - 1), "faults: " + r.machine().stats().pageFaults());
        assertEquals(3 * 4095 + 1, ((int[]) r.outcome().variables().get("big"))[4095]);
    }

    @Test
    void theConsoleReadsToTheEndAndWritesBytes() {
        Run r = run(seed("int main() { int n = 0; int c = getchar(); while (c != -1) { putchar(c + 1); n++; c = getchar(); } putchar(256 + 'A'); "
                + "return n * 1000 + getchar(); }"), "HAL", 100_000);
        assertEquals("IBMA", r.machine().devices().console().outputText());
        assertEquals(3 * 1000 - 1, r.outcome().retval(), "getchar stays -1 after the end");
    }

    @Test
    void getkeyTakesTheKeyboardQueueInOrderThenMinusOne() {
        TcCompiled c = seed("int main() { int a = getkey(); getkey(); int b = getkey(); int d = getkey(); return a * 10000 + b * 100 + d; }");
        Devices devices = Devices.inMemory(CONFIG);
        devices.keyboard().enqueueAll(12, 99, 34);
        SeedMachine m = new SeedMachine(c.program(), CONFIG, devices);
        TcOutcome o = TcRunner.outcome(c, m.run(100_000));
        assertNull(m.fault());
        assertEquals(12 * 10000 + 34 * 100 - 1, o.retval(), "the dropped getkey() still takes 99; the fourth finds the queue empty");
        assertEquals(0, devices.keyboard().count());
    }

    @Test
    void pixelPacksTheChannelsModulo256() {
        Run r = run("int main() { int r = 300; pixel(1, 2, r, -1, 7); pixel(639, 479, 1, 2, 3); return 0; }");
        assertEquals(0x2CFF07, r.machine().devices().framebuffer().get(1, 2));
        assertEquals(0x010203, r.machine().devices().framebuffer().get(639, 479));
        assertEquals(0, r.machine().devices().framebuffer().get(0, 0));
    }

    @Test
    void aPixelOutsideTheFramebufferIsADeviceFaultAtItsLine() {
        TcCompiled c = seed("int main() {\n  int x = 640;\n  pixel(x, 0, 1, 1, 1);\n  return 0;\n}\n");
        Run r = run(c, "", 100_000);
        assertEquals("pixel (640, 0) is outside the 640×480 framebuffer", r.machine().fault().message());
        assertEquals(3, c.debug().lineOf(r.machine().fault().pc()));
        assertEquals(TcOutcome.Status.STEP_LIMIT, r.outcome().status(), "the machine stopped without halting");
    }

    @Test
    void sectorsRoundTripThroughTheDiskEvenWhileTheBufferPagesAndLeaveGpuMemoryAlone() {
        // buf spans 64 pages of 16 words over 15 user frames: copying it to or from the
        // controller's buffer faults page after page, and the pager swaps pages around the buffer.
        // GPU memory's top words (once the sector builtins' staging area) keep what the program put there.
        Run r = run("int buf[1024];\nint back[1024];\nint main() { int i; gpu_fill(64512, 1024, 77); for (i = 0; i < 1024; i++) buf[i] = i * 7919 - 5; "
                + "sector_write(3, buf); for (i = 0; i < 1024; i++) buf[i] = 0; sector_read(3, back); sector_read(4, buf); "
                + "int bad = 0; for (i = 0; i < 1024; i++) { if (back[i] != i * 7919 - 5) bad++; if (buf[i] != 0) bad++; } return bad; }");
        assertNull(r.machine().fault());
        assertEquals(0, r.outcome().retval());
        int[] sector = new int[1024];
        try {
            r.machine().devices().disk().disk().read(3, sector);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (int i = 0; i < 1024; i++) assertEquals(i * 7919 - 5, sector[i], "word " + i + " on the disk");
        assertTrue(r.machine().stats().pageFaults() > 64);
        for (int g = 64512; g < 65536; g++) assertEquals(77, r.machine().devices().gpu().word(g), "GPU word " + g);
    }

    @Test
    void aSectorOutsideTheUserPartIsADeviceFault() {
        Run r = run("int buf[1024];\nint main() { sector_read(-1, buf); return 0; }");
        assertTrue(r.machine().fault().message().startsWith("sector -1 is outside the disk"), r.machine().fault().message());
        long user = CONFIG.userSectors(TcBackend.DEFAULT_MEMORY_WORDS);
        Run swap = run("int buf[1024];\nint main() { sector_write(" + user + ", buf); return 0; }");
        assertTrue(swap.machine().fault() != null && swap.machine().fault().message().startsWith("sector " + user + " is outside the disk"),
                "user programs cannot reach the swap area: " + swap.machine().fault());
    }

    @Test
    void everyGpuBuiltinComputesWhatItSays() {
        Run r = run("""
                int main() {
                    int i;
                    for (i = 0; i < 6; i++) { gpu_write(i, i - 2); gpu_write(10 + i, 3 * i + 1); }
                    gpu_fill(20, 6, 9);
                    gpu_add(0, 10, 30, 6);
                    gpu_mul(0, 10, 40, 6);
                    gpu_scale(0, 50, 6, -4);
                    gpu_relu(0, 60, 6);
                    gpu_matmul(0, 10, 70, 2, 3, 2);
                    output(gpu_dot(0, 10, 6));
                    for (i = 0; i < 80; i++) output(gpu_read(i));
                    return 0;
                }
                """);
        assertNull(r.machine().fault());
        int[] a = new int[6], b = new int[6];
        for (int i = 0; i < 6; i++) { a[i] = i - 2; b[i] = 3 * i + 1; }
        int[] want = new int[80];
        int dot = 0;
        for (int i = 0; i < 6; i++) {
            want[i] = a[i];
            want[10 + i] = b[i];
            want[20 + i] = 9;
            want[30 + i] = a[i] + b[i];
            want[40 + i] = a[i] * b[i];
            want[50 + i] = -4 * a[i];
            want[60 + i] = Math.max(a[i], 0);
            dot += a[i] * b[i];
        }
        // A (2x3) = a as rows, B (3x2) = b as rows: C (2x2).
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) {
                int s = 0;
                for (int k = 0; k < 3; k++) s += a[i * 3 + k] * b[k * 2 + j];
                want[70 + i * 2 + j] = s;
            }
        List<Integer> outputs = r.outcome().outputs();
        assertEquals(dot, outputs.get(0));
        for (int i = 0; i < 80; i++) assertEquals(want[i], outputs.get(1 + i), "GPU word " + i);
        assertEquals(7, r.machine().stats().gpuKernels());
    }

    @Test
    void aGpuOperandOutsideItsMemoryIsADeviceFault() {
        Run r = run("int main() { gpu_fill(65530, 10, 1); return 0; }");
        assertTrue(r.machine().fault() != null, "expected a fault");
    }

    @Test
    void theCpuMachineRefusesDeviceBuiltinsAtTheirCall() {
        CompileException e = assertThrows(CompileException.class, () -> cpu("int main() {\n  output(1);\n  putchar(65);\n  return 0;\n}\n"));
        assertEquals("putchar needs the Tensor Computer's seed machine: use --machine seed", e.diagnostic().message());
        assertEquals(3, e.diagnostic().pos().line());
        assertEquals(3, e.diagnostic().pos().column());
    }
}
