/**
 * Learning Tensor Computer programs as machine code (issue 5).
 *
 * <p><b>Episodes.</b> One episode is one evaluation of one candidate program on one batch of task
 * inputs: each candidate a search runs on the training batch, each held-out check, each gradient
 * step on a batch. {@link tc.learn.EpisodeCounter} is the only way to reach the scorer, and it
 * holds the budget, so the count cannot miss an evaluation. A candidate the search has evaluated
 * before is looked up, not re-run, and costs nothing.
 *
 * <p><b>Tasks</b> ({@link tc.learn.TaskSuite}): inputs in r0, r1, … (arrays: base in r0, length
 * in r1, words in memory); results in r0 or in place. The learner may name only the registers the
 * task grants (inputs plus scratch).
 *
 * <p><b>Pipeline</b> ({@link tc.learn.Learner}): phases share a {@link tc.learn.LearnState}. Today:
 * {@link tc.learn.Crystallize} (argmax program of soft parameters, when a gradient phase produced
 * some) → {@link tc.learn.LocalSearch} (population of annealing chains, length curriculum,
 * structured proposals, exploit/explore) → {@link tc.learn.Extraction} (minimal program, verified
 * on held-out inputs). The soft machine's warm-up and annealing phases plug in front through
 * {@link tc.learn.Learner#withPhases}, counting each gradient step with
 * {@link tc.learn.EpisodeCounter#gradientStep}.
 */
package tc.learn;
