package tc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import tc.learn.AsmText;
import tc.learn.LearnTable;
import tc.learn.Variants;
import tc.learn.population.FromCSearch;
import tc.learn.population.FromCSource;
import tc.learn.population.InProcessIslands;
import tc.learn.population.IslandOutcome;
import tc.learn.population.IslandRunner;
import tc.learn.population.PopulationResult;
import tc.learn.population.PopulationSearch;
import tc.learn.population.SuiteTask;

/**
 * {@code tc learn}'s population-search options, a picocli mixin: {@code --islands N} runs the
 * population search in this JVM, {@code --spark [MASTER]} on Apache Spark. Spark's classes are
 * touched only when {@code --spark} is given, so {@code tc learn} without it never needs them.
 */
final class PopulationOptions {
    /** Given as {@code --spark} alone: the master spark-submit set, else {@code local[*]}. */
    private static final String SUBMITTED_OR_LOCAL = "";
    static final String SPARK_CLASS = "org.apache.spark.SparkContext";
    static final String NO_SPARK = "--spark needs Apache Spark's jars on the classpath, and they are not there: run tc learn through ./tc "
            + "(it adds target/spark-lib/*, which the Maven build fills) or through spark-submit (docs/learning.md, \"Population search on Apache Spark\")";

    @Option(names = "--spark", arity = "0..1", paramLabel = "MASTER", fallbackValue = SUBMITTED_OR_LOCAL,
            description = "Run the population search on Apache Spark: islands are mapped over the executors of MASTER "
                    + "(local[2], spark://host:7077, …; alone: spark-submit's master, else local[*]).")
    String spark;

    @Option(names = "--islands", paramLabel = "N",
            description = "Population search: N islands, each a learner with its own seed and settings, exploit/explore between rounds "
                    + "(default with --spark or --rounds: 4).")
    Integer islands;

    @Option(names = "--rounds", paramLabel = "R",
            description = "Population search rounds; each island spends --budget / R episodes a round (default: 3).")
    Integer rounds;

    /** Whether the population search was asked for (any of its options given; the others take their defaults). */
    boolean enabled() { return spark != null || islands != null || rounds != null; }

    /**
     * Runs the population search for {@code tc learn} and returns its exit code.
     *
     * @param variant the learner --variant named (only the default, full, goes with islands)
     * @param budget episodes per island over all rounds (null: the task's default budget)
     * @param chains the plain learner's population (island 0's chains)
     */
    int learn(CommandLine cl, boolean table, String task, Variants variant, long seed, Long budget, int chains, boolean json) {
        int n = islands != null ? islands : 4, rounds = this.rounds != null ? this.rounds : 3;
        if (n < 1) throw usage(cl, "--islands must be at least 1, got " + n);
        if (rounds < 1) throw usage(cl, "--rounds must be at least 1, got " + rounds);
        if (table) throw usage(cl, "--spark and --islands learn one --task, not the --table");
        if (variant != Variants.FULL) throw usage(cl, "--spark and --islands choose the full or search-only learner per island themselves; leave out --variant");
        if (task == null) throw usage(cl, "give --task NAME");
        SuiteTask source;
        try {
            source = new SuiteTask(task, seed);
        } catch (IllegalArgumentException e) {
            throw usage(cl, e.getMessage());
        }
        if (!source.task().uses().isEmpty()) throw usage(cl, "--spark and --islands learn tasks without a library; " + task + " calls " + source.task().uses());
        long b = budget != null ? budget : LearnTable.defaultBudget(task);
        long roundBudget = Math.max(1, b / rounds);
        PrintWriter out = cl.getOut(), err = cl.getErr();
        PopulationSearch search = new PopulationSearch(n, rounds, roundBudget, chains);
        PopulationResult r;
        try (IslandRunner runner = runner(n)) {
            r = search.run(source, seed, runner, outcomes -> {
                if (!json) err.println(roundLine(outcomes));
            });
        }
        if (json) out.println(json(r));
        else {
            out.print(AsmText.program(r.best().program().instructions()));
            out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", 100 * r.best().heldOut());
            out.println((r.solved() ? "solved by island " + r.best().island() + " in round " + (r.best().round() + 1) : "not solved")
                    + ": " + r.episodes() + " episodes over " + n + (n == 1 ? " island" : " islands") + " and " + r.rounds() + (r.rounds() == 1 ? " round" : " rounds"));
            out.printf(Locale.ROOT, "wall: %.1f s (%s)%n", r.wallMillis() / 1000.0, r.runner());
        }
        return r.solved() ? Main.OK : Main.FAILURE;
    }

