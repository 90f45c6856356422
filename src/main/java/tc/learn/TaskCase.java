package tc.learn;

import java.util.List;

/**
 * One input of a task and what the program must leave behind.
 *
 * @param registers initial values of r0, r1, … (the other registers start at 0, sp at the top of memory)
 * @param memory    initial memory words from address 0 (the rest is 0)
 * @param expected  the output words the program must produce, each scored separately (partial credit)
 */
public record TaskCase(int[] registers, int[] memory, List<Expect> expected) {
    public TaskCase {
        registers = registers.clone();
        memory = memory.clone();
        expected = List.copyOf(expected);
        if (expected.isEmpty()) throw new IllegalArgumentException("a task case must expect at least one output");
    }

    @Override public int[] registers() { return registers.clone(); }
    @Override public int[] memory() { return memory.clone(); }

    /** Where an output word is read after the run. */
    public sealed interface Location {
        record Register(int r) implements Location {}
        record Memory(int address) implements Location {}
    }

    /** One output word: where it is read and the value it must have. */
    public record Expect(Location where, int value) {}

    static Expect register(int r, int value) { return new Expect(new Location.Register(r), value); }
    static Expect memory(int address, int value) { return new Expect(new Location.Memory(address), value); }
}
