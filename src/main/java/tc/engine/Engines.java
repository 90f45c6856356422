package tc.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.engine.interp.Interpreter;

/** The engines {@code tc run --engine} knows, in order of preference for {@code tc demo}. */
public final class Engines {
    private static final Map<String, Engine> ALL = new LinkedHashMap<>();
    static {
        register(new Interpreter());
    }

    private Engines() {}

    private static void register(Engine engine) { ALL.put(engine.name(), engine); }

    public static List<Engine> all() { return List.copyOf(ALL.values()); }

    public static List<String> names() { return List.copyOf(ALL.keySet()); }

    /** The engine called {@code name}; IllegalArgumentException naming the choices otherwise. */
    public static Engine get(String name) {
        Engine e = ALL.get(name);
        if (e == null) throw new IllegalArgumentException("unknown engine '" + name + "': choose one of " + String.join(", ", ALL.keySet()));
        return e;
    }

    /** The engine {@code tc demo} showcases: the most capable one registered. */
    public static Engine best() { return all().get(all().size() - 1); }
}
