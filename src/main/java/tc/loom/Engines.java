package tc.loom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc.loom.engine.Engine;
import tc.loom.engine.PassKind;
import tc.loom.engine.TransformerEngine;
import tc.loom.interp.Interpreter;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;

/**
 * The engines {@code tc run --engine} knows.
 *
 * <p>Two families: engines with the ideal ISA's semantics ({@link #all()}: the interpreter), which
 * the golden corpus runs on in {@code CorpusTest}, and the transformer engines ({@code dense},
 * {@code sparse}, {@code fast}, {@code softmax}, and {@code onnx}: the step as an ONNX graph on ONNX Runtime), which run a weight profile: {@code exact} (the default; equal
 * to the interpreter, so {@code ExactCorpusTest} runs the corpus on it) or {@code loom-v1} (the
 * reference's weights, defects included, so not held to the corpus).
 */
public final class Engines {
    /** Weight profiles, the default first. */
    public static final List<String> PROFILES = List.of("exact", "loom-v1");

    private static final Map<String, Engine> IDEAL = new LinkedHashMap<>();
    private static final Map<String, Engine> LOOM_V1 = new LinkedHashMap<>();
    private static final Map<String, Engine> EXACT = new LinkedHashMap<>();
    static {
        register(IDEAL, new Interpreter());
        for (PassKind kind : PassKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            register(LOOM_V1, new TransformerEngine(name, "loom-v1", LoomV1Weights::build, kind));
            register(EXACT, new TransformerEngine(name, "exact", ExactWeights::build, kind));
        }
    }

    private Engines() {}

    private static void register(Map<String, Engine> family, Engine engine) { family.put(engine.name(), engine); }

    /** The engines with ideal-ISA semantics: every one of them must pass the golden corpus. */
    public static List<Engine> all() { return List.copyOf(IDEAL.values()); }

    /** The transformer engines on the exact profile (ideal-ISA semantics, computed from weights). */
    public static List<Engine> exact() { return List.copyOf(EXACT.values()); }

    /** Every engine name, for help texts and completion. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(IDEAL.keySet());
        names.addAll(LOOM_V1.keySet());
        return List.copyOf(names);
    }

    /** The engine called {@code name} with its default profile. */
    public static Engine get(String name) { return get(name, null); }

    /**
     * The engine called {@code name} running weight profile {@code profile} (null: the default).
     *
     * @throws IllegalArgumentException naming the choices when either is unknown
     */
    public static Engine get(String name, String profile) {
        if (profile != null && !PROFILES.contains(profile))
            throw new IllegalArgumentException("unknown profile '" + profile + "': choose one of " + String.join(", ", PROFILES));
        Engine ideal = IDEAL.get(name);
        if (ideal != null) {
            if ("loom-v1".equals(profile))
                throw new IllegalArgumentException("engine '" + name + "' has no weights; --profile applies to the transformer engines "
                        + String.join(", ", LOOM_V1.keySet()));
            return ideal;
        }
        Engine transformer = LOOM_V1.get(name);
        if (transformer == null)
            throw new IllegalArgumentException("unknown engine '" + name + "': choose one of " + String.join(", ", names()));
        return "loom-v1".equals(profile) ? transformer : EXACT.get(name);
    }

}
