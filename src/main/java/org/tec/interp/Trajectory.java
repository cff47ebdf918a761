package org.tec.interp;

import java.util.Arrays;
import org.tec.model.Var;

/**
 * The recorded samples of a run: one row per step, each {@code t, session, phase index}
 * then every {@link Var}. Stored flat for speed.
 */
public final class Trajectory {
    public static final int T = 0, SESSION = 1, PHASE = 2, VARS = 3;
    public static final int STRIDE = VARS + Var.COUNT;
    private double[] data = new double[STRIDE * 256];
    private int rows;

    public void add(double t, int session, int phase, double[] state) {
        if ((long) (rows + 1) * STRIDE > data.length) grow(t);
        int o = rows * STRIDE;
        data[o + T] = t;
        data[o + SESSION] = session;
        data[o + PHASE] = phase;
        System.arraycopy(state, 0, data, o + VARS, Var.COUNT);
        rows++;
    }

    /** The largest array the JVM will make, in doubles. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * Doubles the storage. A run long enough to outgrow memory (or the largest array) ends with
     * a run-time error, not an OutOfMemoryError: the failed request is the one large allocation,
     * so the old array is intact and the run can end cleanly.
     */
    private void grow(double t) {
        long want = Math.min((long) data.length * 2, MAX_LENGTH - MAX_LENGTH % STRIDE);
        String advice = "; use a larger step, shorter phases or fewer sessions";
        if (want < (long) (rows + 1) * STRIDE) {
            throw new RunError(RunError.Kind.STEP_LIMIT, t, "the run has more steps than tec can record (" + rows + ")" + advice);
        }
        try {
            data = Arrays.copyOf(data, (int) want);
        } catch (OutOfMemoryError e) {
            throw new RunError(RunError.Kind.STEP_LIMIT, t, "the run's record of " + rows + " steps does not fit in memory" + advice);
        }
    }

    /** Overwrites the last row's state (an instantaneous change, such as an escape, at that moment). */
    void replaceLast(double[] state) {
        if (rows > 0) System.arraycopy(state, 0, data, (rows - 1) * STRIDE + VARS, Var.COUNT);
    }

    public int rows() {
        return rows;
    }

    public double time(int row) {
        return data[row * STRIDE + T];
    }

    public int session(int row) {
        return (int) data[row * STRIDE + SESSION];
    }

    public int phase(int row) {
        return (int) data[row * STRIDE + PHASE];
    }

    public double var(int row, int var) {
        return data[row * STRIDE + VARS + var];
    }

    public double get(int row, Var v) {
        return var(row, v.ordinal());
    }

    /** The series of one variable. */
    public double[] series(Var v) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) out[i] = var(i, v.ordinal());
        return out;
    }

    public double[] times() {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) out[i] = time(i);
        return out;
    }

    /** The first row of a session, or -1. Sessions are recorded in order. */
    public int firstRow(int sessionNumber) {
        int lo = 0, hi = rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (session(mid) < sessionNumber) lo = mid + 1; else hi = mid;
        }
        return lo < rows && session(lo) == sessionNumber ? lo : -1;
    }

    /** The row of a session whose time is nearest {@code t}, or -1 if the session has no rows. */
    public int nearest(int sessionNumber, double t) {
        int lo = firstRow(sessionNumber);
        if (lo < 0) return -1;
        int hi = firstRow(sessionNumber + 1);
        if (hi < 0) hi = rows;
        return nearest(t, lo, hi - 1);
    }

    /** The row whose time is nearest {@code t} (first of equals), or -1 if empty. Single-session runs only. */
    public int nearest(double t) {
        if (rows == 0) return -1;
        return nearest(t, 0, rows - 1);
    }

    private int nearest(double t, int from, int to) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < t) lo = mid + 1; else hi = mid;
        }
        if (lo > from && Math.abs(time(lo - 1) - t) <= Math.abs(time(lo) - t)) return lo - 1;
        return lo;
    }
}
