package tc.learn;

/**
 * One stage of learning. The pipeline is warm-up → anneal → crystallize → local search →
 * extraction; the first two are gradient phases on the soft machine (they read and write
 * {@link LearnState#params}, and must count each gradient step with
 * {@link EpisodeCounter#gradientStep}), the rest are discrete. A phase may end early when the
 * program is already solved or the budget is spent.
 */
public interface Phase {
    String name();

    void run(LearnContext context);
}
