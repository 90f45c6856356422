package tc.loom.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tc.loom.isa.Symbol;

/**
 * How assembly names memory cells and instructions, shared by {@link AsmWriter} and
 * {@link AsmReader} so that whatever the writer prints resolves back to the same cell.
 *
 * <p>A symbol is referred to by its plain name when that is unambiguous, else by
 * {@code function.name}; array elements as {@code name[k]}. Names that are not plain identifiers
 * are written in double quotes.
 */
public final class AsmNames {
    static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.@]*");

    private final List<Symbol> symbols;

    AsmNames(List<Symbol> symbols) { this.symbols = symbols; }


    /** A name as it appears in assembly: bare when it is an identifier, else quoted. */
    static String name(String name) {
        if (IDENT.matcher(name).matches()) return name;
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : name.toCharArray()) {
            if (ch == '"' || ch == '\\') sb.append('\\');
            sb.append(ch);
        }
        return sb.append('"').toString();
    }

    /**
     * The symbol a name denotes: the one whose qualified name it is, else the only one with that
     * plain name. Returns null when none; throws {@link Ambiguous} when several fit.
     */
    Symbol lookup(String name) {
        List<Symbol> exact = new ArrayList<>();
        for (Symbol s : symbols) if (s.qualifiedName().equals(name)) exact.add(s);
        if (exact.size() == 1) return exact.get(0);
        if (exact.size() > 1) throw new Ambiguous(name + " names " + exact.size() + " symbols");
        List<Symbol> plain = new ArrayList<>();
        for (Symbol s : symbols) if (s.name().equals(name)) plain.add(s);
        if (plain.size() == 1) return plain.get(0);
        if (plain.size() > 1) {
            List<String> options = new ArrayList<>();
            for (Symbol s : plain) options.add(s.qualifiedName());
            throw new Ambiguous("'" + name + "' is ambiguous: write one of " + String.join(", ", options));
        }
        return null;
    }

    /** Symbolic text for memory cell {@code index}, or null when no symbol names it unambiguously. */
    String reference(int index) {
        for (Symbol s : symbols) {
            if (index < s.index() || index >= s.index() + s.size()) continue;
            for (String candidate : List.of(s.name(), s.qualifiedName())) {
                Symbol found;
                try {
                    found = lookup(candidate);
                } catch (Ambiguous e) {
                    continue;
                }
                if (found != s) continue;
                if (s.isArray()) return name(candidate) + "[" + (index - s.index()) + "]";
                return name(candidate);
            }
        }
        return null;
    }

    /** Mapping from instruction index to the first label naming it. */
    static String[] firstLabels(Map<String, Integer> labels, int size) {
        String[] out = new String[size + 1];
        for (var e : labels.entrySet()) {
            int k = e.getValue();
            if (k >= 0 && k <= size && out[k] == null) out[k] = e.getKey();
        }
        return out;
    }

    static final class Ambiguous extends RuntimeException {
        Ambiguous(String message) { super(message, null, false, false); }
    }
}
