package tc.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * The learner and its ablations, as the table reports them. Each is the same pipeline with one
 * component taken out.
 *
 * <ul>
 *   <li>{@code full}: gradient length curriculum (for k = 1 … {@value #GRADIENT_SLOTS} learned
 *       slots: warm-up {@value #WARM_UP} steps at τ = 1, anneal {@value #ANNEAL} steps τ 1 → 0.05
 *       with entropy pressure, crystallising as it goes) → crystallize → sketch search (structured
 *       programs enumerated cheapest first, then climbed; up to 90% of the budget) → local search (length curriculum) →
 *       extraction;</li>
 *   <li>{@code no sketch search}: as full without the sketch search (the learner before it existed);</li>
 *   <li>{@code search only}: no gradient phases;</li>
 *   <li>{@code gradients only}: the gradient curriculum over every length the task allows, then
 *       extraction; no search;</li>
 *   <li>{@code fixed high τ}: as full, but the anneal phases keep τ = 1 (no annealing, no entropy);</li>
 *   <li>{@code no curriculum}: as full, but the gradient phases learn all slots at once, the
 *       search starts at the task's full length, and there is no sketch search (whose
 *       cheapest-first order is itself a curriculum over program size);</li>
 *   <li>{@code no halting loss}: as full, but the gradient phases have no auxiliary halting loss.</li>
 *   <li>{@code gradient-guided}: one warm-up of {@value #WARM_UP} gradient steps on
 *       {@value #GRADIENT_SLOTS} slots, then the discrete pipeline with the sketch search's
 *       enumeration ordered by the soft program ({@link GradientGuide}) — the gradients used to
 *       rank candidates rather than to find the program.</li>
 * </ul>
 */
public enum Variants {
    FULL("full"), NO_SKETCH_SEARCH("no sketch search"), SEARCH_ONLY("search only"), GRADIENTS_ONLY("gradients only"), FIXED_HIGH_TAU("fixed high τ"), NO_CURRICULUM("no curriculum"),
    NO_HALTING_LOSS("no halting loss"), GRADIENT_GUIDED("gradient-guided");

    static final int GRADIENT_SLOTS = 3, WARM_UP = 10, ANNEAL = 20;
    /** The share of the budget the sketch search may spend before the local search takes over. */
    static final double SKETCH_SHARE = 0.9;

    private final String label;

    Variants(String label) { this.label = label; }

    public String label() { return label; }

    /** This variant's learner for {@code task} with {@code population} search chains. */
    public Learner learner(Task task, int population) {
        int length = task.maxLength();
        List<Phase> discrete = List.of(new Crystallize(), new SketchSearch(SKETCH_SHARE), new LocalSearch(), new Extraction());
        return switch (this) {
            case FULL -> new Learner(concat(gradientCurriculum(Math.min(GRADIENT_SLOTS, length), false), discrete), population);
            case NO_SKETCH_SEARCH -> new Learner(concat(gradientCurriculum(Math.min(GRADIENT_SLOTS, length), false),
                    List.of(new Crystallize(), new LocalSearch(), new Extraction())), population);
            case SEARCH_ONLY -> new Learner(discrete, population);
            case GRADIENTS_ONLY -> new Learner(concat(gradientCurriculum(length, false), List.of(new Crystallize(), new Extraction())), population);
            case FIXED_HIGH_TAU -> new Learner(concat(gradientCurriculum(Math.min(GRADIENT_SLOTS, length), true), discrete), population);
            case NO_CURRICULUM -> new Learner(List.of(GradientPhase.warmUp(length, WARM_UP), GradientPhase.anneal(length, ANNEAL),
                    new Crystallize(), new LocalSearch(false), new Extraction()), population);
            case GRADIENT_GUIDED -> new Learner(List.of(GradientPhase.warmUp(Math.min(GRADIENT_SLOTS, length), WARM_UP), new Crystallize(),
                    new SketchSearch(SKETCH_SHARE).guided(), new LocalSearch(), new Extraction()), population);
            case NO_HALTING_LOSS -> new Learner(concat(gradientCurriculum(Math.min(GRADIENT_SLOTS, length), false).stream()
                    .map(p -> (Phase) ((GradientPhase) p).withoutHaltingLoss()).toList(), discrete), population);
        };
    }

    /** Warm-up then anneal for 1, 2, … {@code upTo} learned slots. */
    static List<Phase> gradientCurriculum(int upTo, boolean fixedTau) {
        List<Phase> out = new ArrayList<>();
        for (int k = 1; k <= upTo; k++) {
            out.add(GradientPhase.warmUp(k, WARM_UP));
            out.add(fixedTau ? GradientPhase.fixedHighTau(k, ANNEAL) : GradientPhase.anneal(k, ANNEAL));
        }
        return out;
    }

    private static List<Phase> concat(List<Phase> a, List<Phase> b) {
        List<Phase> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public static Variants byLabel(String label) {
        for (Variants v : values()) if (v.label.equals(label) || v.name().equalsIgnoreCase(label.replace('-', '_').replace(' ', '_'))) return v;
        throw new IllegalArgumentException("unknown variant '" + label + "'");
    }
}
