package tc.computer.soft.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tc.computer.device.Bus;
import tc.computer.device.Gpu;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.memory.Cache;
import tc.computer.memory.PageTable;
import tc.computer.memory.Tlb;

/**
 * The soft parts at τ = 1e-3 against the discrete seed machine's own parts (tc.computer.memory and
 * tc.computer.device): the cache, the TLB with the page-table walk, and the GPU, on random
 * operation sequences, state for state.
 */
class SeedPartsDifferentialTest {
    @Test void softCacheEqualsTheSeedCacheWithSnoops() {
        SplittableRandom r = new SplittableRandom(65);
        long hits = 0, invalidated = 0;
        for (int seq = 0; seq < 60; seq++) {
            int lines = 1 + r.nextInt(16), lineWords = 1 << r.nextInt(3), physical = 256;
            Cache cache = new Cache(lines, lineWords, physical);
            SoftCache soft = new SoftCache(lines, lineWords, 1e-3);
            SoftCache.State s = new SoftCache.State(lines);
            int hot = 1 + r.nextInt(3 * lines);
            for (int t = 0; t < 400; t++) {
                int pa = r.nextInt(5) == 0 ? r.nextInt(physical) : r.nextInt(hot * lineWords);
                if (r.nextInt(10) == 0) {
                    if (cache.holds(pa)) invalidated++;
                    cache.invalidate(pa);
                    soft.invalidate(s, soft.tagOf(pa), 1);
                } else {
                    cache.access(pa);
                    soft.access(s, soft.tagOf(pa), 1);
                }
                for (int l = 0; l < lines; l++) {
                    int line = cache.lineAt(l);
                    assertEquals(line >= 0 ? 1.0 : 0.0, s.lines.valid[l], "sequence " + seq + " step " + t + " line " + l);
                    if (line >= 0) assertEquals(line, s.lines.tag[l], "sequence " + seq + " step " + t + " line " + l);
                }
                assertEquals((double) cache.hits(), s.hits);
                assertEquals((double) cache.misses(), s.misses);
            }
            hits += cache.hits();
        }
        assertTrue(hits > 1000 && invalidated > 100, hits + " hits, " + invalidated + " snoops of cached lines");
    }

    @Test void softTlbEqualsTheSeedTlbAndPageTable() {
        SplittableRandom r = new SplittableRandom(66);
        int pageWords = 4, virtual = 1024, pages = virtual / pageWords, frames = 16;
        long faults = 0, hits = 0;
        for (int seq = 0; seq < 60; seq++) {
            int entries = 1 + r.nextInt(8);
            PageTable pt = new PageTable(pages, frames);
            Tlb tlb = new Tlb(entries, pages);
            SoftTlb soft = new SoftTlb(entries, pageWords, virtual, 1e-3, 1);
            assertEquals(pt.size(), soft.pageTableWords());
            assertEquals(pt.l2Bits(), soft.l2Bits());
            double[] spt = new double[pt.size()];
            for (int i = 0; i < spt.length; i++) spt[i] = pt.get(i);
            SoftTlb.State s = new SoftTlb.State(entries);
            long discreteFaults = 0;
            int hot = 2 + r.nextInt(3 * entries);
            for (int t = 0; t < 300; t++) {
                int op = r.nextInt(12);
                if (op == 0) { // the handler maps a page (or unmaps it) and flushes its entry
                    int vpn = r.nextInt(hot), index = pt.pteIndex(vpn), value = r.nextInt(4) == 0 ? 0 : (1 + r.nextInt(frames - 1)) << 1 | 1;
                    pt.set(index, value);
                    spt[index] = value;
                    tlb.flush(vpn);
                    soft.flush(s, vpn, 1);
                } else if (op == 1) {
                    tlb.flush(-1);
                    soft.flush(s, -1, 1);
                } else {
                    int va = r.nextInt(4) == 0 ? r.nextInt(virtual) : r.nextInt(hot) * pageWords + r.nextInt(pageWords);
                    int vpn = va / pageWords, frame = tlb.lookup(vpn), pa = -1;
                    if (frame < 0) {
                        frame = pt.walk(vpn);
                        if (frame >= 0) tlb.fill(vpn, frame);
                        else discreteFaults++;
                    }
                    if (frame >= 0) pa = frame * pageWords + va % pageWords;
                    double softPa = soft.translate(s, spt, va, 1);
                    assertEquals(pa < 0 ? 1.0 : 0.0, soft.lastFault(), "sequence " + seq + " step " + t);
                    if (pa >= 0) assertEquals(pa, softPa, "sequence " + seq + " step " + t);
                }
                for (int e = 0; e < entries; e++) {
                    int page = tlb.pageAt(e);
                    assertEquals(page >= 0 ? 1.0 : 0.0, s.entries.valid[e], "sequence " + seq + " step " + t + " entry " + e);
                    if (page >= 0) assertEquals(page, s.entries.tag[e], "sequence " + seq + " step " + t + " entry " + e);
                }
                assertEquals((double) tlb.hits(), s.hits);
                assertEquals((double) tlb.misses(), s.misses);
                assertEquals((double) discreteFaults, s.faults);
            }
            faults += discreteFaults;
            hits += tlb.hits();
        }
        assertTrue(faults > 500 && hits > 1000, faults + " faults, " + hits + " hits");
    }

