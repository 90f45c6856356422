package tc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code tc demo --list} and {@code tc demo NAME}: the bundled demos listed, run, checked and drawn. */
class DemoCommandTest {
    /** A few lines of each demo's picture on the interpreter. */
    private static final Map<String, String[]> PICTURES = Map.of(
            "bubblesort", new String[] {"before:", "   34 -12  45   7  23 -18  90   0", "after:", "  -18 -12   0   7  23  34  45  90"},
            "selectionsort", new String[] {"after:", "  -77 -40  -3   5   8  17  62  99"},
            "life", new String[] {"generation 1:", "  |.#......|", "  |..#.....|", "  |###.....|", "generation 5:"},
            "sudoku", new String[] {"puzzle:", "  |53..7....|", "solved:", "  |534678912|", "  |672195348|", "  |345286179|"},
            "snake", new String[] {"frame 1:", "  |oo@.*...|", "frame 13:", "  |.@......|", "  |.o......|", "  |.oooo...|"},
            "floodfill", new String[] {"before:", "  |...#....|", "after:", "  |ooo#oooo|", "  |...#oo#o|"},
            "raycaster", new String[] {"  |           =====|", "  |#########=======|", "  |...........=====|"});

    @Test void listNamesEveryDemoWithItsConfigurationAndSteps() {
        Cli r = Cli.run("demo", "--list");
        assertEquals(0, r.exit(), r.err());
        for (String name : Demo.names()) assertTrue(r.out().contains(name + " "), name);
        assertEquals(PICTURES.keySet(), Set.copyOf(Demo.names()));
        assertTrue(r.out().contains("1,114,536 steps"), r.out());
        assertTrue(r.out().contains("164x2048, 16-bit"), r.out());
        assertTrue(r.out().contains("146x512"), r.out());
    }

    @Test void everyDemoDrawsItsPictureOnTheInterpreter() {
        for (var e : PICTURES.entrySet()) {
            Cli r = Cli.run("demo", e.getKey(), "--engine", "interp");
            assertEquals(0, r.exit(), e.getKey() + ": " + r.err() + r.out());
            assertTrue(r.out().contains("result: correct"), r.out());
            for (String line : e.getValue()) assertTrue(r.out().lines().anyMatch(line::equals), e.getKey() + " lacks the line '" + line + "':\n" + r.out());
        }
    }

    @Test void bubbleSortRunsOnTheExactTransformerAndMatchesTheInterpreter() {
        Cli r = Cli.run("demo", "bubblesort");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("engine:  fast"), r.out());
        assertTrue(r.out().contains("check:   the transformer's run equals the interpreter's: halted after 1096 steps"), r.out());
        assertTrue(r.out().contains("  -18 -12   0   7  23  34  45  90"), r.out());
        assertTrue(r.clean());
    }

    @Test void maxStepsCutsTheTransformerShortAndFails() {
        Cli r = Cli.run("demo", "bubblesort", "--max-steps", "50");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("stopped after 50 steps on the transformer; the interpreter needs 1096"), r.err());
        Cli alone = Cli.run("demo", "bubblesort", "--engine", "sparse", "--max-steps", "20");
        assertEquals(1, alone.exit(), alone.out());
        assertTrue(alone.err().contains("stopped after 20 steps; the interpreter needs 1096"), alone.err());
    }

    @Test void unknownDemoIsAUsageErrorNamingTheDemos() {
        Cli r = Cli.run("demo", "tetris");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown demo 'tetris': choose one of bubblesort, selectionsort, life, sudoku, snake, floodfill, raycaster"), r.err());
        assertTrue(r.clean());
    }

    @Test void showDirectivesAreRead() {
        DemoView v = DemoView.parse("chars 9x9 from outputs as \".123456789\" titled puzzle,solved");
        assertEquals(new DemoView(9, 9, "outputs", ".123456789", java.util.List.of("puzzle", "solved")), v);
        assertEquals(null, DemoView.parse("numbers 8x1 from a").chars());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DemoView.parse("chars 8x8 from outputs"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DemoView.parse("picture of it"));
    }
}
