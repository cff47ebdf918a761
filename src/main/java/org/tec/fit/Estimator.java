package org.tec.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Maximum likelihood with a multi-start bounded optimiser, and profile-likelihood intervals.
 *
 * <p>The optimiser works on the unit cube, each parameter scaled to its bounds. With two or
 * more values to move it is BOBYQA (Powell 2009; Hipparchus): derivative-free, bounded, and
 * sparing of evaluations, each of which is one run of the scenario per condition; with one it
 * is Brent's method over each of {@code starts} equal slices of the range. The first start
 * is the script's own values; the others are drawn uniformly in the bounds from a
 * {@link SplittableRandom} of the seed, so a fit is the same on every run. CMA-ES (also in
 * Hipparchus) was not chosen: it needs a random generator inside the optimiser and tens of
 * times more evaluations on problems of a few smooth parameters.
 *
 * <p>A profile for parameter i fixes it at points stepping from the estimate towards each
 * bound, re-optimises the others from where the last point left them, and stops where the
 * negative log-likelihood has risen by chi-square(1, level) / 2 above its minimum; the
 * crossing is found by bisection. A side that reaches its bound first ends the interval
 * there. A profile that stays under the threshold on both sides is flat: the parameter is not
 * identifiable from these data.
 */
final class Estimator {
    /** Evaluations one start (or one profile point) may spend. */
    static final int MAX_EVAL = 3000;
    /** The value of a point where the scenario cannot run: above any likelihood's, and finite for the optimiser. */
    static final double FAILED = 1e12;
    static final double STOP_RADIUS = 1e-6;
    /**
     * A profile point needs the value of its minimum, not its place: near a minimum the value
     * is off by the square of the distance, so a coarser stop costs no accuracy.
     */
    static final double PROFILE_STOP_RADIUS = 1e-5;

    private final Problem problem;
    private int evaluations;

    Estimator(Problem problem) {
        this.problem = problem;
    }

    int evaluations() {
        return evaluations;
    }

    /** One start's result: where it began and ended, its value, and whether the optimiser converged. */
    record Start(double[] from, double[] at, double nll, int evaluations, boolean converged) {}

    /** The value at a point of the unit cube, fixing coordinate {@code fixed} (or -1) at {@code fixedU}. */
    private double objective(double[] u, int fixed, double fixedU) {
        int d = problem.dimension();
        double[] theta = new double[d];
        for (int k = 0, j = 0; k < d; k++) theta[k] = value(k, k == fixed ? fixedU : u[j++]);
        evaluations++;
        double v = problem.nll(theta);
        return Double.isFinite(v) ? v : FAILED;
    }

    double[] theta(double[] u) {
        double[] theta = new double[u.length];
        for (int k = 0; k < u.length; k++) theta[k] = value(k, u[k]);
        return theta;
    }

    /**
     * Whether coordinate k moves on a log scale: a positive range spanning a factor of 100 or
     * more (a time constant of 0.05 to 120 min, say), where a step means the same anywhere.
     */
    boolean logScale(int k) {
        return problem.lower(k) > 0 && problem.upper(k) / problem.lower(k) >= 100;
    }

    /** The parameter value at unit coordinate u of coordinate k. */
    double value(int k, double u) {
        u = Math.min(1, Math.max(0, u));
        double lo = problem.lower(k), hi = problem.upper(k);
        if (u == 0) return lo;
        if (u == 1) return hi;
        return logScale(k) ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
    }

    /** The unit coordinate of value v of coordinate k. */
    double unit(int k, double v) {
        double lo = problem.lower(k), hi = problem.upper(k);
        double u = logScale(k) ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        return Math.min(1, Math.max(0, u));
    }

    /** Multi-start minimisation; the starts in order, the first the script's own values. */
    List<Start> minimise(int starts, long seed) {
        int d = problem.dimension();
        List<Start> out = new ArrayList<>();
        if (d == 0) {
            out.add(new Start(new double[0], new double[0], objective(new double[0], -1, 0), 1, true));
            return out;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int s = 0; s < starts; s++) {
            double[] u0 = new double[d];
            int before = evaluations;
            // a random start where the scenario cannot run (a step too large for the values,
            // say) is drawn again, up to 20 times: the optimiser cannot move off a plateau
            for (int tries = 0; tries < 20; tries++) {
                for (int k = 0; k < d; k++) u0[k] = s == 0 ? unit(k, problem.start(k)) : rng.nextDouble();
                if (s == 0 || d == 1 || objective(u0, -1, 0) < FAILED) break;
            }
            if (d == 1) {
                double lo = s / (double) starts, hi = (s + 1) / (double) starts;
                double mid = s == 0 ? Math.min(hi, Math.max(lo, u0[0])) : (lo + hi) / 2;
                u0[0] = mid;
                UnivariatePointValuePair p = brent(x -> objective(new double[] {x}, -1, 0), lo, hi, mid);
                out.add(new Start(u0, new double[] {p.getPoint()}, p.getValue(), evaluations - before, true));
            } else {
                out.add(bobyqa(u0, -1, 0, 0.2, STOP_RADIUS, before));
            }
        }
        return out;
    }

