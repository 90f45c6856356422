package tc.loom.engine;

import tc.loom.transformer.AttentionHead;

/**
 * One argmax head kept up to date incrementally. It caches, per column, the key K·x_j, the query
 * Q·x_j (the same array when Q == K, as in every Loom head, so it is computed once), the value
 * rows of V·x_j that V can make non-zero, each source's current top-2 decision, and the head's
 * output per target column.
 *
 * <p>A step only recomputes what a changed input column can affect. Each source keeps, besides its
 * best two targets and their exact scores, a bound on every other target's score (exact after a
 * full scan). A source whose key or whose best targets changed is re-ranked from exact scores of
 * its old best two and of the targets whose query changed, every other target bounded by the old
 * bound plus a rigorous bound on how far the key change moved its scores (including float
 * rounding); only when that cannot decide the best two (or, for an untied best, that the rest is a
 * whole tie gap below) is it rescanned over all n targets. A target's output is rebuilt (from its
 * incoming sources, in ascending source order like the dense scatter) whenever a source that sends
 * to it changed its decision or its value. The result is the dense rule's result bit for bit.
 */
final class SparseHead implements IncrementalHead {
    private final int d, n, q, vr;
    private final Csr k, qm, v;
    private final boolean sameQK;
    private final int[] valueRows;
    final float[] out;        // n × vr, column-major: this head's output rows valueRows at each target
    private final float[] kx, qx, vx;
    // kx and qx again, row-major (r·n + j), so that one source's scores against every target (and
    // every source's score against one target) run as independent lanes that the JIT vectorises
    private final float[] kxT, qxT;
    private final float[] scores;      // n: one source's scores in rescan
    private final AttentionRule.Top2 top = new AttentionRule.Top2();
    private final float[] mergeScores; // MERGE_LIMIT × n: score(i, j) for each changed query j
    private static final int MERGE_LIMIT = 64;
    private final int[] changedSlot;   // n: j's index in queriesChanged while mergeScores is valid
    private final boolean[] active, tied;
    private final int[] best, second;
    private final float[] bestScore, secondScore;
    private final Routing routing;
    /** Whether source i splits its value between two targets (one predicate, made once). */
    private final java.util.function.IntPredicate halved;
    private final ColumnSet keysChanged, queriesChanged, valuesChanged, targets;
    // (rest[i], restIndex[i]) ranks at or before every target of source i other than best[i] and
    // (when known, i.e. second[i] >= 0) second[i]: each such target j has score < rest[i], or
    // score == rest[i] and j >= restIndex[i] (restIndex −1: score <= rest[i]); rest NaN: unknown.
    // It lets a source whose key or whose top targets changed be re-ranked from a few exact scores
    // instead of a rescan.
    private final double[] rest;
    private final int[] restIndex;
    // queryBound[r] >= |query row r| at every column (only ever raised between full recomputations)
    private final double[] queryBound;
    private final float[] changedMax;  // n: source i's best score against the changed queries (batched)
    private boolean changedNaN;        // whether any batched score is NaN
    private final float[] oldKeys;     // q per changed column: its key before this step's projection
    private final double[] keyShift;   // n: bound on how far a changed key moved any of its scores
    private final double gamma;        // relative rounding-error bound of one q-term float dot product

    SparseHead(AttentionHead head, int d, int n) {
        this.d = d;
        this.n = n;
        this.k = new Csr(head.k());
        this.sameQK = head.q().equals(head.k());
        this.qm = sameQK ? k : new Csr(head.q());
        this.q = k.rows;
        Csr vFull = new Csr(head.v());
        this.valueRows = vFull.nonEmptyRows();
        this.v = vFull;
        this.vr = valueRows.length;
        out = new float[n * vr];
        kx = new float[n * q];
        qx = sameQK ? kx : new float[n * q];
        vx = new float[n * vr];
        kxT = new float[q * n];
        qxT = sameQK ? kxT : new float[q * n];
        scores = new float[n];
        mergeScores = new float[MERGE_LIMIT * n];
        changedSlot = new int[n];
        active = new boolean[n];
        tied = new boolean[n];
        best = new int[n];
        second = new int[n];
        bestScore = new float[n];
        secondScore = new float[n];
        routing = new Routing(n);
        halved = i -> tied[i];
        keysChanged = new ColumnSet(n);
        queriesChanged = sameQK ? keysChanged : new ColumnSet(n);
        valuesChanged = new ColumnSet(n);
        targets = new ColumnSet(n);
        rest = new double[n];
        restIndex = new int[n];
        queryBound = new double[q];
        oldKeys = new float[n * q];
        changedMax = new float[n];
        keyShift = new double[n];
        // |fl(Σ a_r b_r) − Σ a_r b_r| <= γ_q Σ|a_r b_r| with γ_q = q·u/(1 − q·u), u = 2^-24;
        // we take twice that (and an absolute term for underflow, in bound())
        gamma = 2.0 * (q + 1) * 0x1p-24 / (1 - (q + 1) * 0x1p-24);
    }

