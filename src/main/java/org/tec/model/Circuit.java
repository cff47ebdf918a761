package org.tec.model;

/**
 * One run of the therapeutic emotional circuit (MODEL.md sections 1-6): the state,
 * the equations, and the therapist's automatic relief policy. It knows nothing of
 * scripts; the interpreter tells it which phase is running and what the therapist does.
 *
 * <p>Integration is forward Euler with a fixed step; every state variable is clamped to
 * its range after each step. The parts with constants and state of their own are
 * {@link Regulators}, {@link Relief}, {@link MiDynamics} and {@link Perception}; the circuit
 * calls them in a fixed order, which is also the order of the random draws of a noisy run.
 * Not thread-safe: one circuit per run.
 */
public final class Circuit {
    /** The component whose level each state variable is, by variable ordinal; null for the others. */
    private static final Component[] COMPONENT_AT = new Component[Var.COUNT];

    /** Each variable's range, by ordinal: values() copies its array on every call. */
    private static final double[] VAR_MIN = new double[Var.COUNT], VAR_MAX = new double[Var.COUNT];

    static {
        for (Component c : Component.values()) COMPONENT_AT[c.level().ordinal()] = c;
        for (Var v : Var.values()) {
            VAR_MIN[v.ordinal()] = v.min();
            VAR_MAX[v.ordinal()] = v.max();
        }
    }

    private final ParamSet p;
    private final double[] x = new double[Var.COUNT];

    // constants, read once
    private final double ks, tauT, tauC, tauPos, bf, eta, kTC, lambdaH, alpha, kSignal, tauUrge, tauX, encourageRise;
    private final double reassureRelief, reassureSafety, escapeDistress, escapeStrengthen, gV, gT, tauLag, kProgress;
    private final double kEdu, comfort, alphaA, k1Rate, k2Rate, sigmaC, sigmaT, recovery, tauRecovery, kFatigue, tauFatigue;
    private final double kRef, tauSafety, kCap, aCap, kLoad, soothe, tauRest, tolerance;

    // therapist inputs
    private final double fatigueTrait, muT, muTp;
    // client inputs
    private final double muC, muCp, escapeThreshold, covertAvoidance, walkoutThreshold;

    // noise: null when the run is deterministic
    private final java.util.random.RandomGenerator rng;
    private final double noise;

    // the parts with constants and state of their own
    private final Regulators regulators;
    private final Relief relief;
    private final MiDynamics mi;
    private final Perception perception;

    private double clock;            // minutes since the session began
    private PhaseKind phase = PhaseKind.FREE;
    private double intensity;        // exposure intensity I, 0 outside exposures
    private double reboundClient, reboundClientTarget;
    private double reboundTherapist, reboundTherapistTarget;
    private double fearAtExposureStart;
    private double peakInExposure;
    private double fearAtSessionStart;
    private boolean exposureCompleted;
    private boolean noticed;
    private double effortAtSessionStart;
    private int session = 1;
    private double restShift;        // how far support has lowered the client's resting distress (slow, carried)
    private double load;             // the distress the therapist took on beyond their tolerance this session, SUDS min
    private final Decay safetyDecay;  // unreinforced safety reliance fades with tau_safety

    /** A deterministic circuit. */
    public Circuit(ParamSet params) {
        this(params, null, 0);
    }

