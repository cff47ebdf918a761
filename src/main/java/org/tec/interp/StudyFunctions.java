package org.tec.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the {@link StudyFunction}s combine the values their argument takes in the runs of a
 * study (each evaluated once per run, after that run).
 */
public final class StudyFunctions {
    private StudyFunctions() {}

    static double proportion(double[] v) {
        int n = 0;
        for (double d : v) if (ExprCompiler.truth(d)) n++;
        return (double) n / v.length;
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                s += d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy default); NaNs are left out. */
    public static double quantile(double[] v, double q) {
        double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** The mean of v per value of the first swept param, in sweep order. */
    private static double[][] byFirstSweep(StudyRuns runs, double[] v) {
        Map<Double, List<Double>> groups = new LinkedHashMap<>();
        for (double key : runs.sweeps().get(0).values()) groups.put(key, new ArrayList<>());
        for (int i = 0; i < v.length; i++) groups.get(runs.runs().get(i).values()[0]).add(v[i]);
        double[][] out = new double[2][groups.size()];
        int k = 0;
        for (Map.Entry<Double, List<Double>> e : groups.entrySet()) {
            out[0][k] = e.getKey();
            out[1][k] = mean(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            k++;
        }
        return out;
    }

    /** Least-squares slope of the per-value means against the first swept param. */
    static double trend(StudyRuns runs, double[] v) {
        double[][] g = byFirstSweep(runs, v);
        int n = g[0].length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += g[0][i];
            sy += g[1][i];
            sxx += g[0][i] * g[0][i];
            sxy += g[0][i] * g[1][i];
        }
        double den = n * sxx - sx * sx;
        return n < 2 || den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
    }

    /** 1 when, along the first sweep, the per-value mean never rises (or never falls) by more than tol. */
    static double monotone(StudyRuns runs, double[] v, double tol, boolean neverRises) {
        double[][] g = byFirstSweep(runs, v);
        for (int i = 1; i < g[1].length; i++) {
            double step = g[1][i] - g[1][i - 1];
            if (Double.isNaN(step)) return 0;
            if (neverRises ? step > tol : step < -tol) return 0;
        }
        return 1;
    }
}
