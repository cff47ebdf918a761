package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * A study's prints summarised per arm and sweep point, as a methods section states them: the number
 * of runs n; for a number the mean, the sample standard deviation (n - 1), a 95% interval
 * for the mean from Student's t with n - 1 degrees of freedom, the median and the quartiles
 * (R's type 7, linear between order statistics, as R and NumPy compute them by default); for
 * a condition the proportion of runs where it held, with a 95% Wilson score interval, which
 * keeps its coverage near 0 and 1 and at small n where the normal approximation does not.
 * A value that is not a finite number is left out of n. Computed with Hipparchus.
 */
public final class StudySummary {
    /** The level of every interval. */
    public static final double LEVEL = 0.95;

    /**
     * One print in one arm at one sweep point.
     *
     * @param arm        the arm's name ("" when the study has none)
     * @param point      the swept values, in the order of the sweeps (empty for replicates alone)
     * @param measure    the print, as written
     * @param proportion whether it is a condition (its mean is then the proportion of runs where it held)
     * @param n          the runs with a finite value
     * @param mean       the mean, or the proportion
     * @param sd         the sample standard deviation (NaN for a condition or n below 2)
     * @param low        the interval's lower end (NaN when n is too small)
     * @param high       the interval's upper end
     * @param median     the median (NaN for a condition)
     * @param q1         the first quartile
     * @param q3         the third quartile
     * @param level      the interval's level (two-sided)
     */
    public record Row(String arm, List<Double> point, String measure, boolean proportion, int n, double mean, double sd, double low,
                      double high, double median, double q1, double q3, double level) {}

    private StudySummary() {}

    /**
     * One row per sweep point, arm and print: points in run order, the arms of a point in the
     * order they are declared, prints in the script's order.
     */
    public static List<Row> of(Study.Result r) {
        // the runs (held compactly), not their results: a result is made from its run as it is read
        Map<List<Double>, Map<String, List<StudyRuns.Run>>> points = new LinkedHashMap<>();
        for (StudyRuns.Run run : r.runs().runs()) {
            List<Double> point = new ArrayList<>();
            // a sampled design's runs are summarised over the whole design (no point columns)
            if (!r.runs().pointParams().isEmpty()) for (double v : run.values()) point.add(v);
            points.computeIfAbsent(List.copyOf(point), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.runs().armOf(run), k -> new ArrayList<>()).add(run);
        }
        List<Row> rows = new ArrayList<>();
        List<Program.PrintPlan> prints = r.program().prints();
        for (Map.Entry<List<Double>, Map<String, List<StudyRuns.Run>>> e : points.entrySet()) {
            List<String> arms = new ArrayList<>(e.getValue().keySet());
            if (!r.runs().arms().isEmpty()) arms.sort(java.util.Comparator.comparingInt(r.runs().arms()::indexOf));
            for (String arm : arms) {
                for (int j = 0; j < prints.size(); j++) rows.add(row(arm, e.getKey(), prints.get(j), j, e.getValue().get(arm)));
            }
        }
        return List.copyOf(rows);
    }

    private static Row row(String arm, List<Double> point, Program.PrintPlan print, int j, List<StudyRuns.Run> runs) {
        boolean condition = print.type() == Type.BOOL;
        double[] xs = new double[runs.size()];
        int n = 0;
        for (StudyRuns.Run of : runs) {
            RunResult run = of.result();
            if (j >= run.prints().size()) continue;
            Printed p = run.prints().get(j);
            double x = condition ? (p.value().equals("true") ? 1 : p.value().equals("false") ? 0 : Double.NaN) : p.number();
            if (Double.isFinite(x)) xs[n++] = x;
        }
        double[] v = java.util.Arrays.copyOf(xs, n);
        return condition ? proportion(arm, point, print.source(), v, LEVEL) : number(arm, point, print.source(), v, LEVEL);
    }

    /** A condition: the proportion with its Wilson score interval at {@link #LEVEL}. */
    static Row proportion(List<Double> point, String measure, double[] v) {
        return proportion("", point, measure, v, LEVEL);
    }

    /** A condition (values 1 where it held, 0 where not): the proportion with its Wilson score interval at {@code level}. */
    static Row proportion(String arm, List<Double> point, String measure, double[] v, double level) {
        int n = v.length;
        if (n == 0) return new Row(arm, point, measure, true, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level);
        double k = 0;
        for (double x : v) k += x;
        double[] ci = wilson(k, n, level);
        return new Row(arm, point, measure, true, n, k / n, Double.NaN, ci[0], ci[1], Double.NaN, Double.NaN, Double.NaN, level);
    }

    /** A number: mean, SD, a t interval for the mean at {@link #LEVEL}, median and quartiles. */
    static Row number(List<Double> point, String measure, double[] v) {
        return number("", point, measure, v, LEVEL);
    }

    /** A number: mean, SD, a t interval for the mean at {@code level}, median and quartiles. */
    static Row number(String arm, List<Double> point, String measure, double[] v, double level) {
        int n = v.length;
        if (n == 0) return new Row(arm, point, measure, false, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level);
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double sd = Double.NaN, low = Double.NaN, high = Double.NaN;
        if (n >= 2) {
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            sd = Math.sqrt(ss / (n - 1));
            double half = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2) * sd / Math.sqrt(n);
            low = mean - half;
            high = mean + half;
        }
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(v);
        return new Row(arm, point, measure, false, n, mean, sd, low, high, q.evaluate(50), q.evaluate(25), q.evaluate(75), level);
    }

    /** The Wilson score interval for k successes in n trials at {@link #LEVEL}. */
    static double[] wilson(double k, int n) {
        return wilson(k, n, LEVEL);
    }

    /** The Wilson score interval for k successes in n trials at {@code level} (two-sided). */
    static double[] wilson(double k, int n, double level) {
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = k / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
