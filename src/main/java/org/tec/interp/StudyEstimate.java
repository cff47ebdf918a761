package org.tec.interp;

import java.util.Arrays;
import java.util.List;

/**
 * An estimate across a study's runs that a check {@code with confidence L} can give an
 * interval for: a proportion or a mean, of every run or of one arm's, or the difference of
 * two (one arm's minus another's). The interval is the one the study's summary and contrasts
 * report, at level L (two-sided): Wilson for a proportion, Student's t for a mean,
 * Newcombe's hybrid score for a difference of proportions, Welch for a difference of means.
 */
final class StudyEstimate {
    /** One proportion or mean over the runs of an arm ({@code arm} -1: of every run). */
    record Part(StudyFunction fn, Eval x, int arm) {
        StudySummary.Row row(Frame f, double level) {
            StudyRuns runs = f.runs();
            double[] v = f.perRun(x);
            if (arm >= 0) v = StudyRuns.select(v, runs.ofArm(arm));
            if (fn == StudyFunction.PROPORTION) {
                double[] held = new double[v.length];
                for (int k = 0; k < v.length; k++) held[k] = ExprCompiler.truth(v[k]) ? 1 : 0;
                return StudySummary.proportion("", List.of(), "", held, level);
            }
            return StudySummary.number("", List.of(), "", Arrays.stream(v).filter(Double::isFinite).toArray(), level);
        }
    }

    private final Part first;
    private final Part second;

    /** {@code first}, or {@code first} minus {@code second} when that is not null. */
    StudyEstimate(Part first, Part second) {
        this.first = first;
        this.second = second;
    }

    boolean isDifference() {
        return second != null;
    }

    StudyFunction function() {
        return first.fn();
    }

    /** The estimate and its interval at {@code level}: {estimate, low, high} (NaN where too few runs). */
    double[] at(Frame f, double level) {
        StudySummary.Row a = first.row(f, level);
        if (second == null) return new double[] {a.mean(), a.low(), a.high()};
        StudyContrast.Row d = StudyContrast.of(a, second.row(f, level));
        return new double[] {d.difference(), d.low(), d.high()};
    }

    /**
     * The best interval end a proportion could have at {@code level} with {@code n} runs in each
     * part ({@code above}: the highest lower end, every run of the first part holding and none
     * of the second; else the lowest upper end); NaN for a mean, whose interval depends on the
     * spread of the runs.
     */
    double bestEnd(int n, double level, boolean above) {
        if (first.fn() != StudyFunction.PROPORTION || n < 1) return Double.NaN;
        double[] all = StudySummary.wilson(n, n, level), none = StudySummary.wilson(0, n, level);
        if (second == null) return above ? all[0] : none[1];
        // Newcombe's hybrid score interval for 1 - 0 (or 0 - 1)
        double reach = Math.sqrt((1 - all[0]) * (1 - all[0]) + none[1] * none[1]);
        return above ? 1 - reach : -1 + reach;
    }
}
