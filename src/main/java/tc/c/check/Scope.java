package tc.c.check;

import java.util.HashMap;
import java.util.Map;

/** One block's names, chained to the enclosing block's. */
final class Scope {
    private final Scope parent;
    private final Map<String, VarSymbol> names = new HashMap<>();

    Scope(Scope parent) { this.parent = parent; }

    Scope parent() { return parent; }

    /** The symbol declared in this very block, or null. */
    VarSymbol local(String name) { return names.get(name); }

    /** The innermost visible symbol, or null. */
    VarSymbol lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            VarSymbol v = s.names.get(name);
            if (v != null) return v;
        }
        return null;
    }

    void declare(VarSymbol v) { names.put(v.name(), v); }
}
