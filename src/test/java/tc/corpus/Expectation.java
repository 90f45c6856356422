package tc.corpus;

import java.util.List;
import tc.loom.engine.Fault;
import tc.source.SourcePos;

/** One claim a corpus program makes about its own compilation or run, from a {@code // expect} comment. */
public sealed interface Expectation {

    /** {@code // expect: retval 13}: main's return value. */
    record Retval(int value) implements Expectation {}

    /** {@code // expect: x = 5}: a global or main's local, by source name, after the run. */
    record Scalar(String name, int value) implements Expectation {}

    /** {@code // expect: a = {1, 2, 3}}: every element of an array, after the run. */
    record Array(String name, List<Integer> values) implements Expectation {
        public Array { values = List.copyOf(values); }
    }

    /** {@code // expect: output 1 2 3}: the whole output stream (several lines are concatenated). */
    record Output(List<Integer> values) implements Expectation {
        public Output { values = List.copyOf(values); }
    }

    /** {@code // expect: fault stack-overflow}: the run ends with this fault. */
    record FaultKind(Fault.Kind kind) implements Expectation {}

    /**
     * {@code // expect error: 3:7 message substring}: compilation fails. {@code pos} is null when the line
     * names no position (errors about the whole program, such as a missing main or a program too large).
     * The substring is matched ignoring case.
     */
    record CompileError(SourcePos pos, String substring) implements Expectation {}
}
