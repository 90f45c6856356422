package tc.computer.soft;

/**
 * How the LOAD/STORE head of the soft machine addresses memory: a machine-level option, outside
 * the program's 112 parameters per instruction (so the ISA and {@code TcParams} are unchanged).
 *
 * <p>The head's weighting over the words is the NTM-style interpolation
 * {@code h = (1 − gate)·location + gate·content}:
 * <ul>
 *   <li><b>location</b>: the address kernel at {@code rs1 + imm} (two words), as always;</li>
 *   <li><b>content</b>: with the key {@code rs1}'s value k, the match distribution
 *       {@code c = softmax_w(−sharpness·(mem[w] − k)²)} over the words, shifted by the immediate
 *       ({@code c} rolled by ⌊imm⌋ and ⌊imm⌋ + 1, blended by the address kernel of imm's fraction).
 *       So {@code load rd, 1(rs1)} reads the word after the one holding rs1's value: a key–value
 *       lookup in a table of (key, value) pairs; {@code store rs2, 1(rs1)} overwrites that value.</li>
 * </ul>
 * Location and content use the same operands (rs1 and imm), so one instruction means "base +
 * offset" at gate 0 and "match + offset" at gate 1. The stack head (PUSH, POP, CALL, RET) always
 * addresses by location.
 *
 * <p>At gate 0 (the default, {@link #LOCATION}) the content weighting is not even computed: the
 * machine is exactly the location-only machine, and reproduces {@code TcMachine} with one-hot
 * parameters or as τ → 0. A gate above 0 is a different machine (a soft associative memory):
 * its content weighting is a softmax of finite sharpness, so it is not meant to be exact.
 *
 * @param gate      interpolation gate in [0, 1]: 0 = location only, 1 = content only
 * @param sharpness β &gt; 0 of the content softmax (key strength), per squared unit of distance
 */
public record SoftAddressing(double gate, double sharpness) {
    /** Location addressing only: the exact machine. */
    public static final SoftAddressing LOCATION = new SoftAddressing(0, 1);

    public SoftAddressing {
        if (!(gate >= 0 && gate <= 1)) throw new IllegalArgumentException("the content gate must be in [0, 1], got " + gate);
        if (!(sharpness > 0) || Double.isInfinite(sharpness))
            throw new IllegalArgumentException("the content sharpness must be positive and finite, got " + sharpness);
    }

    /** Content addressing blended in with weight {@code gate} at key strength {@code sharpness}. */
    public static SoftAddressing content(double gate, double sharpness) { return new SoftAddressing(gate, sharpness); }

    /** Whether the content weighting takes part (gate above 0). */
    public boolean usesContent() { return gate > 0; }
}
