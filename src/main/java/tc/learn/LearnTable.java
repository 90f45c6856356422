package tc.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's results as a markdown table: per task, how many seeds reached 100% on the held-out
 * set, mean ± sd episodes to get there (over the runs that did), mean wall time, one learned
 * program, and the seed paper's figure beside ours.
 */
public final class LearnTable {
    private LearnTable() {}

    /** The seed paper's "episodes to 100%" (000_…txt), where it gives one. */
    public static final Map<String, String> SEED_PAPER = Map.of(
            "add", "847 ± 123", "max", "2,341 ± 412", "sum_array", "15K", "bubble_sort", "50K (98.5% @ n=4)");

    /** Default episode budgets per task for the table and the CLI. */
    public static long defaultBudget(String task) {
        return switch (task) {
            case "add", "max", "abs", "swap", "max3" -> 20_000;
            case "gcd", "gcd3", "sum_abs" -> 50_000;
            default -> 100_000;
        };
    }

    public static String markdown(Map<String, List<LearnResult>> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| task | solved | episodes to 100% held-out (mean ± sd over solved runs) | seed paper | wall time (mean) | a learned program |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (var entry : results.entrySet()) {
            List<LearnResult> runs = entry.getValue();
            List<Long> eps = new ArrayList<>();
            double wall = 0;
            LearnResult example = null;
            for (LearnResult r : runs) {
                wall += r.wallMillis();
                if (r.solved()) {
                    eps.add(r.episodesToSolve());
                    if (example == null) example = r;
                }
            }
            String episodes = eps.isEmpty() ? "—" : meanSd(eps);
            String program = example == null ? "—" : String.join("; ", example.program().stream().map(AsmText::instruction).toList());
            sb.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %s | %.2f s | `%s` |%n", entry.getKey(), eps.size(), runs.size(), episodes,
                    SEED_PAPER.getOrDefault(entry.getKey(), "—"), wall / runs.size() / 1000.0, program));
        }
        return sb.toString();
    }

    /**
     * The library tasks' table: per task, which routines it may call, then solved/runs and mean ±
     * sd episodes to 100% held-out with the library and without it (the same learner, no calls),
     * and a program learned with the library.
     */
    public static String libraryMarkdown(Map<String, List<LearnResult>> with, Map<String, List<LearnResult>> without) {
        StringBuilder sb = new StringBuilder("| task | may call | with the library | without | wall time with / without (mean) | a program learned with the library |\n|---|---|---|---|---|---|\n");
        for (String task : with.keySet()) {
            List<LearnResult> a = with.get(task), b = without.get(task);
            LearnResult example = a.stream().filter(LearnResult::solved).findFirst().orElse(null);
            String program = example == null ? "—" : String.join("; ", example.program().stream().map(AsmText::instruction).toList());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f s / %.2f s | `%s` |%n", task,
                    String.join(", ", TaskSuite.task(task, 1).uses()), solvedCell(a), solvedCell(b),
                    a.stream().mapToLong(LearnResult::wallMillis).average().orElse(0) / 1000.0,
                    b.stream().mapToLong(LearnResult::wallMillis).average().orElse(0) / 1000.0, program));
        }
        return sb.toString();
    }

    /** "solved/runs: mean ± sd (median m)" of the episodes to 100% held-out over the solved runs. */
    private static String solvedCell(List<LearnResult> runs) {
        List<Long> eps = runs.stream().filter(LearnResult::solved).map(LearnResult::episodesToSolve).toList();
        return eps.size() + "/" + runs.size() + (eps.isEmpty() ? "" : ": " + meanSd(eps));
    }

    /** The tasks the ablation table covers: the ones every variant can reach in seconds. */
    public static final List<String> ABLATION_TASKS = List.of("add", "max", "abs", "swap", "sum_array");

    /**
     * The ablation table: one row per variant, one column per task with solved/runs and mean ± sd
     * episodes to 100% held-out over the solved runs, and the variant's mean wall time per run.
     */
    public static String ablationMarkdown(Map<Variants, Map<String, List<LearnResult>>> results) {
        StringBuilder sb = new StringBuilder("| variant |");
        List<String> tasks = results.values().stream().findFirst().map(m -> List.copyOf(m.keySet())).orElse(List.of());
        for (String t : tasks) sb.append(' ').append(t).append(" |");
        sb.append(" wall time per run (mean) |\n|---|");
        sb.append("---|".repeat(tasks.size())).append("---|\n");
        for (var row : results.entrySet()) {
            sb.append("| ").append(row.getKey().label()).append(" |");
            double wall = 0;
            int runsTotal = 0;
            for (String t : tasks) {
                List<LearnResult> runs = row.getValue().get(t);
                for (LearnResult r : runs) wall += r.wallMillis();
                runsTotal += runs.size();
                sb.append(' ').append(solvedCell(runs)).append(" |");
            }
            sb.append(String.format(Locale.ROOT, " %.2f s |%n", wall / Math.max(1, runsTotal) / 1000.0));
        }
        return sb.toString();
    }

    static String meanSd(List<Long> xs) {
        double mean = xs.stream().mapToLong(Long::longValue).average().orElse(0);
        double var = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, xs.size() - 1);
        List<Long> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return String.format(Locale.ROOT, "%.0f ± %.0f (median %.0f)", mean, Math.sqrt(var), median);
    }
}
