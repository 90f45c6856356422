package tc.c.lower;

/** Hands out variable ids, unique across the whole program (user code and run-time library). */
final class VarIds {
    private int next;

    int next() { return next++; }
}
