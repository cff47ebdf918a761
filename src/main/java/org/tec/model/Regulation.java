package org.tec.model;

/**
 * The outcome of a regulate command: the target actually set, and whether the
 * therapist's capacity (which fatigue lowers) clamped it.
 */
public record Regulation(Component component, double requested, double target, boolean limited, double capacity) {}
