package tc.learn.population;

import java.io.Serializable;
import tc.learn.Provenance;

/**
 * What one island's round produced.
 *
 * @param program       its best program (extracted when solved)
 * @param trainScore    that program's shaped score on the training batch (0 when none was scored)
 * @param trainWords    its fraction of exact training output words
 * @param solved        whether it reached 100% on the held-out set
 * @param episodes      every episode the island spent this round, exactly (the learner's counter)
 * @param episodesToSolve the island's count when it solved (−1: it did not)
 * @param heldOut       the program's held-out accuracy (reported, never used to rank islands)
 * @param provenance    where the solved program's instructions came from (null when not solved)
 */
public record IslandOutcome(int island, int round, IslandSettings settings, Code program, double trainScore, double trainWords,
                            boolean solved, long episodes, long episodesToSolve, double heldOut, long wallMillis,
                            Provenance provenance) implements Serializable {
    /** An outcome without provenance (unsolved, or where it does not matter). */
    public IslandOutcome(int island, int round, IslandSettings settings, Code program, double trainScore, double trainWords,
                         boolean solved, long episodes, long episodesToSolve, double heldOut, long wallMillis) {
        this(island, round, settings, program, trainScore, trainWords, solved, episodes, episodesToSolve, heldOut, wallMillis, null);
    }
}
