package org.tec.lang.ast;

import org.tec.diag.Span;

/** When: a time, or the start or end of a phase (of the session when {@code phase} is null). */
public sealed interface TimePoint {
    Span span();

    record Time(Expr time, Span span) implements TimePoint {}

    record Edge(boolean start, String phase, Span phaseSpan, Span span) implements TimePoint {}
}
