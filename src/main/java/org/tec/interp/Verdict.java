package org.tec.interp;

import org.tec.diag.Span;

/** A goal or an expectation after the run: met or not, and the values that decided it. */
public record Verdict(String name, String source, boolean passed, String detail, Span span) {}
