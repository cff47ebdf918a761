package org.tec.interp;

import java.util.BitSet;
import org.tec.model.Var;

/**
 * The recorded samples of a run: one row per step, {@code t, session, phase index} and
 * the state variables it keeps — all of them, or (for long runs whose trajectory streams
 * to its outputs) only those that the checks after the run read. Rows are stored in
 * fixed-size chunks, so a long run never copies what it already holds.
 */
public final class Trajectory {
    private static final int SHIFT = 14, CHUNK_ROWS = 1 << SHIFT, MASK = CHUNK_ROWS - 1;
    private static final int T = 0, SESSION = 1, PHASE = 2, VARS = 3;

    private final int[] slot;                         // var ordinal -> column, or -1 when not kept
    private final int[] kept;                         // the kept var ordinals, in column order
    private final int stride;
    private final boolean keepsAll;
    private double[][] chunks = new double[1][];
    private int chunkCount;
    private double[] last;                            // the chunk being filled
    private final long expected;                      // the rows the run plans to record (0: unknown)
    private int rows;

    /** A trajectory that keeps every variable. */
    public Trajectory() {
        this(null, 0);
    }

    /** A trajectory that keeps the variables in {@code keep} (all when null). */
    public Trajectory(BitSet keep) {
        this(keep, 0);
    }

    /**
     * A trajectory that keeps the variables in {@code keep} (all when null), sized for the
     * {@code expectedRows} that the run plans to record (a hint: 0 when unknown; a run that
     * records more grows, one that ends early leaves the rest unused).
     */
    public Trajectory(BitSet keep, long expectedRows) {
        this.expected = Math.max(0, expectedRows);
        Layout layout = Layout.of(keep);
        slot = layout.slot;
        kept = layout.kept;
        keepsAll = kept.length == Var.COUNT;
        stride = VARS + kept.length;
    }

    /**
     * Which variables a trajectory keeps, and where: worked out once per set of variables
     * (a study makes thousands of runs of one program), shared, never changed.
     */
    private static final class Layout {
        private static final Layout ALL = build(null);
        private static final java.util.Map<BitSet, Layout> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        final int[] slot;   // var ordinal -> column among the kept, or -1
        final int[] kept;   // the kept var ordinals, in column order

        private Layout(int[] slot, int[] kept) {
            this.slot = slot;
            this.kept = kept;
        }

        static Layout of(BitSet keep) {
            if (keep == null) return ALL;
            Layout l = CACHE.get(keep);
            if (l != null) return l;
            if (CACHE.size() > 1024) CACHE.clear(); // a bound; a long-lived host may compile many programs
            BitSet key = (BitSet) keep.clone();
            return CACHE.computeIfAbsent(key, Layout::build);
        }

        private static Layout build(BitSet keep) {
            int[] slot = new int[Var.COUNT];
            int[] kept = new int[Var.COUNT];
            int n = 0;
            for (int v = 0; v < Var.COUNT; v++) {
                if (keep == null || keep.get(v)) {
                    slot[v] = n;
                    kept[n++] = v;
                } else {
                    slot[v] = -1;
                }
            }
            return new Layout(slot, java.util.Arrays.copyOf(kept, n));
        }
    }

    public void add(double t, int session, int phase, double[] state) {
        int r = rows & MASK;
        if (r == 0) grow(t);
        double[] c = last;
        int o = r * stride;
        if (o + stride > c.length) c = widen(c, t);
        c[o + T] = t;
        c[o + SESSION] = session;
        c[o + PHASE] = phase;
        if (keepsAll) {
            System.arraycopy(state, 0, c, o + VARS, Var.COUNT);
        } else {
            for (int k = 0; k < kept.length; k++) c[o + VARS + k] = state[kept[k]];
        }
        rows++;
    }

    /**
     * Adds a chunk. A run long enough to outgrow memory (or the row count) ends with a
     * run-time error, not an OutOfMemoryError: the failed request is one chunk, so what is
     * recorded stays intact and the run can end cleanly.
     */
    private void grow(double t) {
        String advice = "; use a larger step, shorter phases or fewer sessions";
        if (rows > Integer.MAX_VALUE - CHUNK_ROWS) {
            throw new RunError(RunError.Kind.STEP_LIMIT, t, "the run has more steps than tec can record (" + rows + ")" + advice);
        }
        try {
            // a chunk holds what the run plans to record, up to a whole chunk; without a plan
            // it starts small and widens as it fills, so a short run (a study holds
            // thousands) costs what it records, not a whole chunk
            long planned = expected - rows;
            int size = (int) (planned > 0 ? Math.min(CHUNK_ROWS, planned) : Math.min(CHUNK_ROWS, 256));
            last = new double[size * stride];
            if (chunkCount == chunks.length) chunks = java.util.Arrays.copyOf(chunks, 2 * chunkCount);
            chunks[chunkCount++] = last;
        } catch (OutOfMemoryError e) {
            throw new RunError(RunError.Kind.STEP_LIMIT, t, "the run's record of " + rows + " steps does not fit in memory" + advice);
        }
    }

    /** Doubles the last chunk, up to the full chunk size. */
    private double[] widen(double[] c, double t) {
        int rowsNow = c.length / stride;
        double[] wider;
        try {
            wider = java.util.Arrays.copyOf(c, Math.min(CHUNK_ROWS, rowsNow * 2) * stride);
        } catch (OutOfMemoryError e) {
            throw new RunError(RunError.Kind.STEP_LIMIT, t, "the run's record of " + rows
                    + " steps does not fit in memory; use a larger step, shorter phases or fewer sessions");
        }
        chunks[chunkCount - 1] = wider;
        last = wider;
        return wider;
    }

    /** Overwrites the last row's state (an instantaneous change, such as an escape, at that moment). */
    void replaceLast(double[] state) {
        if (rows == 0) return;
        int r = (rows - 1) & MASK;
        double[] c = chunks[(rows - 1) >>> SHIFT];
        for (int k = 0; k < kept.length; k++) c[r * stride + VARS + k] = state[kept[k]];
    }

    public int rows() {
        return rows;
    }

    /** A cell by row and column (no checks: also for measures' loops over many rows, with {@link #column}). */
    double cell(int row, int col) {
        return chunks[row >>> SHIFT][(row & MASK) * stride + col];
    }

    /** The column that holds a variable; a variable that was not kept is an error. */
    int column(int var) {
        int s = slot[var];
        if (s < 0) {
            throw new IllegalStateException(Var.values()[var].key() + " was not kept: this run streamed its trajectory to its "
                    + "outputs and kept only what its checks read");
        }
        return VARS + s;
    }

    public double time(int row) {
        return cell(row, T);
    }

    public int session(int row) {
        return (int) cell(row, SESSION);
    }

    public int phase(int row) {
        return (int) cell(row, PHASE);
    }

    /** Whether this trajectory kept a variable. */
    public boolean keeps(Var v) {
        return slot[v.ordinal()] >= 0;
    }

    public double var(int row, int var) {
        return cell(row, column(var));
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
