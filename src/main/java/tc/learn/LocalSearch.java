package tc.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcProgram;

/**
 * Discrete local search: a population of simulated-annealing chains over programs, with a length
 * curriculum and population-based exploit/explore.
 *
 * <ul>
 *   <li>Curriculum: programs may hold at most {@code cap} instructions; cap starts at 1 (or the
 *       length of the program handed in) and grows by one after {@link #STAGE_ROUNDS}·cap rounds
 *       without a solution, or as soon as no chain can propose a program not yet evaluated
 *       (the short programs are used up), so short programs are tried first.</li>
 *   <li>Each round every chain proposes one edit ({@link Mutations}) of its program; all new
 *       candidates are evaluated in parallel (one episode each). A program evaluated before is not
 *       evaluated again: its remembered score is used, and costs no episode.</li>
 *   <li>Acceptance: Metropolis on fitness = shaped score − {@value #LENGTH_COST}·length, at a
 *       temperature falling linearly over each stage.</li>
 *   <li>Exploit/explore: every {@link #EXPLOIT_ROUNDS} rounds the weakest chain takes the
 *       strongest chain's program; a chain stuck for {@link #RESTART_ROUNDS} rounds restarts from
 *       the empty program.</li>
 *   <li>A candidate perfect on the training batch is checked on the held-out set (one episode);
 *       one that fails there is remembered as over-fitted and its fitness lowered.</li>
 * </ul>
 * Rounds are deterministic for a seed: chains draw from their own split random streams and
 * results are applied in chain order, whatever the thread scheduling.
 */
public final class LocalSearch implements Phase {
    static final int STAGE_ROUNDS = 40, EXPLOIT_ROUNDS = 25, RESTART_ROUNDS = 300, PROPOSAL_TRIES = 64;
    static final double LENGTH_COST = 0.002, OVERFIT_COST = 0.1, T_START = 0.03, T_END = 0.002;

    private final boolean curriculum;

    /** The search with its length curriculum. */
    public LocalSearch() { this(true); }

    /** @param curriculum false: programs may use the task's whole length from the first round (the ablation) */
    public LocalSearch(boolean curriculum) { this.curriculum = curriculum; }

    @Override public String name() { return "search"; }

    private static final class Chain {
        final SplittableRandom random;
        List<TcInstruction> code;
        double fitness;
        double best = Double.NEGATIVE_INFINITY;
        long lastImprovement;

        Chain(SplittableRandom random, List<TcInstruction> code, double fitness) {
            this.random = random;
            this.code = code;
            this.fitness = fitness;
        }
    }

    @Override public void run(LearnContext ctx) {
        LearnState state = ctx.state();
        if (state.solved) return;
        Task task = ctx.task();
        EpisodeCounter counter = ctx.counter();
        Mutations mutations = new Mutations(new Vocabulary(task), task.maxLength());
        Map<List<TcInstruction>, Evaluation> seen = new HashMap<>();
        Set<List<TcInstruction>> overfit = new HashSet<>();

        List<TcInstruction> start = state.program;
        Evaluation startEval = counter.evaluate(ctx.program(start), task, task.train());
        seen.put(start, startEval);
        record(ctx, start, startEval);
        if (startEval.perfect() && ctx.verify(start, startEval, name())) return;
        else if (startEval.perfect()) overfit.add(start);

        SplittableRandom root = new SplittableRandom(ctx.seed());
        List<Chain> chains = new ArrayList<>();
        for (int c = 0; c < ctx.population(); c++) chains.add(new Chain(root.split(), start, fitness(start, startEval, overfit)));

        List<TcInstruction> bestCode = start;
        double bestFitness = fitness(start, startEval, overfit);
        int cap = curriculum ? Math.max(1, start.size()) : task.maxLength();
        long stageStart = 0;
        boolean exhausted = false;
        for (long round = 0; !counter.exhausted(); round++) {
            long stageLength = (long) STAGE_ROUNDS * cap;
            if ((exhausted || round - stageStart >= stageLength) && cap < task.maxLength()) {
                cap++;
                stageStart = round;
                stageLength = (long) STAGE_ROUNDS * cap;
                // Exploit at each curriculum step: longer programs grow from the best shorter one.
                for (Chain ch : chains) {
                    ch.code = bestCode;
                    ch.fitness = bestFitness;
                }
            }
            double t = T_START + (T_END - T_START) * Math.min(1.0, (double) (round - stageStart) / stageLength);

            List<List<TcInstruction>> proposals = new ArrayList<>();
            List<TcProgram> fresh = new ArrayList<>();
            Set<List<TcInstruction>> pending = new HashSet<>();
            for (Chain chain : chains) {
                List<TcInstruction> p = null;
                for (int k = 0; k < PROPOSAL_TRIES; k++) {
                    p = mutations.propose(chain.random, chain.code, cap);
                    if (!seen.containsKey(p) && !pending.contains(p)) break;
                }
                proposals.add(p);
                if (!seen.containsKey(p) && pending.add(p)) fresh.add(ctx.program(p));
            }
            // Every chain's neighbourhood is (nearly) used up at this length: longer programs next.
            exhausted = fresh.isEmpty();
            List<Evaluation> results = counter.evaluateAll(fresh, task, task.train());
            for (int k = 0; k < results.size(); k++) seen.put(fresh.get(k).code(), results.get(k));

            for (int c = 0; c < chains.size(); c++) {
                Chain chain = chains.get(c);
                List<TcInstruction> p = proposals.get(c);
                Evaluation e = seen.get(p);
                if (e == null) continue; // budget ran out before this candidate
                if (e.perfect() && !overfit.contains(p)) {
                    if (ctx.verify(p, e, name())) return;
                    overfit.add(p);
                }
                double f = fitness(p, e, overfit);
                if (f >= chain.fitness || chain.random.nextDouble() < Math.exp((f - chain.fitness) / t)) {
                    chain.code = p;
                    chain.fitness = f;
                }
                if (f > chain.best) {
                    chain.best = f;
                    chain.lastImprovement = round;
                }
                if (f > bestFitness) {
                    bestFitness = f;
                    bestCode = p;
                }
                if (state.train == null || e.score() > state.train.score()) record(ctx, p, e);
            }
            if (round % EXPLOIT_ROUNDS == EXPLOIT_ROUNDS - 1 && chains.size() > 1) {
                Chain best = chains.get(0), worst = chains.get(0);
                for (Chain ch : chains) {
                    if (ch.fitness > best.fitness) best = ch;
                    if (ch.fitness < worst.fitness) worst = ch;
                }
                worst.code = best.code;
                worst.fitness = best.fitness;
            }
            for (Chain ch : chains) {
                if (round - ch.lastImprovement >= RESTART_ROUNDS) {
                    ch.code = List.of();
                    Evaluation e = seen.get(List.<TcInstruction>of());
                    ch.fitness = e == null ? Double.NEGATIVE_INFINITY : fitness(ch.code, e, overfit);
                    ch.best = ch.fitness;
                    ch.lastImprovement = round;
                }
            }
            ctx.progress().accept(counter.episodes());
        }
    }

    private static double fitness(List<TcInstruction> code, Evaluation e, Set<List<TcInstruction>> overfit) {
        return e.score() - LENGTH_COST * code.size() - (overfit.contains(code) ? OVERFIT_COST : 0);
    }

    private void record(LearnContext ctx, List<TcInstruction> code, Evaluation e) {
        LearnState state = ctx.state();
        state.program = code;
        state.train = e;
        state.record(new LearnState.CurvePoint(ctx.counter().episodes(), e.score(), e.accuracy(), Double.NaN, name()));
    }
}