    /**
     * A circuit with noise of scale {@code noise} drawn from {@code rng} (both the
     * Ornstein-Uhlenbeck terms and the stochastic decisions); deterministic when rng is null
     * or noise is 0.
     */
    public Circuit(ParamSet params, java.util.random.RandomGenerator rng, double noise) {
        this.p = params;
        this.rng = noise > 0 ? rng : null;
        this.noise = this.rng == null ? 0 : noise;
        this.regulators = new Regulators(p);
        this.relief = new Relief(p);
        this.mi = new MiDynamics(p, this.rng);
        this.perception = new Perception(p, this.rng, this.noise);
        ks = p.get(Param.KS);
        tauT = p.get(Param.TAU_T);
        tauC = p.get(Param.TAU_C);
        tauPos = p.get(Param.TAU_POS);
        bf = p.get(Param.BF);
        eta = p.get(Param.ETA);
        kTC = p.get(Param.K_TC);
        lambdaH = p.get(Param.LAMBDA_H);
        alpha = p.get(Param.ALPHA);
        kSignal = p.get(Param.K_SIGNAL);
        tauUrge = p.get(Param.TAU_URGE);
        tauX = p.get(Param.TAU_X);
        encourageRise = p.get(Param.ENCOURAGE_RISE);
        reassureRelief = p.get(Param.REASSURE_RELIEF);
        reassureSafety = p.get(Param.REASSURE_SAFETY);
        escapeDistress = p.get(Param.ESCAPE_DISTRESS);
        escapeStrengthen = p.get(Param.ESCAPE_STRENGTHEN);
        gV = p.get(Param.G_V);
        gT = p.get(Param.G_T);
        tauLag = p.get(Param.TAU_LAG);
        kProgress = p.get(Param.K_PROGRESS);
        kEdu = p.get(Param.K_EDU);
        comfort = p.get(Param.COMFORT);
        alphaA = p.get(Param.ALPHA_A);
        k1Rate = p.get(Param.K1);
        k2Rate = p.get(Param.K2);
        sigmaC = p.get(Param.SIGMA_C);
        sigmaT = p.get(Param.SIGMA_T);
        recovery = p.get(Param.RECOVERY);
        tauRecovery = p.get(Param.TAU_RECOVERY);
        kFatigue = p.get(Param.K_FATIGUE);
        tauFatigue = p.get(Param.TAU_FATIGUE);
        kRef = p.get(Param.K_REF);
        tauSafety = p.get(Param.TAU_SAFETY);
        safetyDecay = new Decay(tauSafety);
        kCap = p.get(Param.K_CAP);
        aCap = p.get(Param.A_CAP);
        kLoad = p.get(Param.K_LOAD);
        soothe = p.get(Param.SOOTHE);
        tauRest = p.get(Param.TAU_REST);
        tolerance = p.get(Param.TOLERANCE);

        fatigueTrait = p.get(Param.FATIGUE);
        muT = p.get(Param.THERAPIST_BASELINE);
        muTp = p.get(Param.THERAPIST_POSITIVE_BASELINE);
        muC = p.get(Param.CLIENT_BASELINE);
        muCp = p.get(Param.CLIENT_POSITIVE_BASELINE);
        escapeThreshold = p.get(Param.ESCAPE_THRESHOLD);
        covertAvoidance = p.get(Param.COVERT_AVOIDANCE);
        walkoutThreshold = p.get(Param.WALKOUT_THRESHOLD);
        arrive();
    }

    /** The state at the client's arrival: the components at their traits, the rest as the params say. */
    private void arrive() {
        regulators.reset(x);
        x[Var.CLIENT_DISTRESS.ordinal()] = p.get(Param.CLIENT_DISTRESS);
        x[Var.CLIENT_POSITIVE.ordinal()] = p.get(Param.CLIENT_POSITIVE);
        x[Var.FEAR.ordinal()] = p.get(Param.FEAR);
        x[Var.SAFETY.ordinal()] = p.get(Param.SAFETY);
        x[Var.THERAPIST_POSITIVE.ordinal()] = p.get(Param.THERAPIST_POSITIVE);
        x[Var.CONTACT.ordinal()] = 1;
        x[Var.UNDERSTOOD.ordinal()] = p.get(Param.UNDERSTOOD);
        x[Var.DEFENSIVENESS.ordinal()] = p.get(Param.DEFENSIVENESS);
        x[Var.ALLIANCE.ordinal()] = p.get(Param.ALLIANCE);
        x[Var.MOTIVATION.ordinal()] = p.get(Param.MOTIVATION);
        x[Var.FATIGUE.ordinal()] = fatigueTrait;
        arriveDistress();
        fearAtSessionStart = get(Var.FEAR);
        perception.perceive(x);
    }

    /**
     * Both parties' distress and resting levels at a session's start: baselines are part of the
     * initial state. The therapist arrives at their resting level (baseline plus what fatigue adds)
     * unless a starting distress is given; the client at her arrival distress, lowered by what
     * support has worked through so far.
     */
    private void arriveDistress() {
        double restingT = clamp(muT + bf * get(Var.FATIGUE), 0, 100);
        x[Var.THERAPIST_BASELINE.ordinal()] = restingT;
        x[Var.THERAPIST_DISTRESS.ordinal()] = p.given(Param.THERAPIST_DISTRESS) ? p.get(Param.THERAPIST_DISTRESS) : restingT;
        x[Var.CLIENT_BASELINE.ordinal()] = clamp(muC - restShift, 0, 100);
        x[Var.CLIENT_DISTRESS.ordinal()] = clamp(p.get(Param.CLIENT_DISTRESS) - restShift, 0, 100);
        load = 0;
    }

