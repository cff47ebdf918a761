package org.tec.interp;

import org.tec.diag.Span;

/**
 * A {@code fit NAME [from LOW to HIGH]} of a scenario: a parameter tec fit estimates when the
 * command line names none, with its bounds (a model parameter's range unless given).
 */
public record FitTarget(String name, double lower, double upper, Span span) {}
