package org.tec.model;

import java.util.random.RandomGenerator;

/**
 * The therapist's automatic relief (MODEL.md s6): the relief pressure G, and whether, in an
 * exposure, the therapist ends it or reassures; deterministic after a latency, or (with noise)
 * at a hazard that rises with G.
 */
final class Relief {
    private static final int CLIENT_DISTRESS = Var.CLIENT_DISTRESS.ordinal();
    private static final int PERCEIVED = Var.PERCEIVED_DISTRESS.ordinal();
    private static final int THERAPIST_DISTRESS = Var.THERAPIST_DISTRESS.ordinal();
    private static final int PROXIMAL = Var.PROXIMAL_CONCERN.ordinal();
    private static final int DISTAL = Var.DISTAL_CONCERN.ordinal();

    private final double tolerance, wc, wq, latency, escapeThreshold;
    private final double reassureMargin, reassureRefractory, h0, kG, memory;

    private double pressureTime;     // how long relief pressure has been positive
    private double sinceReassure = Double.POSITIVE_INFINITY;
    private double dose;             // recent reassurance dose Q: +1 per reassurance, decaying with tauQ
    private final Decay doseDecay;   // the dose fades with tau_q
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
        memory = p.get(Param.REASSURE_MEMORY);
        doseDecay = new Decay(memory);
    }

    /** Whether the client is asking to stop (distress above the escape threshold). */
    boolean clientAsking() {
        return clientAsking;
    }

    /**
     * G = (T - tol) / 100 + wc (ep - ed) + wq [perceived distress above the escape threshold]: the
     * therapist's own distress, the balance of concerns, and whether they see the client at her limit,
     * as they read her (so mentalizing, through the perceived distress, feeds the decision).
     */
    double pressure(double[] x) {
        return (x[THERAPIST_DISTRESS] - tolerance) / 100
                + wc * (x[PROXIMAL] - x[DISTAL])
                + (x[PERCEIVED] > escapeThreshold ? wq : 0);
    }

    void beginPhase() {
        clientAsking = false;
        pressureTime = 0;
    }

    /** A new session, {@code interval} minutes after the last: the dose has decayed over the interval. */
    void beginSession(double interval) {
        sinceReassure = Double.POSITIVE_INFINITY;
        dose *= Math.exp(-interval / memory);
    }

    /**
     * A reassurance: its weight 1/(1 + Q) at the recent dose Q (relief and the rise in reliance
     * saturate with dose and recent use), then Q grows by 1.
     */
    double reassured() {
        double weight = 1 / (1 + dose);
        dose += 1;
        sinceReassure = 0;
        return weight;
    }

    /** Time passes: {@code dt} more minutes since the last reassurance, and the dose decays. */
    void tick(double dt) {
        sinceReassure += dt;
        if (dose != 0) dose *= doseDecay.factor(dt);
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
