package org.tec.model;

/**
 * How a run integrates the model: the method, and for the adaptive method the tolerance of its
 * error control (MODEL.md, "Numerical method").
 */
public record Integration(Method method, double tolerance) {
    /** The tolerance of {@code method dopri5} when none is written. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The range a tolerance may take: below 1e-12 the steps would drown in rounding; above 0.1 it controls nothing. */
    public static final double MIN_TOLERANCE = 1e-12, MAX_TOLERANCE = 0.1;

    /** The one range check of a tolerance: false for NaN and anything outside [MIN_TOLERANCE, MAX_TOLERANCE]. */
    public static boolean allows(double tolerance) {
        return tolerance >= MIN_TOLERANCE && tolerance <= MAX_TOLERANCE;
    }

    /** Forward Euler at the script's step: version 1's method and the library's default. */
    public static final Integration DEFAULT = new Integration(Method.EULER, DEFAULT_TOLERANCE);

    /** "rk4", or "dopri5 tolerance 1e-06". */
    public String describe() {
        return method.adaptive() ? method.key() + " tolerance " + org.tec.text.Numbers.small(tolerance) : method.key();
    }
}
