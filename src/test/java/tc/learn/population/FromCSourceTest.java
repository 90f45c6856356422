package tc.learn.population;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tc.learn.FromC;
import tc.learn.Task;
import tc.learn.TaskCase;

/** A --from task's recipe travels (Java serialization, as Spark ships it) and rebuilds the same task. */
class FromCSourceTest {
    private static final Path COUNT_POS = Path.of("src/test/resources/tc/learn/from/count_pos.c");

    @Test void aSerialisedRecipeRebuildsTheSameCases() throws Exception {
        FromCSource source = new FromCSource("count_pos.c", Files.readString(COUNT_POS), null, new FromC.Options(-9, 9, 1, 3, 4, 6, 10, 0), 7, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        FromCSource back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FromCSource) in.readObject();
        }
        assertEquals(source, back);
        Task a = source.task(), b = back.task();
        assertEquals(a.name(), b.name());
        assertEquals(a.registers(), b.registers());
        assertEquals(a.maxLength(), b.maxLength());
        assertSameCases(a.train(), b.train());
        assertSameCases(a.test(), b.test());
        assertEquals(10, a.train().size());
        // the report draw is another set of cases than the held-out set the learner is judged on
        assertFalse(same(a.test(), source.reportTask().test()));
        assertEquals(source.withScratch(4).task().registers(), a.registers() + 2);
    }

    private static void assertSameCases(List<TaskCase> x, List<TaskCase> y) { assertTrue(same(x, y)); }

    private static boolean same(List<TaskCase> x, List<TaskCase> y) {
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++)
            if (!Arrays.equals(x.get(i).registers(), y.get(i).registers()) || !Arrays.equals(x.get(i).memory(), y.get(i).memory())
                    || !x.get(i).expected().equals(y.get(i).expected())) return false;
        return true;
    }
}
