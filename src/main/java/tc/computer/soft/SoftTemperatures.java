package tc.computer.soft;

/**
 * The soft machine's temperatures, one per kind of discrete choice.
 *
 * @param opcode    τ of the opcode softmax
 * @param register  τ of the rd, rs1 and rs2 softmaxes
 * @param immediate τ of the immediate bit sigmoids
 * @param address   τ of the address kernel (memory words, and the RET target over slots), in (0, 1]:
 *                  1 interpolates linearly between the two nearest words, smaller sharpens toward
 *                  rounding; an integer address is exact at every τ in that range
 */
public record SoftTemperatures(double opcode, double register, double immediate, double address) {
    public SoftTemperatures {
        check("opcode", opcode);
        check("register", register);
        check("immediate", immediate);
        check("address", address);
        if (address > 1) throw new IllegalArgumentException("the address temperature must be at most 1, got " + address);
    }

    private static void check(String what, double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) throw new IllegalArgumentException(what + " temperature must be positive and finite, got " + tau);
    }

    /** One τ for every component (the address kernel's τ is capped at 1). */
    public static SoftTemperatures of(double tau) {
        check("the", tau);
        return new SoftTemperatures(tau, tau, tau, Math.min(1.0, tau));
    }
}
