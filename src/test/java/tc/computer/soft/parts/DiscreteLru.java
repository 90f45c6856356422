package tc.computer.soft.parts;

/**
 * An independent discrete LRU directory, written from the seed contract with timestamps (not ages):
 * free lines first, lowest index first, else the least recently used line; a hit refreshes it.
 * The reference the soft parts are compared with.
 */
final class DiscreteLru {
    final int[] tag;
    final boolean[] valid;
    /** Index of the access that last used the line; −1 when never. */
    final long[] lastUse;
    long clock;

    DiscreteLru(int lines) {
        tag = new int[lines];
        valid = new boolean[lines];
        lastUse = new long[lines];
        java.util.Arrays.fill(lastUse, -1);
    }

    /** The line holding {@code t}, or −1. */
    int find(int t) {
        for (int l = 0; l < tag.length; l++) if (valid[l] && tag[l] == t) return l;
        return -1;
    }

    int victim() {
        for (int l = 0; l < tag.length; l++) if (!valid[l]) return l;
        int best = 0;
        for (int l = 1; l < tag.length; l++) if (lastUse[l] < lastUse[best]) best = l;
        return best;
    }

    /** One access; returns whether it hit. */
    boolean access(int t) {
        int l = find(t);
        boolean hit = l >= 0;
        if (!hit) {
            l = victim();
            tag[l] = t;
            valid[l] = true;
        }
        lastUse[l] = clock++;
        return hit;
    }

    /** The soft directory's age of line l: accesses since its last use (since the start when never used). */
    long age(int l) { return clock - (lastUse[l] + 1); }
}
