package org.tec.bench;

import org.tec.model.Circuit;
import org.tec.model.Component;
import org.tec.model.Decision;
import org.tec.model.Param;
import org.tec.model.ParamSet;
import org.tec.model.PhaseKind;
import org.tec.model.Policy;
import org.tec.model.Var;

/**
 * The effective Betsy session ({@code scenarios/erp/betsy-effective.tec}) stepped by hand:
 * the circuit model called directly, the script's schedule written out as three loops,
 * no interpreter. This is what a Java programmer would write without tec, and so the
 * practical limit of tec's speed. It records every step in the layout of
 * {@link org.tec.interp.Trajectory} ({@code t, session, phase}, then every {@link Var}),
 * so that {@code BetsyHandLoopTest} can hold it to tec's trajectory.
 *
 * <p>Not part of tec: a benchmark peer (JMH, {@code src/jmh/java}) and a cross-check.
 */
public final class BetsyHandLoop {
    public static final int STRIDE = 3 + Var.COUNT;

    private BetsyHandLoop() {}

    /** Betsy and the effective therapist, as the script and its imported profile declare them. */
    public static ParamSet params() {
        return ParamSet.builder()
                .set(Param.AFFECT_SHARING, 0.7).set(Param.MENTALIZING, 0.6)
                .set(Param.PROXIMAL_CONCERN, 0.5).set(Param.DISTAL_CONCERN, 0.8)
                .set(Param.TOLERANCE, 60).set(Param.FATIGUE, 0.1)
                .set(Param.CLIENT_DISTRESS, 20).set(Param.FEAR, 0.85).set(Param.SAFETY, 0.1)
                .set(Param.ESCAPE_THRESHOLD, 85)
                .build();
    }

    /** Rows the session records at time step {@code dt}: the start, then one per step. */
    public static int rows(double dt) {
        return 1 + steps(10, dt) + steps(15, dt) + steps(5, dt);
    }

    /** A table for {@link #run}. */
    public static double[] table(double dt) {
        return new double[rows(dt) * STRIDE];
    }

    /**
     * Runs the session at time step {@code dt} into {@code out} (from {@link #table}) and
     * returns the number of rows written.
     */
    public static int run(ParamSet params, double dt, double[] out) {
        Circuit c = new Circuit(params);
        Policy policy = Policy.AUTOMATIC;
        int step = 0;
        record(c, out, 0, 0, dt, 0);

        // phase psychoeducation for 10 min
        c.beginPhase(PhaseKind.PSYCHOEDUCATION);
        int n = steps(10, dt), at6 = steps(6, dt), at8 = steps(8, dt);
        for (int k = 0; k < n; k++) {
            if (k == 0) c.regulate(Component.MENTALIZING, Math.max(c.get(Var.MENTALIZING), 0.8), 2);
            if (k == at6) c.regulate(Component.AFFECT_SHARING, Math.min(c.get(Var.AFFECT_SHARING), 0.25), 2);
            if (k == at8) c.regulate(Component.DISTAL_CONCERN, Math.max(c.get(Var.DISTAL_CONCERN), 0.9), 1);
            c.step(dt, policy);
            step++;
            record(c, out, step, 0, dt, step);
        }

        // phase exposure for 15 min intensity 0.9, when client.distress > 80: encourage
        c.beginPhase(PhaseKind.EXPOSURE);
        c.setIntensity(0.9);
        double start = step * dt;
        n = steps(15, dt);
        boolean above = false;
        int k = 0;
        boolean ended = false;
        for (; k < n && !ended; k++) {
            boolean now = c.get(Var.CLIENT_DISTRESS) > 80;
            if (now && !above) c.encourage();
            above = now;
            Decision d = c.step(dt, policy);
            step++;
            if (d == Decision.REASSURE) c.reassure();
            ended = d == Decision.END_EXPOSURE && k + 1 < n;
            record(c, out, step, 1, dt, step);
        }
        if (ended) {
            c.exposureEndedEarly(1 - (step * dt - start) / 15);
            record(c, out, step, 1, dt, step);
        } else {
            c.exposureCompleted();
        }

        // phase celebrate for 5 min
        c.beginPhase(PhaseKind.CELEBRATE);
        n = steps(5, dt);
        for (k = 0; k < n; k++) {
            if (k == 0) c.regulate(Component.AFFECT_SHARING, Math.max(c.get(Var.AFFECT_SHARING), 0.8), 1);
            c.step(dt, policy);
            step++;
            record(c, out, step, 2, dt, step);
        }
        return step + 1;
    }

    private static int steps(double minutes, double dt) {
        return (int) Math.round(minutes / dt);
    }

    private static void record(Circuit c, double[] out, int row, int phase, double dt, int step) {
        int o = row * STRIDE;
        out[o] = step * dt;
        out[o + 1] = 1;
        out[o + 2] = phase;
        c.copyState(out, o + 3);
    }
}
