package org.tec.interp;

import java.util.Arrays;
import java.util.List;

/** How the {@link Measure}s are worked out over a run's trajectory: the rows of a window, and passes over them. */
final class Measures {
    private Measures() {}

    static Eval of(Measure measure, Eval x, String during) {
        // a measure depends on the run's record alone, not on the row a frame stands at: a frame
        // over a finished record keeps what it has worked out (a verdict reads its condition,
        // then its left side for the report, compiled apart: one pass over the trajectory, not
        // two, since the key is equal for equal measures of a state variable)
        Key key = new Key(measure, x, during);
        return f -> f.remember(key, () -> measure(measure, x, during, f));
    }

    /** What a measure computes; equal for the same measure of the same state variable in the same window. */
    private record Key(Measure measure, Eval x, String during) {}

    /** What one pass over a window adds up; each {@link Measure} reads its own. */
    static final class Sums {
        double max = Double.NaN, timeOfMax = Double.NaN, min = Double.NaN, sum;
        double area, sx, sy, sxx, sxy;
        int n;

        /** The slope, per minute, by least squares. */
        double slope() {
            double den = n * sxx - sx * sx;
            return n < 2 || den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
        }
    }

    private static double measure(Measure measure, Eval x, String during, Frame f) {
        Trajectory tr = f.trajectory();
        if (tr == null || tr.rows() == 0) return Double.NaN;
        List<PhaseRecord> window = during == null ? null : f.record().phases(during);
        if (window != null && window.isEmpty()) return Double.NaN;
        int saved = f.currentRow();
        try {
            // a measure of a state variable (most are) reads the trajectory without going through the frame
            int direct = x instanceof ExprCompiler.StateVar sv ? tr.column(sv.index()) : -1;
            int[] ranges = window == null ? new int[] {0, tr.rows() - 1} : ranges(tr, window);
            Sums s = measure.overTime() ? overTime(x, direct, f, tr, ranges) : rows(x, direct, f, tr, ranges);
            return s.n == 0 ? Double.NaN : measure.read(s);
        } finally {
            f.row(saved);
        }
    }

    private static double value(Eval x, int direct, Frame f, Trajectory tr, int row) {
        if (direct >= 0) return tr.cell(row, direct);
        f.row(row);
        return x.eval(f);
    }

    /** Peak, max, min, time of peak, mean: one pass over the window's rows; time plays no part. */
    private static Sums rows(Eval x, int direct, Frame f, Trajectory tr, int[] ranges) {
        Sums s = new Sums();
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i <= ranges[r + 1]; i++) {
                double v = value(x, direct, f, tr, i);
                if (Double.isNaN(v)) continue;
                if (Double.isNaN(s.max) || v > s.max) {
                    s.max = v;
                    s.timeOfMax = tr.time(i); // minutes into its session
                }
                if (Double.isNaN(s.min) || v < s.min) s.min = v;
                s.sum += v;
                s.n++;
            }
        }
        return s;
    }

    /**
     * Area and slope: one pass over the window's rows, in order. Over several sessions, time
     * runs on from one session's end into the next session's start; the area never bridges a
     * row outside the window or a session boundary.
     */
    private static Sums overTime(Eval x, int direct, Frame f, Trajectory tr, int[] ranges) {
        Sums s = new Sums();
        double prevT = Double.NaN, prevV = Double.NaN;
        double offset = 0;    // the summed lengths of the sessions before the current row's
        int at = 0;           // the row whose session the offset is for
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i <= ranges[r + 1]; i++) {
                if (i == at + 1) {
                    if (tr.session(i) != tr.session(at)) {
                        offset += tr.time(at);
                        prevT = Double.NaN;
                    }
                } else if (i > at) {
                    // rows outside the window were skipped: cross their session boundaries in order
                    while (tr.session(at) != tr.session(i)) {
                        int next = nextSession(tr, at, i);
                        offset += tr.time(next - 1);
                        at = next;
                    }
                    prevT = Double.NaN;
                }
                at = i;
                double t = offset + tr.time(i);
                double v = value(x, direct, f, tr, i);
                if (Double.isNaN(v)) continue;
                if (!Double.isNaN(prevT)) s.area += 0.5 * (v + prevV) * (t - prevT);
                s.sx += t;
                s.sy += v;
                s.sxx += t * t;
                s.sxy += t * v;
                prevT = t;
                prevV = v;
                s.n++;
            }
        }
        return s;
    }

    /**
     * The rows inside the window's phases, as sorted, disjoint, inclusive {@code [from, to]}
     * pairs. A row is inside a phase when it belongs to the phase's session and its time is
     * within the phase's start and end (to 1e-9 min); within a session, rows are in time order.
     */
    private static int[] ranges(Trajectory tr, List<PhaseRecord> window) {
        int[] out = new int[2 * window.size()];
        int k = 0;
        for (PhaseRecord p : window) {
            int first = tr.firstRow(p.session());
            if (first < 0) continue;
            int end = tr.firstRow(p.session() + 1);
            if (end < 0) end = lastRowOf(tr, first) + 1;
            int lo = first, hi = end;          // first row with t >= start - 1e-9
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tr.time(mid) >= p.start() - 1e-9) hi = mid; else lo = mid + 1;
            }
            int from = lo;
            lo = from;
            hi = end;                          // first row with t > end + 1e-9
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tr.time(mid) <= p.end() + 1e-9) lo = mid + 1; else hi = mid;
            }
            if (lo - 1 >= from) {
                out[k++] = from;
                out[k++] = lo - 1;
            }
        }
        // sort the pairs by their first row, then merge those that share rows
        long[] pairs = new long[k / 2];
        for (int j = 0; j < pairs.length; j++) pairs[j] = ((long) out[2 * j] << 32) | out[2 * j + 1];
        Arrays.sort(pairs);
        int m = 0;
        for (long pair : pairs) {
            int from = (int) (pair >>> 32), to = (int) pair;
            if (m > 0 && from <= out[m - 1]) {
                out[m - 1] = Math.max(out[m - 1], to);
            } else {
                out[m++] = from;
                out[m++] = to;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The last row of the session that starts at row {@code first}. */
    private static int lastRowOf(Trajectory tr, int first) {
        int s = tr.session(first);
        int lo = first, hi = tr.rows();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tr.session(mid) <= s) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /** The first row after {@code from} (and at most {@code to}) of a later session than {@code from}'s. */
    private static int nextSession(Trajectory tr, int from, int to) {
        int s = tr.session(from);
        int lo = from + 1, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tr.session(mid) > s) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
