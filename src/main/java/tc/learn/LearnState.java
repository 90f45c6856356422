package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.isa.TcInstruction;

/**
 * What the phases hand each other: soft parameters (from gradient phases, null when there are
 * none), the best discrete program so far and whether it is solved (100% on the held-out set).
 */
public final class LearnState {
    /** Instruction parameters, 112 per slot (see tc.computer.isa.TcParams), or null. */
    public double[] params;
    /** The best discrete program so far (no trailing HALT needed: slots past the end HALT). */
    public List<TcInstruction> program = List.of();
    /** Its training evaluation, null before the first one. */
    public Evaluation train;
    /** Its held-out accuracy, when checked. */
    public double heldOut = Double.NaN;
    /** Whether {@link #program} reached 100% on the held-out set. */
    public boolean solved;
    /** The episode count when the program first reached 100% held-out (−1: not yet). */
    public long episodesToSolve = -1;
    /** The gradient phases' optimiser (its moments carry from warm-up into anneal), or null. */
    Adam optimizer;
    /** How many leading slots of {@link #params} the gradient phases learn (the rest are HALT). */
    int softSlots;
    /** The structured program the sketch search solved the task with (null when another phase did): what its templates wrote. */
    List<Sketch> solvedSketch;
    /** The phase that first verified the program (null: unsolved). */
    String solvedBy;
    /** Where the solved program's instructions came from (null while unsolved). */
    public Provenance provenance() { return solved ? Provenance.of(program, solvedSketch, solvedBy) : null; }

    /** Who watches the curve as it grows (never null). */
    LearnListener listener = LearnListener.NONE;

    /** Adds {@code p} to the learning curve and shows it to the run's {@link LearnListener}. */
    public void record(CurvePoint p) {
        curve.add(p);
        listener.point(p);
    }

    /** Learning curve: one point per gradient step, crystallisation, and improvement of the best training score. */
    public final List<CurvePoint> curve = new ArrayList<>();

    /**
     * A point of the learning curve: episodes so far, the training score and accuracy of a discrete
     * program (NaN at a gradient step), τ (NaN in discrete phases) and the soft loss per output
     * (NaN where no gradient step was taken).
     */
    public record CurvePoint(long episode, double score, double accuracy, double tau, String phase, double loss) {
        /** A discrete phase's point. */
        public CurvePoint(long episode, double score, double accuracy, double tau, String phase) {
            this(episode, score, accuracy, tau, phase, Double.NaN);
        }
    }
}
