package tc.computer;

import java.util.Locale;
import tc.computer.device.Mmio;
import tc.computer.isa.SeedConfig;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcParams;

/**
 * Draws the seed machine as an SVG: the parts, their sizes read from a {@link SeedConfig}, and the
 * paths a data access can take (CPU → MMU → cache → main memory, or CPU → bus → a device). The
 * picture in docs/tensor-computer.md is this class's output for {@link SeedConfig#SEED} (a test
 * keeps it so), so the picture cannot drift from the sizes the code uses.
 */
public final class MachineDiagram {
    private MachineDiagram() {}

    private static final int W = 980, H = 560;

    /** The SVG text for a machine of this configuration. */
    public static String svg(SeedConfig c) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                W, H, W, H));
        s.append("<defs><marker id=\"a\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">The Tensor Computer, seed preset</text>\n");

        box(s, 20, 50, 220, 150, "#dbe9f6", "CPU",
                "ALU: " + 32 + " ops, blended by softmax",
                TcMachineSpec.REGISTERS + " registers × 32 bits, flags Z N C V",
                "soft PC over the slots",
                "fetch = PCᵀ · code",
                TcParams.PER_INSTRUCTION + " parameters per instruction");
        box(s, 20, 240, 220, 70, "#eeeeee", "Instruction memory",
                "slots (power of two, ≤ 65,536)", "read only; Harvard: not on the bus");
        box(s, 300, 50, 200, 110, "#fde9c8", "MMU",
                "TLB: " + c.tlbEntries() + " entries, LRU",
                "page tables: 2 levels, in the MMU's RAM",
                "pages of " + c.pageWords() + " words",
                "virtual space: the program's words");
        box(s, 560, 50, 190, 90, "#fde9c8", "Cache",
                c.cacheLines() + " lines × " + c.cacheLineWords() + " word" + (c.cacheLineWords() == 1 ? "" : "s"),
                "fully associative, LRU", "write-through");
        box(s, 790, 50, 170, 90, "#fde9c8", "Main memory",
                c.physicalWords() + " words × 32 bits",
                c.frames() + " frames (frame 0: pager)", "NTM-style heads");
        box(s, 300, 230, 200, 90, "#e3f2dc", "System bus",
                "masters: CPU, disk DMA, GPU",
                "softmax arbitration;", "τ → 0: DMA > GPU > CPU");
        box(s, 560, 200, 190, 90, "#f3e0f0", "GPU",
                words(c.gpuWords()) + " words",
                "fill, add, mul, scale,", "dot, matmul, relu");
        box(s, 790, 200, 170, 90, "#f3e0f0", "Disk",
                mib(c.diskBytes()) + " in " + 4 * c.sectorWords() / 1024 + " KB sectors",
                c.diskSectors() + " sectors", "swap area at the end");
        box(s, 560, 330, 190, 70, "#f3e0f0", "Disk controller",
                "buffer: " + c.sectorWords() + " words", "READ, WRITE, DMA, SWAP");
        box(s, 790, 330, 170, 70, "#f3e0f0", "Framebuffer",
                c.width() + " × " + c.height() + " × 3", "PNG at the end of a run");
        box(s, 560, 440, 190, 70, "#f3e0f0", "Console",
                "ring buffers in and out", "standard input / output");
        box(s, 790, 440, 170, 70, "#f3e0f0", "Keyboard", "event queue", "");

        arrow(s, 240, 100, 300, 100, "address ≥ 0");
        arrow(s, 500, 95, 560, 95, "physical");
        arrow(s, 750, 95, 790, 95, "");
        arrow(s, 130, 240, 130, 200, "");
        arrow(s, 240, 270, 300, 270, "address < 0");
        arrow(s, 500, 250, 560, 245, "");
        arrow(s, 500, 280, 790, 245, "");
        arrow(s, 500, 300, 560, 365, "");
        arrow(s, 500, 305, 790, 365, "");
        arrow(s, 500, 315, 560, 475, "");
        arrow(s, 500, 318, 790, 475, "");
        arrow(s, 655, 330, 655, 140, "DMA");
        arrow(s, 750, 365, 790, 280, "");
        s.append(String.format(Locale.ROOT,
                "<text x=\"20\" y=\"360\">Memory-mapped I/O (addresses with bit 31 set):</text>%n"
                        + "<text x=\"20\" y=\"380\">GPU memory at 0x%08X, device registers at 0x%08X,</text>%n"
                        + "<text x=\"20\" y=\"400\">the disk buffer at 0x%08X.</text>%n"
                        + "<text x=\"20\" y=\"430\">A page fault traps to the pager in the program,</text>%n"
                        + "<text x=\"20\" y=\"450\">which swaps pages through the disk controller.</text>%n",
                Mmio.GPU_BASE, Mmio.DEV_BASE, Mmio.DISK_BUF));
        s.append("</svg>\n");
        return s.toString();
    }

    private static String words(int n) { return n % 1024 == 0 ? n / 1024 + "K" : Integer.toString(n); }

    private static String mib(long bytes) { return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MB" : bytes + " bytes"; }

    private static void box(StringBuilder s, int x, int y, int w, int h, String fill, String title, String... lines) {
        s.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"#555\"/>%n", x, y, w, h, fill));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x + 8, y + 18, escape(title)));
        for (int i = 0; i < lines.length; i++)
            if (!lines[i].isEmpty())
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 8, y + 36 + 16 * i, escape(lines[i])));
    }

    private static void arrow(StringBuilder s, int x1, int y1, int x2, int y2, String label) {
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" marker-end=\"url(#a)\"/>%n", x1, y1, x2, y2));
        if (!label.isEmpty())
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#333\">%s</text>%n",
                    (x1 + x2) / 2 - 25, (y1 + y2) / 2 - 4, escape(label)));
    }

    private static String escape(String t) { return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
