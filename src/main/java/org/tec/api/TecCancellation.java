package org.tec.api;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cancels a run from another thread: the run ends within about a thousand steps with {@link TecException.Cancelled}. */
public final class TecCancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Lifts the cancellation: a session's {@link TecSession#interrupt()} stops one advance, not the ones after it. */
    void clear() {
        cancelled.set(false);
    }
}
