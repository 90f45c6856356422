package tc.loom.engine;

import tc.loom.Engines;
import tc.loom.isa.Program;

/**
 * Something that executes ISA programs: today the ideal interpreter; later the transformer engines.
 * Every engine registered in {@link Engines} runs the golden corpus.
 */
public interface Engine {
    /** Name used by {@code tc run --engine}. */
    String name();

    /** One line for help texts. */
    String description();

    /** Runs from the program's initial state until HALT, a fault or the step limit. */
    RunResult run(Program program, RunOptions options);
}
