package org.tec.api;

/** Told how a study gets on: the number of its runs before the first, then each finished run. */
public interface TecProgress {
    /** Before the first run: the scenario and how many runs it will make. */
    default void start(String scenario, long runs) {}

    /** After each finished run, from any of the study's threads. */
    void step();
}
