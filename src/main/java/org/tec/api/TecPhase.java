package org.tec.api;

/**
 * A phase of a scenario's schedule, as planned.
 *
 * @param name     how scripts refer to it: its name, or its kind when it has none
 * @param kind     {@code exposure}, {@code mi}, {@code free}, ...
 * @param duration planned minutes
 */
public record TecPhase(String name, String kind, double duration) {}