    /** Whether this circuit draws noise. */
    public boolean stochastic() {
        return rng != null;
    }

    /**
     * Starts the next session of a course, {@code interval} minutes after the last one
     * ended (MODEL.md s8). Fear, safety, understanding, alliance, motivation, effort and
     * fatigue carry over; part of the last session's fear reduction returns (spontaneous
     * recovery); affect, habituation, urge, defensiveness and the components start afresh.
     */
    public void beginNextSession(double interval) {
        session++;
        double v = get(Var.FEAR);
        double vStart = fearAtSessionStart;
        if (vStart > v) v += recovery * (1 - Math.exp(-interval / tauRecovery)) * (vStart - v);
        x[Var.FEAR.ordinal()] = clamp(v, 0, 1);
        double effort = get(Var.EFFORT) - effortAtSessionStart;
        // fatigue: the session's regulation effort and the distress the therapist took on, then rest
        double f = clamp(get(Var.FATIGUE) + kFatigue * effort + kLoad * load / 100, 0, 1);
        x[Var.FATIGUE.ordinal()] = clamp(fatigueTrait + (f - fatigueTrait) * Math.exp(-interval / tauFatigue), 0, 1);
        // unreinforced safety behaviour fades over the interval
        x[Var.SAFETY.ordinal()] = get(Var.SAFETY) * Math.exp(-interval / tauSafety);
        arriveDistress();
        x[Var.CLIENT_POSITIVE.ordinal()] = p.get(Param.CLIENT_POSITIVE);
        x[Var.THERAPIST_POSITIVE.ordinal()] = p.get(Param.THERAPIST_POSITIVE);
        x[Var.HABITUATION.ordinal()] = 0;
        x[Var.URGE.ordinal()] = 0;
        x[Var.CONTACT.ordinal()] = 1;
        x[Var.DEFENSIVENESS.ordinal()] = p.get(Param.DEFENSIVENESS);
        x[Var.MI_CONSISTENT.ordinal()] = 0;
        regulators.reset(x);
        reboundClient = reboundClientTarget = reboundTherapist = reboundTherapistTarget = 0;
        exposureCompleted = false;
        fearAtSessionStart = get(Var.FEAR);
        effortAtSessionStart = get(Var.EFFORT);
        clock = 0;
        relief.beginSession(interval);
        mi.beginSession();
        phase = PhaseKind.FREE;
        perception.perceive(x);
    }

    public int session() {
        return session;
    }

    public ParamSet params() {
        return p;
    }

    public double get(Var v) {
        return x[v.ordinal()];
    }

    /**
     * Copies the state vector into {@code into} (indexed by {@link Var#ordinal()}) and says
     * whether every variable is finite (exactly: no false alarms); {@link #firstNonFinite}
     * then names the one that is not.
     */
    public boolean copyStateFinite(double[] into) {
        double[] s = x;
        System.arraycopy(s, 0, into, 0, s.length);
        // a double is NaN or infinite when its exponent bits are all ones; adding one to them
        // then carries into the sign bit: integer operations, with no chain of floating-point
        // additions for each step to wait on
        long carry = 0;
        for (double v : s) carry |= (Double.doubleToRawLongBits(v) & 0x7FF0_0000_0000_0000L) + 0x0010_0000_0000_0000L;
        return carry >= 0;
    }

    /** The first state variable that is NaN or infinite, or null when all are finite. */
    public Var firstNonFinite() {
        for (int i = 0; i < x.length; i++) if (!Double.isFinite(x[i])) return Var.values()[i];
        return null;
    }

    /** A copy of the state vector, indexed by {@link Var#ordinal()}. */
    public void copyState(double[] into) {
        System.arraycopy(x, 0, into, 0, x.length);
    }

    /** A copy of the state vector into {@code into} from {@code offset} on (a row of a flat table). */
    public void copyState(double[] into, int offset) {
        System.arraycopy(x, 0, into, offset, x.length);
    }

