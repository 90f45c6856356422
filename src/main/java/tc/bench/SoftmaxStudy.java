package tc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tc.loom.backend.CompileOptions;
import tc.loom.backend.Compiler;
import tc.loom.interp.IsaMachine;
import tc.loom.io.LoomState;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Program;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.weights.exact.ExactWeights;
import tc.loom.transformer.weights.loomv1.LoomV1Weights;
import tc.loom.verify.SoftmaxDrift;
import tc.source.SourceFile;

/**
 * The softmax study of docs/transformer.md ("Softmax attention, measured"): for each program and
 * each temperature λ, {@link SoftmaxDrift} on each weight profile, printed as one Markdown table
 * per profile — the first step whose softmax state leaves the value set by more than 0.5, and the
 * first whose decoded PC or memory is wrong, within a stated number of steps.
 *
 * <p>Run it from the repository root after {@code mvn -o -q -DskipTests compile}:
 * {@code java -cp "target/classes:target/lib/*" tc.bench.SoftmaxStudy [options] [FILE...]}. Without
 * files it studies the golden corpus ({@code --corpus DIR}, default
 * {@code src/test/resources/corpus}: every {@code .c} file that does not expect a compile error,
 * compiled at its own {@code // config:} and {@code // word-bits:}) and the bundled demos; files
 * may be C sources (with the same headers) or Loom {@code _state.json} files (their
 * {@code _info.json} beside them). Options: {@code --lambdas 10,20,50,100,200},
 * {@code --steps 2000} (the cap per run), {@code --wide-steps 300} (the cap on machines of 2,048
 * columns, where a step costs over ten times more), {@code --profiles exact,loom-v1},
 * {@code --programs SUBSTRING,...} (keep the paths containing one), {@code --threads 2},
 * {@code --snap} (an ideal snap after every step, {@link SoftmaxDrift#runSnapped}).
 * Progress goes to stderr, the tables to stdout.
 */
public final class SoftmaxStudy {
    public static final List<Double> DEFAULT_LAMBDAS = List.of(10.0, 20.0, 50.0, 100.0, 200.0);
    public static final long DEFAULT_STEPS = 2000;
    /** The cap at 2,048 columns and more, where a softmax step costs over ten times a 512-column one. */
    public static final long DEFAULT_WIDE_STEPS = 300;
    /** The machines {@code wideSteps} applies to. */
    public static final int WIDE_COLUMNS = 2048;

    private static final Pattern HEADER = Pattern.compile("//\\s*(word-bits|config|expect error)\\s*:(.*)$");

    /** A program of the study: where it came from and what it compiled to. */
    public record Subject(String name, Program program) {}

    /** One program's results: its run length on the interpreter (capped) and one result per profile and λ. */
    public record Row(Subject subject, long runSteps, boolean runEnds, Map<String, List<SoftmaxDrift.Result>> results) {}

    private final List<Double> lambdas;
    private final long steps, wideSteps;
    private final List<String> profiles;
    private final boolean snap;
    private final Map<String, LoomModel> models = new ConcurrentHashMap<>();

    /**
     * @param lambdas  temperatures, in column order
     * @param steps    the step cap of each run
     * @param wideSteps the step cap of each run on a machine of {@link #WIDE_COLUMNS} columns or more
     * @param profiles weight profiles, {@code exact} and/or {@code loom-v1}
     * @param snap     round the softmax state to the value set after every step ({@link SoftmaxDrift#runSnapped})
     */
    public SoftmaxStudy(List<Double> lambdas, long steps, long wideSteps, List<String> profiles, boolean snap) {
        if (lambdas.isEmpty()) throw new IllegalArgumentException("no λ to study");
        for (double l : lambdas) if (!(l > 0) || Double.isInfinite(l)) throw new IllegalArgumentException("λ must be a positive finite number, got " + l);
        if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (wideSteps < 1) throw new IllegalArgumentException("--wide-steps must be at least 1, got " + wideSteps);
        for (String p : profiles)
            if (!p.equals(ExactWeights.PROFILE) && !p.equals("loom-v1")) throw new IllegalArgumentException("unknown profile '" + p + "': choose exact, loom-v1");
        if (profiles.isEmpty()) throw new IllegalArgumentException("no profile to study");
        this.lambdas = List.copyOf(lambdas);
        this.steps = steps;
        this.wideSteps = wideSteps;
        this.profiles = List.copyOf(profiles);
        this.snap = snap;
    }

