package tc.computer.soft;

import tc.computer.engine.TcState;
import tc.computer.isa.TcOp;

/**
 * The arithmetic of the soft machine on real operands. Every result is exactly the discrete one
 * when the operands are integers; what happens between integers is the documented choice:
 *
 * <ul>
 *   <li>ADD, ADDI, SUB, NOT (= −a − 1) are the real affine functions, wrapped into
 *       [−2^31, 2^31): gradient ±1 (the wrap is a jump, not a slope);</li>
 *   <li>MUL is the 32-bit product of the rounded operands plus the first-order correction
 *       {@code (a − [a])·b + [a]·(b − [b])}: gradient (b, a), as for a real product;</li>
 *   <li>DIV, MOD, AND, OR, XOR, SHL, SHR, SRA act on the rounded operands: piecewise constant,
 *       so their true gradient with respect to the operands is 0 (gradients still reach the
 *       opcode, selector and PC weights that blend their results);</li>
 *   <li>flags are those of the discrete operation on the rounded operands: 0/1 per opcode,
 *       gradient 0 with respect to the operands (again, the opcode weights get gradients).</li>
 * </ul>
 */
final class SoftAlu {
    private SoftAlu() {}

    static final double TWO32 = 4294967296.0, TWO31 = 2147483648.0;

    /** x wrapped into [−2^31, 2^31); the identity there, so exact on 32-bit words. */
    static double wrap(double x) {
        if (x >= -TWO31 && x < TWO31) return x;
        return x - TWO32 * Math.floor((x + TWO31) / TWO32);
    }

    static double mul(double a, double b, int ia, int ib) {
        return wrap((double) (ia * ib) + ((a - ia) * b + ia * (b - ib)));
    }

    /** Discrete flags Z N C V of an addition a + b, written to {@code f[at..at+4)}. */
    static void addFlags(int a, int b, double[] f, int at) {
        int r = a + b;
        zn(r, f, at);
        f[at + TcState.C] = Integer.compareUnsigned(r, a) < 0 ? 1 : 0;
        f[at + TcState.V] = ((a ^ r) & (b ^ r)) < 0 ? 1 : 0;
    }

    static void subFlags(int a, int b, double[] f, int at) {
        int r = a - b;
        zn(r, f, at);
        f[at + TcState.C] = Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
        f[at + TcState.V] = ((a ^ b) & (a ^ r)) < 0 ? 1 : 0;
    }

    static void logicFlags(int r, double[] f, int at) {
        zn(r, f, at);
        f[at + TcState.C] = 0;
        f[at + TcState.V] = 0;
    }

    private static void zn(int r, double[] f, int at) {
        f[at + TcState.Z] = r == 0 ? 1 : 0;
        f[at + TcState.N] = r < 0 ? 1 : 0;
    }

    static int div(int a, int b) { return TcOp.div(a, b); }

    static int mod(int a, int b) { return TcOp.mod(a, b); }
}
