package org.tec.interp;

/** A run that could not finish: a limit was hit, it was cancelled, or the numbers broke down. */
public final class RunError extends RuntimeException {
    public enum Kind { STEP_LIMIT, TIME_LIMIT, RUN_LIMIT, EVENT_LIMIT, OUTPUT_LIMIT, CANCELLED, NUMERIC, OUTPUT }

    private final Kind kind;
    private final double time;

    public RunError(Kind kind, double time, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.time = time;
    }

    public Kind kind() {
        return kind;
    }

    /** Simulated minutes into the session when it happened. */
    public double time() {
        return time;
    }
}