    @Override public boolean contributes() { return vr > 0; }

    @Override public int[] valueRows() { return valueRows; }

    @Override public int valueRowCount() { return vr; }

    @Override public float[] out() { return out; }

    /** Forget every decision (before a full recomputation). */
    void reset() {
        java.util.Arrays.fill(active, false);
        routing.clear();
        java.util.Arrays.fill(queryBound, 0.0);
    }

    /**
     * Brings the head up to date for input {@code in} (column-major n×d) whose columns outside
     * {@code changed} are as last time, and adds to {@code changedTargets} every column whose
     * output may differ. With {@code fresh}, every column counts as changed.
     */
    @Override public void update(float[] in, ColumnSet changed, boolean fresh, ColumnSet changedTargets) {
        keysChanged.clear();
        queriesChanged.clear();
        valuesChanged.clear();
        targets.clear();
        if (fresh) reset();
        for (int c = 0; c < changed.size(); c++) {
            int j = changed.get(c);
            System.arraycopy(kx, j * q, oldKeys, c * q, q);
            if (k.project(null, in, d, n, j, kx, kxT, q) || fresh) {
                keysChanged.add(j);
                keyShift[j] = fresh ? Double.NaN : shift(c, j);
            }
            if (!sameQK && (qm.project(null, in, d, n, j, qx, qxT, q) || fresh)) queriesChanged.add(j);
            if (v.project(valueRows, in, d, n, j, vx, null, vr) || fresh) valuesChanged.add(j);
        }
        if (fresh) targets.addRange(n);
        if (fresh) {
            for (int j = 0; j < n; j++) raiseQueryBound(j);
        } else {
            for (int c = 0; c < queriesChanged.size(); c++) raiseQueryBound(queriesChanged.get(c));
        }
        if (keysChanged.isEmpty() && queriesChanged.isEmpty() && valuesChanged.isEmpty() && !fresh) return;
        boolean batched = !queriesChanged.isEmpty() && queriesChanged.size() <= MERGE_LIMIT;
        if (batched) scoreChangedQueries();
        for (int i = 0; i < n; i++) {
            boolean keyChanged = keysChanged.contains(i);
            if (!keyChanged && (!active[i] || queriesChanged.isEmpty())) {
                if (active[i] && valuesChanged.contains(i)) markTargets(i);
                continue;
            }
            boolean wasActive = active[i], wasTied = tied[i];
            int oldBest = best[i], oldSecond = second[i];
            if (keyChanged) {
                active[i] = !AttentionRule.zeroKey(kx, i * q, q, 1);
                if (active[i] && (!wasActive || !rerank(i, keyShift[i], batched))) rescan(i);
            } else if (!rerank(i, 0.0, batched)) {
                rescan(i);
            }
            boolean same = wasActive == active[i]
                    && (!wasActive || (oldBest == best[i] && wasTied == tied[i] && (!wasTied || oldSecond == second[i])));
            if (!same) {
                if (wasActive) {
                    routing.detach(oldBest, i, targets);
                    if (wasTied) routing.detach(oldSecond, i, targets);
                }
                if (active[i]) {
                    routing.attach(best[i], i, targets);
                    if (tied[i]) routing.attach(second[i], i, targets);
                }
            } else if (active[i] && valuesChanged.contains(i)) {
                markTargets(i);
            }
        }
        for (int c = 0; c < targets.size(); c++) {
            int t = targets.get(c);
            routing.rebuild(t, out, vx, vr, halved);
            changedTargets.add(t);
        }
    }

