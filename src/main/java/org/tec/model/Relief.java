package org.tec.model;

import java.util.random.RandomGenerator;

/**
 * The therapist's automatic relief (MODEL.md s6): the relief pressure G, and whether, in an
 * exposure, the therapist ends it or reassures; deterministic after a latency, or (with noise)
 * at a hazard that rises with G.
 */
final class Relief {
    private static final int CLIENT_DISTRESS = Var.CLIENT_DISTRESS.ordinal();
    private static final int THERAPIST_DISTRESS = Var.THERAPIST_DISTRESS.ordinal();
    private static final int PROXIMAL = Var.PROXIMAL_CONCERN.ordinal();
    private static final int DISTAL = Var.DISTAL_CONCERN.ordinal();

    private final double tolerance, wc, wq, latency, escapeThreshold;
    private final double reassureMargin, reassureRefractory, h0, kG;

    private double pressureTime;     // how long relief pressure has been positive
    private double sinceReassure = Double.POSITIVE_INFINITY;
    private boolean clientAsking;

    Relief(ParamSet p) {
        tolerance = p.get(Param.TOLERANCE);
        wc = p.get(Param.WC);
        wq = p.get(Param.WQ);
        latency = p.get(Param.DECISION_LATENCY);
        escapeThreshold = p.get(Param.ESCAPE_THRESHOLD);
        reassureMargin = p.get(Param.REASSURE_MARGIN);
        reassureRefractory = p.get(Param.REASSURE_REFRACTORY);
        h0 = p.get(Param.H0);
        kG = p.get(Param.K_G);
    }

    /** Whether the client is asking to stop (distress above the escape threshold). */
    boolean clientAsking() {
        return clientAsking;
    }

    /** G = (T - tol) / 100 + wc (ep - ed) + wq when the client asks to stop. */
    double pressure(double[] x) {
        return (x[THERAPIST_DISTRESS] - tolerance) / 100
                + wc * (x[PROXIMAL] - x[DISTAL])
                + (clientAsking ? wq : 0);
    }

    void beginPhase() {
        clientAsking = false;
        pressureTime = 0;
    }

    void beginSession() {
        sinceReassure = Double.POSITIVE_INFINITY;
    }

    void reassured() {
        sinceReassure = 0;
    }

    /** Time passes: {@code dt} more minutes since the last reassurance. */
    void tick(double dt) {
        sinceReassure += dt;
    }

    /** The decision of a step; {@code idle} when no exposure is running, and none is taken. */
    Decision decide(boolean idle, double[] x, RandomGenerator rng, double dt, Policy policy) {
        if (idle) {
            clientAsking = false;
            return Decision.NONE;
        }
        clientAsking = x[CLIENT_DISTRESS] > escapeThreshold;
        double g = pressure(x);
        if (rng != null) {
            if (policy.mayEndExposure() && rng.nextDouble() < h0 * sigmoid(kG * g) * dt) return Decision.END_EXPOSURE;
            if (policy.mayReassure() && sinceReassure >= reassureRefractory
                    && rng.nextDouble() < h0 * sigmoid(kG * (g + reassureMargin)) * dt) {
                return Decision.REASSURE;
            }
            return Decision.NONE;
        }
        pressureTime = g > 0 ? pressureTime + dt : 0;
        if (policy.mayEndExposure() && g > 0 && pressureTime >= latency - 1e-9) return Decision.END_EXPOSURE;
        if (policy.mayReassure() && g > -reassureMargin && sinceReassure >= reassureRefractory) return Decision.REASSURE;
        return Decision.NONE;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
