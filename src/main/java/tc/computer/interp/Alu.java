package tc.computer.interp;

import tc.computer.engine.TcState;

/**
 * The flag-setting arithmetic of the ISA, shared by both discrete machines ({@link TcMachine} and
 * {@link SeedMachine}) so that the definition of Z, N, C and V exists once. Each method returns
 * the result and writes the four flags into {@code flags} (indexed by {@link TcState#Z} etc.).
 */
final class Alu {
    private Alu() {}

    /** a + b; C = unsigned carry out, V = signed overflow. */
    static int add(int a, int b, int[] flags) {
        int r = a + b;
        zn(r, flags);
        flags[TcState.C] = Integer.compareUnsigned(r, a) < 0 ? 1 : 0;
        flags[TcState.V] = ((a ^ r) & (b ^ r)) < 0 ? 1 : 0;
        return r;
    }

    /** a − b (also CMP); C = unsigned borrow, V = signed overflow. */
    static int sub(int a, int b, int[] flags) {
        int r = a - b;
        zn(r, flags);
        flags[TcState.C] = Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
        flags[TcState.V] = ((a ^ b) & (a ^ r)) < 0 ? 1 : 0;
        return r;
    }

    /** Any other flag-setting result: Z and N from r, C and V cleared. */
    static int logic(int r, int[] flags) {
        zn(r, flags);
        flags[TcState.C] = 0;
        flags[TcState.V] = 0;
        return r;
    }

    private static void zn(int r, int[] flags) {
        flags[TcState.Z] = r == 0 ? 1 : 0;
        flags[TcState.N] = r < 0 ? 1 : 0;
    }
}
