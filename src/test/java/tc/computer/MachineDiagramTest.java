package tc.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tc.computer.isa.SeedConfig;

/**
 * The picture in the docs is generated: this test fails when it no longer matches the code's
 * sizes. Regenerate with {@code mvn test -Dtest=MachineDiagramTest -Dtc.regenerate=true}.
 */
class MachineDiagramTest {
    static final Path PICTURE = Path.of("docs/images/tensor-computer.svg");

    @Test void docsPictureIsTheGeneratedOne() throws Exception {
        String svg = MachineDiagram.svg(SeedConfig.SEED);
        if (Boolean.getBoolean("tc.regenerate")) Files.writeString(PICTURE, svg);
        assertEquals(svg, Files.readString(PICTURE), "docs/images/tensor-computer.svg is stale: regenerate it (see this test's Javadoc)");
    }

    @Test void pictureShowsTheConfiguredSizes() {
        var small = new SeedConfig(64, 8, 4, 32, 2, 4096, 320, 200, 1L << 20, 256);
        String svg = MachineDiagram.svg(small);
        assertTrue(svg.contains("64 words × 32 bits"), "main memory size");
        assertTrue(svg.contains("TLB: 4 entries"), "TLB size");
        assertTrue(svg.contains("32 lines × 2 words"), "cache size");
        assertTrue(svg.contains("320 × 200 × 3"), "framebuffer size");
        assertTrue(svg.contains("1 MB in 1 KB sectors"), "disk size");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"), "one SVG document");
    }
}
