package tc.computer.soft;

/** A differentiable loss on the state a soft run ends in, one batch element at a time. */
@FunctionalInterface
public interface FinalStateLoss {
    /**
     * The loss of batch element {@code index}, which ended in {@code state}; adds dLoss/dRegister
     * to {@code gradRegisters} (16) and dLoss/dMemory to {@code gradMemory} (one per word).
     */
    double evaluate(int index, SoftState state, double[] gradRegisters, double[] gradMemory);

    /**
     * The part of the loss read off the output tape (entries {@code 0 ≤ i <}
     * {@link SoftState#outputCount()}: {@link SoftState#outputValue(int) value} and
     * {@link SoftState#outputMass(int) mass}); adds dLoss/dValue of entry i to {@code gradValues[i]}
     * and dLoss/dMass to {@code gradMasses[i]}. The default reads no outputs. Which entries exist
     * depends on where OUT had weight above 0, so such a loss is differentiable where that set
     * does not change (a blended program writes an entry every step).
     */
    default double evaluateOutputs(int index, SoftState state, double[] gradValues, double[] gradMasses) { return 0; }

    /**
     * The part of the loss read off the final halted mass ({@link SoftState#halted()}, in [0, 1]):
     * an auxiliary halting loss, for instance. Adds dLoss/dHalted to {@code gradHalted[0]}. The
     * default reads nothing.
     */
    default double evaluateHalting(int index, SoftState state, double[] gradHalted) { return 0; }
}