    /** A script's {@code set}: the value is clamped to the variable's range (and a component to the capacity). */
    public void set(Var v, double value) {
        x[v.ordinal()] = clamp(value, v.min(), v.max());
        Component c = COMPONENT_AT[v.ordinal()];
        // a component can be set no further from its trait than the therapist's capacity allows
        if (c != null) regulators.set(c, x);
        if (v == Var.CLIENT_DISTRESS || v == Var.THERAPIST_DISTRESS) perception.perceive(x);
    }

    public double clock() {
        return clock;
    }

    public double intensity() {
        return intensity;
    }

    /** The capacity (largest distance of a target from the trait) at the current fatigue. */
    public double capacity() {
        return regulators.capacity(get(Var.FATIGUE));
    }

    /** The regulation rate rho = skill (1 - f/2) rho0, per minute. */
    public double regulationRate() {
        return regulators.rate(get(Var.FATIGUE));
    }

    /** The fastest rate in the equations, per minute: a step must stay well under its inverse. */
    public double fastestRate() {
        double affect = 1 / tauT + ks * (1 + eta);
        double client = 1 / tauC + kTC;
        double slowest = Math.max(Math.max(1 / tauPos, 1 / tauUrge), Math.max(1 / tauX, 1 / tauLag));
        // learning and MI: each a first-order rate at most its constant (levels are 0..1)
        double learning = Math.max(Math.max(lambdaH, alpha), Math.max(Math.max(mi.alphaU, kEdu),
                Math.max(mi.d2, Math.max(alphaA + aCap, k1Rate + k2Rate))));
        return Math.max(Math.max(affect, client), Math.max(regulationRate(), Math.max(slowest, learning)));
    }

    // ------------------------------------------------------------ phases

    public void beginPhase(PhaseKind kind) {
        phase = kind;
        intensity = 0;
        relief.beginPhase();
        if (kind == PhaseKind.EXPOSURE) {
            fearAtExposureStart = get(Var.FEAR);
            peakInExposure = get(Var.CLIENT_DISTRESS);
            x[Var.CONTACT.ordinal()] = 1;
            perception.beginExposure();
        }
        x[Var.INTENSITY.ordinal()] = 0;
        if (kind != PhaseKind.MI) x[Var.MI_CONSISTENT.ordinal()] = 0;
    }

    /** Exposure intensity for the coming step (the interpreter ramps or steps it). */
    public void setIntensity(double value) {
        intensity = phase == PhaseKind.EXPOSURE ? clamp(value, 0, 1) : 0;
        x[Var.INTENSITY.ordinal()] = intensity;
    }

    /** The exposure ran its planned time: the celebration has progress to share. */
    public void exposureCompleted() {
        exposureCompleted = true;
        intensity = 0;
        x[Var.INTENSITY.ordinal()] = 0;
    }

    /**
     * The exposure ended before its planned time. If the client was still afraid, this is
     * an escape (MODEL.md s6): relief, the learning of the exposure does not hold and the
     * belief strengthens, and distress returns with a lag.
     */
    public Escape exposureEndedEarly(double unfinishedFraction) {
        double c = get(Var.CLIENT_DISTRESS);
        double before = get(Var.FEAR);
        intensity = 0;
        x[Var.INTENSITY.ordinal()] = 0;
        if (c < escapeDistress) return new Escape(false, c, before, before);
        double v = fearAtExposureStart;
        v += escapeStrengthen * Math.max(0, peakInExposure / 100 - v);
        x[Var.FEAR.ordinal()] = clamp(v, 0, 1);
        reboundClientTarget = gV * get(Var.FEAR);
        reboundTherapistTarget = gT * get(Var.DISTAL_CONCERN) * clamp(unfinishedFraction, 0, 1);
        return new Escape(true, c, before, get(Var.FEAR));
    }

    // ------------------------------------------------------------ the therapist's actions

    /**
     * Sets a component's target; {@code over} minutes ramps the target linearly from the
     * current level (0 sets it at once). The component then follows at the regulation rate.
     */
    public Regulation regulate(Component c, double requested, double over) {
        return regulators.regulate(c, requested, over, x, clock);
    }

    /** The target goes back to the trait. */
    public void release(Component c, double over) {
        regulate(c, regulators.trait(c), over);
    }

    public double trait(Component c) {
        return regulators.trait(c);
    }

