package org.tec.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement model: each measurement is its prediction plus Gaussian error of standard
 * deviation sd. A measurement's sd is, first, its own noiseParameters cell; else the known sd
 * of the command line (--noise-sd); else its observe's declared noise (an sd, or a share of
 * the prediction); else it is estimated, one sd per observable, by
 * maximum likelihood. An estimated sd is profiled out in closed form: for the n measurements
 * of an observable with residual sum of squares RSS, sd = sqrt(RSS / n) and their
 * negative log-likelihood is n/2 (log(2 pi RSS / n) + 1).
 */
public final class NoiseModel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Known sds by observable; an observable not here has its sd estimated (unless each of its rows gives one). */
    private final Map<String, Double> known;

    public NoiseModel(Map<String, Double> known) {
        this.known = Map.copyOf(known);
    }

    /**
     * The known sd of a measurement (its own noiseParameters cell, then --noise-sd, then its
     * observe's declared noise at this prediction), or NaN when it is estimated.
     */
    double sd(Petab.Measurement m, Observable o, double predicted) {
        if (!Double.isNaN(m.sd())) return m.sd();
        Double k = known.get(m.observable());
        if (k != null) return k;
        return o == null ? Double.NaN : o.declaredSd(predicted);
    }

    /** Whether a measurement's sd is estimated (no sd for it anywhere). */
    boolean isEstimated(Petab.Measurement m, Observable o) {
        return Double.isNaN(sd(m, o, 1));
    }

    /** The observables whose sd is estimated, in order of first appearance. */
    List<String> estimated(Problem p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.data.size(); i++) {
            Petab.Measurement m = p.data.get(i);
            if (isEstimated(m, p.variableOf[i]) && !out.contains(m.observable())) out.add(m.observable());
        }
        return out;
    }

    /** Negative log-likelihood of the data given the predictions; +infinity if any prediction is missing. */
    double nll(Problem p, double[] predicted) {
        double total = 0;
        Map<String, double[]> groups = new LinkedHashMap<>(); // observable -> {n, rss}
        for (int i = 0; i < predicted.length; i++) {
            if (!Double.isFinite(predicted[i])) return Double.POSITIVE_INFINITY;
            Petab.Measurement m = p.data.get(i);
            double r = m.value() - predicted[i];
            double sd = sd(m, p.variableOf[i], predicted[i]);
            if (Double.isNaN(sd)) {
                double[] g = groups.computeIfAbsent(m.observable(), k -> new double[2]);
                g[0]++;
                g[1] += r * r;
            } else {
                total += 0.5 * (LOG_2PI + 2 * Math.log(sd) + r * r / (sd * sd));
            }
        }
        for (double[] g : groups.values()) {
            double var = Math.max(g[1] / g[0], 1e-12);
            total += 0.5 * g[0] * (LOG_2PI + Math.log(var) + 1);
        }
        return total;
    }

    /** The estimated sd of each estimated observable, given the predictions: sqrt(RSS / n). */
    Map<String, double[]> estimates(Problem p, double[] predicted) {
        Map<String, double[]> groups = new LinkedHashMap<>(); // observable -> {n, rss}
        for (int i = 0; i < predicted.length; i++) {
            Petab.Measurement m = p.data.get(i);
            if (!isEstimated(m, p.variableOf[i])) continue;
            double r = m.value() - predicted[i];
            double[] g = groups.computeIfAbsent(m.observable(), k -> new double[2]);
            g[0]++;
            g[1] += r * r;
        }
        return groups;
    }
}
