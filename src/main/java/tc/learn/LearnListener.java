package tc.learn;

/**
 * Watches a learning run as it goes ({@code tc serve}'s live learning curve): it receives every
 * point of the learning curve when the learner records it, then one last point, phase
 * {@link #END}, with the run's final episode count and its best program's training score and
 * accuracy. Episodes never decrease from one point to the next. A listener only watches: the
 * run's result (its curve included) is the same with it and without it.
 *
 * <p>Points arrive on the learner's thread; a listener that another thread reads must publish
 * them safely.
 */
@FunctionalInterface
public interface LearnListener {
    /** The phase of the last point, which is not part of the result's curve. */
    String END = "end";

    void point(LearnState.CurvePoint point);

    /** Watches nothing. */
    LearnListener NONE = p -> { };
}