    public double target(Component c) {
        return regulators.target(c);
    }

    /** Coaching approach: full contact with the stimulus, and a small rise in distress. */
    public void encourage() {
        x[Var.CONTACT.ordinal()] = 1;
        if (phase == PhaseKind.EXPOSURE) {
            addDistress(encourageRise);
        }
    }

    /**
     * Reassurance: immediate relief, but safety reliance grows (it blocks learning); both with the
     * weight 1/(1 + Q) of the recent dose, so repeated reassurance soothes less and less.
     */
    public void reassure() {
        double weight = relief.reassured();
        addDistress(-reassureRelief * weight);
        double w = get(Var.SAFETY);
        x[Var.SAFETY.ordinal()] = clamp(w + reassureSafety * weight * (1 - w), 0, 1);
    }

    /** validate / reflect (MI): felt understanding rises, defensiveness eases. */
    public void validate() {
        mi.validate(x);
    }

    /** confront / advise without permission (MI): defensiveness rises. */
    public void confront() {
        mi.confront(x);
    }

    /** The therapist noticed covert avoidance in the last step (and restored contact). */
    public boolean noticedAvoidance() {
        return noticed;
    }

    private void addDistress(double d) {
        x[Var.CLIENT_DISTRESS.ordinal()] = clamp(get(Var.CLIENT_DISTRESS) + d, 0, 100);
        if (phase == PhaseKind.EXPOSURE) peakInExposure = Math.max(peakInExposure, get(Var.CLIENT_DISTRESS));
    }

    // ------------------------------------------------------------ the step

    /** Whether the client is asking to stop (distress above the escape threshold). */
    public boolean clientAsking() {
        return relief.clientAsking();
    }

    /** The therapist's relief pressure G (MODEL.md s6). */
    public double reliefPressure() {
        return relief.pressure(x);
    }

    // the extended state a step integrates: every state variable (by ordinal), then the hidden continuous ones
    static final int REBOUND_C = Var.COUNT, REBOUND_T = Var.COUNT + 1, REST_SHIFT = Var.COUNT + 2, LOAD = Var.COUNT + 3;
    static final int DIMENSION = Var.COUNT + 4;
    private static final int C = Var.CLIENT_DISTRESS.ordinal(), CP = Var.CLIENT_POSITIVE.ordinal();
    private static final int T = Var.THERAPIST_DISTRESS.ordinal(), TP = Var.THERAPIST_POSITIVE.ordinal();
    private static final int V = Var.FEAR.ordinal(), H = Var.HABITUATION.ordinal(), W = Var.SAFETY.ordinal();
    private static final int UR = Var.URGE.ordinal(), X = Var.CONTACT.ordinal(), U = Var.UNDERSTOOD.ordinal();
    private static final int D = Var.DEFENSIVENESS.ordinal(), A = Var.ALLIANCE.ordinal(), K = Var.MOTIVATION.ordinal();
    private static final int S = Var.AFFECT_SHARING.ordinal(), M = Var.MENTALIZING.ordinal(), EP = Var.PROXIMAL_CONCERN.ordinal();
    private static final int F = Var.FATIGUE.ordinal();
    /** The variables a step integrates and then clamps to their ranges, with the components (followed by the regulators). */
    private static final int[] INTEGRATED = {C, T, CP, TP, H, V, UR, X, U, D, A, K};

    private Integration integration = Integration.DEFAULT;
    private final double[] y = new double[DIMENSION], k1 = new double[DIMENSION], k2 = new double[DIMENSION];
    private final double[] k3 = new double[DIMENSION], k4 = new double[DIMENSION], stage = new double[DIMENSION];
    private final double[] k5 = new double[DIMENSION], k6 = new double[DIMENSION], k7 = new double[DIMENSION];
    private final double[] y5 = new double[DIMENSION];
    private double lastSubstep = Double.NaN;   // the adaptive method's last accepted sub-step, the first guess of the next
    /** Each variable's error scale in the adaptive method: its range (at most 100), or its size when larger. */
    private static final double[] ERROR_SCALE = new double[DIMENSION];

    static {
        for (Var v : Var.values()) ERROR_SCALE[v.ordinal()] = Math.min(100, v.max() - v.min());
        for (int i = Var.COUNT; i < DIMENSION; i++) ERROR_SCALE[i] = 100;
    }
    private double heldShare;        // the MI share of this step when turns are drawn (noise on): held over the step
    private boolean stepExposing;    // whether this step exposes (the intensity is held over the step)

