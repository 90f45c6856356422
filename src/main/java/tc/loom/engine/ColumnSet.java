package tc.loom.engine;

/** A set of column indices with O(1) add/contains and cheap clearing, iterated in insertion order. */
final class ColumnSet {
    private final boolean[] member;
    private final int[] items;
    private int size;

    ColumnSet(int n) {
        member = new boolean[n];
        items = new int[n];
    }

    void add(int j) {
        if (!member[j]) {
            member[j] = true;
            items[size++] = j;
        }
    }

    void addAll(ColumnSet other) {
        for (int k = 0; k < other.size; k++) add(other.items[k]);
    }

    boolean contains(int j) { return j >= 0 && member[j]; }

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    int get(int k) { return items[k]; }

    void clear() {
        for (int k = 0; k < size; k++) member[items[k]] = false;
        size = 0;
    }

    void addRange(int n) {
        for (int j = 0; j < n; j++) add(j);
    }
}
