package tc.loom.engine;

import tc.loom.transformer.AttentionHead;

/**
 * One argmax head for {@link FastPass}: the same decisions as a full scan of every (source,
 * target) score, found through an index over the attention keys instead of n-column scans.
 *
 * <p><b>What a source's decision needs.</b> A source sends to its best target, and also to its
 * second when the two are tied (closer than {@link AttentionRule#TIE_GAP}). So each active source
 * keeps its best (score and column) and its <i>partner</i>: the second when tied, else none. When
 * there is no partner every other target scores at least 1 below the best (real arithmetic), so a
 * target whose score is at most best − 1 can never change the decision.
 *
 * <p><b>The index.</b> Columns are grouped in blocks of {@link #BLOCK} consecutive columns; per
 * block and query row the index keeps the least and greatest query value (a bounding box), and
 * the same for keys. For any key, Σ_r max(k_r·min_r, k_r·max_r) plus the float dot product's
 * rounding bound (γ_q·Σ|k_r|·max|box_r|, Higham's bound for q-term recursive summation) is at least
 * the float score of every column in the block. A source's new decision scans only the blocks
 * whose bound exceeds (best so far) − 1; a changed query visits only the blocks of sources whose
 * bound exceeds that block's least best − 1. Loom's keys are bipolar position codes and tags, so a
 * block of 32 consecutive columns shares its high address bits and nearly every block's bound
 * falls at least 2 below the best: a decision costs a few dozen scores instead of n.
 *
 * <p><b>Exactness.</b> Every score is computed by {@link #score}, the dense engine's operations in
 * its order, so scores are bit-equal to dense's; the bounds only decide which scores to compute.
 * Ranking is the scan's (higher score first, lower column on equal scores), a total order on
 * finite scores, so scanning blocks in any order finds the scan's best two. The bounds need finite
 * scores that fit a double's exact range; when any key or query value is non-finite or larger
 * than 2^20 in magnitude, the head falls back to full scans of every source
 * ({@link AttentionRule#top2}, the dense rule itself) until the values are tame again.
 */
final class IndexedHead implements IncrementalHead {
    /** Columns per index block. */
    static final int BLOCK = 32;
    /** Blocks per super-block: a first, coarser level of bounds, so a decision bounds n/256 + a few blocks, not n/32. */
    static final int SUPER = 8;
    /** Key and query values at most this large keep every score finite and exactly comparable in double. */
    private static final float TAME = 0x1p20f;

    private final int d, n, q, vr, blocks, supers;
    private final Csr k, qm, v;
    private final boolean sameQK;
    private final int[] valueRows;
    private final float[] out;
    private final float[] kx, qx, vx;
    // kx and qx again, row-major (r·n + j): a block's 32 scores then run as independent lanes
    // that the JIT vectorises, each lane doing score()'s operations in score()'s order
    private final float[] kxT, qxT;
    private final float[] lane = new float[BLOCK];
    private final float[] qMin, qMax, kMin, kMax;   // blocks × q bounding boxes
    private final double[] minBest;                 // per block: least best score of its active sources (+∞ if none)
    private final float[] sqMin, sqMax, skMin, skMax; // supers × q: the union of their blocks' boxes
    private final double[] superMinBest;            // per super-block: least of its blocks' minBest
    private final boolean[] superDirty, superBestDirty;
    private final double[] superBound;
    private final double gamma;
    private final boolean[] active, wild;
    private int wildCount;
    private final int[] best, partner;
    private final float[] bestScore, partnerScore;
    // each changed source's decision at the start of the step, to re-route it once at the end
    private final int[] oldBest, oldPartner;
    private final boolean[] wasActive;
    private final Routing routing;
    /** Whether source i splits its value between two targets (one predicate, made once). */
    private final java.util.function.IntPredicate halved;
    private final ColumnSet keysChanged, queriesChanged, valuesChanged, revisit, touched, targets;
    private final boolean[] queryBlockDirty, keyBlockDirty, bestBlockDirty;
    private final double[] blockBound;
    private final float[] scores;                   // n, for full scans
    private final AttentionRule.Top2 top = new AttentionRule.Top2();
    /** Counters for the index-versus-scan check and for {@code tc bench}'s curiosity. */
    long scoresComputed, fullScans;

    private final boolean check;

