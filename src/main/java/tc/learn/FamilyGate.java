package tc.learn;

/**
 * The sketch families a task gets only with enough registers: the one place that states what each
 * needs, for {@link SketchSpace} (which families to enumerate), {@link SketchEdits} and
 * {@link SketchSearch} (which rewrites into them to try) and {@link TaskSuite} (how many registers
 * a task is given so that a family applies).
 */
enum FamilyGate {
    /** {@code recur} (scalar tasks): the recurrence's x and y and its temporary t — 3 registers. */
    RECUR(false, 0, 3, 0),
    /** {@code each} (array tasks): the pointer r0, the count r1 and a register to load into — 3 registers. */
    EACH(true, 0, 3, 0),
    /** {@code nested} (array tasks): r0, r1, the inner pass's pointer and count, and a register to load into — 5 registers. */
    NESTED(true, 0, 5, 0),
    /**
     * {@code bisect} (array tasks with a key: at least 3 inputs): four scratch registers beyond
     * the inputs — one, lo, mid and a loaded word (registers ≥ inputs + 4).
     */
    BISECT(true, 3, 0, 4);

    private final boolean memory;
    private final int inputs, registers, scratch;

    FamilyGate(boolean memory, int inputs, int registers, int scratch) {
        this.memory = memory;
        this.inputs = inputs;
        this.registers = registers;
        this.scratch = scratch;
    }

    /** Whether a task of this shape gets the family: an array task or not, its registers, its input registers. */
    boolean admits(boolean usesMemory, int registers, int inputs) {
        return usesMemory == memory && inputs >= this.inputs && registers >= registersFor(inputs);
    }

    /** Whether {@code task} gets the family. */
    boolean admits(Task task) { return admits(task.usesMemory(), task.registers(), RegisterRoles.inputs(task)); }

    /** The fewest registers with which a task with {@code inputs} input registers gets the family. */
    int registersFor(int inputs) {
        // a family that names no scratch count needs its registers in all, however many are inputs
        return scratch == 0 ? registers : Math.max(registers, inputs + scratch);
    }
}
