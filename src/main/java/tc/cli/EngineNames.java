package tc.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import tc.loom.Engines;
import tc.loom.engine.Engine;

/** Completion candidates (and help text) for {@code --engine}: every registered engine. */
final class EngineNames implements Iterable<String> {
    @Override public Iterator<String> iterator() { return Engines.names().iterator(); }

    /** The one-line warning an approximate engine's run starts with (stderr, so --json stays one object). */
    static void warnIfApproximate(Engine engine, PrintWriter err) {
        if (!engine.approximate()) return;
        err.println("tc: warning: the " + engine.name() + " engine approximates the transformer (softmax attention at λ = 10 in place of"
                + " argmax): its results may differ from the ideal ISA");
        err.flush();
    }
}