    private LoomModel model(String profile, MachineConfig config) {
        return models.computeIfAbsent(profile + " " + config, k -> profile.equals(ExactWeights.PROFILE) ? ExactWeights.build(config) : LoomV1Weights.build(config));
    }

    /** Studies every subject on every profile and λ, {@code threads} runs at a time; {@code progress} hears of each finished run. */
    public List<Row> run(List<Subject> subjects, int threads, PrintStream progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Map<String, List<Future<SoftmaxDrift.Result>>>> futures = new ArrayList<>();
            for (int k = 0; k < subjects.size(); k++) futures.add(null);
            // the widest machines first: their runs are the longest, so the pool ends evenly
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < subjects.size(); k++) order.add(k);
            order.sort(java.util.Comparator.comparingInt((Integer k) -> -subjects.get(k).program().config().n()));
            for (int k : order) {
                Subject s = subjects.get(k);
                Map<String, List<Future<SoftmaxDrift.Result>>> perProfile = new LinkedHashMap<>();
                for (String profile : profiles) {
                    List<Future<SoftmaxDrift.Result>> perLambda = new ArrayList<>();
                    for (double lambda : lambdas)
                        perLambda.add(pool.submit(() -> {
                            LoomModel model = model(profile, s.program().config());
                            long cap = cap(s.program());
                            SoftmaxDrift.Result r = snap ? SoftmaxDrift.runSnapped(s.program(), model, lambda, cap)
                                    : SoftmaxDrift.run(s.program(), model, lambda, cap);
                            if (progress != null)
                                progress.printf(Locale.ROOT, "%s %s λ=%s: %s (%d steps, %.1f ms/step)%s%s%n", s.name(), profile, number(lambda),
                                        cell(r), r.steps(), r.steps() == 0 ? 0.0 : r.nanos() / 1e6 / r.steps(), detail("decoded", r.decoded()),
                                        detail("value set", r.valueSet()));
                            return r;
                        }));
                    perProfile.put(profile, perLambda);
                }
                futures.set(k, perProfile);
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                Map<String, List<SoftmaxDrift.Result>> results = new LinkedHashMap<>();
                for (var e : futures.get(i).entrySet()) {
                    List<SoftmaxDrift.Result> list = new ArrayList<>();
                    for (Future<SoftmaxDrift.Result> f : e.getValue()) list.add(get(f));
                    results.put(e.getKey(), list);
                }
                Subject s = subjects.get(i);
                long[] run = runLength(s.program(), Math.max(steps, 100_000_000L));
                rows.add(new Row(s, run[0], run[1] == 1, results));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The step cap for {@code program}'s machine. */
    public long cap(Program program) { return program.config().n() >= WIDE_COLUMNS ? wideSteps : steps; }

    private static SoftmaxDrift.Result get(Future<SoftmaxDrift.Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** {steps, 1 if the run ended (halt or fault) within the limit}. */
    private static long[] runLength(Program program, long limit) {
        IsaMachine isa = new IsaMachine(program);
        while (isa.running() && isa.steps() < limit) isa.step();
        return new long[] {isa.steps(), isa.running() ? 0 : 1};
    }

    /** "decoded / value set" for one run: the first steps, "—" for none within the steps compared. */
    static String cell(SoftmaxDrift.Result r) {
        return step(r.decoded()) + " / " + step(r.valueSet());
    }

    private static String step(SoftmaxDrift.Departure d) { return d == null ? "—" : String.format(Locale.ROOT, "%,d", d.step()); }

    private static String detail(String what, SoftmaxDrift.Departure d) { return d == null ? "" : "; " + what + ": " + d.what(); }

    private static String number(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    /** The Markdown tables, one per profile, with the settings and the date. */
    public String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (String profile : profiles) {
            sb.append("#### ").append(profile).append(snap ? " with an ideal snap after every step" : "").append("\n\n");
            sb.append("| program | config | run | cap | ");
            for (double l : lambdas) sb.append("λ = ").append(number(l)).append(" | ");
            if (!profile.equals(ExactWeights.PROFILE)) sb.append("argmax | ");
            sb.setLength(sb.length() - 1);
            sb.append("\n|---|---|---|---|");
            sb.append("---|".repeat(lambdas.size() + (profile.equals(ExactWeights.PROFILE) ? 0 : 1)));
            sb.append('\n');
            for (Row row : rows) {
                List<SoftmaxDrift.Result> results = row.results().get(profile);
                sb.append("| ").append(row.subject().name()).append(" | ").append(row.subject().program().config().name()).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", row.runSteps())).append(row.runEnds() ? "" : "+").append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", cap(row.subject().program()))).append(" |");
                for (SoftmaxDrift.Result r : results) sb.append(' ').append(cell(r)).append(" |");
                if (!profile.equals(ExactWeights.PROFILE)) sb.append(' ').append(argmax(results)).append(" |");
                sb.append('\n');
            }
            sb.append('\n').append(summary(profile, rows)).append('\n');
        }
        return sb.toString();
    }

