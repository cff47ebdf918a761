package org.tec.interp;

import java.util.function.BooleanSupplier;

/**
 * Limits and hooks for one run. Limits are enforced by the interpreter whatever the
 * script says; a run that exceeds one ends with a {@link RunError}.
 */
public record RunOptions(long maxSteps, long maxWallMillis, BooleanSupplier cancelled, RunListener listener) {
    public static final long DEFAULT_MAX_STEPS = 50_000_000L;
    public static final RunOptions DEFAULTS = new RunOptions(DEFAULT_MAX_STEPS, 0, () -> false, RunListener.NONE);

    public RunOptions {
        if (cancelled == null) cancelled = () -> false;
        if (listener == null) listener = RunListener.NONE;
    }
}
