package tc.learn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tc.source.SourceFile;

/**
 * The tables of {@code tc learn --from-table} (docs/learning.md): the suite's tasks written as C
 * reference functions and learned with {@code --from}, beside the numbers of the suite's own
 * task-shaped learner; a sequence of tasks learned with a growing library and without one; and
 * the gradient ablation on {@code --from} tasks.
 */
public final class FromTable {
    private FromTable() {}

    /**
     * A C reference function shipped with the learner (resources {@code tc/learn/tasks/} and
     * {@code tc/learn/library/}) and the options its domain needs.
     *
     * @param why why it departs from the default options (empty when it does not)
     */
    public record Reference(String resource, FromC.Options options, String why) {
        public String name() { return resource.substring(resource.lastIndexOf('/') + 1, resource.length() - 2); }

        public CReference compile() {
            return CReference.compile(read(resource), null, Math.max(options.trainTo(), options.testTo()));
        }
    }

    private static final FromC.Options D = FromC.Options.DEFAULT;
    private static final FromC.Options POSITIVE = new FromC.Options(1, 200, D.trainFrom(), D.trainTo(), D.testFrom(), D.testTo(), D.cases(), 0);
    private static final FromC.Options PAIR = new FromC.Options(D.lo(), D.hi(), 2, 2, 2, 2, D.cases(), 0);

    /** The suite's eight tasks as C functions, in the suite's order. */
    public static final List<Reference> SUITE = List.of(
            new Reference("tc/learn/tasks/add.c", D, ""), new Reference("tc/learn/tasks/max.c", D, ""),
            new Reference("tc/learn/tasks/abs.c", D, ""),
            new Reference("tc/learn/tasks/swap.c", PAIR, "a two-word array: lengths 2..2"),
            new Reference("tc/learn/tasks/sum_array.c", D, ""), new Reference("tc/learn/tasks/bubble_sort.c", D, ""),
            new Reference("tc/learn/tasks/binary_search.c", D, ""),
            new Reference("tc/learn/tasks/gcd.c", POSITIVE, "positive ints: values 1..200"));

    /** The library sequence: each task may call what the ones before it learned (same seed). */
    public static final List<Reference> SEQUENCE = List.of(
            new Reference("tc/learn/tasks/max.c", D, ""), new Reference("tc/learn/library/max3.c", D, ""),
            new Reference("tc/learn/tasks/abs.c", D, ""), new Reference("tc/learn/library/absdiff.c", D, ""),
            new Reference("tc/learn/tasks/gcd.c", POSITIVE, ""), new Reference("tc/learn/library/gcd3.c", POSITIVE, ""),
            new Reference("tc/learn/library/sum_abs.c", D, ""));

    /** The suite learner's episodes to 100% held-out (docs/learning.md, 10 seeds, full), for the comparison column. */
    public static final Map<String, String> TODAY = Map.of(
            "add", "10/10: 27 ± 14", "max", "10/10: 106 ± 16", "abs", "10/10: 149 ± 46", "swap", "10/10: 1761 ± 1060",
            "sum_array", "10/10: 242 ± 62", "bubble_sort", "10/10: 4754 ± 4022", "binary_search", "10/10: 44310 ± 17717", "gcd", "10/10: 489 ± 241");

