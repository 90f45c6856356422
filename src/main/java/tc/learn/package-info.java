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
 * <p><b>Pipeline</b> ({@link tc.learn.Learner}, built by {@link tc.learn.Variants}): phases share a
 * {@link tc.learn.LearnState}. {@link tc.learn.GradientPhase} warm-up and anneal on the soft
 * machine (a length curriculum over learned slots; each gradient step counted with
 * {@link tc.learn.EpisodeCounter#gradientStep}) → {@link tc.learn.Crystallize} (argmax program of
 * the soft parameters) → {@link tc.learn.SketchSearch} (structured programs from branch and loop
 * templates, {@link tc.learn.Sketch}: enumerated cheapest first over {@link tc.learn.SketchSpace},
 * then climbed by {@link tc.learn.SketchEdits}, in rounds of fresh starts for array tasks whose
 * climb stalls; a task with an array and a key also gets a bisection template and, in its climb,
 * reads and guards at an index as single edits; {@link tc.learn.Liveness} and
 * {@link tc.learn.RegisterRoles} skip programs not worth an episode) →
 * {@link tc.learn.LocalSearch} (population of annealing chains, length
 * curriculum, structured proposals, exploit/explore) → {@link tc.learn.Extraction} (minimal
 * program, verified on held-out inputs). {@link tc.learn.Variants} also builds the ablations.
 *
 * <p><b>Library</b> ({@link tc.learn.Library}, {@link tc.learn.LibraryCurriculum}): the extracted
 * programs of solved tasks become routines that later tasks ({@link tc.learn.Task#uses}) call
 * with the machine's CALL/RET, each call naming the caller registers it works on; a routine
 * zeroes the scratch registers it reads before writing, as they were where it was learned.
 * {@link tc.learn.LearnPlots} draws the learning curves.
 *
 * <p><b>Tasks from C functions</b> ({@code tc learn --from}): {@link tc.learn.CReference} compiles
 * a user's function inside a generated wrapper and runs it on the interpreter as the oracle of
 * every case (refusing functions that do not compile, have another signature, loop, or reach
 * outside their array); {@link tc.learn.FromC} draws the cases from the signature's shape;
 * {@link tc.learn.LearnFrom} learns them with the scratch registers granted in stages and reports
 * each program's {@link tc.learn.Provenance} (template, search, library). {@link tc.learn.LibraryDir}
 * keeps solved programs on disk as callable routines, and {@link tc.learn.Fragments} mines their
 * recurring fragments into templates. {@link tc.learn.FromTable} prints the {@code --from} tables;
 * {@link tc.learn.GradientGuide} is the gradient-guided variant's order.
 */
package tc.learn;
