package tc.learn;

import static org.junit.jupiter.api.Assertions.*;
import static tc.computer.isa.TcOp.*;
import static tc.learn.Reference.i;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tc.computer.isa.TcInstruction;

class TaskSuiteTest {
    /** Hand-written solutions in the documented conventions: each must pass its task's every case. */
    static final Map<String, List<TcInstruction>> SOLUTIONS = Map.of(
            "add", List.of(i(ADD, 0, 0, 1, 0)),
            "max", List.of(i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 3), i(MOV, 0, 1, 0, 0)),
            "abs", List.of(i(LI, 1, 0, 0, 31), i(SRA, 1, 0, 1, 0), i(XOR, 0, 0, 1, 0), i(SUB, 0, 0, 1, 0)),
            "swap", List.of(i(XOR, 0, 0, 1, 0), i(XOR, 1, 0, 1, 0), i(XOR, 0, 0, 1, 0)),
            "gcd", List.of(i(MOD, 2, 0, 1, 0), i(MOV, 0, 1, 0, 0), i(MOV, 1, 2, 0, 0), i(JNZ, 0, 0, 0, 0)),
            "sum_array", List.of(i(LOAD, 3, 0, 0, 0), i(ADD, 2, 2, 3, 0), i(ADDI, 0, 0, 0, 1), i(ADDI, 1, 1, 0, -1),
                    i(JNZ, 0, 0, 0, 0), i(MOV, 0, 2, 0, 0)),
            "bubble_sort", List.of(i(ADDI, 2, 1, 0, -1), i(JLE, 0, 0, 0, 15), i(MOV, 3, 0, 0, 0), i(MOV, 4, 2, 0, 0),
                    i(LOAD, 5, 3, 0, 0), i(LOAD, 1, 3, 0, 1), i(CMP, 0, 5, 1, 0), i(JLE, 0, 0, 0, 10), i(STORE, 0, 3, 1, 0),
                    i(STORE, 0, 3, 5, 1), i(ADDI, 3, 3, 0, 1), i(ADDI, 4, 4, 0, -1), i(JGT, 0, 0, 0, 4), i(ADDI, 2, 2, 0, -1), i(JGT, 0, 0, 0, 2)),
            "binary_search", List.of(i(LI, 5, 0, 0, 1), i(CMP, 0, 3, 1, 0), i(JGE, 0, 0, 0, 14), i(ADD, 4, 3, 1, 0), i(SHR, 4, 4, 5, 0),
                    i(ADD, 6, 0, 4, 0), i(LOAD, 6, 6, 0, 0), i(CMP, 0, 6, 2, 0), i(JZ, 0, 0, 0, 16), i(JLT, 0, 0, 0, 12), i(MOV, 1, 4, 0, 0),
                    i(JMP, 0, 0, 0, 1), i(ADDI, 3, 4, 0, 1), i(JMP, 0, 0, 0, 1), i(LI, 0, 0, 0, -1), i(JMP, 0, 0, 0, 17), i(MOV, 0, 4, 0, 0)));

    /** A linear scan for binary_search: correct without a step limit, too slow for the held-out lengths. */
    static final List<TcInstruction> SCAN = List.of(i(MOV, 3, 0, 0, 0), i(LI, 0, 0, 0, 0), i(CMP, 0, 0, 1, 0), i(JGE, 0, 0, 0, 10), i(ADD, 4, 3, 0, 0),
            i(LOAD, 4, 4, 0, 0), i(CMP, 0, 4, 2, 0), i(JZ, 0, 0, 0, 11), i(ADDI, 0, 0, 0, 1), i(JMP, 0, 0, 0, 2), i(LI, 0, 0, 0, -1));

    @Test void binarySearchAcceptsABisectionAndRejectsAScanOnTheLongerArrays() {
        Task t = TaskSuite.task("binary_search", 7);
        assertEquals(t.train().size(), Reference.passed(SCAN, t, t.train()), "a scan fits the training lengths' step budget");
        assertTrue(Reference.passed(SCAN, t, t.test()) < t.test().size(), "but not the held-out lengths'");
        Task unlimited = new Task(t.name(), t.description(), t.registers(), true, t.maxLength(), 10_000, t.spec(), t.train(), t.test());
        assertEquals(t.test().size(), Reference.passed(SCAN, unlimited, t.test()), "the scan is correct: only its steps fail it");
    }

    @Test void everyTaskHasAHandWrittenSolutionThatPassesAllItsCases() {
        assertEquals(Set.copyOf(TaskSuite.NAMES), SOLUTIONS.keySet());
        for (String name : TaskSuite.NAMES) {
            Task t = TaskSuite.task(name, 7);
            List<TcInstruction> code = SOLUTIONS.get(name);
            assertTrue(code.size() <= t.maxLength(), name + " solution fits the task's length");
            assertEquals(t.train().size(), Reference.passed(code, t, t.train()), name + " train");
            assertEquals(t.test().size(), Reference.passed(code, t, t.test()), name + " test");
        }
    }

    /** Doing nothing never passes a held-out set (max and abs still pass the cases the input already answers). */
    @Test void theEmptyProgramFailsTheHeldOutSet() {
        for (String name : TaskSuite.NAMES) {
            Task t = TaskSuite.task(name, 7);
            assertTrue(Reference.passed(List.of(), t, t.test()) < t.test().size() * 3 / 4, name);
        }
    }

    @Test void generatorsAreDeterministicPerSeedAndDifferAcrossSeeds() {
        for (String name : TaskSuite.NAMES) {
            assertEquals(describe(TaskSuite.task(name, 3)), describe(TaskSuite.task(name, 3)), name);
            assertNotEquals(describe(TaskSuite.task(name, 3)), describe(TaskSuite.task(name, 4)), name);
        }
    }

    @Test void arrayTasksTestOnLengthsTheyNeverTrainedOn() {
        assertEquals(Set.of(1, 2, 3, 4), lengths(TaskSuite.task("sum_array", 1).train()));
        assertEquals(Set.of(5, 6, 7, 8), lengths(TaskSuite.task("sum_array", 1).test()));
        assertEquals(Set.of(4), lengths(TaskSuite.task("bubble_sort", 1).train()));
        assertEquals(Set.of(2, 3, 4, 5, 6, 7, 8), lengths(TaskSuite.task("bubble_sort", 1).test()));
        assertEquals(Set.of(7, 8, 9, 10, 11, 12), lengths(TaskSuite.task("binary_search", 1).test()));
    }

    /**
     * binary_search trains on the key at every index of arrays of 1..6 words and above all their
     * words, stored just outside the array there (a search that reads past the array finds it);
     * its held-out set has the key at every index and in every gap of 7..12 words.
     */
    @Test void binarySearchTrainsOnEveryIndexAndAKeyAboveTheArray() {
        Task t = TaskSuite.task("binary_search", 1);
        assertEquals(21 + 6, t.train().size());
        for (int n = 1; n <= 6; n++) {
            int len = n;
            List<Integer> answers = t.train().stream().filter(c -> c.registers()[1] == len).map(c -> c.expected().get(0).value()).sorted().toList();
            List<Integer> want = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
            want.add(0, -1);
            assertEquals(want, answers, "n = " + n);
        }
        for (TaskCase c : t.train())
            if (c.expected().get(0).value() < 0) {
                int base = c.registers()[0], n = c.registers()[1], key = c.registers()[2];
                assertEquals(key, c.memory()[base + n], "the key is stored just past the array");
                for (int k = 0; k < n; k++) assertTrue(c.memory()[base + k] < key, "and above every word");
            }
        assertEquals(java.util.stream.IntStream.rangeClosed(7, 12).map(n -> 2 * n + 1).sum(), t.test().size());
        long absent = t.test().stream().filter(c -> c.expected().get(0).value() < 0).count();
        assertEquals(java.util.stream.IntStream.rangeClosed(7, 12).map(n -> n + 1).sum(), absent, "every gap, the ends included");
    }

    @Test void unknownTaskNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskSuite.task("sort", 1));
        assertTrue(e.getMessage().contains("bubble_sort"), e.getMessage());
    }

    private static Set<Integer> lengths(List<TaskCase> cases) {
        return cases.stream().map(c -> c.registers()[1]).collect(Collectors.toSet());
    }

    private static String describe(Task t) {
        return t.train().stream().map(TaskSuiteTest::describe).toList() + "|" + t.test().stream().map(TaskSuiteTest::describe).toList();
    }

    private static String describe(TaskCase c) {
        return java.util.Arrays.toString(c.registers()) + java.util.Arrays.toString(c.memory()) + c.expected();
    }
}
