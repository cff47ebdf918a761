package org.tec.model;

import static org.tec.model.Circuit.clamp;

import java.util.random.RandomGenerator;

/**
 * Motivational interviewing (MODEL.md s7): the share of MI-consistent turns, what they do to
 * felt understanding, defensiveness and the client's distress and warmth, and the therapist's
 * validate / reflect and confront / advise.
 */
final class MiDynamics {
    private static final int UNDERSTOOD = Var.UNDERSTOOD.ordinal();
    private static final int DEFENSIVENESS = Var.DEFENSIVENESS.ordinal();

    final double alphaU, d2;
    private final double a0, am, as, aa, agenda, turn, d1, eAmb, eDef, kWarm, validateGain, confrontGain;
    /** Null when the run is deterministic: the share is then the rate itself. */
    private final RandomGenerator rng;
    private double turnValue = Double.NaN;
    private double nextTurn;

    MiDynamics(ParamSet p, RandomGenerator rng) {
        this.rng = rng;
        a0 = p.get(Param.MI_A0);
        am = p.get(Param.MI_AM);
        as = p.get(Param.MI_AS);
        aa = p.get(Param.MI_AA);
        agenda = p.get(Param.AGENDA);
        turn = p.get(Param.TURN);
        alphaU = p.get(Param.ALPHA_U);
        d1 = p.get(Param.D1);
        d2 = p.get(Param.D2);
        eAmb = p.get(Param.E_AMB);
        eDef = p.get(Param.E_DEF);
        kWarm = p.get(Param.K_WARM);
        validateGain = p.get(Param.VALIDATE_GAIN);
        confrontGain = p.get(Param.CONFRONT_GAIN);
    }

    /** A new session starts with a new turn. */
    void beginSession() {
        turnValue = Double.NaN;
    }

    /** The rate of MI-consistent turns at sharing s and mentalizing m. */
    double rate(double s, double m) {
        return 1 / (1 + Math.exp(-(a0 + am * m + as * s - aa * agenda)));
    }

    /** The share of MI-consistent turns: the rate itself, or one drawn turn held for its length. */
    double share(double s, double m, double clock) {
        double rate = rate(s, m);
        if (rng == null) return rate;
        if (Double.isNaN(turnValue) || clock >= nextTurn - 1e-9) {
            turnValue = rng.nextDouble() < rate ? 1 : 0;
            nextTurn = clock + turn;
        }
        return turnValue;
    }

    /** dU/dt: understanding follows how accurately the therapist perceives, times sharing. */
    double understanding(double perceived, double c, double s, double u) {
        double accuracy = 1 - Math.abs(perceived - c) / 100;
        return alphaU * (accuracy * s - u);
    }

    /** dD/dt: inconsistent turns raise defensiveness, understanding lowers it. */
    double defensiveness(double share, double u, double d) {
        return d1 * (1 - share) - d2 * u * d;
    }

    /** The share of the way to 100 that ambivalence and defensiveness lift the client's distress target. */
    double ambivalence(double share, double d) {
        return Math.min(1, eAmb * share + eDef * d);
    }

    /** What understanding and alliance add to the client's positive-affect target. */
    double warmth(double muCp, double u, double a) {
        return (100 - muCp) * kWarm * u * a;
    }

    /** validate / reflect: felt understanding rises, defensiveness eases. */
    void validate(double[] x) {
        double u = x[UNDERSTOOD];
        x[UNDERSTOOD] = clamp(u + validateGain * (1 - u), 0, 1);
        double d = x[DEFENSIVENESS];
        x[DEFENSIVENESS] = clamp(d - 0.5 * validateGain * d, 0, 1);
    }

    /** confront / advise without permission: defensiveness rises. */
    void confront(double[] x) {
        double d = x[DEFENSIVENESS];
        x[DEFENSIVENESS] = clamp(d + confrontGain * (1 - d), 0, 1);
    }
}
