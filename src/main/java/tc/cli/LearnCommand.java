package tc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tc.computer.soft.SoftAddressing;
import tc.learn.CReference;
import tc.learn.FromC;
import tc.learn.LearnFrom;
import tc.learn.LearnResult;
import tc.learn.LibraryDir;
import tc.learn.Library;
import tc.learn.LibraryCurriculum;
import tc.learn.LearnTable;
import tc.learn.Task;
import tc.learn.TaskSuite;
import tc.learn.Variants;

/**
 * {@code tc learn}: learns a task's program as Tensor Computer machine code and prints it, or runs
 * the whole suite over several seeds and prints the markdown results table.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Learn a program for a task as Tensor Computer machine code.",
                "An episode is one evaluation of one candidate program on one batch of task inputs."},
        footer = {"", "Tasks: add, max, abs, swap, sum_array, bubble_sort, binary_search, gcd;",
                "library tasks (learn the tasks they may CALL first): max3 (calls max), gcd3 (gcd), sum_abs (abs).", "",
                "Examples:", "  tc learn --task add --seed 1",
                "  tc learn --from clamp.c --json        (a C reference function: int f(int x, ...), int f(int a[], int n, ...), void f(int a[], int n, ...))",
                "  tc learn --from f.c --function g --values 1..200 --library lib/ --out g.s", "  tc learn --task max --json", "  tc learn --task max3          (learns max, then max3 calling it)",
                "  tc learn --table --seeds 10 --out docs/learning"})
final class LearnCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", completionCandidates = TaskNames.class, description = "Task to learn: ${COMPLETION-CANDIDATES}.")
    String task;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the task's cases and of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget", paramLabel = "EPISODES", description = "Most episodes to spend (default: per task, 20000 for add/max/abs/swap).")
    Long budget;

    @Option(names = "--population", paramLabel = "P", defaultValue = "4", description = "Search chains run in parallel (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--json", description = "Print one JSON object (task, seed, episodes, accuracy, program) and no progress bar.")
    boolean json;

    @Option(names = "--table", description = "Run every task over seeds 1..K and print a markdown table.")
    boolean table;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "3", description = "Seeds per task for --table and --from-table (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "full",
            description = "Learner: full, no-sketch-search, search-only, gradients-only, fixed-high-tau, no-curriculum, no-halting-loss, gradient-guided (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--out", paramLabel = "DIR|FILE.s", description = "With --table: also write learning-table.md and the PNG plots (loss, accuracy, τ) into DIR. With --from: write the learned program as assembly to FILE.s.")
    java.nio.file.Path out;

    @Option(names = "--from", paramLabel = "FILE.c", description = "Learn the C reference function in FILE.c: int f(int x, ...) (1-4 ints), int f(int a[], int n, ...) or void f(int a[], int n, ...) (up to 2 more ints); every case is its answer, compiled by tc and run on the interpreter.")
    java.nio.file.Path from;

    @Option(names = "--function", paramLabel = "NAME", description = "With --from: the function to learn (needed when FILE.c defines several).")
    String function;

    @Option(names = "--values", paramLabel = "LO..HI", defaultValue = "-50..50", description = "With --from: range of every int input and array word (default: ${DEFAULT-VALUE}).")
    String values;

    @Option(names = "--train-lengths", paramLabel = "A..B", defaultValue = "1..4", description = "With --from: array lengths trained on (default: ${DEFAULT-VALUE}).")
    String trainLengths;

    @Option(names = "--test-lengths", paramLabel = "C..D", defaultValue = "5..8", description = "With --from: array lengths of the held-out cases (default: ${DEFAULT-VALUE}).")
    String testLengths;

    @Option(names = "--cases", paramLabel = "K", defaultValue = "24", description = "With --from: training cases (default: ${DEFAULT-VALUE}; 64 held-out).")
    int cases;

    @Option(names = "--max-length", paramLabel = "L", description = "With --from: longest program in instructions (default: 8 scalar, 16 array).")
    Integer maxLength;

    @Option(names = "--from-table", description = "Run the --from tables of docs/learning.md over seeds 1..K: the suite's tasks as C functions, the library sequence with and without the library, the gradient ablation.")
    boolean fromTable;

    @Option(names = "--sections", paramLabel = "S", split = ",", defaultValue = "suite,library,gradients",
            description = "With --from-table: which tables (suite, library, gradients; default: ${DEFAULT-VALUE}).")
    List<String> sections;

    @Option(names = "--library", paramLabel = "DIR", description = "With --from: call the programs stored in DIR (assembly + metadata) and store this one there when solved.")
    java.nio.file.Path libraryDir;

    @Option(names = "--no-ablations", description = "With --table: skip the ablation rows.")
    boolean noAblations;

    @picocli.CommandLine.Mixin PopulationOptions populationSearch;

    @Option(names = "--addressing", paramLabel = "location|content:GAMMA,BETA", defaultValue = "location",
            description = "With --task: how the gradient phases' soft machine addresses memory in LOAD/STORE: location (default, the exact relaxation) "
                    + "or content with gate 0 < GAMMA ≤ 1 and sharpness BETA > 0 (NTM-style). Candidates are still judged on the exact interpreter.")
    String addressing;

    @Option(names = "--no-library", description = "For a library task (max3, gcd3, sum_abs): learn it without calling the routines of the tasks it uses (the table's 'without' column).")
    boolean noLibrary;

    static final class TaskNames extends java.util.ArrayList<String> {
        TaskNames() { super(TaskSuite.ALL); }
    }

    @Override public Integer call() throws JsonProcessingException {
        // Bad option values are usage errors (exit 2), found before any learning starts.
        if (population < 1) throw usage("--population must be at least 1, got " + population);
        if (budget != null && budget < 1) throw usage("--budget must be at least 1, got " + budget);
        if (seeds < 1) throw usage("--seeds must be at least 1, got " + seeds);
        Variants v;
        try {
            v = Variants.byLabel(variant);
        } catch (IllegalArgumentException e) {
            throw usage("unknown --variant '" + variant + "': choose full, no-sketch-search, search-only, gradients-only, fixed-high-tau, no-curriculum, no-halting-loss or gradient-guided");
        }
        SoftAddressing memory;
        try {
            memory = addressing(addressing);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        // Only the single-task path carries it: tables and islands would report runs that do not say which machine they used.
        if (memory.usesContent() && (fromTable || from != null || table || populationSearch.enabled()))
            throw usage("--addressing content:... goes with --task only (not with --table, --from, --from-table, --islands or --spark)");
        this.memory = memory;
        if (fromTable) return fromTable();
        if (from != null) {
            if (table || task != null) throw usage("--from goes without --task and --table");
            return learnFrom(v);
        }
        if (function != null || maxLength != null || libraryDir != null) throw usage("--function, --max-length and --library go with --from");
        if (out != null && !table) throw usage("--out goes with --table (or with --from)");
        if (populationSearch.enabled()) return populationSearch.learn(spec.commandLine(), table, task, v, seed, budget, population, json);
        if (table) return table();
        if (task == null) throw usage("give --task NAME or --table");
        if (!TaskSuite.ALL.contains(task)) throw usage("unknown task '" + task + "': choose one of " + String.join(", ", TaskSuite.ALL));
        long b = budget != null ? budget : LearnTable.defaultBudget(task);
        PrintWriter out = spec.commandLine().getOut();
        LibraryCurriculum.Built built = noLibrary ? new LibraryCurriculum.Built(Library.EMPTY, List.of())
                : library(TaskSuite.task(task, seed), seed, !json, Map.of());
        LearnResult r = learn(v, task, seed, b, !json, built.library());
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("task", r.task());
            o.put("seed", r.seed());
            o.put("solved", r.solved());
            o.put("episodes", r.solved() ? r.episodesToSolve() : r.episodesTotal());
            o.put("episodes_total", r.episodesTotal());
            o.put("accuracy", r.accuracy());
            o.put("program", r.assembly());
            o.put("wall_ms", r.wallMillis());
            o.put("addressing", label(memory));
            if (!built.prerequisites().isEmpty()) {
                var lib = o.putArray("library");
                for (LearnResult p : built.prerequisites())
                    lib.addObject().put("task", p.task()).put("solved", p.solved()).put("episodes", p.solved() ? p.episodesToSolve() : p.episodesTotal());
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            for (LearnResult p : built.prerequisites())
                out.println("library: " + p.task() + (p.solved() ? " learned in " + p.episodesToSolve() + " episodes, callable"
                        : " not learned in " + p.episodesTotal() + " episodes, not callable"));
            out.print(r.assembly());
            out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", 100 * r.accuracy());
            out.println(r.solved() ? "episodes to 100% held-out: " + r.episodesToSolve() + " (" + r.episodesTotal() + " with extraction)"
                    : "not solved: " + r.episodesTotal() + " episodes spent");
        }
        return r.solved() ? Main.OK : Main.FAILURE;
    }

    /** {@code --from-table}: the tables of docs/learning.md's "Learning from C functions". */
    private int fromTable() {
        for (String section : sections)
            if (!List.of("suite", "library", "gradients").contains(section)) throw usage("unknown --sections entry '" + section + "': choose suite, library, gradients");
        if (out != null) prepareOut();
        PrintWriter err = spec.commandLine().getErr(), w = spec.commandLine().getOut();
        java.util.function.Consumer<String> log = json ? line -> { } : line -> { err.println(line); err.flush(); };
        long start = System.nanoTime();
        StringBuilder md = new StringBuilder();
        if (sections.contains("suite"))
            md.append(String.format(Locale.ROOT, "The suite's tasks as C reference functions, learned with --from (full learner, seeds 1..%d):%n%n", seeds))
                    .append(tc.learn.FromTable.suite(seeds, budget, log)).append(System.lineSeparator());
        if (sections.contains("library"))
            md.append(String.format(Locale.ROOT, "A sequence of --from tasks learned with a growing library and without one (seeds 1..%d):%n%n", seeds))
                    .append(tc.learn.FromTable.library(seeds, budget, log)).append(System.lineSeparator());
        if (sections.contains("gradients"))
            md.append(String.format(Locale.ROOT, "Gradient ablation on the --from suite (seeds 1..%d; solved, episodes to 100%% held-out):%n%n", seeds))
                    .append(tc.learn.FromTable.gradients(seeds, budget, List.of(Variants.FULL, Variants.SEARCH_ONLY, Variants.GRADIENT_GUIDED), log))
                    .append(System.lineSeparator());
        md.append(String.format(Locale.ROOT, "Whole --from table: %.1f s wall.%n", (System.nanoTime() - start) / 1e9));
        w.print(md);
        if (out != null) {
            try {
                AtomicFiles.write(out.resolve("learning-from-table.md"), md.toString());
            } catch (java.io.IOException e) {
                throw new UserError("cannot write into " + out + ": " + Errors.ioMessage(e));
            }
            w.println("wrote " + out.resolve("learning-from-table.md"));
        }
        return Main.OK;
    }

    /** {@code --from FILE.c}: learn a C reference function. */
    private int learnFrom(Variants v) throws JsonProcessingException {
        int[] vals = range("--values", values), train = range("--train-lengths", trainLengths), test = range("--test-lengths", testLengths);
        FromC.Options options;
        try {
            options = new FromC.Options(vals[0], vals[1], train[0], train[1], test[0], test[1], cases, maxLength == null ? 0 : maxLength);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (out != null && java.nio.file.Files.isDirectory(out)) throw new UserError("--out " + out + " is a directory; with --from it names the .s file to write");
        tc.source.SourceFile source;
        try {
            source = SourceFiles.read(from);
        } catch (java.io.IOException e) {
            throw new UserError("cannot read " + from + ": " + Errors.ioMessage(e));
        }
        PrintWriter w = spec.commandLine().getOut();
        try {
            LibraryDir dir = libraryDir == null ? null : LibraryDir.open(libraryDir);
            Library library = dir == null ? Library.EMPTY : dir.library();
            CReference ref = CReference.compile(source, function, Math.max(options.trainTo(), options.testTo()));
            // every case is drawn (and the reference run on it) before the progress bar: a refusal comes alone
            FromC.task(ref, options, seed, FromC.scratchStages(ref.signature().shape())[0]);
            FromC.reportTask(ref, options, seed, FromC.scratchStages(ref.signature().shape())[0]);
            long b = budget != null ? budget : LearnFrom.defaultBudget(ref.signature().shape());
            if (populationSearch.enabled()) {
                if (libraryDir != null)
                    throw usage("--library goes without --islands and --spark: a library's routines are not shipped to the islands");
                return populationSearch.learnFrom(spec.commandLine(), new tc.learn.population.FromCSource(source.name(), source.text(), function, options, seed, 0),
                        v, b, population, json, out);
            }
            ProgressBar bar = json ? null : new ProgressBar(spec.commandLine().getErr(), ref.signature().function() + " seed " + seed, b);
            LearnFrom.Outcome o;
            try {
                o = LearnFrom.learn(ref, options, seed, b, v, population, library, bar == null ? e -> { } : bar);
            } finally {
                if (bar != null) bar.finish();
            }
            if (o.solved() && dir != null) dir.store(o);
            if (out != null) {
                try {
                    AtomicFiles.write(out, LearnFrom.assemblyFile(o));
                } catch (java.io.IOException e) {
                    throw new UserError("cannot write " + out + ": " + Errors.ioMessage(e));
                }
            }
            if (json) w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(LearnFrom.json(o, seed)));
            else {
                w.println(o.signature().function() + ": " + o.signature().shape().label() + ", " + o.task().registers() + " registers, "
                        + o.task().train().size() + " training cases");
                w.print(o.assembly());
                w.printf(Locale.ROOT, "accuracy on fresh held-out cases: %.1f%%%n", 100 * o.reportAccuracy());
                w.println(o.solved() ? "episodes to 100% held-out: " + o.episodes() + " (" + o.episodesTotal() + " with extraction)"
                        : "not solved: " + o.episodesTotal() + " episodes spent");
                if (o.provenance() != null) w.println("instructions: " + o.provenance());
                if (out != null) w.println("wrote " + out);
                if (o.solved() && dir != null) w.println("stored in the library " + libraryDir);
            }
            return o.solved() ? Main.OK : Main.FAILURE;
        } catch (CReference.Refused e) {
            throw new UserError(e.getMessage());
        }
    }

    /** "LO..HI" with either bound possibly negative. */
    private int[] range(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*").matcher(text);
        if (!m.matches()) throw usage(option + " takes LO..HI (like -50..50), got '" + text + "'");
        try {
            int lo = Integer.parseInt(m.group(1)), hi = Integer.parseInt(m.group(2));
            if (lo > hi) throw usage(option + " " + text + " is empty: " + lo + " > " + hi);
            return new int[]{lo, hi};
        } catch (NumberFormatException e) {
            throw usage(option + " " + text + ": a bound does not fit in 32 bits");
        }
    }

    /** The gradient phases' memory addressing, set by {@link #call} before any learning. */
    private SoftAddressing memory = SoftAddressing.LOCATION;

    /** Parses {@code location} or {@code content:GAMMA,BETA} (0 &lt; GAMMA ≤ 1, BETA &gt; 0, both finite). */
    static SoftAddressing addressing(String text) {
        String t = text.strip();
        if (t.equals("location")) return SoftAddressing.LOCATION;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("content:([^,]+),([^,]+)").matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("--addressing takes location or content:GAMMA,BETA (like content:0.5,4), got '" + text + "'");
        double gamma, beta;
        try {
            gamma = Double.parseDouble(m.group(1).strip());
            beta = Double.parseDouble(m.group(2).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--addressing " + text + ": GAMMA and BETA must be numbers");
        }
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("--addressing " + text + ": the gate GAMMA must be in (0, 1], got " + m.group(1).strip());
        if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("--addressing " + text + ": the sharpness BETA must be positive and finite, got " + m.group(2).strip());
        return SoftAddressing.content(gamma, beta);
    }

    /** {@code location} or {@code content:GAMMA,BETA}, the form {@link #addressing(String)} reads. */
    static String label(SoftAddressing a) {
        if (!a.usesContent()) return "location";
        return "content:" + java.math.BigDecimal.valueOf(a.gate()).stripTrailingZeros().toPlainString() + ","
                + java.math.BigDecimal.valueOf(a.sharpness()).stripTrailingZeros().toPlainString();
    }

    private ParameterException usage(String message) { return new ParameterException(spec.commandLine(), message); }

    private LearnResult learn(Variants v, String name, long s, long b, boolean showProgress, Library library) {
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = showProgress ? new ProgressBar(err, name + " seed " + s + (v == Variants.FULL ? "" : " (" + v.label() + ")"), b) : null;
        try {
            Task t = TaskSuite.task(name, s);
            return v.learner(t, population).withAddressing(memory).learn(t, library, s, b, bar == null ? e -> { } : bar);
        } finally {
            if (bar != null) bar.finish();
        }
    }

    /**
     * The library {@code t} may call: the tasks it uses, learned with the full learner at their
     * default budgets and the same seed ({@code known}: runs already made, by task, seed s at s − 1).
     */
    private LibraryCurriculum.Built library(Task t, long s, boolean showProgress, Map<String, List<LearnResult>> known) {
        return LibraryCurriculum.build(t, s, used -> {
            List<LearnResult> runs = known.get(used.name());
            if (runs != null && s - 1 < runs.size()) return runs.get((int) (s - 1));
            return learn(Variants.FULL, used.name(), s, LearnTable.defaultBudget(used.name()), showProgress, Library.EMPTY);
        });
    }

    private int table() throws java.io.UncheckedIOException {
        if (out != null) prepareOut();
        Map<String, List<LearnResult>> results = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (String name : TaskSuite.NAMES) results.put(name, runs(Variants.FULL, name));
        Map<String, List<LearnResult>> withLibrary = new LinkedHashMap<>(), withoutLibrary = new LinkedHashMap<>();
        for (String name : TaskSuite.LIBRARY_NAMES) {
            long b = budget != null ? budget : LearnTable.defaultBudget(name);
            List<LearnResult> with = new java.util.ArrayList<>(), without = new java.util.ArrayList<>();
            for (int s = 1; s <= seeds; s++) {
                with.add(learn(Variants.FULL, name, s, b, !json, library(TaskSuite.task(name, s), s, !json, results).library()));
                without.add(learn(Variants.FULL, name, s, b, !json, Library.EMPTY));
            }
            withLibrary.put(name, with);
            withoutLibrary.put(name, without);
        }
        Map<Variants, Map<String, List<LearnResult>>> ablations = new LinkedHashMap<>();
        if (!noAblations) {
            for (Variants v : Variants.values()) {
                if (v == Variants.GRADIENT_GUIDED) continue; // measured on the --from tasks (--from-table), not in this table
                Map<String, List<LearnResult>> row = new LinkedHashMap<>();
                for (String name : LearnTable.ABLATION_TASKS) row.put(name, v == Variants.FULL ? results.get(name) : runs(v, name));
                ablations.put(v, row);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Learner: %s, %d seeds per task (1..%d), population %d.%n%n", Variants.FULL.label(), seeds, seeds, population));
        md.append(LearnTable.markdown(results));
        md.append(System.lineSeparator()).append("Library tasks (may CALL the programs learned above for the same seed; episodes are the task's own):")
                .append(System.lineSeparator()).append(System.lineSeparator()).append(LearnTable.libraryMarkdown(withLibrary, withoutLibrary));
        if (!noAblations) md.append(System.lineSeparator()).append("Ablations (episodes to 100% held-out, mean ± sd over solved runs):")
                .append(System.lineSeparator()).append(System.lineSeparator()).append(LearnTable.ablationMarkdown(ablations));
        md.append(String.format(Locale.ROOT, "%nWhole table: %.1f s wall.%n", (System.nanoTime() - start) / 1e9));
        PrintWriter w = spec.commandLine().getOut();
        w.print(md);
        if (out != null) {
            Map<String, LearnResult> first = new LinkedHashMap<>();
            results.forEach((name, runs) -> first.put(name, runs.get(0)));
            try {
                AtomicFiles.write(out.resolve("learning-table.md"), md.toString());
                for (var png : tc.learn.LearnPlots.render(first).entrySet()) AtomicFiles.write(out.resolve(png.getKey()), png.getValue());
            } catch (java.io.IOException e) {
                throw new UserError("cannot write into " + out + ": " + Errors.ioMessage(e));
            }
            w.println("wrote " + out.resolve("learning-table.md") + " and learning-{loss,accuracy,tau}.png (seed 1 of each task)");
        }
        return Main.OK;
    }

    private List<LearnResult> runs(Variants v, String name) {
        long b = budget != null ? budget : LearnTable.defaultBudget(name);
        List<LearnResult> runs = new java.util.ArrayList<>();
        for (int s = 1; s <= seeds; s++) runs.add(learn(v, name, s, b, !json, Library.EMPTY));
        return runs;
    }

    /** Checks --out before hours of learning, not after: it must be a directory or creatable as one. */
    private void prepareOut() {
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) throw new UserError("--out " + out + " is a file, not a directory");
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new UserError("cannot create --out directory " + out + ": " + Errors.ioMessage(e));
        }
        if (!java.nio.file.Files.isWritable(out)) throw new UserError("--out directory " + out + " is not writable");
    }
}
