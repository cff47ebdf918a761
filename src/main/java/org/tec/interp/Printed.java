package org.tec.interp;

/** The value of a {@code print} statement after the run. */
public record Printed(String source, String value, double number) {}
