package tc.learn.population;

import tc.learn.Task;
import tc.learn.TaskSuite;

/** A task of the suite ({@link TaskSuite#task}) by name and the seed of its cases. */
public record SuiteTask(String name, long seed) implements TaskSource {
    public SuiteTask {
        if (!TaskSuite.ALL.contains(name)) throw new IllegalArgumentException("unknown task '" + name + "'");
    }

    @Override public Task task() { return TaskSuite.task(name, seed); }
}
