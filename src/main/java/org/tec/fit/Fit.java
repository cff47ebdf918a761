package org.tec.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.FDistribution;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.Trajectory;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * A fit from start to end: the problem built and checked, the multi-start maximum
 * likelihood, a profile-likelihood interval for every estimated parameter and every
 * estimated sd, the identifiability of each, and the residuals. Pure: the same inputs and
 * seed give the same {@link Result} on every machine and thread count.
 */
public final class Fit {
    private Fit() {}

    /** What to fit and how. */
    public record Settings(List<String> fit, Map<String, double[]> bounds, Set<String> perCondition, Map<String, Double> knownSd,
                           double level, int starts, long seed, int threads) {}

    /** One estimated quantity, a row of estimates.csv. {@code identifiable}: yes, one-sided (an end at a bound) or no (flat). */
    public record Estimate(String parameter, double estimate, double ciLow, double ciHigh, double lower, double upper, String identifiable) {}

    /** One measurement against the fitted prediction, a row of residuals.csv. */
    public record Residual(String observable, String condition, double time, double measurement, double prediction, double sd) {
        public double residual() {
            return measurement - prediction;
        }
    }

    /** One start of the optimiser, for fit.json. */
    public record StartSummary(int index, double nll, int evaluations, boolean converged) {}

    /** The fitted trajectory of one observable in one condition, for the figure: times, values and the measurement sd. */
    public record Curve(String condition, String observable, double[] times, double[] values, double sd) {}

    /** The fit's outcome. */
    public record Result(List<Estimate> estimates, double logLikelihood, int parameters, int n, List<StartSummary> starts,
                         boolean converged, int agreeingStarts, int evaluations, long seed, double level, double threshold,
                         boolean smallSample, List<Residual> residuals, List<Curve> curves, List<String> warnings, List<String> conditions) {
        public double aic() {
            return 2 * parameters - 2 * logLikelihood;
        }

        public double bic() {
            return parameters * Math.log(n) - 2 * logLikelihood;
        }
    }

    /** A fit that could not start: no start gave a run. */
    public static final class NoFit extends RuntimeException {
        NoFit(String message) {
            super(message);
        }
    }

    /** Builds the problem; null (and errors) when the data or the names do not fit the scenario. */
    public static Problem problem(Scripts.Compiled compiled, Scripts.Unit unit, List<Petab.Measurement> data, Petab.Conditions conditions,
                                  Settings s, RunOptions options, Span at, Diagnostics sink) {
        List<Problem.Parameter> params = new ArrayList<>();
        for (String name : s.fit()) {
            Problem.Parameter p = Problem.parameter(unit.program(), name, s.bounds().get(name), s.perCondition().contains(name), at, sink);
            if (p != null) params.add(p);
        }
        for (String name : s.perCondition()) {
            if (!s.fit().contains(name)) sink.error(at, "--per-condition " + name + ": it is not among the parameters to fit", "add it to --fit");
        }
        for (String name : s.bounds().keySet()) {
            if (!s.fit().contains(name)) sink.error(at, "--bounds " + name + ": it is not among the parameters to fit", "add it to --fit");
        }
        if (sink.hasErrors()) return null;
        return Problem.of(compiled, unit, params, data, conditions, new NoiseModel(s.knownSd()), options, s.threads(), sink);
    }

    /** Runs the fit. */
    public static Result run(Problem problem, Settings s) {
        try {
            return fit(problem, s);
        } finally {
            problem.close();
        }
    }