    /** How the coming steps integrate: the method and, for the adaptive one, its tolerance (Euler unless told). */
    public void integrate(Integration how) {
        this.integration = how;
    }

    /** Advances the state by {@code dt} minutes and returns the automatic decision of this step. */
    public Decision step(double dt, Policy policy) {
        beginStep();
        copyExtendedState(y);
        integrate(dt);
        // Ornstein-Uhlenbeck noise, as Euler-Maruyama increments: the client's term drawn first, then the therapist's
        double noiseC = ou(sigmaC, dt), noiseT = ou(sigmaT, dt);
        x[C] = clamp(y[C] + noiseC, 0, 100);
        x[T] = clamp(y[T] + noiseT, 0, 100);
        for (int i = 2; i < INTEGRATED.length; i++) {
            int v = INTEGRATED[i];
            x[v] = clamp(y[v], VAR_MIN[v], VAR_MAX[v]);
        }
        x[W] = x[W] * safetyDecay.factor(dt);   // linear and alone: integrated exactly, by any method
        restShift = y[REST_SHIFT];
        load = y[LOAD];
        reboundClient = y[REBOUND_C];
        reboundTherapist = y[REBOUND_T];
        x[Var.MI_CONSISTENT.ordinal()] = phase == PhaseKind.MI ? miShare(x) : 0;
        return settle(dt, policy, stepExposing);
    }

    /** What a step holds constant over its length: whether it exposes, and (with noise) the MI turn drawn at its start. */
    void beginStep() {
        stepExposing = phase == PhaseKind.EXPOSURE && intensity > 0;
        heldShare = phase == PhaseKind.MI && rng != null ? mi.share(get(Var.AFFECT_SHARING), get(Var.MENTALIZING), clock) : 0;
    }

