package tc.computer.soft;

/** A differentiable loss on the state a soft run ends in, one batch element at a time. */
@FunctionalInterface
public interface FinalStateLoss {
    /**
     * The loss of batch element {@code index}, which ended in {@code state}; adds dLoss/dRegister
     * to {@code gradRegisters} (16) and dLoss/dMemory to {@code gradMemory} (one per word).
     */
    double evaluate(int index, SoftState state, double[] gradRegisters, double[] gradMemory);
}
