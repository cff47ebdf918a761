package org.tec.interp;

/**
 * What an expression can see when it is evaluated: the state at one moment, and the
 * run's record so far. During a run this is the live state; after it, a cursor over
 * the recorded trajectory.
 */
public interface Frame {
    /** A state variable by {@link org.tec.model.Var#ordinal()}. */
    double var(int index);

    /** Minutes since the session began. */
    double time();

    /** The session number, from 1. */
    int session();

    RunRecord record();

    /** Moves to the trajectory row nearest {@code t} (after the run only); false if there is none. */
    default boolean seek(double t) {
        return false;
    }

    /** Post-run frames can iterate rows; live frames cannot. */
    default Trajectory trajectory() {
        return null;
    }

    /** Selects row {@code i} of the trajectory (post-run frames). */
    default void row(int i) {
        throw new IllegalStateException("not a trajectory frame");
    }

    default int currentRow() {
        return -1;
    }

    /**
     * A value that depends only on the run's record, worked out once per frame where the
     * record cannot change while the frame lives (after a run); live frames work it out each time.
     */
    default double remember(Object key, java.util.function.DoubleSupplier compute) {
        return compute.getAsDouble();
    }

    /** The runs of a study (replicates, sweeps), for checks across runs; null elsewhere. */
    default StudyRuns runs() {
        return null;
    }

    /** {@code x} evaluated after each of {@link #runs()}, in run order (a study's frame only). */
    default double[] perRun(Eval x) {
        throw new IllegalStateException("not a study's frame");
    }

    /**
     * The value a param of the script had in this run (a study's sweep point gives each run its
     * own), or NaN where the frame does not know it: a check across runs reads a param through
     * here, so it sees the run's value, not the script's default.
     */
    default double param(String name) {
        return Double.NaN;
    }
}
