package tc.learn.population;

import java.io.Serializable;
import tc.learn.Task;

/**
 * How an island gets its task. A {@link Task} holds a machine spec and case lists that are not
 * serializable, so what travels to a Spark executor is this recipe, and each island rebuilds the
 * same task from it (every task generator is a pure function of its inputs).
 */
@FunctionalInterface
public interface TaskSource extends Serializable {
    /** The task; equal on every call and every machine. */
    Task task();
}
