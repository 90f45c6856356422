package tc.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which sketch families each task gets, by its shape and registers. */
class FamilyGateTest {
    @Test void theSuiteTasksGetTheFamiliesTheirRegistersAllow() {
        Map<String, List<String>> got = new LinkedHashMap<>();
        for (String name : TaskSuite.ALL)
            got.put(name, new SketchSpace(TaskSuite.task(name, 1)).families().stream().map(SketchSpace.Family::name).toList());
        assertEquals(Map.ofEntries(
                Map.entry("add", List.of("line", "if", "while")),
                Map.entry("max", List.of("line", "if", "while")),
                Map.entry("abs", List.of("line", "if", "while")),
                Map.entry("swap", List.of("line", "if", "while")),
                Map.entry("gcd", List.of("line", "if", "while", "recur")),
                Map.entry("sum_array", List.of("each")),
                Map.entry("bubble_sort", List.of("each", "nested")),
                Map.entry("binary_search", List.of("each", "nested", "bisect")),
                Map.entry("max3", List.of("line", "if", "while", "recur")),
                Map.entry("gcd3", List.of("line", "if", "while", "recur")),
                Map.entry("sum_abs", List.of("each", "nested"))), got);
    }

    @Test void eachGateStatesItsRequirement() {
        assertFalse(FamilyGate.RECUR.admits(false, 2, 2));
        assertTrue(FamilyGate.RECUR.admits(false, 3, 2));
        assertFalse(FamilyGate.RECUR.admits(true, 3, 2), "recur is for scalar tasks");
        assertTrue(FamilyGate.EACH.admits(true, 3, 2));
        assertFalse(FamilyGate.NESTED.admits(true, 4, 2));
        assertTrue(FamilyGate.NESTED.admits(true, 5, 2));
        assertFalse(FamilyGate.BISECT.admits(true, 15, 2), "bisect needs a key beyond base and count");
        assertFalse(FamilyGate.BISECT.admits(true, 6, 3));
        assertTrue(FamilyGate.BISECT.admits(true, 7, 3));
        assertEquals(7, FamilyGate.BISECT.registersFor(3));
        assertEquals(TaskSuite.SEARCH_REGISTERS, FamilyGate.BISECT.registersFor(3), "binary_search has just the registers a bisection needs");
    }
}
