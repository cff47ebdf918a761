package org.tec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameter table: every trait, input and constant of the circuit model, with its
 * unit, range, default and the reason for its value. This is the one place a number
 * of the model lives; docs/MODEL.md is written from it ({@code tec params}).
 *
 * <p>A default of {@link Double#NaN} means "the same as {@link #fallback}", for
 * initial values that default to a baseline.
 */
public enum Param {
    // ---------------------------------------------------------------- therapist
    AFFECT_SHARING(Scope.THERAPIST, "affect_sharing", "s", "0-1", 0, 1, 0.5,
            "Trait level of sharing the client's affect; the client-to-therapist throttle."),
    MENTALIZING(Scope.THERAPIST, "mentalizing", "m", "0-1", 0, 1, 0.5,
            "Trait level of understanding the client's state; sharpens perceived distress."),
    PROXIMAL_CONCERN(Scope.THERAPIST, "proximal_concern", "ep", "0-1", 0, 1, 0.5,
            "Trait wish to relieve the client's distress now; tilts relief pressure up."),
    DISTAL_CONCERN(Scope.THERAPIST, "distal_concern", "ed", "0-1", 0, 1, 0.5,
            "Trait wish for the client's long-term good; tilts relief pressure down."),
    TOLERANCE(Scope.THERAPIST, "tolerance", "tol", "SUDS", 0, 100, 60,
            "Therapist distress above which the therapist seeks relief (MODEL.md s6)."),
    FATIGUE(Scope.THERAPIST, "fatigue", "f", "0-1", 0, 1, 0.1,
            "Tiredness brought into the room; slows and caps regulation, raises baseline."),
    THERAPIST_BASELINE(Scope.THERAPIST, "baseline", "muT", "SUDS", 0, 100, 10,
            "Therapist resting distress."),
    THERAPIST_DISTRESS(Scope.THERAPIST, "distress", "T0", "SUDS", 0, 100, Double.NaN,
            "Therapist distress at the start (default: the baseline)."),
    THERAPIST_POSITIVE_BASELINE(Scope.THERAPIST, "positive_baseline", "muTp", "0-100", 0, 100, 30,
            "Therapist resting positive affect."),
    THERAPIST_POSITIVE(Scope.THERAPIST, "positive", "Tp0", "0-100", 0, 100, Double.NaN,
            "Therapist positive affect at the start (default: the positive baseline)."),
    REGULATION_SKILL(Scope.THERAPIST, "regulation_skill", "q", "0-1", 0, 1, 0.7,
            "How quickly the therapist moves a component to its target."),
    AGENDA(Scope.THERAPIST, "agenda", "ag", "0-1", 0, 1, 0.3,
            "The urge to instruct and argue (the righting reflex); matters in MI."),

    // ---------------------------------------------------------------- client
    CLIENT_DISTRESS(Scope.CLIENT, "distress", "C0", "SUDS", 0, 100, 20,
            "Client distress at arrival."),
    CLIENT_BASELINE(Scope.CLIENT, "baseline", "muC", "SUDS", 0, 100, Double.NaN,
            "Client resting distress (default: distress at arrival)."),
    CLIENT_POSITIVE(Scope.CLIENT, "positive", "Cp0", "0-100", 0, 100, 30,
            "Client positive affect at arrival."),
    CLIENT_POSITIVE_BASELINE(Scope.CLIENT, "positive_baseline", "muCp", "0-100", 0, 100, Double.NaN,
            "Client resting positive affect (default: positive affect at arrival)."),
    FEAR(Scope.CLIENT, "fear", "V0", "0-1", 0, 1, 0.5,
            "Strength of the catastrophic belief about the feared stimulus."),
    SAFETY(Scope.CLIENT, "safety", "W0", "0-1", 0, 1, 0.1,
            "Reliance on safety signals such as reassurance; blocks inhibitory learning."),
    ESCAPE_THRESHOLD(Scope.CLIENT, "escape_threshold", "Cesc", "SUDS", 0, 100, 85,
            "Client distress above which the client asks to stop."),
    COVERT_AVOIDANCE(Scope.CLIENT, "covert_avoidance", "cav", "0-1", 0, 1, 0,
            "Tendency to avoid covertly under urge; lowers contact with the stimulus."),

    // ---------------------------------------------------------------- model: regulation (s2)
    RHO0(Scope.MODEL, "rho0", "rho0", "1/min", 0.01, 20, 2.0,
            "Regulation rate at full skill and no fatigue: a skilled therapist (q 0.7) moves a "
                    + "component with a time constant of about 0.8 min. Drove: R1 (affect sharing "
                    + "down before the exposure's first minutes)."),
    CAP0(Scope.MODEL, "cap0", "cap0", "0-1", 0, 1, 0.6,
            "Largest distance of a target from the trait, before fatigue. Lets a trait of 0.7 "
                    + "reach 0.25 (R1) but a trait of 1 not go below 0.46 at fatigue 0.1 (R5)."),

    // ---------------------------------------------------------------- model: affect (s3, s5)
    KS(Scope.MODEL, "ks", "ks", "1/min", 0, 20, 1.6,
            "Affect-sharing coupling gain, used as g(s) ks with g(s) = s^2. From the prototype "
                    + "(MODEL.md s6); drove R1 (s 0.25 keeps T under 35 with C near 80) and R2 "
                    + "(s 0.85 carries T past 60 within 3 min)."),
    TAU_T(Scope.MODEL, "tau_t", "tauT", "min", 0.05, 120, 4,
            "Therapist's return to baseline; slower than the client (patient-leading synchrony)."),
    TAU_C(Scope.MODEL, "tau_c", "tauC", "min", 0.05, 120, 0.5,
            "Client distress time constant: the fast rise at the start of an exposure (R1 peak "
                    + "within 5 min) and fast relief after an escape (R2)."),
    TAU_POS(Scope.MODEL, "tau_pos", "tauP", "min", 0.05, 120, 1.5,
            "Client positive affect time constant (celebration)."),
    BF(Scope.MODEL, "bf", "bf", "SUDS", 0, 100, 20,
            "How much fatigue raises the therapist's resting distress."),
    ETA(Scope.MODEL, "eta", "eta", "0-5", 0, 5, 0,
            "Contagion amplification (Bosse et al. 2015 spiral); off by default."),
    K_TC(Scope.MODEL, "k_tc", "kTC", "1/min", 0, 10, 1.0,
            "Therapist-to-client coupling of visible distress; weaker than client-to-therapist "
                    + "(Tschacher et al. 2025). Closes the spiral of R2."),

    // ---------------------------------------------------------------- model: mentalizing (s4)
    BETA0(Scope.MODEL, "beta0", "beta0", "0-1", 0, 1, 0.5,
            "Projection of the therapist's own distress onto the perceived client distress at m = 0 "
                    + "(truth-and-bias, West & Kenny 2011)."),

    // ---------------------------------------------------------------- model: exposure (s6)
    LAMBDA_H(Scope.MODEL, "lambda_h", "lamH", "1/min", 0, 10, 0.12,
            "Within-session habituation rate; a completed 15-min exposure at intensity 0.9 ends "
                    + "near 25-40% of its peak (R1; Portelo et al. 2021: exponential decay)."),
    ALPHA(Scope.MODEL, "alpha", "alpha", "1/min", 0, 10, 0.08,
            "Inhibitory learning rate (expectancy violation). R1: fear falls by more than 10% in "
                    + "one completed exposure; R6: under 0.2 within a course of weekly sessions."),
    TAU_URGE(Scope.MODEL, "tau_urge", "tauU", "min", 0.05, 60, 1,
            "Urge to escape follows distress relative to the escape threshold."),
    TAU_X(Scope.MODEL, "tau_x", "tauX", "min", 0.05, 60, 2,
            "Contact with the stimulus drifts to 1 - covert_avoidance * urge at this rate."),
    ENCOURAGE_RISE(Scope.MODEL, "encourage_rise", "enc", "SUDS", 0, 50, 3,
            "Immediate rise in client distress when the therapist coaches approach."),
    WC(Scope.MODEL, "wc", "wc", "0-1", 0, 1, 0.05,
            "Weight of the balance of concerns (ep - ed) in the relief pressure (MODEL.md s6)."),
    WQ(Scope.MODEL, "wq", "wq", "0-1", 0, 1, 0.1,
            "Extra relief pressure while the client asks to stop."),
    DECISION_LATENCY(Scope.MODEL, "decision_latency", "lat", "min", 0, 10, 0.5,
            "How long relief pressure must stay positive before the therapist ends the exposure: "
                    + "the therapist takes a moment to act, so their distress overshoots the "
                    + "tolerance (R2: both peak at or above 60)."),
    REASSURE_MARGIN(Scope.MODEL, "reassure_margin", "mR", "0-1", 0, 1, 0.12,
            "The therapist reassures when relief pressure exceeds -margin (a lower threshold "
                    + "on the same pressure, MODEL.md s6)."),
    REASSURE_REFRACTORY(Scope.MODEL, "reassure_refractory", "tR", "min", 0, 60, 3,
            "Least time between two automatic reassurances."),
    REASSURE_RELIEF(Scope.MODEL, "reassure_relief", "r", "SUDS", 0, 100, 10,
            "Immediate drop in client distress on reassurance."),
    REASSURE_SAFETY(Scope.MODEL, "reassure_safety", "rW", "0-1", 0, 1, 0.15,
            "Share of the remaining room by which reassurance raises safety reliance W."),
    ESCAPE_DISTRESS(Scope.MODEL, "escape_distress", "Cesc0", "SUDS", 0, 100, 50,
            "An exposure ended early with client distress at or above this is an escape."),
    ESCAPE_STRENGTHEN(Scope.MODEL, "escape_strengthen", "kV", "0-1", 0, 1, 0.25,
            "Belief strengthening after an escape: V += kV (Cpeak/100 - V)+ "
                    + "(Robinaugh-Haslbeck-Ryan panic model rule)."),
    G_V(Scope.MODEL, "g_v", "gV", "SUDS", 0, 100, 40,
            "Client baseline rise after an escape, times V: distress returns (Fig. 2c, R2)."),
    G_T(Scope.MODEL, "g_t", "gT", "SUDS", 0, 100, 20,
            "Therapist baseline rise after an escape, times ed and the unfinished fraction."),
    TAU_LAG(Scope.MODEL, "tau_lag", "tauL", "min", 0.05, 60, 2,
            "Lag of the returning distress after an escape: relief first, then the rebound (R2)."),
    K_PROGRESS(Scope.MODEL, "k_progress", "kP", "0-1", 0, 1, 0.6,
            "Celebration: the client's positive affect rises toward muCp + (100 - muCp) kP "
                    + "progress (R1)."),
    ;

    private final Scope scope;
    private final String key;
    private final String symbol;
    private final String unit;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final String reason;

    Param(Scope scope, String key, String symbol, String unit, double min, double max,
          double defaultValue, String reason) {
        this.scope = scope;
        this.key = key;
        this.symbol = symbol;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.reason = reason;
    }

    public Scope scope() { return scope; }
    public String key() { return key; }
    public String symbol() { return symbol; }
    public String unit() { return unit; }
    public double min() { return min; }
    public double max() { return max; }
    public double defaultValue() { return defaultValue; }
    public String reason() { return reason; }

    /** The parameter whose value an unset NaN default takes. */
    public Param fallback() {
        switch (this) {
            case THERAPIST_DISTRESS: return THERAPIST_BASELINE;
            case THERAPIST_POSITIVE: return THERAPIST_POSITIVE_BASELINE;
            case CLIENT_BASELINE: return CLIENT_DISTRESS;
            case CLIENT_POSITIVE_BASELINE: return CLIENT_POSITIVE;
            default: return null;
        }
    }

    /** "affect_sharing" etc. within a scope, or null. */
    public static Param find(Scope scope, String key) {
        for (Param p : values()) if (p.scope == scope && p.key.equals(key)) return p;
        return null;
    }

    public static List<String> keys(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Param p : values()) if (p.scope == scope) out.add(p.key);
        return Collections.unmodifiableList(out);
    }

    /** "0 to 1", "0 to 100 SUDS". */
    public String rangeText() {
        return fmt(min) + " to " + fmt(max) + (unit.isEmpty() || unit.equals("0-1") || unit.startsWith("0-") ? "" : " " + unit);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
