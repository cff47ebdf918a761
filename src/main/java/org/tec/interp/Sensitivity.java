package org.tec.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.ranking.NaNStrategy;

/**
 * Variance-based global sensitivity indices from Saltelli's A, B, A_B^(i) scheme
 * ({@link StudyDesign.Saltelli}), as Saltelli et al. (2010, "Variance based sensitivity
 * analysis of model output", Comput. Phys. Commun. 181, table 2) recommend them:
 * <ul>
 *   <li>first-order index S_i = V_i / V(Y), V_i = (1/N) sum_j f(B)_j (f(A_B^i)_j - f(A)_j)
 *       (Saltelli 2010, table 2 (b));</li>
 *   <li>total index ST_i = E_i / V(Y), E_i = (1/2N) sum_j (f(A)_j - f(A_B^i)_j)^2 (Jansen 1999,
 *       table 2 (f));</li>
 *   <li>V(Y) the variance (divisor 2N) of the 2N outputs f(A) and f(B), as SALib takes it.</li>
 * </ul>
 * Each with a 95% bootstrap percentile interval: {@link #RESAMPLES} resamples of the N base
 * rows with replacement (each resample re-estimates V(Y) too), drawn from a
 * {@link SplittableRandom} of the given seed, the ends the 2.5% and 97.5% quantiles of the
 * resampled estimates (R type 7, as the study summary's quartiles). A base row with a
 * non-finite output is left out (n says how many were used). Pure: the same numbers and
 * seed give the same bytes.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /** Bootstrap resamples of the base rows per index. */
    public static final int RESAMPLES = 1000;
    /** The level of every interval. */
    public static final double LEVEL = 0.95;
    /** How the report and the file name the estimators and the interval. */
    public static final String METHOD = "Saltelli 2010 first-order, Jansen 1999 total, 95% bootstrap percentile (" + RESAMPLES + " resamples)";
    /** Mixed into a scenario's seed for the bootstrap's draws. */
    static final long SALT = 0x5345_4E53_4954_4956L;

    /** One param's indices: each estimate with its interval's ends; n the base rows used. */
    public record Indices(double first, double firstLow, double firstHigh, double total, double totalLow, double totalHigh, int n) {}

    /**
     * The indices of each of the k params from the outputs at the points of N base rows.
     *
     * @param a    f(A_j), j from 0 to N - 1
     * @param b    f(B_j)
     * @param ab   ab[i][j] = f(A_B^(i)_j)
     * @param seed the bootstrap's seed
     */
    public static List<Indices> estimate(double[] a, double[] b, double[][] ab, long seed) {
        int k = ab.length;
        // the base rows where every output is a number
        int[] rows = new int[a.length];
        int n = 0;
        for (int j = 0; j < a.length; j++) {
            boolean ok = Double.isFinite(a[j]) && Double.isFinite(b[j]);
            for (double[] col : ab) ok &= Double.isFinite(col[j]);
            if (ok) rows[n++] = j;
        }
        rows = Arrays.copyOf(rows, n);
        double[][] boot = new double[2 * k][RESAMPLES];
        SplittableRandom rng = new SplittableRandom(seed ^ SALT);
        int[] pick = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int q = 0; q < n; q++) pick[q] = rows[n == 0 ? 0 : rng.nextInt(n)];
            double v = variance(a, b, pick);
            for (int i = 0; i < k; i++) {
                boot[i][r] = first(a, b, ab[i], pick) / v;
                boot[k + i][r] = total(a, ab[i], pick) / v;
            }
        }
        double v = variance(a, b, rows);
        List<Indices> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double s1 = first(a, b, ab[i], rows) / v, st = total(a, ab[i], rows) / v;
            double[] ci1 = interval(boot[i]), ciT = interval(boot[k + i]);
            out.add(new Indices(s1, ci1[0], ci1[1], st, ciT[0], ciT[1], n));
        }
        return List.copyOf(out);
    }

    /**
     * One index (first-order or total) of the param at {@code param}, from the value {@code v}
     * each run gave (a condition 1 or 0), averaged over each point's replicates as
     * {@link #of} does: what first_index and total_index compute for a check. NaN unless the
     * runs are a sensitivity study's and give the estimate a variance.
     */
    static double index(StudyRuns runs, double[] v, int param, boolean first) {
        if (!(runs.design() instanceof StudyDesign.Saltelli d) || param >= d.params().size()) return Double.NaN;
        int replicates = 1, arms = Math.max(1, runs.arms().size());
        for (StudyRuns.Run r : runs.runs()) replicates = Math.max(replicates, r.replicate() + 1);
        int points = d.size(), per = d.perRow(), base = d.base();
        double[] sums = new double[points];
        int[] counts = new int[points];
        // one arm's runs: the first arm's, or the arm the check names (its runs alone are given)
        int arm = runs.runs().isEmpty() ? 0 : runs.runs().get(0).arm();
        for (int q = 0; q < runs.runs().size() && q < v.length; q++) {
            StudyRuns.Run r = runs.runs().get(q);
            int point = r.index() / arms / replicates;
            if (r.arm() != arm || point >= points || !Double.isFinite(v[q])) continue;
            sums[point] += v[q];
            counts[point]++;
        }
        double[] a = new double[base], b = new double[base], abi = new double[base];
        int[] rows = new int[base];
        int n = 0;
        for (int j = 0; j < base; j++) {
            a[j] = mean(sums, counts, j * per);
            b[j] = mean(sums, counts, j * per + 1);
            abi[j] = mean(sums, counts, j * per + 2 + param);
            if (Double.isFinite(a[j]) && Double.isFinite(b[j]) && Double.isFinite(abi[j])) rows[n++] = j;
        }
        rows = Arrays.copyOf(rows, n);
        double var = variance(a, b, rows);
        return first ? first(a, b, abi, rows) / var : total(a, abi, rows) / var;
    }

    /** V(Y) over f(A) and f(B) at these rows (divisor 2n); NaN for no rows, 0 when constant (the indices are then NaN). */
    private static double variance(double[] a, double[] b, int[] rows) {
        if (rows.length == 0) return Double.NaN;
        double sum = 0;
        for (int j : rows) sum += a[j] + b[j];
        double mean = sum / (2.0 * rows.length), ss = 0;
        for (int j : rows) ss += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
        double var = ss / (2.0 * rows.length);
        return var > 0 ? var : Double.NaN;
    }

    private static double first(double[] a, double[] b, double[] abi, int[] rows) {
        double sum = 0;
        for (int j : rows) sum += b[j] * (abi[j] - a[j]);
        return sum / rows.length;
    }

    private static double total(double[] a, double[] abi, int[] rows) {
        double sum = 0;
        for (int j : rows) sum += (a[j] - abi[j]) * (a[j] - abi[j]);
        return sum / (2.0 * rows.length);
    }

    /** The 2.5% and 97.5% quantiles (R type 7) of the finite resampled estimates; NaN when none is. */
    private static double[] interval(double[] xs) {
        double[] finite = Arrays.stream(xs).filter(Double::isFinite).toArray();
        if (finite.length < 2) return new double[] {Double.NaN, Double.NaN};
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7).withNaNStrategy(NaNStrategy.FIXED);
        p.setData(finite);
        double alpha = (1 - LEVEL) / 2;
        return new double[] {p.evaluate(100 * alpha), p.evaluate(100 * (1 - alpha))};
    }

    /**
     * One row of a study's sensitivity table.
     *
     * @param output     the print, as written
     * @param proportion whether it is a condition (then its per-point value is the proportion of replicates where it held)
     * @param param      the varied param
     * @param indices    its indices and intervals
     */
    public record Row(String output, boolean proportion, String param, Indices indices) {}

    /**
     * A sensitivity study's indices for every print and varied param: a print's value at a
     * design point is its mean over the point's replicates (of a condition, the proportion
     * where it held), the runs of the first arm; the bootstrap is seeded from the scenario's
     * seed. Empty when the study is not a sensitivity study or has no prints.
     */
    public static List<Row> of(Study.Result r) {
        if (!(r.runs().design() instanceof StudyDesign.Saltelli d)) return List.of();
        Program p = r.program();
        int k = d.params().size(), per = d.perRow(), base = d.base();
        List<Program.PrintPlan> prints = p.prints();
        int points = d.size();
        double[][] sums = new double[prints.size()][points];
        int[][] counts = new int[prints.size()][points];
        int replicates = p.study().replicates(), arms = p.study().armCount();
        for (StudyRuns.Run run : r.runs().runs()) {
            if (run.arm() != 0) continue;
            int point = run.index() / arms / replicates;
            for (int o = 0; o < prints.size() && o < run.result().prints().size(); o++) {
                double x = value(prints.get(o), run.result().prints().get(o));
                if (Double.isFinite(x)) {
                    sums[o][point] += x;
                    counts[o][point]++;
                }
            }
        }
        // a stopped study holds whole base rows only (its runs go row by row); the rest count as missing
        List<Row> out = new ArrayList<>();
        for (int o = 0; o < prints.size(); o++) {
            double[] a = new double[base], b = new double[base];
            double[][] ab = new double[k][base];
            for (int j = 0; j < base; j++) {
                a[j] = mean(sums[o], counts[o], j * per);
                b[j] = mean(sums[o], counts[o], j * per + 1);
                for (int i = 0; i < k; i++) ab[i][j] = mean(sums[o], counts[o], j * per + 2 + i);
            }
            List<Indices> is = estimate(a, b, ab, p.seed());
            for (int i = 0; i < k; i++) {
                out.add(new Row(prints.get(o).source(), prints.get(o).type() == Type.BOOL, d.params().get(i), is.get(i)));
            }
        }
        return List.copyOf(out);
    }

    /** A print as a number: a condition 1 where it held, 0 where not (as the study summary reads it). */
    private static double value(Program.PrintPlan print, Printed p) {
        if (print.type() != Type.BOOL) return p.number();
        return p.value().equals("true") ? 1 : p.value().equals("false") ? 0 : Double.NaN;
    }

    private static double mean(double[] sums, int[] counts, int point) {
        return counts[point] == 0 ? Double.NaN : sums[point] / counts[point];
    }

    /** The one line that says how the indices were worked out, for a report or a figure. */
    public static String methods(Study.Result r) {
        if (!(r.runs().design() instanceof StudyDesign.Saltelli d)) return "";
        int k = d.params().size();
        return "first-order index S1 by Saltelli's 2010 estimator, total index ST by Jansen's 1999, from Saltelli's A, B, A_B scheme "
                + "on a Sobol sequence of dimension " + 2 * k + ": N = " + d.base() + " base rows, " + d.size() + " points ("
                + "N times " + (k + 2) + "), " + r.runs().runs().size() + " runs; a point's output is its mean over "
                + r.program().study().replicates() + (r.program().study().replicates() == 1 ? " replicate" : " replicates")
                + " (a condition's proportion)" + (r.runs().arms().isEmpty() ? "" : ", in arm \"" + r.runs().arms().get(0) + "\" (the first)")
                + "; 95% bootstrap percentile intervals over the base rows, " + RESAMPLES
                + " resamples seeded from the scenario's seed " + r.program().seed();
    }
}
