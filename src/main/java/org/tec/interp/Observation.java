package org.tec.interp;

import org.tec.diag.Span;

/**
 * An {@code observe NAME = EXPR noise ...} of a scenario, compiled: what a study measured, as
 * an expression over the state, and its measurement error. Immutable; read by tec fit and
 * tec simulate.
 */
public final class Observation {
    /** How the measurement error is given: an sd, a share of the value, or one to estimate. */
    public enum Noise { ESTIMATED, CONSTANT, PROPORTIONAL }

    private final String name;
    private final Span span;
    private final Eval value;
    private final Noise noise;
    private final double amount;

    Observation(String name, Span span, Eval value, Noise noise, double amount) {
        this.name = name;
        this.span = span;
        this.value = value;
        this.noise = noise;
        this.amount = amount;
    }

    public String name() {
        return name;
    }

    public Span span() {
        return span;
    }

    public Noise noise() {
        return noise;
    }

    /** The sd (CONSTANT), the share of the value (PROPORTIONAL), or NaN (ESTIMATED). */
    public double amount() {
        return amount;
    }

    /** The sd of a measurement whose prediction is {@code predicted}, or NaN when it is estimated. */
    public double sd(double predicted) {
        return switch (noise) {
            case CONSTANT -> amount;
            // a proportional error never reaches 0: a prediction of 0 would make one measurement certain
            case PROPORTIONAL -> Math.max(amount * Math.abs(predicted), amount * 1e-2);
            case ESTIMATED -> Double.NaN;
        };
    }

    /**
     * The observed value at minute {@code t} of a finished run (the first session): the
     * expression at the two recorded steps around it, linearly between them; after a run that
     * ended early, at its last step.
     */
    public double at(RunRecord record, double t) {
        Trajectory tr = record.trajectory();
        int rows = tr.rows();
        if (rows == 0) return Double.NaN;
        TrajectoryFrame f = new TrajectoryFrame(record);
        if (t <= tr.time(0)) return valueAt(f, 0);
        if (t >= tr.time(rows - 1)) return valueAt(f, rows - 1);
        int lo = 0, hi = rows - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (tr.time(mid) <= t) lo = mid; else hi = mid;
        }
        double t0 = tr.time(lo), t1 = tr.time(hi);
        double a = valueAt(f, lo), b = valueAt(f, hi);
        if (!(t1 > t0)) return b;
        return a + (b - a) * (t - t0) / (t1 - t0);
    }

    private double valueAt(TrajectoryFrame f, int row) {
        f.row(row);
        return value.eval(f);
    }
}
