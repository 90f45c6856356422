package tc.learn.population;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.learn.Evaluation;
import tc.learn.LearnContext;
import tc.learn.LearnResult;
import tc.learn.LearnState;
import tc.learn.Learner;
import tc.learn.Phase;
import tc.learn.SketchSearch;
import tc.learn.Task;
import tc.learn.Variants;

/**
 * The one place where the population search meets the learner ({@code tc.learn}): one island's
 * round is one ordinary learning run — the {@code full} or {@code search only} pipeline with the
 * island's chains and sketch share — preceded by a {@link Resume} phase that hands it the program
 * to continue from. Its episodes are the run's own {@link tc.learn.EpisodeCounter} count, exactly,
 * resume included; nothing here evaluates a program any other way.
 */
public final class IslandLearner {
    private IslandLearner() {}

    /** Runs {@code job} and reports it; a pure function of the job (wall time aside). */
    public static IslandOutcome run(IslandJob job) {
        Task task = job.source().task();
        IslandSettings s = job.settings();
        Resume resume = new Resume(job.start().instructions());
        List<Phase> phases = new ArrayList<>();
        phases.add(resume);
        for (Phase p : (s.gradients() ? Variants.FULL : Variants.SEARCH_ONLY).learner(task, s.chains()).phases())
            phases.add(p instanceof SketchSearch ? new SketchSearch(s.sketchShare()) : p);
        LearnResult r = new Learner(phases, s.chains()).learn(task, s.seed(), job.budget(), e -> { });
        // The run's state, kept by the first phase: its training evaluation ranks the island (the
        // held-out set is only reported, never used to choose).
        Evaluation train = resume.state == null ? null : resume.state.train;
        return new IslandOutcome(job.island(), job.round(), s, Code.of(r.program()), train == null ? 0 : train.score(),
                train == null ? 0 : train.words(), r.solved(), r.episodesTotal(), r.episodesToSolve(), r.accuracy(), r.wallMillis(),
                resume.state == null ? null : resume.state.provenance());
    }

    /**
     * The first phase of an island's run: scores the program it continues from on the training
     * batch (one episode, counted like any other) and makes it the run's best so far, which the
     * later phases keep unless they beat it and the local search starts from.
     */
    private static final class Resume implements Phase {
        private final List<TcInstruction> start;
        LearnState state;

        Resume(List<TcInstruction> start) { this.start = start; }

        @Override public String name() { return "resume"; }

        @Override public void run(LearnContext ctx) {
            state = ctx.state();
            if (start.isEmpty()) return;
            Evaluation e = ctx.counter().evaluate(ctx.program(start), ctx.task(), ctx.task().train());
            state.program = List.copyOf(start);
            state.train = e;
            state.record(new LearnState.CurvePoint(ctx.counter().episodes(), e.score(), e.accuracy(), Double.NaN, name()));
            if (e.perfect()) ctx.verify(start, e, name());
        }
    }
}