    /** @param check verify every decision the index makes against a full scan (see {@link FastPass#FastPass(tc.loom.transformer.LoomModel, boolean)}) */
    IndexedHead(AttentionHead head, int d, int n, boolean check) {
        this.check = check;
        this.d = d;
        this.n = n;
        this.k = new Csr(head.k());
        this.sameQK = head.q().equals(head.k());
        this.qm = sameQK ? k : new Csr(head.q());
        this.q = k.rows;
        this.v = new Csr(head.v());
        this.valueRows = v.nonEmptyRows();
        this.vr = valueRows.length;
        this.blocks = (n + BLOCK - 1) / BLOCK;
        this.supers = (blocks + SUPER - 1) / SUPER;
        out = new float[n * vr];
        kx = new float[n * q];
        qx = sameQK ? kx : new float[n * q];
        kxT = new float[q * n];
        qxT = sameQK ? kxT : new float[q * n];
        vx = new float[n * vr];
        qMin = new float[blocks * q];
        qMax = new float[blocks * q];
        kMin = sameQK ? qMin : new float[blocks * q];
        kMax = sameQK ? qMax : new float[blocks * q];
        minBest = new double[blocks];
        sqMin = new float[supers * q];
        sqMax = new float[supers * q];
        skMin = sameQK ? sqMin : new float[supers * q];
        skMax = sameQK ? sqMax : new float[supers * q];
        superMinBest = new double[supers];
        superDirty = new boolean[supers];
        superBestDirty = new boolean[supers];
        superBound = new double[supers];
        gamma = 2.0 * (q + 1) * 0x1p-24 / (1 - (q + 1) * 0x1p-24);
        active = new boolean[n];
        wild = new boolean[n];
        best = new int[n];
        partner = new int[n];
        bestScore = new float[n];
        partnerScore = new float[n];
        oldBest = new int[n];
        oldPartner = new int[n];
        wasActive = new boolean[n];
        routing = new Routing(n);
        halved = i -> partner[i] >= 0;
        keysChanged = new ColumnSet(n);
        queriesChanged = sameQK ? keysChanged : new ColumnSet(n);
        valuesChanged = new ColumnSet(n);
        revisit = new ColumnSet(n);
        touched = new ColumnSet(n);
        targets = new ColumnSet(n);
        queryBlockDirty = new boolean[blocks];
        keyBlockDirty = sameQK ? queryBlockDirty : new boolean[blocks];
        bestBlockDirty = new boolean[blocks];
        blockBound = new double[blocks];
        scores = new float[n];
    }

    @Override public boolean contributes() { return vr > 0; }

    @Override public int[] valueRows() { return valueRows; }

    @Override public int valueRowCount() { return vr; }

    @Override public float[] out() { return out; }

    @Override public void update(float[] in, ColumnSet changed, boolean fresh, ColumnSet changedTargets) {
        keysChanged.clear();
        queriesChanged.clear();
        valuesChanged.clear();
        revisit.clear();
        touched.clear();
        targets.clear();
        if (fresh) {
            java.util.Arrays.fill(active, false);
            routing.clear();
            java.util.Arrays.fill(wild, false);
            wildCount = 0;
        }
        for (int c = 0; c < changed.size(); c++) {
            int j = changed.get(c);
            boolean keyMoved = k.project(null, in, d, n, j, kx, kxT, q) || fresh;
            boolean queryMoved = sameQK ? keyMoved : qm.project(null, in, d, n, j, qx, qxT, q) || fresh;
            if (keyMoved) {
                keysChanged.add(j);
                keyBlockDirty[j / BLOCK] = true;
            }
            if (queryMoved) {
                queriesChanged.add(j);
                queryBlockDirty[j / BLOCK] = true;
            }
            if (keyMoved || queryMoved) setWild(j, !tame(kx, j) || !tame(qx, j));
            if (v.project(valueRows, in, d, n, j, vx, null, vr) || fresh) valuesChanged.add(j);
        }
        if (!fresh && keysChanged.isEmpty() && queriesChanged.isEmpty() && valuesChanged.isEmpty()) return;
        refreshBoxes();
        if (fresh || wildCount > 0) {
            // every source re-decided (through the index when the values allow it)
            for (int i = 0; i < n; i++) revisit(i);
        } else {
            for (int c = 0; c < keysChanged.size(); c++) revisit(keysChanged.get(c));
            for (int c = 0; c < queriesChanged.size(); c++) {
                int t = queriesChanged.get(c);
                for (int e = 0; e < routing.count(t); e++) revisit(routing.source(t, e));
            }
            for (int c = 0; c < queriesChanged.size(); c++) offerChangedQuery(queriesChanged.get(c));
        }
        boolean scan = wildCount > 0;
        for (int c = 0; c < revisit.size(); c++) {
            int i = revisit.get(c);
            bestBlockDirty[i / BLOCK] = true;
            active[i] = !AttentionRule.zeroKey(kx, i * q, q, 1);
            if (!active[i]) continue;
            if (scan) fullScan(i);
            else indexedScan(i);
        }
        if (check && !scan) for (int c = 0; c < touched.size(); c++) checkDecision(touched.get(c));
        route();
        refreshMinBest();
        for (int c = 0; c < targets.size(); c++) {
            int t = targets.get(c);
            routing.rebuild(t, out, vx, vr, halved);
            changedTargets.add(t);
        }
    }

