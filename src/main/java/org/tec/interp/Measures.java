package org.tec.interp;

import java.util.List;

/** The measures over a run's trajectory: peak, min, mean, area, slope and time of peak. */
final class Measures {
    private Measures() {}

    static Eval of(String name, Eval x, String during) {
        return f -> {
            Trajectory tr = f.trajectory();
            if (tr == null || tr.rows() == 0) return Double.NaN;
            List<PhaseRecord> window = during == null ? null : f.record().phases(during);
            if (window != null && window.isEmpty()) return Double.NaN;
            int saved = f.currentRow();
            try {
                return measure(name, x, f, tr, window);
            } finally {
                f.row(saved);
            }
        };
    }

    private static double measure(String name, Eval x, Frame f, Trajectory tr, List<PhaseRecord> window) {
        double best = Double.NaN, bestT = Double.NaN, sum = 0, area = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        double prevT = Double.NaN, prevV = Double.NaN;
        int n = 0;
        boolean wantMax = !name.equals("min");
        // over several sessions, time runs on from one session's end into the next session's start
        double offset = 0;
        for (int i = 0; i < tr.rows(); i++) {
            if (i > 0 && tr.session(i) != tr.session(i - 1)) {
                offset += tr.time(i - 1);
                prevT = Double.NaN;
            }
            double t = offset + tr.time(i);
            if (window != null && !inside(window, tr.time(i), tr.session(i))) {
                prevT = Double.NaN;
                continue;
            }
            f.row(i);
            double v = x.eval(f);
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(best) || (wantMax ? v > best : v < best)) {
                best = v;
                bestT = tr.time(i); // minutes into its session
            }
            sum += v;
            if (!Double.isNaN(prevT)) area += 0.5 * (v + prevV) * (t - prevT);
            sx += t;
            sy += v;
            sxx += t * t;
            sxy += t * v;
            prevT = t;
            prevV = v;
            n++;
        }
        if (n == 0) return Double.NaN;
        return switch (name) {
            case "peak", "max", "min" -> best;
            case "time_of_peak" -> bestT;
            case "mean" -> sum / n;
            case "auc" -> area;
            default -> { // slope, per minute, by least squares
                double den = n * sxx - sx * sx;
                yield n < 2 || den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
            }
        };
    }

    private static boolean inside(List<PhaseRecord> window, double t, int session) {
        for (PhaseRecord p : window) {
            if (p.session() == session && t >= p.start() - 1e-9 && t <= p.end() + 1e-9) return true;
        }
        return false;
    }
}
