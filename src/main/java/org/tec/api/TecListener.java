package org.tec.api;

import java.util.Map;

/**
 * Told of each step and each event while a run goes, on the running thread. Keep it quick;
 * a listener that throws ends the run with {@link TecException.Failure}.
 */
public interface TecListener {
    /** After every integration step: minutes into the session and the state, by variable name. */
    default void step(double time, Map<String, Double> state) {}

    default void event(TecEvent event) {}
}