    /** The argmax engine's own first decoded departure (the same for every λ; the earliest seen, as runs stop at different steps). */
    private static String argmax(List<SoftmaxDrift.Result> results) {
        long first = Long.MAX_VALUE, compared = 0;
        for (SoftmaxDrift.Result r : results) {
            compared = Math.max(compared, r.steps());
            if (r.argmaxDecoded() != null) first = Math.min(first, r.argmaxDecoded().step());
        }
        return first == Long.MAX_VALUE ? "— (" + String.format(Locale.ROOT, "%,d", compared) + ")" : String.format(Locale.ROOT, "%,d", first);
    }

    /** Per λ: how many runs decoded wrong and left the value set within their steps, when, and where. */
    private String summary(String profile, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lambdas.size(); k++) {
            int n = 0;
            List<Long> decSteps = new ArrayList<>(), setSteps = new ArrayList<>();
            Map<String, Integer> decWhere = new java.util.TreeMap<>(), setWhere = new java.util.TreeMap<>();
            for (Row row : rows) {
                SoftmaxDrift.Result r = row.results().get(profile).get(k);
                n++;
                if (r.decoded() != null) {
                    decSteps.add(r.decoded().step());
                    decWhere.merge(r.decoded().where(), 1, Integer::sum);
                }
                if (r.valueSet() != null) {
                    setSteps.add(r.valueSet().step());
                    setWhere.merge(r.valueSet().where(), 1, Integer::sum);
                }
            }
            sb.append(String.format(Locale.ROOT, "- λ = %s: decoded wrong in %d of %d runs%s%s; left the value set in %d%s%s.%n", number(lambdas.get(k)),
                    decSteps.size(), n, range(decSteps), where(decWhere), setSteps.size(), range(setSteps), where(setWhere)));
        }
        long same = rows.stream().filter(r -> r.results().get(profile).stream().map(SoftmaxStudy::cell).distinct().count() == 1).count();
        float argmaxWorst = 0;
        int argmaxWrong = 0;
        for (Row row : rows) {
            boolean wrong = false;
            for (SoftmaxDrift.Result r : row.results().get(profile)) {
                argmaxWorst = Math.max(argmaxWorst, r.argmaxWorst());
                wrong |= r.argmaxDecoded() != null;
            }
            if (wrong) argmaxWrong++;
        }
        sb.append(String.format(Locale.ROOT, "- the same departures at every λ: %d of %d programs.%n", same, rows.size()));
        sb.append(String.format(Locale.ROOT, "- the argmax engine on the same weights, every step of these runs: largest distance from the value set %.3g;"
                + " decoded wrong in %d of %d programs.%n", argmaxWorst, argmaxWrong, rows.size()));
        return sb.toString();
    }

    private static String where(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" [");
        counts.forEach((k, v) -> sb.append(k).append(' ').append(v).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.append(']').toString();
    }

    private static String range(List<Long> steps) {
        if (steps.isEmpty()) return "";
        long[] s = steps.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, " (steps %,d–%,d, median %,d)", s[0], s[s.length - 1], s[s.length / 2]);
    }

    /** The corpus under {@code root} (files expecting a compile error left out) and the bundled demos, sorted by name. */
    public static List<Subject> corpus(Path root) {
        List<Subject> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".c")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                Subject s = fromC(name, Files.readString(p, StandardCharsets.UTF_8));
                if (s != null) out.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String demo : resource("/tc/demo/demos.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Subject s = fromC("demos/" + demo, resource("/tc/demo/" + demo));
            if (s != null) out.add(s);
        }
        out.sort(java.util.Comparator.comparing(Subject::name));
        return out;
    }

    /** A C program compiled at the configuration and word width its headers name, or null when it expects a compile error. */
    public static Subject fromC(String name, String text) {
        int bits = 8;
        String config = null;
        for (String line : text.split("\\R")) {
            Matcher m = HEADER.matcher(line);
            if (!m.find()) continue;
            switch (m.group(1)) {
                case "expect error" -> { return null; }
                case "word-bits" -> bits = Integer.parseInt(m.group(2).strip());
                default -> config = m.group(2).strip();
            }
        }
        MachineConfig c = config == null ? null : MachineConfig.parse(config).withWordBits(bits);
        return new Subject(name, Compiler.compile(new SourceFile(name, text), new CompileOptions(c, bits)));
    }

    private static Subject fromFile(Path p) throws IOException {
        String name = p.getFileName().toString();
        if (name.endsWith("_state.json")) {
            Path info = p.resolveSibling(name.replace("_state.json", "_info.json"));
            SourceFile state = new SourceFile(p.toString(), Files.readString(p));
            return new Subject(name.replace("_state.json", ""), LoomState.read(state, Files.exists(info) ? new SourceFile(info.toString(), Files.readString(info)) : null));
        }
        Subject s = fromC(p.toString(), Files.readString(p));
        if (s == null) throw new IllegalArgumentException(p + " expects a compile error: nothing to run");
        return s;
    }

    private static String resource(String path) {
        try (InputStream in = SoftmaxStudy.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("resource " + path + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Double> lambdas = DEFAULT_LAMBDAS;
        long steps = DEFAULT_STEPS, wideSteps = DEFAULT_WIDE_STEPS;
        List<String> profiles = List.of("exact", "loom-v1");
        List<String> filters = List.of();
        int threads = 2;
        boolean snap = false;
        Path corpus = Path.of("src/test/resources/corpus");
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) { files.add(Path.of(a)); continue; }
                if (a.equals("--snap")) { snap = true; continue; }
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--lambdas" -> lambdas = Arrays.stream(v.split(",")).map(String::strip).map(Double::parseDouble).toList();
                    case "--steps" -> steps = Long.parseLong(v);
                    case "--wide-steps" -> wideSteps = Long.parseLong(v);
                    case "--profiles" -> profiles = List.of(v.split(","));
                    case "--programs" -> filters = List.of(v.split(","));
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--corpus" -> corpus = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            SoftmaxStudy study = new SoftmaxStudy(lambdas, steps, wideSteps, profiles, snap);
            List<Subject> subjects = new ArrayList<>();
            if (files.isEmpty()) subjects.addAll(corpus(corpus));
            for (Path f : files) subjects.add(fromFile(f));
            List<String> keep = filters;
            if (!keep.isEmpty()) subjects.removeIf(s -> keep.stream().noneMatch(s.name()::contains));
            if (subjects.isEmpty()) throw new IllegalArgumentException("no programs to study");
            long t0 = System.nanoTime();
            List<Row> rows = study.run(subjects, threads, System.err);
            System.out.printf(Locale.ROOT, "<!-- SoftmaxStudy --lambdas %s --steps %d --wide-steps %d --profiles %s%s: %d programs, %s, %.0f s on %d threads -->%n%n",
                    String.join(",", lambdas.stream().map(SoftmaxStudy::number).toList()), steps, wideSteps, String.join(",", profiles), snap ? " --snap" : "", subjects.size(),
                    LocalDate.now(), (System.nanoTime() - t0) / 1e9, threads);
            System.out.print(study.markdown(rows));
        } catch (IllegalArgumentException e) {
            System.err.println("SoftmaxStudy: error: " + e.getMessage());
            System.exit(2);
        }
    }
}
