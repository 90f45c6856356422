package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Learns a program for a C reference function ({@code tc learn --from}): the task comes from
 * {@link FromC}, the learner is one of {@link Variants}, and the registers it may name grow in
 * stages ({@link FromC#scratchStages}): the first stage gets a third of the budget with the fewest
 * scratch registers, the next the rest with more. Nothing here looks at the function's name.
 *
 * <p>Episodes are the sum over the stages: a stage that did not solve the task spent all of its
 * share, and every one of those evaluations counts.
 */
public final class LearnFrom {
    private LearnFrom() {}

    /** One stage's run: its scratch grant and result. */
    public record Stage(int scratch, int registers, LearnResult result) {}

    /**
     * The outcome of learning a {@code --from} task.
     *
     * @param episodes       evaluations until solved (all stages before the solving one in full),
     *                       or all of them when unsolved
     * @param episodesTotal  every evaluation, extraction included
     * @param reportAccuracy the final program's accuracy on fresh held-out cases (drawn from a
     *                       stream never used while learning; outside the budget)
     * @param provenance     where the solved program's instructions came from (null when unsolved)
     */
    public record Outcome(CReference.Signature signature, Task task, boolean solved, long episodes, long episodesTotal,
                          double reportAccuracy, LearnResult result, Provenance provenance, List<Stage> stages) {
        public String assembly() { return result.assembly(); }
    }

    /** Learns {@code ref} within {@code budget} episodes, calling {@code library}'s routines where that helps. */
    public static Outcome learn(CReference ref, FromC.Options options, long seed, long budget, Variants variant, int population,
                                Library library, LongConsumer progress) {
        int[] grants = FromC.scratchStages(ref.signature().shape());
        List<Stage> stages = new ArrayList<>();
        long spent = 0;
        for (int s = 0; s < grants.length; s++) {
            long share = s == grants.length - 1 ? budget - spent : Math.max(1, budget / 3); // the first stage always runs
            if (share <= 0) break;
            Task task = FromC.task(ref, options, seed, grants[s]);
            long before = spent;
            Learner.Run run = variant.learner(task, population).run(task, library, seed, share, e -> progress.accept(before + e));
            LearnResult r = run.result();
            stages.add(new Stage(grants[s], task.registers(), r));
            if (r.solved()) {
                Task report = FromC.reportTask(ref, options, seed, grants[s]);
                double accuracy = new EpisodeCounter(1).evaluate(new TcProgramOf(report).of(r.program()), report, report.test()).accuracy();
                Provenance p = Provenance.of(r.program(), run.state().solvedSketch, run.state().solvedBy);
                return new Outcome(ref.signature(), task, true, spent + r.episodesToSolve(), spent + r.episodesTotal(), accuracy, r, p, stages);
            }
            spent += r.episodesTotal();
        }
        Stage last = stages.get(stages.size() - 1);
        Task report = FromC.reportTask(ref, options, seed, last.scratch());
        double accuracy = new EpisodeCounter(1).evaluate(new TcProgramOf(report).of(last.result().program()), report, report.test()).accuracy();
        return new Outcome(ref.signature(), FromC.task(ref, options, seed, last.scratch()), false, spent, spent, accuracy, last.result(), null, stages);
    }

    /** The default budget by shape: scalar tasks 20,000 episodes, array tasks 100,000 (the suite's). */
    public static long defaultBudget(CReference.Shape shape) { return shape == CReference.Shape.SCALAR ? 20_000 : 100_000; }

    /** The learned program as an assembly file ({@code tc run FILE.s} reads it), headed by what it computes. */
    public static String assemblyFile(Outcome o) {
        String head = "; learned by tc learn --from: " + o.task().description() + "\n; " + (o.solved() ? "solved in " + o.episodes() + " episodes"
                : "NOT solved (" + o.episodes() + " episodes)") + String.format(java.util.Locale.ROOT, ", %.1f%% on fresh held-out cases%n", 100 * o.reportAccuracy());
        return head + tc.computer.asm.TcAsmWriter.write(new tc.computer.isa.TcProgram(o.result().program(), o.task().spec(), new int[0]));
    }

    /** The outcome as the CLI's JSON object. */
    public static com.fasterxml.jackson.databind.node.ObjectNode json(Outcome o, long seed) {
        var j = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        j.put("function", o.signature().function());
        j.put("shape", o.signature().shape().label());
        j.put("seed", seed);
        j.put("solved", o.solved());
        j.put("episodes", o.episodes());
        j.put("episodes_total", o.episodesTotal());
        j.put("accuracy", o.reportAccuracy());
        j.put("registers", o.task().registers());
        j.put("program", o.assembly());
        if (o.provenance() != null) {
            var p = j.putObject("instructions");
            p.put("template", o.provenance().template());
            p.put("search", o.provenance().search());
            p.put("library", o.provenance().library());
            p.put("solved_by", o.provenance().solvedBy());
        }
        var stages = j.putArray("stages");
        for (Stage s : o.stages())
            stages.addObject().put("scratch", s.scratch()).put("registers", s.registers()).put("solved", s.result().solved())
                    .put("episodes", s.result().solved() ? s.result().episodesToSolve() : s.result().episodesTotal());
        return j;
    }

    /** A program on a task's machine. */
    private record TcProgramOf(Task task) {
        tc.computer.isa.TcProgram of(List<tc.computer.isa.TcInstruction> code) { return new tc.computer.isa.TcProgram(code, task.spec(), new int[0]); }
    }
}