    /**
     * Runs the population search for {@code tc learn --from} ({@link FromCSearch}: the plain
     * learner's scratch stages, each a population search) and returns its exit code.
     *
     * @param budget episodes per island over all stages and rounds
     * @param outFile where to write the answer as assembly (null: nowhere)
     */
    int learnFrom(CommandLine cl, FromCSource source, Variants variant, long budget, int chains, boolean json, java.nio.file.Path outFile) {
        int n = islands != null ? islands : 4, rounds = this.rounds != null ? this.rounds : 3;
        if (n < 1) throw usage(cl, "--islands must be at least 1, got " + n);
        if (rounds < 1) throw usage(cl, "--rounds must be at least 1, got " + rounds);
        if (variant != Variants.FULL) throw usage(cl, "--spark and --islands choose the full or search-only learner per island themselves; leave out --variant");
        PrintWriter out = cl.getOut(), err = cl.getErr();
        FromCSearch.Outcome o;
        try (IslandRunner runner = runner(n)) {
            o = FromCSearch.run(source, n, rounds, budget, chains, runner, outcomes -> {
                if (!json) {
                    err.println(roundLine(outcomes));
                    err.flush();
                }
            });
        }
        String program = AsmText.program(o.best().program().instructions());
        if (outFile != null) {
            String head = "; learned by tc learn --from --islands: " + o.task().description() + "\n; " + (o.solved() ? "solved" : "NOT solved")
                    + String.format(Locale.ROOT, " in %d episodes over %d islands, %.1f%% on fresh held-out cases%n", o.episodes(), n, 100 * o.reportAccuracy());
            try {
                AtomicFiles.write(outFile, head + tc.computer.asm.TcAsmWriter.write(new tc.computer.isa.TcProgram(o.best().program().instructions(), o.task().spec(), new int[0])));
            } catch (java.io.IOException e) {
                throw new UserError("cannot write " + outFile + ": " + Errors.ioMessage(e));
            }
        }
        if (json) out.println(json(o, source.seed()));
        else {
            out.println(o.signature().function() + ": " + o.signature().shape().label() + ", " + o.task().registers() + " registers, "
                    + o.task().train().size() + " training cases");
            out.print(program);
            out.printf(Locale.ROOT, "accuracy on fresh held-out cases: %.1f%%%n", 100 * o.reportAccuracy());
            IslandOutcome b = o.best();
            out.println((o.solved() ? "solved by island " + b.island() + " in round " + (b.round() + 1) + " of stage " + o.stages().size() : "not solved")
                    + ": " + o.episodes() + " episodes over " + n + (n == 1 ? " island" : " islands"));
            if (b.provenance() != null) out.println("instructions: " + b.provenance());
            out.printf(Locale.ROOT, "wall: %.1f s (%s)%n", o.wallMillis() / 1000.0, o.runner());
            if (outFile != null) out.println("wrote " + outFile);
        }
        return o.solved() ? Main.OK : Main.FAILURE;
    }

    private IslandRunner runner(int n) {
        if (spark == null) return new InProcessIslands(Math.min(n, Runtime.getRuntime().availableProcessors()));
        requireSpark(SPARK_CLASS);
        return new tc.learn.spark.SparkIslands(spark.equals(SUBMITTED_OR_LOCAL) ? null : spark);
    }

    /** Refuses with one clear message when {@code sparkClass} (Spark's entry point) cannot be loaded. */
    static void requireSpark(String sparkClass) {
        try {
            Class.forName(sparkClass, false, PopulationOptions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UserError(NO_SPARK);
        }
    }

    private static String roundLine(List<IslandOutcome> outcomes) {
        IslandOutcome best = PopulationSearch.best(outcomes);
        long episodes = outcomes.stream().mapToLong(IslandOutcome::episodes).sum();
        return String.format(Locale.ROOT, "round %d: %d episodes; %s island %d (%.1f%% of training words)", best.round() + 1, episodes,
                best.solved() ? "solved by" : "best", best.island(), 100 * best.trainWords());
    }

    /** As {@code tc learn --from --json} prints, plus the stages' searches and every island. */
    private static String json(FromCSearch.Outcome o, long seed) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode j = m.createObjectNode();
        j.put("function", o.signature().function());
        j.put("shape", o.signature().shape().label());
        j.put("seed", seed);
        j.put("solved", o.solved());
        j.put("episodes", o.episodes());
        j.put("accuracy", o.reportAccuracy());
        j.put("registers", o.task().registers());
        j.put("program", AsmText.program(o.best().program().instructions()));
        if (o.best().provenance() != null) {
            var p = j.putObject("instructions");
            p.put("template", o.best().provenance().template());
            p.put("search", o.best().provenance().search());
            p.put("library", o.best().provenance().library());
            p.put("solved_by", o.best().provenance().solvedBy());
        }
        var stages = j.putArray("stages");
        for (FromCSearch.Stage s : o.stages())
            stages.addObject().put("scratch", s.scratch()).put("registers", s.registers()).put("solved", s.search().solved())
                    .put("episodes", s.search().episodes()).put("rounds", s.search().rounds());
        j.put("runner", o.runner());
        j.put("wall_ms", o.wallMillis());
        islands(j.putArray("islands"), o.outcomes());
        return write(m, j);
    }

    private static void islands(com.fasterxml.jackson.databind.node.ArrayNode array, List<IslandOutcome> outcomes) {
        for (IslandOutcome i : outcomes)
            array.addObject().put("island", i.island()).put("round", i.round() + 1).put("episodes", i.episodes()).put("solved", i.solved())
                    .put("train_words", i.trainWords()).put("seed", i.settings().seed()).put("chains", i.settings().chains())
                    .put("sketch_share", i.settings().sketchShare()).put("gradients", i.settings().gradients());
    }

    private static String write(ObjectMapper m, ObjectNode o) {
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(PopulationResult r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("task", r.task());
        o.put("seed", r.seed());
        o.put("solved", r.solved());
        o.put("episodes", r.episodes());
        o.put("accuracy", r.best().heldOut());
        o.put("program", AsmText.program(r.best().program().instructions()));
        o.put("rounds", r.rounds());
        o.put("runner", r.runner());
        o.put("wall_ms", r.wallMillis());
        islands(o.putArray("islands"), r.outcomes());
        return write(m, o);
    }

    private static ParameterException usage(CommandLine cl, String message) { return new ParameterException(cl, message); }
}
