package org.tec.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * Measures visit only the rows of their window and read state variables straight from the
 * trajectory. They must give exactly (to the bit) what the plain definition gives: every
 * row tested against every phase of the window, every value read through the frame. This
 * holds them to that definition, written out below, over a course of sessions with
 * adjacent phases of one kind, a window that skips sessions, undefined values, and every
 * measure.
 */
class MeasuresTest {
    private static final List<String> NAMES = List.of("peak", "max", "min", "mean", "auc", "slope", "time_of_peak");

    @Test
    void measuresOverWindowsAreExactlyThePlainDefinition() {
        RunRecord record = course();
        int d = Var.CLIENT_DISTRESS.ordinal();
        Eval direct = new ExprCompiler.StateVar(d);
        // through the frame, and undefined on some rows (a measure skips those)
        Eval computed = f -> f.var(d) > 55 && f.var(d) < 60 ? Double.NaN : 2 * f.var(d) - f.var(Var.FEAR.ordinal());
        int checked = 0;
        for (String name : NAMES) {
            for (String during : new String[] {null, "exposure", "warmup", "celebrate", "late", "missing"}) {
                for (Eval x : List.of(direct, computed)) {
                    TrajectoryFrame f = new TrajectoryFrame(record);
                    f.row(7);
                    double got = Measures.of(Measure.named(name), x, during).eval(f);
                    double want = plain(name, x, during, new TrajectoryFrame(record));
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                            name + " during " + during + ": " + want + " expected, " + got + " given");
                    assertEquals(7, f.currentRow(), "the frame's cursor is restored");
                    checked++;
                }
            }
        }
        assertEquals(NAMES.size() * 6 * 2, checked);
    }

    /** Three sessions at dt 0.1: warmup 0-2, two exposures back to back 2-5 and 5-7, celebrate 7-8; "late" only in session 3. */
    private static RunRecord course() {
        double dt = 0.1;
        RunRecord r = new RunRecord(dt);
        double[] state = new double[Var.COUNT];
        for (int s = 1; s <= 3; s++) {
            r.sessionStarted(s);
            int steps = s == 2 ? 75 : 80; // session 2 ends early, mid-phase
            for (int i = 0; i <= steps; i++) {
                double t = i * dt;
                state[Var.CLIENT_DISTRESS.ordinal()] = 30 + 40 * Math.sin(t * (0.7 + 0.1 * s)) + 3 * s;
                state[Var.FEAR.ordinal()] = 0.9 - 0.01 * i / s;
                r.trajectory().add(t, s, 0, state);
            }
            int n = 0;
            r.addPhase(new PhaseRecord(s, n++, "warmup", PhaseKind.FREE, null, 0, 2, 2, true, false, null));
            r.addPhase(new PhaseRecord(s, n++, "exposure", PhaseKind.EXPOSURE, null, 2, 5, 3, true, false, null));
            r.addPhase(new PhaseRecord(s, n++, "second", PhaseKind.EXPOSURE, null, 5, Math.min(7, steps * dt), 2,
                    s != 2, s == 2, null));
            if (s != 2) r.addPhase(new PhaseRecord(s, n++, "celebrate", PhaseKind.CELEBRATE, null, 7, 8, 1, true, false, null));
            if (s == 3) r.addPhase(new PhaseRecord(s, n, "late", PhaseKind.SUPPORT, null, 3.05, 6.33, 3.3, true, false, null));
        }
        return r;
    }

    /** The definition: every row in order, tested against every phase of the window. */
    private static double plain(String name, Eval x, String during, TrajectoryFrame f) {
        Trajectory tr = f.trajectory();
        List<PhaseRecord> window = during == null ? null : f.record().phases(during);
        if (window != null && window.isEmpty()) return Double.NaN;
        double best = Double.NaN, bestT = Double.NaN, sum = 0, area = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        double prevT = Double.NaN, prevV = Double.NaN;
        int n = 0;
        boolean wantMax = !name.equals("min");
        double offset = 0;
        for (int i = 0; i < tr.rows(); i++) {
            if (i > 0 && tr.session(i) != tr.session(i - 1)) {
                offset += tr.time(i - 1);
                prevT = Double.NaN;
            }
            double t = offset + tr.time(i);
            boolean inside = window == null;
            for (PhaseRecord p : window == null ? new ArrayList<PhaseRecord>() : window) {
                if (p.session() == tr.session(i) && tr.time(i) >= p.start() - 1e-9 && tr.time(i) <= p.end() + 1e-9) inside = true;
            }
            if (!inside) {
                prevT = Double.NaN;
                continue;
            }
            f.row(i);
            double v = x.eval(f);
            if (Double.isNaN(v)) continue;
            if (Double.isNaN(best) || (wantMax ? v > best : v < best)) {
                best = v;
                bestT = tr.time(i);
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
            default -> {
                double den = n * sxx - sx * sx;
                yield n < 2 || den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
            }
        };
    }
}