    /** Whether every value of column j's row-block in {@code m} is finite and at most {@link #TAME}. */
    private boolean tame(float[] m, int j) {
        int o = j * q;
        for (int r = 0; r < q; r++) if (!(Math.abs(m[o + r]) <= TAME)) return false;
        return true;
    }

    private void setWild(int j, boolean now) {
        if (wild[j] != now) {
            wild[j] = now;
            wildCount += now ? 1 : -1;
        }
    }

    /** Notes source i's decision before this step's changes, once. */
    private void remember(int i) {
        if (touched.contains(i)) return;
        touched.add(i);
        wasActive[i] = active[i];
        oldBest[i] = best[i];
        oldPartner[i] = partner[i];
    }

    private void revisit(int i) {
        remember(i);
        revisit.add(i);
    }

    /**
     * Target t's query changed: every source not being re-decided anyway, in a block whose bound
     * can reach its best − 1, gets t's new score and keeps or changes its decision by the scan's
     * rule. A source's other targets all rank after its best (and, without a partner, at least 1
     * below), so a new best makes the old best the second, and a score tied with the best becomes
     * the partner when it ranks before the present one.
     */
    private void offerChangedQuery(int t) {
        int qo = t * q;
        for (int g = 0; g < supers; g++) {
            if (superMinBest[g] == Double.POSITIVE_INFINITY) continue;
            int from = g * SUPER, to = Math.min(blocks, from + SUPER);
            if (bound(skMin, skMax, g, qx, qo) <= superMinBest[g] - 1.0) {
                if (check) for (int b = from; b < to; b++) checkPruned(b, t);
                continue;
            }
            for (int b = from; b < to; b++) offerToBlock(t, qo, b);
        }
    }

    private void offerToBlock(int t, int qo, int b) {
        {
            if (minBest[b] == Double.POSITIVE_INFINITY) return;
            if (bound(kMin, kMax, b, qx, qo) <= minBest[b] - 1.0) {
                if (check) checkPruned(b, t);
                return;
            }
            int count = blockScores(kxT, b, qx, qo);
            for (int c = 0; c < count; c++) {
                int i = b * BLOCK + c;
                if (!active[i] || revisit.contains(i)) continue;
                float s = lane[c];
                float b1 = bestScore[i];
                if (AttentionRule.ranksBefore(s, t, b1, best[i])) {
                    remember(i);
                    partner[i] = AttentionRule.tied(s, b1) ? best[i] : -1;
                    partnerScore[i] = b1;
                    best[i] = t;
                    bestScore[i] = s;
                    bestBlockDirty[b] = true;
                } else if (AttentionRule.tied(b1, s) && (partner[i] < 0 || AttentionRule.ranksBefore(s, t, partnerScore[i], partner[i]))) {
                    remember(i);
                    partner[i] = t;
                    partnerScore[i] = s;
                }
            }
        }
    }

    // the running best two of indexedScan
    private int j1, j2;
    private float s1, s2;

    /**
     * Source i's best and partner over all targets: the super-block with the highest bound
     * first, in it the block with the highest bound first, then every (super-)block whose bound
     * exceeds the best so far − 1. Targets in the others score at most best − 1, so they can
     * neither rank first nor tie with the best; and a tied second (score above best − 1) is never
     * in them, so the best two scanned are the decision.
     */
    private void indexedScan(int i) {
        int ko = i * q, first = 0;
        for (int g = 0; g < supers; g++) {
            superBound[g] = bound(sqMin, sqMax, g, kx, ko);
            if (superBound[g] > superBound[first]) first = g;
        }
        j1 = -1;
        j2 = -1;
        scanSuper(first, ko);
        for (int g = 0; g < supers; g++) if (g != first && superBound[g] > (double) s1 - 1.0) scanSuper(g, ko);
        decide(i, j1, s1, j2, s2);
    }