    @Test void softGpuEqualsTheSeedGpu() {
        SplittableRandom r = new SplittableRandom(67);
        int words = 256;
        Gpu gpu = new Gpu(words, new Bus());
        SoftGpu soft = new SoftGpu(words, 1e-3);
        SoftGpu.State s = new SoftGpu.State(words);
        for (int i = 0; i < words; i++) {
            int v = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(61) - 30;
            gpu.setWord(i, v);
            s.mem[i] = v;
        }
        for (int launch = 0; launch < 500; launch++) {
            int kernel = 1 + r.nextInt(7), n = r.nextInt(10), m = r.nextInt(5), k = r.nextInt(5), sc = r.nextInt(41) - 20;
            SoftGpu.Launch l = new SoftGpu.Launch(r.nextInt(words - 60), r.nextInt(words - 60), r.nextInt(words - 60), n, m, k);
            gpu.setRegister(Mmio.GPU_A, l.a());
            gpu.setRegister(Mmio.GPU_B, l.b());
            gpu.setRegister(Mmio.GPU_C, l.c());
            gpu.setRegister(Mmio.GPU_N, n);
            gpu.setRegister(Mmio.GPU_M, m);
            gpu.setRegister(Mmio.GPU_K, k);
            gpu.setRegister(Mmio.GPU_S, sc);
            gpu.run(kernel);
            soft.run(s, l, sc, SoftGpuTest.oneHot(kernel - 1));
            for (int i = 0; i < words; i++) assertEquals(gpu.word(i), s.mem[i], "launch " + launch + " kernel " + kernel + " word " + i);
            assertEquals(gpu.result(), s.result, "launch " + launch);
        }
        assertEquals(500, gpu.kernels());
    }

    @Test void softArbitrationAtTauToZeroIsTheSeedBussFixedPriority() {
        SoftBus soft = new SoftBus(1e-3, 1, 1 << 16, 1024);
        for (int mask = 0; mask < 8; mask++) {
            boolean cpu = (mask & 1) != 0, gpu = (mask & 2) != 0, dma = (mask & 4) != 0;
            Bus.Master winner = Bus.arbitrate(dma, gpu, cpu);
            double[] grant = soft.arbitrate(new double[] {cpu ? 1 : 0, gpu ? 1 : 0, dma ? 1 : 0});
            assertEquals(winner == Bus.Master.CPU ? 1.0 : 0.0, grant[SoftBus.CPU], "requests " + mask);
            assertEquals(winner == Bus.Master.GPU ? 1.0 : 0.0, grant[SoftBus.GPU], "requests " + mask);
            assertEquals(winner == Bus.Master.DMA ? 1.0 : 0.0, grant[SoftBus.DMA], "requests " + mask);
        }
    }

    @Test void theSeedPresetsPartsBuild() {
        SeedConfig c = SeedConfig.SEED;
        assertEquals(c.cacheLines(), new SoftCache(c.cacheLines(), c.cacheLineWords(), 1e-3).lines());
        SoftTlb tlb = new SoftTlb(c.tlbEntries(), c.pageWords(), 1 << 16, 1e-3, 1);
        assertEquals(new PageTable((1 << 16) / c.pageWords(), c.frames()).size(), tlb.pageTableWords());
    }
}
