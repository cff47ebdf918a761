package org.tec.model;

import static org.tec.model.Circuit.clamp;

import java.util.random.RandomGenerator;

/**
 * What the therapist perceives (MODEL.md s2, s4): the estimate of the client's distress,
 * truth plus the projection of the therapist's own (West and Kenny 2011), and the noticing
 * of covert avoidance.
 */
final class Perception {
    private static final int CLIENT_DISTRESS = Var.CLIENT_DISTRESS.ordinal();
    private static final int THERAPIST_DISTRESS = Var.THERAPIST_DISTRESS.ordinal();
    private static final int PERCEIVED = Var.PERCEIVED_DISTRESS.ordinal();
    private static final int MENTALIZING = Var.MENTALIZING.ordinal();
    private static final int CONTACT = Var.CONTACT.ordinal();

    private final double beta0, sigma0, kNotice;
    /** Null when the run is deterministic. */
    private final RandomGenerator rng;
    private final double noise;
    private double noticeClock;      // accumulated hazard of noticing covert avoidance
    private double error;            // the perception error of the last perception (0 without noise)

    Perception(ParamSet p, RandomGenerator rng, double noise) {
        this.rng = rng;
        this.noise = noise;
        beta0 = p.get(Param.BETA0);
        sigma0 = p.get(Param.SIGMA0);
        kNotice = p.get(Param.K_NOTICE);
    }

    /** An exposure begins: nothing noticed yet. */
    void beginExposure() {
        noticeClock = 0;
    }

    /** The therapist's estimate of the client's distress, from the state now (a new perception error drawn, with noise). */
    void perceive(double[] x) {
        double m = x[MENTALIZING];
        error = rng == null ? 0 : sigma0 * (1 - m) * noise * rng.nextGaussian();
        x[PERCEIVED] = estimate(x);
    }

    /** The estimate at state z, with the perception error of the last perception: truth plus projection, within 0-100. */
    double estimate(double[] z) {
        double c = z[CLIENT_DISTRESS];
        return clamp(c + beta0 * (1 - z[MENTALIZING]) * (z[THERAPIST_DISTRESS] - c) + error, 0, 100);
    }

    /** Mentalizing notices covert avoidance at hazard kN m per minute while contact is visibly low; then contact is restored. */
    boolean notice(double[] x, double dt) {
        if (x[CONTACT] >= 0.9) {
            noticeClock = 0;
            return false;
        }
        double hazard = kNotice * x[MENTALIZING] * dt;
        boolean hit;
        if (rng != null) {
            hit = rng.nextDouble() < hazard;
        } else {
            noticeClock += hazard;
            hit = noticeClock >= 1;
        }
        if (hit) {
            noticeClock = 0;
            x[CONTACT] = 1;
        }
        return hit;
    }
}
