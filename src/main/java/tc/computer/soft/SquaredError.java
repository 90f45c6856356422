package tc.computer.soft;

/**
 * Σ (value − target)² over chosen registers and memory words, per batch element.
 *
 * @param registers       the registers compared
 * @param registerTargets per batch element, one target per entry of {@code registers}
 * @param addresses       the memory words compared
 * @param memoryTargets   per batch element, one target per entry of {@code addresses}
 */
public record SquaredError(int[] registers, double[][] registerTargets, int[] addresses, double[][] memoryTargets) implements FinalStateLoss {
    public static SquaredError ofRegisters(int[] registers, double[][] targets) {
        return new SquaredError(registers, targets, new int[0], new double[targets.length][0]);
    }

    @Override public double evaluate(int index, SoftState s, double[] gReg, double[] gMem) {
        double loss = 0;
        for (int i = 0; i < registers.length; i++) {
            double d = s.reg[registers[i]] - registerTargets[index][i];
            loss += d * d;
            gReg[registers[i]] += 2 * d;
        }
        for (int i = 0; i < addresses.length; i++) {
            int w = s.spec.address(addresses[i]);
            double d = s.mem[w] - memoryTargets[index][i];
            loss += d * d;
            gMem[w] += 2 * d;
        }
        return loss;
    }
}
