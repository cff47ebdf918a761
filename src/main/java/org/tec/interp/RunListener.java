package org.tec.interp;

/** Called from the running thread after each step and for each event. Must not block for long. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void step(double time, Frame state) {}

    default void event(Event e) {}
}
