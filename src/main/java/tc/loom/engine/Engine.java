package tc.loom.engine;

import tc.loom.isa.Program;

/**
 * Loom's one idea of an engine: something that runs an ISA program to a {@link RunResult}. The
 * ideal interpreter ({@code tc.loom.interp}) and the transformer engines ({@link TransformerEngine}:
 * dense, sparse, fast, softmax over a weight profile) implement it; {@code tc.loom.Engines} names them
 * for {@code tc run --engine}.
 */
public interface Engine {
    /** Name used by {@code tc run --engine}. */
    String name();

    /** One line for help texts. */
    String description();

    /**
     * Whether this engine only approximates what it names (the softmax engine: soft attention in
     * place of the weights' argmax), so that its results may differ from the ideal ISA's.
     */
    default boolean approximate() { return false; }

    /** Runs from the program's initial state until HALT, a fault or the step limit. */
    RunResult run(Program program, RunOptions options);
}