    private void scanSuper(int g, int ko) {
        int from = g * SUPER, to = Math.min(blocks, from + SUPER), first = from;
        for (int b = from; b < to; b++) {
            blockBound[b] = bound(qMin, qMax, b, kx, ko);
            if (blockBound[b] > blockBound[first]) first = b;
        }
        if (j1 < 0 || blockBound[first] > (double) s1 - 1.0) scanBlock(first, ko);
        for (int b = from; b < to; b++) if (b != first && blockBound[b] > (double) s1 - 1.0) scanBlock(b, ko);
    }

    private void scanBlock(int b, int ko) {
        int count = blockScores(qxT, b, kx, ko);
        for (int c = 0; c < count; c++) {
            int j = b * BLOCK + c;
            float s = lane[c];
            if (j1 < 0 || AttentionRule.ranksBefore(s, j, s1, j1)) {
                j2 = j1; s2 = s1; j1 = j; s1 = s;
            } else if (j2 < 0 || AttentionRule.ranksBefore(s, j, s2, j2)) {
                j2 = j; s2 = s;
            }
        }
    }

    /** Check mode: a block the index skipped for target t holds no source whose decision t changes. */
    private void checkPruned(int b, int t) {
        int end = Math.min(n, (b + 1) * BLOCK);
        for (int i = b * BLOCK; i < end; i++) {
            if (!active[i] || revisit.contains(i)) continue;
            float s = score(i, t);
            if (AttentionRule.ranksBefore(s, t, bestScore[i], best[i]) || AttentionRule.tied(bestScore[i], s))
                throw new IllegalStateException("index skipped block " + b + " for target " + t + ", but source " + i + " scores " + s
                        + " against best " + bestScore[i]);
        }
    }

    /** Check mode: source i's decision equals the full scan's. */
    private void checkDecision(int i) {
        boolean on = !AttentionRule.zeroKey(kx, i * q, q, 1);
        if (on != active[i]) throw new IllegalStateException("source " + i + ": active " + active[i] + ", the key says " + on);
        if (!on) return;
        for (int j = 0; j < n; j++) scores[j] = score(i, j);
        AttentionRule.top2(scores, n, top);
        int p = top.second >= 0 && AttentionRule.tied(top.bestScore, top.secondScore) ? top.second : -1;
        if (top.best != best[i] || p != partner[i])
            throw new IllegalStateException("source " + i + ": the index decided best " + best[i] + ", partner " + partner[i]
                    + "; the full scan decides best " + top.best + ", partner " + p);
    }

    /** Every active source's decision against a full scan (n² scores; for tests). */
    void checkAllDecisions() {
        for (int i = 0; i < n; i++) checkDecision(i);
    }

    /** Source i against every target, by the dense rule's own top-2 scan. */
    private void fullScan(int i) {
        fullScans++;
        for (int j = 0; j < n; j++) scores[j] = score(i, j);
        AttentionRule.top2(scores, n, top);
        decide(i, top.best, top.bestScore, top.second, top.secondScore);
    }

    private void decide(int i, int j1, float s1, int j2, float s2) {
        best[i] = j1;
        bestScore[i] = s1;
        boolean tied = j2 >= 0 && AttentionRule.tied(s1, s2);
        partner[i] = tied ? j2 : -1;
        partnerScore[i] = tied ? s2 : Float.NEGATIVE_INFINITY;
    }

    /**
     * An upper bound on the float score of {@code vec} (q values from {@code vo}) against every
     * column of block b, whose values lie in [lo, hi] row by row.
     */
    private double bound(float[] lo, float[] hi, int b, float[] vec, int vo) {
        double sum = 0, size = 0;
        int o = b * q;
        for (int r = 0; r < q; r++) {
            double x = vec[vo + r], l = lo[o + r], h = hi[o + r];
            sum += Math.max(x * l, x * h);
            size += Math.abs(x) * Math.max(Math.abs(l), Math.abs(h));
        }
        // the double sum's own rounding is far below the float bound's slack (1e-9 relative)
        return sum + (gamma * size) * (1 + 1e-9) + 1e-30;
    }

