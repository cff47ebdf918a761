package org.tec.model;

/**
 * Exponential decay with a time constant, integrated exactly: the factor exp(-dt / tau) by
 * which a quantity that only decays shrinks in a step, worked out once per step length (runs
 * keep one step, so the exponential is not taken at every step). Not thread-safe: one per run.
 */
final class Decay {
    private final double tau;
    private double step = Double.NaN, factor;

    Decay(double tau) {
        this.tau = tau;
    }

    /** exp(-dt / tau). */
    double factor(double dt) {
        if (dt != step) {
            step = dt;
            factor = Math.exp(-dt / tau);
        }
        return factor;
    }
}