    /**
     * mergeScores[c·n + i] = score(i, queriesChanged[c]) for every source i. Each lane does the
     * same float operations as {@link #score} in the same order (from +0, r ascending, k·q with
     * the same operands), so the values are bit-equal; only the loop nest differs.
     */
    private void scoreChangedQueries() {
        java.util.Arrays.fill(changedMax, Float.NEGATIVE_INFINITY);
        boolean nan = false;
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c), so = c * n, qo = j * q;
            changedSlot[j] = c;
            java.util.Arrays.fill(mergeScores, so, so + n, 0f);
            for (int r = 0; r < q; r++) {
                float qv = qx[qo + r];
                int ko = r * n;
                for (int i = 0; i < n; i++) mergeScores[so + i] += kxT[ko + i] * qv;
            }
            for (int i = 0; i < n; i++) {
                float v = mergeScores[so + i];
                changedMax[i] = v > changedMax[i] ? v : changedMax[i];
                nan |= v != v;
            }
        }
        changedNaN = nan;
    }

    /** Raises {@link #queryBound} to cover column j's query. */
    private void raiseQueryBound(int j) {
        int o = j * q;
        for (int r = 0; r < q; r++) queryBound[r] = Math.max(queryBound[r], Math.abs((double) qx[o + r]));
    }

    /**
     * A bound on |new score − old score| of source j (c-th changed column) against any target whose
     * query did not change: the exact change Σ|k'−k|·|q| plus the rounding error of both float
     * dot products (γ·Σ(|k'|+|k|)·|q|), with |q| bounded by {@link #queryBound}.
     */
    private double shift(int c, int j) {
        double move = 0, size = 0;
        int o = c * q, ko = j * q;
        for (int r = 0; r < q; r++) {
            double now = kx[ko + r], before = oldKeys[o + r], bound = queryBound[r];
            move += Math.abs(now - before) * bound;
            size += (Math.abs(now) + Math.abs(before)) * bound;
        }
        return (move + gamma * size) * (1 + 1e-9) + 1e-30;
    }

    // the running best two of rerank, and the first in rank of the scores (or the bound) that fell
    // out of them
    private int topJ1, topJ2, spillIndex;
    private float topS1, topS2;
    private double spill;

    private void offer(int j, float s) {
        if (topJ1 < 0 || AttentionRule.ranksBefore(s, j, topS1, topJ1)) {
            if (topJ2 >= 0) spill(topJ2, topS2);
            topJ2 = topJ1; topS2 = topS1; topJ1 = j; topS1 = s;
        } else if (topJ2 < 0 || AttentionRule.ranksBefore(s, j, topS2, topJ2)) {
            if (topJ2 >= 0) spill(topJ2, topS2);
            topJ2 = j; topS2 = s;
        } else {
            spill(j, s);
        }
    }

    private void spill(int j, double s) {
        if (s > spill || (s == spill && j < spillIndex)) {
            spill = s;
            spillIndex = j;
        }
    }

    /** Whether score s at target j ranks strictly before everything the spill bound covers. */
    private boolean beforeSpill(float s, int j) { return s > spill || (s == spill && j < spillIndex); }

    /**
     * Re-ranks active source i without a rescan. Its old best two (second only if known) and every
     * target whose query changed get exact scores, each bit-equal to what {@link #rescan} computes;
     * every other target scores at most rest[i] + {@code shift} (shift bounds how far a changed key
     * moved their scores; 0 when the key did not change). When the best two candidates both rank
     * strictly above everything else's bound, they are the best two of a full scan. When only the
     * best does, and even the bound on the rest is a whole tie gap below it, the decision (all to the
     * best) is still the full scan's; the second is then recorded as unknown. Otherwise returns
     * false and the caller rescans. A NaN anywhere makes it decline.
     */
    private boolean rerank(int i, double shift, boolean batched) {
        double bound = rest[i] + shift;
        if (Double.isNaN(bound)) return false;
        boolean keyChanged = keysChanged.contains(i);
        topJ1 = -1; topJ2 = -1; spill = bound;
        spillIndex = shift == 0.0 ? restIndex[i] : -1;
        int oldBest = best[i], oldSecond = second[i];
        if (batched && !keyChanged && !changedNaN && !queriesChanged.contains(oldBest) && !queriesChanged.contains(oldSecond)
                && unmovedBy(i, changedMax[i])) return true;
        float s = keyChanged || queriesChanged.contains(oldBest) ? exactScore(i, oldBest, batched) : bestScore[i];
        if (Float.isNaN(s)) return false;
        offer(oldBest, s);
        if (oldSecond >= 0) {
            s = keyChanged || queriesChanged.contains(oldSecond) ? exactScore(i, oldSecond, batched) : secondScore[i];
            if (Float.isNaN(s)) return false;
            offer(oldSecond, s);
        }
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c);
            if (j == oldBest || j == oldSecond) continue;
            s = batched ? mergeScores[c * n + i] : score(i, j);
            if (Float.isNaN(s)) return false;
            offer(j, s);
        }
        if (topJ2 >= 0 && beforeSpill(topS2, topJ2)) {
            decide(i, topJ1, topS1, topJ2, topS2);
            rest[i] = spill;
            restIndex[i] = spillIndex;
            return true;
        }
        if (topJ2 >= 0) spill(topJ2, topS2);
        float ceiling = (float) spill;
        if (ceiling < spill) ceiling = Math.nextUp(ceiling);
        if (beforeSpill(topS1, topJ1) && !AttentionRule.tied(topS1, ceiling)) {
            decide(i, topJ1, topS1, -1, ceiling);
            rest[i] = spill;
            restIndex[i] = spillIndex;
            return true;
        }
        return false;
    }

    /**
     * The common case of {@link #rerank}: key, best and second unchanged, and every changed query
     * scoring at most {@code top} (not NaN). When that stays strictly below the second (or, with
     * the second unknown, a whole tie gap below the best and below it in rank), nothing about the
     * decision changes and {@code top} only joins the bound on the rest.
     */
    private boolean unmovedBy(int i, float top) {
        double others = rest[i];
        if (second[i] >= 0) {
            if (!(secondScore[i] > top)) return false;
        } else {
            double bound = Math.max(others, top);
            float ceiling = (float) bound;
            if (ceiling < bound) ceiling = Math.nextUp(ceiling);
            if (!(bestScore[i] > bound) || AttentionRule.tied(bestScore[i], ceiling)) return false;
        }
        if (top >= others) {
            rest[i] = top;
            restIndex[i] = -1;
        }
        return true;
    }

    /** score(i, j) with the current key and query, from the batch when it holds it. */
    private float exactScore(int i, int j, boolean batched) {
        return batched && queriesChanged.contains(j) ? mergeScores[changedSlot[j] * n + i] : score(i, j);
    }

    private float score(int i, int j) {
        float acc = 0f;
        int ko = i * q, qo = j * q;
        for (int r = 0; r < q; r++) acc += kx[ko + r] * qx[qo + r];
        return acc;
    }

    /**
     * Scores source i against every target. Each target's lane does {@link #score}'s operations in
     * its order (from +0, r ascending, kx·qx), so the scores are bit-equal to it; the loop runs
     * over targets innermost so that the lanes vectorise.
     */
    private void rescan(int i) {
        java.util.Arrays.fill(scores, 0f);
        int ko = i * q;
        for (int r = 0; r < q; r++) {
            float kv = kx[ko + r];
            int qo = r * n;
            for (int j = 0; j < n; j++) scores[j] += kv * qxT[qo + j];
        }
        AttentionRule.top2(scores, n, top);
        decide(i, top.best, top.bestScore, top.second, top.secondScore);
        // the best score among the others bounds them for rerank (NaN if any is NaN)
        if (top.best >= 0) scores[top.best] = Float.NEGATIVE_INFINITY;
        if (top.second >= 0) scores[top.second] = Float.NEGATIVE_INFINITY;
        float others = Float.NEGATIVE_INFINITY;
        int at = -1;
        boolean nan = false;
        for (int j = 0; j < n; j++) {
            float v = scores[j];
            if (v > others) { others = v; at = j; }
            nan |= v != v;
        }
        rest[i] = nan ? Double.NaN : others;
        restIndex[i] = at;
    }

    private void decide(int i, int j1, float s1, int j2, float s2) {
        best[i] = j1;
        second[i] = j2;
        bestScore[i] = s1;
        secondScore[i] = s2;
        tied[i] = AttentionRule.tied(s1, s2);
    }

    private void markTargets(int i) {
        targets.add(best[i]);
        if (tied[i]) targets.add(second[i]);
    }
}