    /** The text of a shipped reference. */
    static SourceFile read(String resource) {
        try (InputStream in = FromTable.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new SourceFile(resource.substring(resource.lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Learns {@code r} with {@code seed}; a reference the compiler cannot take yet is reported, not learned. */
    static LearnFrom.Outcome learn(Reference r, long seed, Long budget, Variants v, Library library) {
        CReference ref = r.compile();
        long b = budget != null ? budget : LearnFrom.defaultBudget(ref.signature().shape());
        return LearnFrom.learn(ref, r.options(), seed, b, v, Learner.DEFAULT_POPULATION, library, e -> { });
    }

    /** The suite table: solved, episodes, instruction provenance (seed 1), today's numbers. */
    public static String suite(int seeds, Long budget, Consumer<String> log) {
        StringBuilder sb = new StringBuilder("| task | signature | options | `--from`, generic priors: solved, episodes (mean ± sd) | instructions of the first solved seed's program: template / search | suite learner today (task-shaped priors, 10 seeds) | a learned program (first solved seed) |\n|---|---|---|---|---|---|---|\n");
        for (Reference r : SUITE) {
            List<LearnFrom.Outcome> runs = new ArrayList<>();
            String refused = null;
            for (int s = 1; s <= seeds && refused == null; s++) {
                try {
                    LearnFrom.Outcome o = learn(r, s, budget, Variants.FULL, Library.EMPTY);
                    runs.add(o);
                    log.accept(r.name() + " seed " + s + ": " + (o.solved() ? "solved in " + o.episodes() : "not solved") + " episodes");
                } catch (CReference.Refused e) {
                    refused = e.getMessage();
                }
            }
            if (refused != null) {
                sb.append(String.format(Locale.ROOT, "| %s | — | %s | not run: %s | — | %s | — |%n", r.name(), r.why(), refused.replace('\n', ' ').replace("|", "\\|"), TODAY.get(r.name())));
                continue;
            }
            LearnFrom.Outcome first = runs.stream().filter(LearnFrom.Outcome::solved).findFirst().orElse(runs.get(0));
            String prov = first.provenance() == null ? "—" : first.provenance().template() + " / " + first.provenance().search()
                    + (first.provenance().library() > 0 ? " (+" + first.provenance().library() + " library)" : "");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.name(), first.signature().shape().label(), r.why().isEmpty() ? "defaults" : r.why(),
                    solvedEpisodes(runs), prov, TODAY.get(r.name()), first.solved() ? "`" + oneLine(first) + "`" : "—"));
        }
        return sb.toString();
    }

    /** The library table: the sequence learned with the library grown from the earlier tasks (same seed) and without one. */
    public static String library(int seeds, Long budget, Consumer<String> log) {
        Map<String, List<LearnFrom.Outcome>> with = new LinkedHashMap<>(), without = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (int s = 1; s <= seeds; s++) {
            Library grown = Library.EMPTY;
            List<List<tc.computer.isa.TcInstruction>> stored = new ArrayList<>();
            for (Reference r : SEQUENCE) {
                try {
                    LearnFrom.Outcome w = learn(r, s, budget, Variants.FULL, grown);
                    LearnFrom.Outcome wo = learn(r, s, budget, Variants.FULL, Library.EMPTY);
                    with.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(w);
                    without.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(wo);
                    log.accept(r.name() + " seed " + s + ": with " + w.episodes() + (w.solved() ? "" : " (unsolved)") + ", without " + wo.episodes() + (wo.solved() ? "" : " (unsolved)"));
                    if (w.solved()) {
                        List<tc.computer.isa.TcInstruction> code = w.result().program();
                        stored.add(code.subList(0, Extraction.ownLength(code)));
                        if (code.stream().noneMatch(i -> i.op() == tc.computer.isa.TcOp.CALL))
                            grown = grown.with(LibraryCurriculum.routine(w.task(), w.result()));
                        grown = grown.withFragments(Fragments.mine(stored));
                    }
                } catch (CReference.Refused e) {
                    refused.put(r.name(), e.getMessage());
                }
            }
        }
        StringBuilder sb = new StringBuilder("| # | task | with the library (earlier tasks' programs callable, their fragments templates) | without | a program learned with the library (seed 1) |\n|---|---|---|---|---|\n");
        int k = 0;
        for (Reference r : SEQUENCE) {
            k++;
            if (refused.containsKey(r.name())) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | not run: %s | — | — |%n", k, r.name(), refused.get(r.name()).replace('\n', ' ').replace("|", "\\|")));
                continue;
            }
            LearnFrom.Outcome first = with.get(r.name()).get(0);
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", k, r.name(), solvedEpisodes(with.get(r.name())), solvedEpisodes(without.get(r.name())),
                    first.solved() ? "`" + oneLine(first) + "`" : "—"));
        }
        return sb.toString();
    }

    /** The gradient ablation on the {@code --from} suite but bubble_sort and binary_search: each variant's episodes to 100% held-out. */
    public static String gradients(int seeds, Long budget, List<Variants> variants, Consumer<String> log) {
        StringBuilder sb = new StringBuilder("| variant |");
        // as the suite's ablation table: bubble_sort and binary_search take minutes a run, and are left out
        List<Reference> tasks = SUITE.stream().filter(r -> !r.name().equals("bubble_sort") && !r.name().equals("binary_search")).toList();
        for (Reference r : tasks) sb.append(' ').append(r.name()).append(" |");
        sb.append("\n|---|").append("---|".repeat(tasks.size())).append('\n');
        for (Variants v : variants) {
            sb.append("| ").append(v.label()).append(" |");
            for (Reference r : tasks) {
                List<LearnFrom.Outcome> runs = new ArrayList<>();
                try {
                    for (int s = 1; s <= seeds; s++) runs.add(learn(r, s, budget, v, Library.EMPTY));
                    sb.append(' ').append(solvedEpisodes(runs)).append(" |");
                    log.accept(v.label() + " " + r.name() + ": " + solvedEpisodes(runs));
                } catch (CReference.Refused e) {
                    sb.append(" not run |");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String solvedEpisodes(List<LearnFrom.Outcome> runs) {
        List<Long> eps = new ArrayList<>();
        for (LearnFrom.Outcome o : runs) if (o.solved()) eps.add(o.episodes());
        return eps.size() + "/" + runs.size() + (eps.isEmpty() ? "" : ": " + LearnTable.meanSd(eps));
    }

    private static String oneLine(LearnFrom.Outcome o) {
        return String.join("; ", o.result().program().stream().map(AsmText::instruction).toList());
    }
}
