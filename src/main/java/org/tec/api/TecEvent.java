package org.tec.api;

/**
 * Something that happened in a run.
 *
 * @param session the session, from 1
 * @param time    minutes into the session
 * @param kind    for example {@code phase_start}, {@code regulate}, {@code ended_early}, {@code escape}, {@code walkout}
 * @param message a sentence, as the report prints it
 */
public record TecEvent(int session, double time, String kind, String message) {}
