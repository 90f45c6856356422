package tc.transformer.engine;

import tc.transformer.AttentionHead;

/**
 * One argmax head kept up to date incrementally. It caches, per column, the key K·x_j, the query
 * Q·x_j (the same array when Q == K, as in every Loom head, so it is computed once), the value
 * rows of V·x_j that V can make non-zero, each source's current top-2 decision, and the head's
 * output per target column.
 *
 * <p>A step only recomputes what a changed input column can affect. A source whose key did not
 * change keeps its ranking except against targets whose query changed: if its two best targets
 * are unchanged, the new best two are the best two of {old best two} ∪ {changed targets}, which is
 * exact; if one of its best two changed it is rescanned over all n targets. A target's output is
 * rebuilt (from its incoming sources, in ascending source order like the dense scatter) whenever
 * a source that sends to it changed its decision or its value. The result is the dense rule's
 * result bit for bit.
 */
final class SparseHead {
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
    private final int[][] incoming;
    private final int[] incomingCount;
    private final ColumnSet keysChanged, queriesChanged, valuesChanged, targets;

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
        incoming = new int[n][2];
        incomingCount = new int[n];
        keysChanged = new ColumnSet(n);
        queriesChanged = sameQK ? keysChanged : new ColumnSet(n);
        valuesChanged = new ColumnSet(n);
        targets = new ColumnSet(n);
    }

    /** A head whose V is empty adds nothing; the engine drops it. */
    boolean contributes() { return vr > 0; }

    int[] valueRows() { return valueRows; }

    int valueRowCount() { return vr; }

    /** Forget every decision (before a full recomputation). */
    void reset() {
        java.util.Arrays.fill(active, false);
        java.util.Arrays.fill(incomingCount, 0);
    }

    /**
     * Brings the head up to date for input {@code in} (column-major n×d) whose columns outside
     * {@code changed} are as last time, and adds to {@code changedTargets} every column whose
     * output may differ. With {@code fresh}, every column counts as changed.
     */
    void update(float[] in, ColumnSet changed, boolean fresh, ColumnSet changedTargets) {
        keysChanged.clear();
        queriesChanged.clear();
        valuesChanged.clear();
        targets.clear();
        if (fresh) reset();
        for (int c = 0; c < changed.size(); c++) {
            int j = changed.get(c);
            if (project(k, null, in, j, kx, kxT, q) || fresh) keysChanged.add(j);
            if (!sameQK && (project(qm, null, in, j, qx, qxT, q) || fresh)) queriesChanged.add(j);
            if (project(v, valueRows, in, j, vx, null, vr) || fresh) valuesChanged.add(j);
        }
        if (fresh) targets.addRange(n);
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
                if (active[i]) rescan(i);
            } else if (queriesChanged.contains(best[i]) || queriesChanged.contains(second[i])) {
                if (!batched || !promote(i)) rescan(i);
            } else {
                if (batched) mergeBatched(i); else merge(i);
            }
            boolean same = wasActive == active[i]
                    && (!wasActive || (oldBest == best[i] && wasTied == tied[i] && (!wasTied || oldSecond == second[i])));
            if (!same) {
                if (wasActive) {
                    detach(oldBest, i);
                    if (wasTied) detach(oldSecond, i);
                }
                if (active[i]) {
                    attach(best[i], i);
                    if (tied[i]) attach(second[i], i);
                }
            } else if (active[i] && valuesChanged.contains(i)) {
                markTargets(i);
            }
        }
        for (int c = 0; c < targets.size(); c++) {
            int t = targets.get(c);
            rebuild(t);
            changedTargets.add(t);
        }
    }

    /**
     * cache[j] = M·x_j (rows {@code rows}, or all rows when null), mirrored into the row-major
     * {@code transposed} when given; whether any value's bits changed.
     */
    private boolean project(Csr m, int[] rows, float[] in, int j, float[] cache, float[] transposed, int count) {
        boolean changed = false;
        int o = j * count;
        for (int c = 0; c < count; c++) {
            float value = m.dot(rows == null ? c : rows[c], in, j * d);
            if (Float.floatToRawIntBits(value) != Float.floatToRawIntBits(cache[o + c])) {
                cache[o + c] = value;
                if (transposed != null) transposed[c * n + j] = value;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * mergeScores[c·n + i] = score(i, queriesChanged[c]) for every source i. Each lane does the
     * same float operations as {@link #score} in the same order (from +0, r ascending, k·q with
     * the same operands), so the values are bit-equal; only the loop nest differs.
     */
    private void scoreChangedQueries() {
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c), so = c * n, qo = j * q;
            changedSlot[j] = c;
            java.util.Arrays.fill(mergeScores, so, so + n, 0f);
            for (int r = 0; r < q; r++) {
                float qv = qx[qo + r];
                int ko = r * n;
                for (int i = 0; i < n; i++) mergeScores[so + i] += kxT[ko + i] * qv;
            }
        }
    }

    /**
     * Source i (key unchanged) whose best or second target changed its query: when both of them
     * still rank at or before the old second (old score, index), every unchanged other target,
     * which ranked strictly after the old second, ranks after both; so the new best two are the
     * best two of {old best, old second, changed targets} with their new scores, which is what a
     * full rescan would find. This rests on the ranking being a strict total order, as
     * {@link #merge} does; a NaN score anywhere involved makes it decline. Returns false (nothing
     * done) when the premise fails, and the caller rescans.
     */
    private boolean promote(int i) {
        int j1 = best[i], j2 = second[i];
        float old2 = secondScore[i];
        if (j2 < 0 || Float.isNaN(old2) || Float.isNaN(bestScore[i])) return false;
        float s1 = queriesChanged.contains(j1) ? mergeScores[changedSlot[j1] * n + i] : bestScore[i];
        float s2 = queriesChanged.contains(j2) ? mergeScores[changedSlot[j2] * n + i] : old2;
        if (!atOrBefore(s1, j1, old2, j2) || !atOrBefore(s2, j2, old2, j2)) return false;
        int b1 = j1, b2 = j2;
        if (AttentionRule.ranksBefore(s2, j2, s1, j1)) {
            b1 = j2; b2 = j1;
            float t = s1; s1 = s2; s2 = t;
        }
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c);
            if (j == j1 || j == j2) continue;
            float s = mergeScores[c * n + i];
            if (Float.isNaN(s)) return false;
            if (AttentionRule.ranksBefore(s, j, s1, b1)) {
                b2 = b1; s2 = s1; b1 = j; s1 = s;
            } else if (AttentionRule.ranksBefore(s, j, s2, b2)) {
                b2 = j; s2 = s;
            }
        }
        decide(i, b1, s1, b2, s2);
        return true;
    }

    private static boolean atOrBefore(float s, int j, float ref, int refIndex) {
        return !Float.isNaN(s) && (AttentionRule.ranksBefore(s, j, ref, refIndex) || (j == refIndex && s == ref));
    }

    /** {@link #merge} with the scores precomputed by {@link #scoreChangedQueries}. */
    private void mergeBatched(int i) {
        int j1 = best[i], j2 = second[i];
        float s1 = bestScore[i], s2 = secondScore[i];
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c);
            float s = mergeScores[c * n + i];
            if (AttentionRule.ranksBefore(s, j, s1, j1)) {
                j2 = j1; s2 = s1; j1 = j; s1 = s;
            } else if (AttentionRule.ranksBefore(s, j, s2, j2)) {
                j2 = j; s2 = s;
            }
        }
        decide(i, j1, s1, j2, s2);
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
    }

    private void merge(int i) {
        int j1 = best[i], j2 = second[i];
        float s1 = bestScore[i], s2 = secondScore[i];
        for (int c = 0; c < queriesChanged.size(); c++) {
            int j = queriesChanged.get(c);
            float s = score(i, j);
            if (AttentionRule.ranksBefore(s, j, s1, j1)) {
                j2 = j1; s2 = s1; j1 = j; s1 = s;
            } else if (AttentionRule.ranksBefore(s, j, s2, j2)) {
                j2 = j; s2 = s;
            }
        }
        decide(i, j1, s1, j2, s2);
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

    /** Adds source i to target t's incoming list, keeping it sorted. */
    private void attach(int t, int i) {
        int count = incomingCount[t];
        int[] list = incoming[t];
        if (count == list.length) incoming[t] = list = java.util.Arrays.copyOf(list, count * 2);
        int at = count;
        while (at > 0 && list[at - 1] > i) {
            list[at] = list[at - 1];
            at--;
        }
        list[at] = i;
        incomingCount[t] = count + 1;
        targets.add(t);
    }

    private void detach(int t, int i) {
        int count = incomingCount[t];
        int[] list = incoming[t];
        int at = 0;
        while (at < count && list[at] != i) at++;
        if (at == count) throw new IllegalStateException("source " + i + " not in target " + t + "'s list");
        System.arraycopy(list, at + 1, list, at, count - at - 1);
        incomingCount[t] = count - 1;
        targets.add(t);
    }

    /** out[t] = Σ over t's sources in ascending order of ½·V·x_i (tied) or V·x_i, from +0. */
    private void rebuild(int t) {
        int o = t * vr;
        java.util.Arrays.fill(out, o, o + vr, 0f);
        int[] list = incoming[t];
        for (int e = 0; e < incomingCount[t]; e++) {
            int i = list[e];
            int vo = i * vr;
            if (tied[i]) {
                for (int c = 0; c < vr; c++) out[o + c] += 0.5f * vx[vo + c];
            } else {
                for (int c = 0; c < vr; c++) out[o + c] += vx[vo + c];
            }
        }
    }
}
