package org.tec.interp;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Limits and hooks for one run. Limits are enforced by the interpreter whatever the
 * script says; a run that exceeds one ends with a {@link RunError}.
 *
 * @param maxSteps       integration steps, over all sessions
 * @param maxWallMillis  wall time in milliseconds (0: none), measured with {@code clock}
 * @param maxRuns        runs in one study
 * @param maxEvents      events in one run (a trigger that fires on every step fills memory otherwise)
 * @param cancelled      polled every 1024 steps and between the checks and prints after the run;
 *                       true ends the run
 * @param listener       told of every step and event; the wall time is checked after each of its callbacks
 * @param clock          milliseconds, for the wall-time limit
 * @param keepAll        keep every variable's trajectory in memory; when false only those the
 *                       checks after the run read (the rest streams to the listeners' outputs)
 */
public record RunOptions(long maxSteps, long maxWallMillis, int maxRuns, int maxEvents, BooleanSupplier cancelled,
                         RunListener listener, LongSupplier clock, boolean keepAll) {
    public static final long DEFAULT_MAX_STEPS = 50_000_000L;
    public static final int DEFAULT_MAX_RUNS = 1_000_000;
    public static final int DEFAULT_MAX_EVENTS = 1_000_000;
    public static final RunOptions DEFAULTS = new RunOptions(DEFAULT_MAX_STEPS, 0, DEFAULT_MAX_RUNS, DEFAULT_MAX_EVENTS,
            () -> false, RunListener.NONE, System::currentTimeMillis, true);

    public RunOptions {
        if (cancelled == null) cancelled = () -> false;
        if (listener == null) listener = RunListener.NONE;
        if (clock == null) clock = System::currentTimeMillis;
    }

    public RunOptions(long maxSteps, long maxWallMillis, BooleanSupplier cancelled, RunListener listener) {
        this(maxSteps, maxWallMillis, DEFAULT_MAX_RUNS, DEFAULT_MAX_EVENTS, cancelled, listener, System::currentTimeMillis, true);
    }

    /**
     * Ends the run with a {@link RunError} if it was cancelled or has run past its wall time,
     * counted from {@code startMillis} on {@link #clock}; {@code time} is the simulated moment.
     */
    public void check(long startMillis, double time) {
        if (cancelled.getAsBoolean()) throw new RunError(RunError.Kind.CANCELLED, time, "the run was cancelled");
        checkWallTime(startMillis, time);
    }

    /** The wall-time half of {@link #check}: reads the clock only when there is a limit. */
    void checkWallTime(long startMillis, double time) {
        if (maxWallMillis > 0 && clock.getAsLong() - startMillis > maxWallMillis) {
            throw new RunError(RunError.Kind.TIME_LIMIT, time, "the run reached its wall-time limit of " + maxWallMillis + " ms");
        }
    }

    public RunOptions withListener(RunListener l) {
        return new RunOptions(maxSteps, maxWallMillis, maxRuns, maxEvents, cancelled, l, clock, keepAll);
    }

    /** Keep in memory only what the checks after the run read. */
    public RunOptions lean() {
        return new RunOptions(maxSteps, maxWallMillis, maxRuns, maxEvents, cancelled, listener, clock, false);
    }
}