    /** One step of the method from y (the state at the clock) to y (the state dt later). */
    private void integrate(double dt) {
        switch (integration.method()) {
            case EULER -> {
                derivatives(clock, y, k1);
                for (int i = 0; i < DIMENSION; i++) y[i] = y[i] + dt * k1[i];
            }
            case HEUN -> {
                derivatives(clock, y, k1);
                for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + dt * k1[i];
                derivatives(clock + dt, stage, k2);
                for (int i = 0; i < DIMENSION; i++) y[i] = y[i] + 0.5 * dt * (k1[i] + k2[i]);
            }
            case RK4 -> {
                derivatives(clock, y, k1);
                for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + 0.5 * dt * k1[i];
                derivatives(clock + 0.5 * dt, stage, k2);
                for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + 0.5 * dt * k2[i];
                derivatives(clock + 0.5 * dt, stage, k3);
                for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + dt * k3[i];
                derivatives(clock + dt, stage, k4);
                for (int i = 0; i < DIMENSION; i++) y[i] = y[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            case DOPRI5 -> adaptive(dt);
        }
    }

    // Dormand-Prince 5(4) (Dormand and Prince 1980; the tableau of Hairer, Norsett and Wanner, Solving ODEs I, II.5)
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // the fifth-order solution less the embedded fourth-order one
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525,
            E7 = -1.0 / 40;
    /** The shortest sub-step, as a share of the step: where the error control would need shorter ones, it takes these. */
    static final double MIN_SUBSTEP = 1e-4;

    /**
     * The adaptive step: Dormand-Prince 5(4) sub-steps from the clock to the clock + dt, each
     * accepted when its error estimate is at most the tolerance times each variable's error scale
     * (its range, at most 100, or its size when larger); the next sub-step grows or shrinks by
     * 0.9 (1/err)^(1/5), within a factor of 0.2 to 5. It lands on the step's end exactly, so the
     * samples, triggers and decisions keep the script's step.
     */
    private void adaptive(double dt) {
        double t = clock, end = clock + dt;
        double h = Double.isNaN(lastSubstep) ? dt : Math.min(dt, lastSubstep);
        double hMin = dt * MIN_SUBSTEP;
        derivatives(t, y, k1);
        while (t < end) {
            boolean last = t + h >= end - 1e-12 * dt;
            if (last) h = end - t;
            for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + h * A21 * k1[i];
            derivatives(t + h / 5, stage, k2);
            for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            derivatives(t + 0.3 * h, stage, k3);
            for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            derivatives(t + 0.8 * h, stage, k4);
            for (int i = 0; i < DIMENSION; i++) stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            derivatives(t + 8.0 / 9 * h, stage, k5);
            for (int i = 0; i < DIMENSION; i++) {
                stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            derivatives(t + h, stage, k6);
            for (int i = 0; i < DIMENSION; i++) y5[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            derivatives(t + h, y5, k7);
            double err = 0;
            for (int i = 0; i < DIMENSION; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double scale = integration.tolerance() * Math.max(ERROR_SCALE[i], Math.abs(y[i]));
                err = Math.max(err, Math.abs(e) / scale);
            }
            double grow = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (err <= 1 || h <= hMin) {
                t = last ? end : t + h;
                System.arraycopy(y5, 0, y, 0, DIMENSION);
                System.arraycopy(k7, 0, k1, 0, DIMENSION);   // first same as last
                if (!last) lastSubstep = h;
                h = Math.max(hMin, h * grow);
            } else {
                h = Math.max(hMin, h * grow);
            }
        }
    }

    /** The extended state now: the state variables, then the rebounds, what support has worked through, and the load. */
    void copyExtendedState(double[] into) {
        System.arraycopy(x, 0, into, 0, Var.COUNT);
        into[REBOUND_C] = reboundClient;
        into[REBOUND_T] = reboundTherapist;
        into[REST_SHIFT] = restShift;
        into[LOAD] = load;
    }

    /** The MI share at state z: with noise the turn drawn for this step, without it the rate at z's s and m. */
    private double miShare(double[] z) {
        return rng != null ? heldShare : mi.rate(z[S], z[M]);
    }

    /**
     * The right-hand side of the continuous equations at {@code time} (minutes into the session)
     * and extended state {@code z}, into {@code dz}; it changes nothing. The phase, the
     * intensity, the targets' ramps and the therapist's fatigue are this circuit's, as the
     * step sees them. Variables that do not move continuously (fatigue, effort, intensity, the
     * MI share, safety, which is integrated exactly) get 0.
     */
    void derivatives(double time, double[] z, double[] dz) {
        java.util.Arrays.fill(dz, 0);
        double c = z[C], cp = z[CP], t = z[T], tp = z[TP];
        double v = z[V], h = z[H], w = z[W];
        double urge = z[UR], contact = z[X];
        double u = z[U], d = z[D], a = z[A], k = z[K];
        double s = z[S], m = z[M], ep = z[EP];
        double fatigue = z[F];
        double g = s * s * ks;
        double muTeff = muT + bf * fatigue + z[REBOUND_T];
        double restC = Math.max(0, muC - z[REST_SHIFT]);
        double muCeff = Math.min(100, restC + z[REBOUND_C]);
        boolean exposing = stepExposing;
        // what the client sees: the therapist's distress above their own rested calm
        double visible = Math.max(0, t - muT);

        // the phase's targets and drives: client distress toward its target, unsettled by the
        // therapist's visible distress; understanding, defensiveness and motivation in MI and psychoeducation
        double miRate = phase == PhaseKind.MI ? miShare(z) : 0;
        double cStar = switch (phase) {
            case EXPOSURE -> exposing ? muCeff + (100 - muCeff) * Math.min(1, v * intensity * contact * (1 - h) * (1 - 0.5 * w)
                    * (1 + kRef * visible / 100)) : muCeff;
            case MI -> muCeff + (100 - muCeff) * mi.ambivalence(miRate, d);
            case SUPPORT -> muCeff * (1 - soothe * ep);
            case PSYCHOEDUCATION, ASSESSMENT, CELEBRATE, FREE -> muCeff;
        };
        double cpStar = switch (phase) {
            case MI -> muCp + mi.warmth(muCp, u, a);
            case CELEBRATE -> muCp + (100 - muCp) * Math.min(1, kProgress * progress(v) * (1 + kCap * s));
            case EXPOSURE, PSYCHOEDUCATION, ASSESSMENT, SUPPORT, FREE -> muCp;
        };
        dz[U] = switch (phase) {
            case MI -> mi.understanding(perception.estimate(z), c, s, u);
            case PSYCHOEDUCATION, ASSESSMENT -> kEdu * m * (1 - u);
            case EXPOSURE, SUPPORT, CELEBRATE, FREE -> 0;
        };
        boolean educating = phase == PhaseKind.PSYCHOEDUCATION || phase == PhaseKind.ASSESSMENT;
        dz[D] = phase == PhaseKind.MI ? mi.defensiveness(miRate, u, d) : 0;
        double dK = educating ? kEdu * m * (1 - k) : 0;
        dz[A] = alphaA * (u * (1 - d) - a) + aCap * s * Math.max(0, cp - muCp) / 100 * (1 - a);
        dz[K] = dK + k1Rate * a * u * (1 - k) * (phase == PhaseKind.MI ? 1 : 0) - k2Rate * d * k;
        // contagion toward the other's level, never beyond: the therapist's distress shows only above
        // their own calm, and pulls the client up only while it is above hers
        dz[C] = (cStar - c) / tauC + kTC * Math.max(0, t - Math.max(c, muT));
        // therapist distress: own resting level, plus what affect sharing lets in (amplified by eta when aroused)
        dz[T] = (muTeff - t) / tauT + g * (1 + eta * Math.max(0, t - muTeff) / 100) * (c - t);
        dz[CP] = (cpStar - cp) / tauPos;
        dz[TP] = (muTp - tp) / tauT + g * (cp - tp);
        // exposure learning while in contact
        dz[H] = exposing ? lambdaH * intensity * contact * (1 - h) : 0;
        double threat = clamp(1 - kSignal * visible / 100, 0, 1);
        dz[V] = exposing ? -alpha * intensity * contact * (c / 100) * (1 - w) * threat * v : 0;
        double urgeStar = clamp(c / Math.max(1e-9, escapeThreshold), 0, 1);
        dz[UR] = (urgeStar - urge) / tauUrge;
        dz[X] = ((1 - covertAvoidance * urge) - contact) / tauX;
        if (phase == PhaseKind.SUPPORT) dz[REST_SHIFT] = (comfort * ep * muC - z[REST_SHIFT]) / tauRest;
        dz[LOAD] = Math.max(0, t - tolerance);
        dz[REBOUND_C] = (reboundClientTarget - z[REBOUND_C]) / tauLag;
        dz[REBOUND_T] = (reboundTherapistTarget - z[REBOUND_T]) / tauLag;
        regulators.derivatives(z, dz, regulators.rate(fatigue), time);
    }

    /** The noise term of a step for a variable of scale {@code sigma}; 0 when the run is deterministic. */
    private double ou(double sigma, double dt) {
        return rng == null ? 0 : sigma * (Math.sqrt(dt) * noise) * rng.nextGaussian();
    }

    /** After the step: the resting levels, the components' range, effort, the clocks, perception, and the decision of the step. */
    private Decision settle(double dt, Policy policy, boolean exposing) {
        x[Var.CLIENT_BASELINE.ordinal()] = clamp(Math.max(0, muC - restShift) + reboundClient, 0, 100);
        x[Var.THERAPIST_BASELINE.ordinal()] = clamp(muT + bf * get(Var.FATIGUE) + reboundTherapist, 0, 100);
        // regulation: each component followed its (possibly ramping) target; the effort is the distance from the traits after the step
        x[Var.EFFORT.ordinal()] += regulators.settle(x, y, dt);

        clock += dt;
        relief.tick(dt);
        perception.perceive(x);
        noticed = exposing && perception.notice(x, dt);
        if (phase == PhaseKind.EXPOSURE) {
            peakInExposure = Math.max(peakInExposure, get(Var.CLIENT_DISTRESS));
        }
        if (phase == PhaseKind.MI && get(Var.DEFENSIVENESS) > walkoutThreshold) return Decision.WALKOUT;
        return relief.decide(phase != PhaseKind.EXPOSURE || intensity <= 0, x, rng, dt, policy);
    }

    /** Celebration progress, 0-1: half for a completed exposure, plus the relative fall in fear. */
    public double progress() {
        return progress(get(Var.FEAR));
    }

    private double progress(double fear) {
        double rel = fearAtSessionStart > 1e-9 ? (fearAtSessionStart - fear) / fearAtSessionStart : 0;
        return clamp((exposureCompleted ? 0.5 : 0) + Math.max(0, rel), 0, 1);
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
