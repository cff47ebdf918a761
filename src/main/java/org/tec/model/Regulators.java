package org.tec.model;

import static org.tec.model.Circuit.clamp;

/**
 * The therapist's regulation of the four components (MODEL.md s3): each has its trait and
 * a target, which may ramp; the level follows the target at the regulation rate, and a
 * target can be no further from the trait than the capacity the therapist's fatigue leaves.
 */
final class Regulators {
    private static final Component[] COMPONENTS = Component.values();
    /** The state index of each component's level, by component ordinal: values() copies its array on every call. */
    private static final int[] LEVEL = new int[COMPONENTS.length];
    private static final int FATIGUE = Var.FATIGUE.ordinal();

    static {
        for (Component c : COMPONENTS) LEVEL[c.ordinal()] = c.level().ordinal();
    }

    private final double rho0, cap0, skill;
    private final double[] trait = new double[COMPONENTS.length];
    private final double[] rampFrom = new double[COMPONENTS.length];
    private final double[] rampTo = new double[COMPONENTS.length];
    private final double[] rampStart = new double[COMPONENTS.length];
    private final double[] rampLength = new double[COMPONENTS.length];

    Regulators(ParamSet p) {
        rho0 = p.get(Param.RHO0);
        cap0 = p.get(Param.CAP0);
        skill = p.get(Param.REGULATION_SKILL);
        for (Component c : COMPONENTS) trait[c.ordinal()] = p.get(c.trait());
    }

    /** Every level back at its trait, and held there (the start of a session). */
    void reset(double[] x) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            x[LEVEL[i]] = trait[i];
            hold(i, trait[i]);
        }
    }

    double trait(Component c) {
        return trait[c.ordinal()];
    }

    double target(Component c) {
        return rampTo[c.ordinal()];
    }

    /** The capacity (largest distance of a target from the trait) at fatigue {@code f}. */
    double capacity(double f) {
        return cap0 * (1 - f);
    }

    /** The regulation rate rho = skill (1 - f/2) rho0, per minute. */
    double rate(double f) {
        return skill * (1 - 0.5 * f) * rho0;
    }

    /** A new target for {@code c}, ramped from its level now over {@code over} minutes (0: at once). */
    Regulation regulate(Component c, double requested, double over, double[] x, double clock) {
        int i = c.ordinal();
        double cap = capacity(x[FATIGUE]);
        double target = clamp(requested, Math.max(0, trait[i] - cap), Math.min(1, trait[i] + cap));
        boolean limited = Math.abs(target - clamp(requested, 0, 1)) > 1e-12;
        rampFrom[i] = x[LEVEL[i]];
        rampTo[i] = target;
        rampStart[i] = clock;
        rampLength[i] = Math.max(0, over);
        return new Regulation(c, requested, target, limited, cap);
    }

    /** A script set the level of {@code c}: kept within the capacity of the trait, and held there. */
    void set(Component c, double[] x) {
        int i = c.ordinal(), idx = LEVEL[i];
        x[idx] = clamp(x[idx], Math.max(0, trait[i] - capacity(x[FATIGUE])), Math.min(1, trait[i] + capacity(x[FATIGUE])));
        hold(i, x[idx]);
    }

    /** The components' part of the right-hand side: each level moves toward its target at {@code time} at rate {@code rho}. */
    void derivatives(double[] z, double[] dz, double rho, double time) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            int idx = LEVEL[i];
            dz[idx] = rho * (targetAt(i, time) - z[idx]);
        }
    }

    /** After a step to {@code y}: each level into x, within 0-1; returns the effort of the step (distance from the traits after it). */
    double settle(double[] x, double[] y, double dt) {
        double effort = 0;
        for (int i = 0; i < COMPONENTS.length; i++) {
            int idx = LEVEL[i];
            x[idx] = clamp(y[idx], 0, 1);
            effort += Math.abs(x[idx] - trait[i]) * dt;
        }
        return effort;
    }

    private double targetAt(int i, double time) {
        if (rampLength[i] <= 0) return rampTo[i];
        double f = clamp((time - rampStart[i]) / rampLength[i], 0, 1);
        return rampFrom[i] + f * (rampTo[i] - rampFrom[i]);
    }

    private void hold(int i, double value) {
        rampFrom[i] = rampTo[i] = value;
        rampLength[i] = 0;
    }
}
