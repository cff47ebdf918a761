package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A study's conditions against a reference, print by print, as a methods section states it:
 * in a study with arms, each arm against the first arm at the same sweep point; in one
 * without, each sweep point against the first. For a number: the difference of the means with a 95% Welch
 * interval (Student's t with Welch-Satterthwaite degrees of freedom, which does not assume
 * equal variances) and Hedges' g (the standardised difference with the small-sample
 * correction). For a condition: the risk difference with Newcombe's hybrid score interval
 * (method 10, built from the two Wilson intervals) and the risk ratio. A study's runs share
 * their replicate seeds across arms and points (common random numbers), which makes these
 * differences sharper than independent samples would; the intervals here do not claim
 * that gain, so they are conservative.
 */
public final class StudyContrast {
    /**
     * One print in one condition against the reference condition.
     *
     * @param arm        the arm ("" when the study has none)
     * @param referenceArm the reference arm (the first; "" when the study has none)
     * @param point      the point's swept values
     * @param reference  the reference's swept values (the first point; with arms, the same point)
     * @param measure    the print, as written
     * @param difference the point's mean (or proportion) minus the reference's
     * @param low        the 95% interval's lower end (NaN when a side has fewer than 2 runs)
     * @param high       its upper end
     * @param effect     Hedges' g for a number, the risk ratio for a condition
     * @param effectKind {@code hedges_g} or {@code risk_ratio}
     */
    public record Row(String arm, String referenceArm, List<Double> point, List<Double> reference, String measure, double difference, double low, double high,
                      double effect, String effectKind) {}

    private StudyContrast() {}

    /**
     * For every print of a study's {@link StudySummary}: with arms, every arm after the first
     * against the first, point by point; without, every point after the first against the first.
     */
    public static List<Row> of(List<StudySummary.Row> summary) {
        List<Row> out = new ArrayList<>();
        if (summary.stream().anyMatch(s -> !s.arm().isEmpty())) {
            Map<List<Double>, Map<String, Map<String, StudySummary.Row>>> byPoint = new LinkedHashMap<>();
            for (StudySummary.Row s : summary) {
                byPoint.computeIfAbsent(s.point(), k -> new LinkedHashMap<>()).computeIfAbsent(s.arm(), k -> new LinkedHashMap<>())
                        .put(s.measure(), s);
            }
            for (Map<String, Map<String, StudySummary.Row>> arms : byPoint.values()) {
                List<String> names = new ArrayList<>(arms.keySet());
                for (String arm : names.subList(1, names.size())) {
                    for (StudySummary.Row s : arms.get(arm).values()) out.add(of(s, arms.get(names.get(0)).get(s.measure())));
                }
            }
            return List.copyOf(out);
        }
        Map<List<Double>, Map<String, StudySummary.Row>> byPoint = new LinkedHashMap<>();
        for (StudySummary.Row s : summary) byPoint.computeIfAbsent(s.point(), k -> new LinkedHashMap<>()).put(s.measure(), s);
        List<List<Double>> points = new ArrayList<>(byPoint.keySet());
        if (points.size() < 2) return out;
        List<Double> ref = points.get(0);
        for (List<Double> p : points.subList(1, points.size())) {
            for (StudySummary.Row s : byPoint.get(p).values()) {
                StudySummary.Row base = byPoint.get(ref).get(s.measure());
                out.add(of(s, base));
            }
        }
        return List.copyOf(out);
    }

    /** One condition's row of a summary against the reference's row of the same print. */
    public static Row of(StudySummary.Row a, StudySummary.Row b) {
        return a.proportion() ? proportions(a.point(), b.point(), a, b) : means(a.point(), b.point(), a, b);
    }

    /** Welch's interval for a difference of means, and Hedges' g. */
    static Row means(List<Double> point, List<Double> ref, StudySummary.Row a, StudySummary.Row b) {
        double diff = a.mean() - b.mean();
        double low = Double.NaN, high = Double.NaN, g = Double.NaN;
        if (a.n() >= 2 && b.n() >= 2) {
            double va = a.sd() * a.sd() / a.n(), vb = b.sd() * b.sd() / b.n();
            double se = Math.sqrt(va + vb);
            if (se > 0) {
                double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
                double half = new TDistribution(df).inverseCumulativeProbability(1 - (1 - a.level()) / 2) * se;
                low = diff - half;
                high = diff + half;
            } else {
                low = diff;
                high = diff;
            }
            double pooled = Math.sqrt(((a.n() - 1) * a.sd() * a.sd() + (b.n() - 1) * b.sd() * b.sd()) / (a.n() + b.n() - 2));
            if (pooled > 0) g = (1 - 3.0 / (4.0 * (a.n() + b.n()) - 9)) * diff / pooled;
        }
        return new Row(a.arm(), b.arm(), point, ref, a.measure(), diff, low, high, g, "hedges_g");
    }

    /** Newcombe's hybrid score interval (method 10) for a risk difference, and the risk ratio. */
    static Row proportions(List<Double> point, List<Double> ref, StudySummary.Row a, StudySummary.Row b) {
        double diff = a.mean() - b.mean();
        double low = Double.NaN, high = Double.NaN;
        if (a.n() >= 1 && b.n() >= 1) {
            low = diff - Math.sqrt(sq(a.mean() - a.low()) + sq(b.high() - b.mean()));
            high = diff + Math.sqrt(sq(a.high() - a.mean()) + sq(b.mean() - b.low()));
        }
        double ratio = b.mean() > 0 ? a.mean() / b.mean() : Double.NaN;
        return new Row(a.arm(), b.arm(), point, ref, a.measure(), diff, low, high, ratio, "risk_ratio");
    }

    private static double sq(double x) {
        return x * x;
    }
}
