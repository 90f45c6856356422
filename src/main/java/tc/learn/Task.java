package tc.learn;

import java.util.List;
import tc.computer.isa.TcMachineSpec;

/**
 * A learning task: deterministic training and held-out test cases plus what the search may use.
 *
 * <p>Conventions (the same for every task, see {@link TaskSuite}): inputs enter in registers r0,
 * r1, … in order (as in the seed, whose learned add is {@code ADD R0,R0,R1}); array tasks get the
 * array's base address in r0 and its length in r1, the array itself in memory; a scalar result is
 * read from r0, an in-place result from the memory or registers it was given in. A program must
 * HALT within {@link #stepLimit} steps, or the case scores 0.
 *
 * @param registers the registers the learner may name (r0 … r(registers−1)): the inputs and a few
 *                  scratch registers the task grants
 * @param usesMemory whether LOAD and STORE are in the learner's vocabulary
 * @param maxLength the longest program the search may build (calls to library routines counted
 *                  at their routines' length)
 * @param uses      the tasks whose learned programs this task may CALL ({@link Library}); they
 *                  are learned first
 */
public record Task(String name, String description, int registers, boolean usesMemory, int maxLength,
                   long stepLimit, TcMachineSpec spec, List<TaskCase> train, List<TaskCase> test, List<String> uses) {
    /** A task that calls no library routine. */
    public Task(String name, String description, int registers, boolean usesMemory, int maxLength,
                long stepLimit, TcMachineSpec spec, List<TaskCase> train, List<TaskCase> test) {
        this(name, description, registers, usesMemory, maxLength, stepLimit, spec, train, test, List.of());
    }

    public Task {
        train = List.copyOf(train);
        test = List.copyOf(test);
        uses = List.copyOf(uses);
        if (registers < 1 || registers > TcMachineSpec.SP) throw new IllegalArgumentException("registers must be 1..15, got " + registers);
        if (maxLength < 1 || maxLength >= spec.slots()) throw new IllegalArgumentException("maxLength must leave a HALT slot in the spec");
        if (train.isEmpty() || test.isEmpty()) throw new IllegalArgumentException("a task needs training and test cases");
    }
}
