package tc.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import tc.loom.engine.PassKind;

/** Completion candidates for {@code tc verify --engine}: the transformer engines, named as {@code Engines} registers them. */
final class TransformerEngineNames implements Iterable<String> {
    @Override public Iterator<String> iterator() {
        return Arrays.stream(PassKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
