package org.tec.api;

import org.tec.output.Report;

/**
 * Something that happened in a run.
 *
 * @param session the session, from 1
 * @param time    minutes into the session
 * @param kind    for example {@code phase_start}, {@code regulate}, {@code ended_early}, {@code escape}, {@code walkout}
 * @param message a sentence, as the report prints it
 */
public record TecEvent(int session, double time, String kind, String message) {
    /**
     * The event as {@code tec run}'s report prints it, without the indentation:
     * {@code 6.0 min  regulate affect_sharing down to 0.25 over 2 min}, after {@code s2  }
     * from a course's second session on.
     */
    @Override
    public String toString() {
        return aligned().stripLeading();
    }

    /** The same line with its time right-aligned in six characters, for a column of events ({@code    6.0 min  ...}). */
    public String aligned() {
        return Report.event(session > 1 ? session : 0, time, message);
    }
}