    private Start bobyqa(double[] u0, int fixed, double fixedU, double radius, double stop, int before) {
        int d = u0.length;
        double[] lo = new double[d], hi = new double[d];
        java.util.Arrays.fill(hi, 1);
        double[] start = u0.clone();
        for (int k = 0; k < d; k++) start[k] = Math.min(1, Math.max(0, start[k]));
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * d + 1, radius, stop);
        double[] best = start.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            double v = objective(u, fixed, fixedU);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(u, 0, best, 0, d);
            }
            return v;
        });
        try {
            PointValuePair p = opt.optimize(new MaxEval(MAX_EVAL), f, GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi));
            return new Start(u0, p.getPoint(), p.getValue(), evaluations - before, true);
        } catch (MathIllegalStateException e) {
            // the evaluation budget ran out: the best point seen, marked as not converged
            return new Start(u0, best, bestValue[0], evaluations - before, false);
        }
    }

    private UnivariatePointValuePair brent(java.util.function.DoubleUnaryOperator f, double lo, double hi, double start) {
        BrentOptimizer b = new BrentOptimizer(1e-8, 1e-10);
        return b.optimize(new MaxEval(MAX_EVAL), new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE,
                new SearchInterval(lo, hi, start));
    }

    /** The best over the others with coordinate {@code i} fixed at {@code ui}, from {@code others} (updated in place). */
    private double profilePoint(int i, double ui, double[] others) {
        int d = problem.dimension();
        if (d == 1) return objective(new double[0], i, ui);
        if (d == 2) {
            double lo = Math.max(0, others[0] - 0.5), hi = Math.min(1, others[0] + 0.5);
            UnivariatePointValuePair p = brent(x -> objective(new double[] {x}, i, ui), lo, hi, others[0]);
            // the full range too, when the window's edge holds the best (a far minimum)
            if (p.getPoint() - lo < 1e-3 && lo > 0 || hi - p.getPoint() < 1e-3 && hi < 1) {
                UnivariatePointValuePair q = brent(x -> objective(new double[] {x}, i, ui), 0, 1, others[0]);
                if (q.getValue() < p.getValue()) p = q;
            }
            others[0] = p.getPoint();
            return p.getValue();
        }
        Start s = bobyqa(others, i, ui, 0.05, PROFILE_STOP_RADIUS, evaluations);
        System.arraycopy(s.at(), 0, others, 0, others.length);
        return s.nll();
    }

    /** One side's end of an interval: where (in the unit coordinate) and whether the threshold was crossed there. */
    record End(double u, boolean crossed) {}

    /** A profile-likelihood interval for coordinate {@code i}: each side's end, low then high. */
    End[] profile(int i, double[] best, double bestNll, double threshold) {
        End[] ends = new End[2];
        for (int side = 0; side < 2; side++) {
            int dir = side == 0 ? -1 : 1;
            double[] others = without(best, i);
            double u = best[i];
            double step = 0.01;
            End end = null;
            for (int n = 0; n < 60 && end == null; n++) {
                double next = Math.min(1, Math.max(0, u + dir * step));
                if (next == u) {
                    end = new End(u, false);
                    break;
                }
                double[] trial = others.clone();
                double v = profilePoint(i, next, trial);
                if (v >= FAILED) {
                    // the scenario cannot run past here (a step too large for the value): the
                    // interval ends at the last value it ran with, not crossed
                    end = new End(u, false);
                    break;
                }
                if (v - bestNll > threshold) {
                    // the crossing lies between u and next: bisect, re-optimising the others, to
                    // 2% of the distance from the estimate (and at most 8 halvings)
                    double in = u, out = next;
                    for (int b = 0; b < 8 && Math.abs(out - in) > Math.max(1e-5, 0.02 * Math.abs(out - best[i])); b++) {
                        double mid = (in + out) / 2;
                        double[] t2 = others.clone();
                        if (profilePoint(i, mid, t2) - bestNll > threshold) out = mid; else { // (a failed run counts as above)
                            in = mid;
                            others = t2;
                        }
                    }
                    end = new End((in + out) / 2, true);
                } else {
                    u = next;
                    others = trial;
                    step = Math.min(0.2, step * 2);
                }
            }
            ends[side] = end != null ? end : new End(u, false);
        }
        return ends;
    }

    private static double[] without(double[] x, int i) {
        double[] out = new double[x.length - 1];
        for (int k = 0, j = 0; k < x.length; k++) if (k != i) out[j++] = x[k];
        return out;
    }
}