    private static Result fit(Problem problem, Settings s) {
        Estimator est = new Estimator(problem);
        List<Estimator.Start> starts = est.minimise(Math.max(1, s.starts()), s.seed());
        Estimator.Start best = starts.get(0);
        for (Estimator.Start st : starts) if (st.nll() < best.nll()) best = st;
        if (best.nll() >= Estimator.FAILED) {
            throw new NoFit("the scenario ran at none of the " + starts.size() + " starts (its time step is too large for the values"
                    + " tried, or the runs failed numerically): narrow the bounds, or give the script a smaller step");
        }
        int agreeing = 0;
        for (Estimator.Start st : starts) if (st.nll() - best.nll() < 0.01) agreeing++;
        int d = problem.dimension();
        List<String> estimatedSds = problem.noise.estimated(problem);
        int n = problem.data.size();
        int kAll = d + estimatedSds.size();
        // the profile's threshold: with every sd known, chi-square(1, level) / 2; with an sd
        // estimated, the small-sample form (the profile t of Bates and Watts 1988, exact for a
        // linear model): n/2 log(1 + F(1, n - k; level) / (n - k))
        boolean exact = !estimatedSds.isEmpty() && n - kAll >= 1;
        double threshold = exact
                ? n / 2.0 * Math.log1p(new FDistribution(1, n - kAll).inverseCumulativeProbability(s.level()) / (n - kAll))
                : new ChiSquaredDistribution(1).inverseCumulativeProbability(s.level()) / 2;
        double[] u = best.at().clone();
        double bestNll = best.nll();
        List<Estimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double[] theta = est.theta(u);
        for (int k = 0; k < d; k++) {
            Estimator.End[] ends = est.profile(k, u, bestNll, threshold);
            double lo = problem.lower(k), hi = problem.upper(k);
            String label = problem.free.get(k).label();
            String id = ends[0].crossed() && ends[1].crossed() ? "yes" : ends[0].crossed() || ends[1].crossed() ? "one-sided" : "no";
            estimates.add(new Estimate(label, theta[k], est.value(k, ends[0].u()), est.value(k, ends[1].u()), lo, hi, id));
            if (id.equals("no")) warnings.add(advice(problem, theta, k, s.level()));
            else if (id.equals("one-sided")) warnings.add(oneSided(label, ends, est.value(k, ends[0].u()), est.value(k, ends[1].u()), lo, hi));
        }
        double[] predicted = problem.predict(theta);
        Map<String, double[]> groups = problem.noise.estimates(problem, predicted);
        Map<String, Double> sdOf = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> g : groups.entrySet()) {
            double m = g.getValue()[0], rss = g.getValue()[1];
            double sd = Math.sqrt(Math.max(rss / m, 1e-12));
            sdOf.put(g.getKey(), sd);
            // its interval from RSS / sd^2 ~ chi-square(m - its share of the parameters)
            double df = Math.max(1, m - (double) d * m / n - 1);
            ChiSquaredDistribution chi = new ChiSquaredDistribution(df);
            double alpha = 1 - s.level();
            double[] ci = {Math.sqrt(rss / chi.inverseCumulativeProbability(1 - alpha / 2)),
                    Math.sqrt(rss / chi.inverseCumulativeProbability(alpha / 2))};
            estimates.add(new Estimate("sd(" + g.getKey() + ")", sd, ci[0], ci[1], 0, Double.POSITIVE_INFINITY, "yes"));
        }
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            Petab.Measurement m = problem.data.get(i);
            double sd = problem.noise.sd(m, problem.variableOf[i], predicted[i]);
            if (Double.isNaN(sd)) sd = sdOf.getOrDefault(m.observable(), Double.NaN);
            residuals.add(new Residual(m.observable(), m.condition(), m.time(), m.value(), predicted[i], sd));
        }
        List<StartSummary> summaries = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Estimator.Start st = starts.get(i);
            boolean failed = st.nll() >= Estimator.FAILED;
            summaries.add(new StartSummary(i + 1, failed ? Double.NaN : st.nll(), st.evaluations(), st.converged() && !failed));
        }
        return new Result(List.copyOf(estimates), -bestNll, kAll, n, List.copyOf(summaries),
                best.converged(), agreeing, est.evaluations(), s.seed(), s.level(), threshold, exact, List.copyOf(residuals),
                curves(problem, theta, sdOf), List.copyOf(warnings), problem.conditionIds);
    }

    /**
     * Why a parameter's interval is open on one side: its profile reached the bound (the data do not
     * limit it there), or stopped short of it because the scenario does not run beyond (its step is too
     * large for such values, or the runs fail), which a smaller step or the adaptive method would fix.
     */
    private static String oneSided(String label, Estimator.End[] ends, double low, double high, double lo, double hi) {
        int open = ends[0].crossed() ? 1 : 0;
        double end = open == 0 ? low : high, bound = open == 0 ? lo : hi;
        String side = open == 0 ? "lower" : "upper";
        if (Math.abs(end - bound) <= 1e-9 * Math.max(1, Math.abs(bound))) {
            return label + ": the interval reaches its " + side + " bound " + Numbers.plain(bound)
                    + "; these data do not limit it on that side";
        }
        return label + ": the profile stopped at " + Numbers.plain(end) + " on the " + side + " side, short of its bound "
                + Numbers.plain(bound) + ": the scenario would not run at the next value it tried (its time step is too large for"
                + " such values, or the runs fail), so this end is not a limit; give the script a smaller step, or method dopri5,"
                + " for a " + side + " limit";
    }

    /** The fitted trajectory of each observable in each condition, with its sd (a proportional one at the mean prediction). */
    private static List<Curve> curves(Problem p, double[] theta, Map<String, Double> sdOf) {
        List<Curve> out = new ArrayList<>();
        for (int c = 0; c < p.conditionIds.size(); c++) {
            RunResult r = p.run(c, theta);
            if (r == null) continue;
            List<Observable> seen = new ArrayList<>();
            for (int i = 0; i < p.data.size(); i++) {
                Observable o = p.variableOf[i];
                if (p.conditionOf[i] != c || seen.stream().anyMatch(q -> q.id().equals(o.id()))) continue;
                seen.add(o);
                double[] values = o.series(r.record());
                double mean = 0;
                for (double v : values) mean += v / values.length;
                double sd = p.noise.sd(p.data.get(i), o, mean);
                if (Double.isNaN(sd)) sd = sdOf.getOrDefault(o.id(), Double.NaN);
                out.add(new Curve(p.conditionIds.get(c), o.id(), r.record().trajectory().times(), values, sd));
            }
        }
        return out;
    }

    /**
     * Which data would help a parameter the data cannot identify: the state variable that
     * moves most when it goes from its lower to its upper bound (the others at their
     * estimates, in the first condition), and when.
     */
    static String advice(Problem p, double[] theta, int k, double level) {
        Problem.Free f = p.free.get(k);
        int c = Math.max(0, f.condition());
        double[] a = theta.clone(), b = theta.clone();
        a[k] = p.lower(k);
        b[k] = p.upper(k);
        RunResult ra = p.run(c, a), rb = p.run(c, b);
        String head = f.label() + " is not identifiable from these data: its profile likelihood stays within the "
                + Numbers.plain(level * 100) + "% threshold over its whole range (" + Numbers.plain(p.lower(k)) + " to "
                + Numbers.plain(p.upper(k)) + ")";
        if (ra == null || rb == null) return head + ".";
        java.util.Set<Var> observed = new java.util.HashSet<>();
        for (Observable o : p.variableOf) if (o.var() != null) observed.add(o.var());
        double length = 0;
        for (var ph : p.unit.program().phases()) length += ph.duration();
        Var bestVar = null, bestObserved = null;
        double bestMove = 0, bestTime = 0, obsMove = 0, obsTime = 0;
        for (Var v : Var.values()) {
            if (!(v.max() < 1e9)) continue; // a running total, not a level
            double range = v.max() - v.min();
            for (double t = 0; t <= length + 1e-9; t += 0.5) {
                double move = Math.abs(Problem.at(rb.record().trajectory(), v, t) - Problem.at(ra.record().trajectory(), v, t)) / range;
                if (observed.contains(v)) {
                    if (move > obsMove) {
                        obsMove = move;
                        obsTime = t;
                        bestObserved = v;
                    }
                } else if (move > bestMove) {
                    bestMove = move;
                    bestTime = t;
                    bestVar = v;
                }
            }
        }
        if (bestMove < 1e-6 && obsMove < 1e-6) {
            return head + ". No state variable of this scenario moves with it: the scenario does not use it, so no data from it can help; fix it at a value from elsewhere.";
        }
        StringBuilder sb = new StringBuilder(head).append(". ");
        if (bestVar != null && bestMove >= obsMove / 2) {
            sb.append("Measuring ").append(bestVar.key()).append(" would help: it moves most with it (by up to ")
                    .append(Numbers.plain(Math.round(bestMove * 1000) / 10.0)).append("% of its range, around ")
                    .append(Numbers.plain(bestTime)).append(" min).");
        } else if (bestObserved != null) {
            sb.append("More or more precise measurements of ").append(bestObserved.key()).append(" around ")
                    .append(Numbers.plain(obsTime)).append(" min would help: that is where it moves most with it (by up to ")
                    .append(Numbers.plain(Math.round(obsMove * 1000) / 10.0)).append("% of its range).");
        }
        return sb.toString();
    }
}
