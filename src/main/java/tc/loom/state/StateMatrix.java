package tc.loom.state;

import java.util.List;
import tc.loom.isa.Instruction;
import tc.loom.isa.Program;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateLayout.Rows;

/**
 * A d×n state matrix in row-major float32 (index = row·n + column), with field access through a
 * {@link StateLayout}. {@link #initial(Program)} builds the state Loom's {@code init_state} builds.
 */
public final class StateMatrix {
    private final StateLayout layout;
    private final float[] data;

    public StateMatrix(StateLayout layout) {
        this.layout = layout;
        this.data = new float[layout.rows() * layout.columns()];
    }

    /**
     * The initial state of a program (REFERENCE.md §1.4): indicator, position codes, memory words,
     * tags, one instruction per ROM column and the PC at the first instruction.
     */
    public static StateMatrix initial(Program program) { return initial(program, StateLayout.of(program.config())); }

    /**
     * The initial state in {@code layout}; the exact layout also gets its constant rows (memory
     * indicator and priorities; the shadow flags start at 0 and L0 computes them).
     */
    public static StateMatrix initial(Program program, StateLayout layout) {
        if (!layout.config().equals(program.config()))
            throw new IllegalArgumentException("layout is for " + layout.config().name() + ", the program for " + program.config().name());
        StateMatrix x = new StateMatrix(layout);
        var config = program.config();
        int w = layout.wordBits();
        Rows indicator = layout.rows(Region.INDICATOR);
        for (int j = 0; j < config.s(); j++) x.set(indicator.first(), j, 1f);
        Rows pos = layout.rows(Region.POS_ENC);
        for (int j = 1; j < config.n(); j++) x.writeUnsigned(pos, j, j);
        int[] memory = program.memory();
        for (int i = 0; i < config.m(); i++) {
            x.writeSigned(layout.rows(Region.MEMORY), layout.memoryColumn(i), memory[i]);
            x.writeUnsigned(layout.rows(Region.TAG), layout.memoryColumn(i), i & ((1 << w) - 1));
        }
        List<Instruction> rom = program.instructions();
        for (int k = 0; k < rom.size(); k++) x.writeInstruction(layout.instructionColumn(k), rom.get(k));
        x.writeUnsigned(layout.rows(Region.PC), layout.pcColumn(), config.programStart());
        if (layout.isExact())
            for (int i = 0; i < config.m(); i++) {
                x.set(layout.rows(Region.MEM_IND).first(), layout.memoryColumn(i), 1f);
                x.set(layout.rows(Region.PRIO).first(), layout.memoryColumn(i), 2f * config.m() - i);
            }
        return x;
    }

    public StateLayout layout() { return layout; }

    public float get(int row, int column) { return data[row * layout.columns() + column]; }

    public void set(int row, int column, float value) { data[row * layout.columns() + column] = value; }

    /** The raw row-major array (shared, not copied) for engines that work on it directly. */
    public float[] data() { return data; }

    /** The values of {@code rows} in one column, top to bottom. */
    public float[] read(Rows rows, int column) {
        float[] out = new float[rows.count()];
        for (int i = 0; i < out.length; i++) out[i] = get(rows.first() + i, column);
        return out;
    }

    public void write(Rows rows, int column, float[] values) {
        if (values.length != rows.count()) throw new IllegalArgumentException(values.length + " values for " + rows.count() + " rows");
        for (int i = 0; i < values.length; i++) set(rows.first() + i, column, values[i]);
    }

    public void writeUnsigned(Rows rows, int column, long value) { write(rows, column, Bipolar.encode(value, rows.count())); }

    public void writeSigned(Rows rows, int column, int value) { write(rows, column, Bipolar.encodeSigned(value, rows.count())); }

    public int readUnsigned(Rows rows, int column) { return Bipolar.decodeUnsigned(read(rows, column)); }

    public int readSigned(Rows rows, int column) { return Bipolar.decodeSigned(read(rows, column)); }

    public void writeInstruction(int column, Instruction ins) {
        writeUnsigned(layout.cmdA(), column, ins.a());
        writeUnsigned(layout.cmdB(), column, ins.b());
        writeUnsigned(layout.cmdC(), column, ins.c());
    }

    public Instruction readInstruction(int column) {
        return new Instruction(readUnsigned(layout.cmdA(), column), readUnsigned(layout.cmdB(), column), readUnsigned(layout.cmdC(), column));
    }

    /** Whether every row of {@code rows} is exactly 0.0 in {@code column} (an unused field). */
    public boolean isZero(Rows rows, int column) {
        for (int i = 0; i < rows.count(); i++) if (get(rows.first() + i, column) != 0f) return false;
        return true;
    }

    /** Memory cell {@code index}, as a signed word. */
    public int memory(int index) { return readSigned(layout.rows(Region.MEMORY), layout.memoryColumn(index)); }

    /** The program counter (an absolute column). */
    public int pc() { return readUnsigned(layout.rows(Region.PC), layout.pcColumn()); }
}
