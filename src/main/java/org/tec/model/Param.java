package org.tec.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tec.text.Numbers;

/**
 * The parameter table: every trait, input and constant of the circuit model, with its
 * unit, range, default and the reason for its value. This is the one place a number
 * of the model lives; docs/MODEL.md is written from it ({@code tec params}).
 *
 * <p>A default of {@link Double#NaN} means "the same as {@link #fallback}", for
 * initial values that default to a baseline.
 */
public enum Param implements Keyed {
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
            "Therapist distress at the start (default: the resting level, baseline + bf fatigue)."),
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
    UNDERSTOOD(Scope.CLIENT, "understood", "U0", "0-1", 0, 1, 0.2,
            "Felt understanding at arrival."),
    DEFENSIVENESS(Scope.CLIENT, "defensiveness", "D0", "0-1", 0, 1, 0.1,
            "Defensiveness at arrival; reset at each session's start."),
    ALLIANCE(Scope.CLIENT, "alliance", "A0", "0-1", 0, 1, 0.3,
            "Therapeutic alliance at arrival; carried between sessions."),
    MOTIVATION(Scope.CLIENT, "motivation", "K0", "0-1", 0, 1, 0.3,
            "Readiness to change at arrival; carried between sessions."),
    WALKOUT_THRESHOLD(Scope.CLIENT, "walkout_threshold", "Dw", "0-1", 0, 1, 0.7,
            "Defensiveness above which the client leaves the session (dropout)."),

    // ---------------------------------------------------------------- model: regulation (s2)
    RHO0(Scope.MODEL, "rho0", "rho0", "1/min", 0.01, 20, 2.0,
            "Regulation rate at full skill and no fatigue: a skilled therapist (q 0.7) moves a "
                    + "component with a time constant of about 0.8 min. Drove: R1 (affect sharing "
                    + "down before the exposure's first minutes)."),
    CAP0(Scope.MODEL, "cap0", "cap0", "0-1", 0, 1, 0.5,
            "Largest distance of a target from the trait, before fatigue. At fatigue 0.1 a trait of 0.7 "
                    + "can just reach 0.25 (R1), while a trait of 1 cannot go below 0.55 and takes on enough "
                    + "distress to reassure (R5). 0.6 left R5's fall too small to see."),

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
            "Therapist-to-client contagion: a therapist visibly more distressed than both the client and "
                    + "their own resting level pulls the client's distress toward theirs, never beyond it "
                    + "(Hatfield et al. 1993; Bosse et al. 2015). Weaker than the client-to-therapist coupling at "
                    + "full throttle, ks (Tschacher et al. 2025: patient-leading synchrony). From v1, not refitted."),
    K_REF(Scope.MODEL, "k_ref", "kR", "0-5", 0, 5, 1.0,
            "Social referencing in exposure: the client reads the therapist's visible distress (T - muT)+ as a "
                    + "sign of danger, so the stimulus-driven part of her target distress grows by the factor "
                    + "1 + kR (T - muT)+/100 (Feinman 1982; in ERP, therapist anxiety about exposure, Deacon et al. "
                    + "2013). Calibrated: R2 (the ineffective therapist's spiral carries both past 60); at 0.5 the "
                    + "therapist peaks under 60 and R2 fails."),

    // ---------------------------------------------------------------- model: v2 slow processes
    TAU_SAFETY(Scope.MODEL, "tau_safety", "tauW", "min", 1, 1e6, 20160,
            "Safety-behaviour reliance W decays without reinforcement with this time constant (two weeks): "
                    + "unreinforced safety behaviours fade (inhibitory learning, Craske et al. 2014). Chosen, not "
                    + "fitted: an open question for fit; R6 holds from 1 week to 8 weeks."),
    REASSURE_MEMORY(Scope.MODEL, "reassure_memory", "tauQ", "min", 0.1, 1e4, 15,
            "Recent reassurance dose Q decays with this time constant; each reassurance acts with the weight "
                    + "1/(1 + Q) and adds 1 to Q, so relief and the rise in reliance saturate with dose and recent "
                    + "use (diminishing returns of repeated reassurance seeking, Rachman 2002). Chosen, not fitted."),
    K_CAP(Scope.MODEL, "k_cap", "kCap", "0-5", 0, 5, 0.5,
            "Capitalization: in a celebration the client's positive-affect target rises by the factor "
                    + "1 + kCap s when the therapist shares her good news (active-constructive responding, Gable & "
                    + "Reis 2010). Chosen: at s 0.8 the celebration lifts her about 40% further."),
    A_CAP(Scope.MODEL, "a_cap", "aCap", "1/min", 0, 10, 0.2,
            "Shared positive affect builds the alliance: dA/dt gains aCap s (Cp - muCp)+/100 (1 - A) in every "
                    + "phase (Gable & Reis: capitalization raises relationship quality). Chosen: R1's celebration "
                    + "raises the alliance by about 0.1."),
    K_LOAD(Scope.MODEL, "k_load", "kL", "0-1", 0, 1, 0.5,
            "Empathic distress load: the distress the therapist takes on beyond their tolerance, "
                    + "L = integral of (T - tol)+ dt in SUDS min, adds kL L / 100 to fatigue after the session "
                    + "(empathic distress, not empathy, wears a therapist out: Klimecki & Singer 2012). Chosen: "
                    + "Betsy's 30-min flooding exposure at s 0.85 (scenarios/model/flooding.tec) leaves about 0.08 of "
                    + "fatigue the next day, graded exposure none."),
    SOOTHE(Scope.MODEL, "soothe", "kSo", "0-1", 0, 1, 0.1,
            "Support, in the session: comfort lowers the client's distress target by the share kSo ep "
                    + "(proximal concern is the right goal there); the lasting relief is slow (tau_rest)."),
    TAU_REST(Scope.MODEL, "tau_rest", "tauB", "min", 1, 1e6, 600,
            "Grief is worked through slowly: in support phases the client's resting distress moves toward "
                    + "muC (1 - kC ep) with this time constant, in minutes of support (about 12 sessions of 50 min), "
                    + "and is carried between sessions. Chosen to put the relief on the scale of weeks (property 7); "
                    + "an open question for fit."),

    // ---------------------------------------------------------------- model: mentalizing (s4)
    BETA0(Scope.MODEL, "beta0", "beta0", "0-1", 0, 1, 0.5,
            "Projection of the therapist's own distress onto the perceived client distress at m = 0 "
                    + "(truth-and-bias, West & Kenny 2011)."),

    // ---------------------------------------------------------------- model: exposure (s6)
    LAMBDA_H(Scope.MODEL, "lambda_h", "lamH", "1/min", 0, 10, 0.12,
            "Within-session habituation rate; a completed 15-min exposure at intensity 0.9 ends "
                    + "at about 44% of its peak (R1 asks for at most 50%; Portelo et al. 2021: exponential decay)."),
    ALPHA(Scope.MODEL, "alpha", "alpha", "1/min", 0, 10, 0.08,
            "Inhibitory learning rate (expectancy violation). R1: fear falls by more than 10% in "
                    + "one completed exposure; R6: under 0.2 within a course of weekly sessions."),
    K_SIGNAL(Scope.MODEL, "k_signal", "kS", "0-1", 0, 1, 1,
            "A visibly distressed therapist partly confirms the threat, so expectancy violation "
                    + "(inhibitory learning) is scaled by 1 - kS (T - muT')+/100, muT' the therapist's effective "
                    + "baseline (with fatigue and rebound). Natural scale, not fitted. "
                    + "Without it the therapist's distress, passed on to the client, made exposure learning "
                    + "grow with affect sharing, against R5."),
    TAU_URGE(Scope.MODEL, "tau_urge", "tauU", "min", 0.05, 60, 1,
            "Urge to escape follows distress relative to the escape threshold."),
    TAU_X(Scope.MODEL, "tau_x", "tauX", "min", 0.05, 60, 2,
            "Contact with the stimulus drifts to 1 - covert_avoidance * urge at this rate."),
    ENCOURAGE_RISE(Scope.MODEL, "encourage_rise", "enc", "SUDS", 0, 50, 3,
            "Immediate rise in client distress when the therapist coaches approach."),
    WC(Scope.MODEL, "wc", "wc", "0-1", 0, 1, 0.05,
            "Weight of the balance of concerns (ep - ed) in the relief pressure (MODEL.md s6)."),
    WQ(Scope.MODEL, "wq", "wq", "0-1", 0, 1, 0.1,
            "Extra relief pressure while the therapist perceives the client at her limit (perceived "
                    + "distress above her escape threshold): mentalizing, through the perceived distress, feeds the decision."),
    DECISION_LATENCY(Scope.MODEL, "decision_latency", "lat", "min", 0, 10, 0.5,
            "How long relief pressure must stay positive before the therapist ends the exposure: "
                    + "the therapist takes a moment to act, so their distress overshoots the tolerance. "
                    + "R2 (both peak at or above 60) holds without it, but only just (therapist peak 60.8 "
                    + "at latency 0, 66 at 0.5)."),
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

    // ---------------------------------------------------------------- model: other phases (s8)
    K_EDU(Scope.MODEL, "k_edu", "kE", "1/min", 0, 10, 0.01,
            "Psychoeducation and assessment: felt understanding and motivation rise at kE m per minute."),
    COMFORT(Scope.MODEL, "comfort", "kC", "0-1", 0, 1, 0.6,
            "Support, lasting: the share kC ep of the client's resting distress that working through "
                    + "her loss in support sessions can resolve (at the rate of tau_rest)."),

    // ---------------------------------------------------------------- model: MI (s7)
    MI_A0(Scope.MODEL, "mi_a0", "a0", "logit", -10, 10, -1,
            "MI-consistent turn rate c = sigmoid(a0 + am m + as s - aa agenda): intercept."),
    MI_AM(Scope.MODEL, "mi_am", "am", "logit", 0, 20, 2.5,
            "Weight of mentalizing in c: understanding the client's view is most of MI (R3, R4)."),
    MI_AS(Scope.MODEL, "mi_as", "as", "logit", 0, 20, 1.5,
            "Weight of affect sharing in c (Rogers' accurate empathy resonates; R5)."),
    MI_AA(Scope.MODEL, "mi_aa", "aa", "logit", 0, 20, 3,
            "Weight of the agenda (righting reflex) against c. With the Charles therapists: c = 0.87 "
                    + "effective, 0.10 ineffective (R3, R4)."),
    ALPHA_U(Scope.MODEL, "alpha_u", "aU", "1/min", 0, 10, 0.15,
            "Felt understanding follows accuracy s: dU/dt = aU (accuracy s - U)."),
    D1(Scope.MODEL, "d1", "d1", "1/min", 0, 10, 0.05,
            "Defensiveness grows with MI-inconsistent turns: d1 (1 - c). The ineffective Charles therapist "
                    + "(c 0.10) crosses the walkout threshold 0.7 about 27 min into the MI phase (R4)."),
    D2(Scope.MODEL, "d2", "d2", "1/min", 0, 10, 0.2,
            "Defensiveness melts with felt understanding: - d2 U D. Keeps D < 0.3 in effective MI (R3)."),
    ALPHA_A(Scope.MODEL, "alpha_a", "aA", "1/min", 0, 10, 0.1,
            "Alliance follows U (1 - D)."),
    K1(Scope.MODEL, "k1", "k1", "1/min", 0, 10, 0.05,
            "Change talk: motivation grows at k1 A U (1 - K). Effective MI raises K by more than 0.2 in "
                    + "30 min (R3)."),
    K2(Scope.MODEL, "k2", "k2", "1/min", 0, 10, 0.05,
            "Sustain talk: motivation falls at k2 D K (R4: K ends below its start)."),
    E_AMB(Scope.MODEL, "e_amb", "eA", "0-1", 0, 1, 0.1,
            "Exploring ambivalence raises the client's distress a little: share eA c of the room above baseline."),
    E_DEF(Scope.MODEL, "e_def", "eD", "0-1", 0, 1, 0.5,
            "Defensiveness raises it more: share eD D of the room above baseline."),
    K_WARM(Scope.MODEL, "k_warm", "kW", "0-1", 0, 1, 0.5,
            "Warmth in MI: the client's positive affect rises toward muCp + (100 - muCp) kW U A; the "
                    + "therapist shares it through s (R3: Tp rises)."),
    TURN(Scope.MODEL, "turn", "dturn", "min", 0.01, 10, 0.5,
            "Length of one therapist turn in MI when turns are drawn (noise on)."),
    VALIDATE_GAIN(Scope.MODEL, "validate_gain", "gU", "0-1", 0, 1, 0.1,
            "validate / reflect: U rises by gU (1 - U), D falls by gU D / 2."),
    CONFRONT_GAIN(Scope.MODEL, "confront_gain", "gD", "0-1", 0, 1, 0.15,
            "confront / advise: D rises by gD (1 - D)."),

    // ---------------------------------------------------------------- model: covert avoidance (s4)
    K_NOTICE(Scope.MODEL, "k_notice", "kN", "1/min", 0, 20, 1,
            "Hazard per minute, times m, that the therapist notices covert avoidance (contact < 0.9) "
                    + "and blocks it."),

    // ---------------------------------------------------------------- model: noise (s8)
    SIGMA_C(Scope.MODEL, "sigma_c", "sC", "SUDS/sqrt(min)", 0, 100, 4,
            "Ornstein-Uhlenbeck noise on client distress at noise 1 (Kuppens et al. 2010 DynAffect)."),
    SIGMA_T(Scope.MODEL, "sigma_t", "sT", "SUDS/sqrt(min)", 0, 100, 3,
            "Ornstein-Uhlenbeck noise on therapist distress at noise 1."),
    SIGMA0(Scope.MODEL, "sigma0", "s0", "SUDS", 0, 100, 10,
            "Perception noise of the therapist's estimate at m = 0: sd sigma0 (1 - m)."),
    H0(Scope.MODEL, "h0", "h0", "1/min", 0, 100, 2,
            "Stochastic relief: the therapist ends an exposure with hazard h0 sigmoid(kG G) per minute."),
    K_G(Scope.MODEL, "k_g", "kG", "1/unit", 0, 1000, 30,
            "Steepness of the relief hazard: at G = -0.27 (effective Betsy therapist) it is 0.0006/min; "
                    + "at G = +0.05 it is 1.6/min."),

    // ---------------------------------------------------------------- model: courses (s8)
    RECOVERY(Scope.MODEL, "recovery", "rS", "0-1", 0, 1, 0.35,
            "Spontaneous recovery: between sessions the share rS (1 - exp(-interval / tauS)) of the "
                    + "session's fear reduction returns (Paskewitz et al. 2022). Chosen, not fitted: about a fifth "
                    + "of a session's learning returns within a week; R6 holds for any value from 0 to 0.7."),
    TAU_RECOVERY(Scope.MODEL, "tau_recovery", "tauS", "min", 1, 1e6, 10080,
            "Time constant of spontaneous recovery: one week."),
    K_FATIGUE(Scope.MODEL, "k_fatigue", "kF", "1/min", 0, 1, 0.01,
            "Regulation effort in a session adds kF per effort-minute to fatigue (between sessions)."),
    TAU_FATIGUE(Scope.MODEL, "tau_fatigue", "tauF", "min", 1, 1e6, 2880,
            "Fatigue above the therapist's own level fades between sessions with this time constant (2 days)."),
    ;

    private static final Map<Scope, Map<String, Param>> BY_KEY = new EnumMap<>(Scope.class);
    private static final Map<Scope, List<String>> KEYS = new EnumMap<>(Scope.class);

    static {
        for (Scope s : Scope.values()) {
            List<Param> in = new ArrayList<>();
            for (Param p : values()) if (p.scope == s) in.add(p);
            BY_KEY.put(s, Keyed.index(in));
            KEYS.put(s, Keyed.keys(in));
        }
    }

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
        Map<String, Param> in = BY_KEY.get(scope);
        return in == null ? null : in.get(key);
    }

    public static List<String> keys(Scope scope) {
        return KEYS.getOrDefault(scope, List.of());
    }

    /** The one range check of a parameter: false for NaN and anything outside [min, max]. */
    public boolean allows(double v) {
        return v >= min && v <= max;
    }

    /** "0 to 1", "0 to 100 SUDS". */
    public String rangeText() {
        return Numbers.plain(min) + " to " + Numbers.plain(max) + (unit.isEmpty() || unit.equals("0-1") || unit.startsWith("0-") ? "" : " " + unit);
    }
}
