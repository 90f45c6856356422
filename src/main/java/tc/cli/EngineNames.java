package tc.cli;

import java.util.Iterator;
import tc.loom.Engines;

/** Completion candidates (and help text) for {@code --engine}: every registered engine. */
final class EngineNames implements Iterable<String> {
    @Override public Iterator<String> iterator() { return Engines.names().iterator(); }
}
