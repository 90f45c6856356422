package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;

/**
 * The outcome of one learning run.
 *
 * @param episodesToSolve episodes used when the program first reached 100% on the held-out set
 *                        (−1 when it never did)
 * @param episodesTotal   all episodes, extraction included
 * @param accuracy        held-out accuracy of {@link #program}
 */
public record LearnResult(String task, long seed, boolean solved, long episodesToSolve, long episodesTotal, double accuracy,
                          List<TcInstruction> program, long wallMillis, List<LearnState.CurvePoint> curve) {
    public LearnResult {
        program = List.copyOf(program);
        curve = List.copyOf(curve);
    }

    public String assembly() { return AsmText.program(program); }
}