    /** Re-derives the bounding boxes of the blocks whose columns changed. */
    private void refreshBoxes() {
        for (int b = 0; b < blocks; b++) {
            if (!queryBlockDirty[b] && !keyBlockDirty[b]) continue;
            superDirty[b / SUPER] = true;
            if (queryBlockDirty[b]) box(qx, qMin, qMax, b);
            if (!sameQK && keyBlockDirty[b]) box(kx, kMin, kMax, b);
            queryBlockDirty[b] = false;
            keyBlockDirty[b] = false;
        }
        for (int g = 0; g < supers; g++) {
            if (!superDirty[g]) continue;
            superDirty[g] = false;
            union(qMin, qMax, sqMin, sqMax, g);
            if (!sameQK) union(kMin, kMax, skMin, skMax, g);
        }
    }

    /** Super-block g's box: the least and greatest of its blocks' boxes, row by row. */
    private void union(float[] lo, float[] hi, float[] superLo, float[] superHi, int g) {
        int from = g * SUPER, to = Math.min(blocks, from + SUPER), o = g * q;
        for (int r = 0; r < q; r++) {
            float l = Float.POSITIVE_INFINITY, h = Float.NEGATIVE_INFINITY;
            for (int b = from; b < to; b++) {
                l = Math.min(l, lo[b * q + r]);
                h = Math.max(h, hi[b * q + r]);
            }
            superLo[o + r] = l;
            superHi[o + r] = h;
        }
    }

    private void box(float[] m, float[] lo, float[] hi, int b) {
        int o = b * q, end = Math.min(n, (b + 1) * BLOCK);
        for (int r = 0; r < q; r++) {
            float l = Float.POSITIVE_INFINITY, h = Float.NEGATIVE_INFINITY;
            for (int j = b * BLOCK; j < end; j++) {
                float x = m[j * q + r];
                l = Math.min(l, x);
                h = Math.max(h, x);
            }
            lo[o + r] = l;
            hi[o + r] = h;
        }
    }

    private void refreshMinBest() {
        for (int b = 0; b < blocks; b++) {
            if (!bestBlockDirty[b]) continue;
            bestBlockDirty[b] = false;
            superBestDirty[b / SUPER] = true;
            double least = Double.POSITIVE_INFINITY;
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) if (active[i]) least = Math.min(least, bestScore[i]);
            minBest[b] = least;
        }
        for (int g = 0; g < supers; g++) {
            if (!superBestDirty[g]) continue;
            superBestDirty[g] = false;
            double least = Double.POSITIVE_INFINITY;
            for (int b = g * SUPER; b < Math.min(blocks, (g + 1) * SUPER); b++) least = Math.min(least, minBest[b]);
            superMinBest[g] = least;
        }
    }

    /** Moves every source whose decision changed between its old and new targets; marks the targets to rebuild. */
    private void route() {
        for (int c = 0; c < touched.size(); c++) {
            int i = touched.get(c);
            boolean was = wasActive[i], now = active[i];
            boolean same = was == now && (!was || (oldBest[i] == best[i] && oldPartner[i] == partner[i]));
            if (!same) {
                if (was) {
                    routing.detach(oldBest[i], i, targets);
                    if (oldPartner[i] >= 0) routing.detach(oldPartner[i], i, targets);
                }
                if (now) {
                    routing.attach(best[i], i, targets);
                    if (partner[i] >= 0) routing.attach(partner[i], i, targets);
                }
            }
        }
        for (int c = 0; c < valuesChanged.size(); c++) {
            int i = valuesChanged.get(c);
            if (!active[i]) continue;
            targets.add(best[i]);
            if (partner[i] >= 0) targets.add(partner[i]);
        }
    }

    private float score(int i, int j) {
        scoresComputed++;
        float acc = 0f;
        int ko = i * q, qo = j * q;
        for (int r = 0; r < q; r++) acc += kx[ko + r] * qx[qo + r];
        return acc;
    }

    /**
     * lane[c] = score of {@code vec} (q values from {@code vo}) against column b·BLOCK + c of the
     * row-major {@code m}, for the block's columns: from +0, r ascending, one product per row, as
     * {@link #score} (a product is commutative, so k·q and q·k are the same bits).
     */
    private int blockScores(float[] m, int b, float[] vec, int vo) {
        int first = b * BLOCK, count = Math.min(n, first + BLOCK) - first;
        java.util.Arrays.fill(lane, 0f);
        for (int r = 0; r < q; r++) {
            float x = vec[vo + r];
            int ro = r * n + first;
            for (int c = 0; c < count; c++) lane[c] += m[ro + c] * x;
        }
        scoresComputed += count;
        return count;
    }
}
