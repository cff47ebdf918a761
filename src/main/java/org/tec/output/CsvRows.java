package org.tec.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.tec.interp.RunListener;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * Trajectory rows as CSV, written as the run records them (or replayed from a record):
 * wide ({@code t,session,phase,} then one column per variable) or long
 * ({@code [run,]t,session,phase,variable,value}). With {@code every D} a session keeps the
 * rows on its grid of D and its last row. One row is held back, because the row of an
 * escape is corrected at its own moment and a session's last row is known only when the
 * next session starts.
 */
final class CsvRows implements RunListener {
    private final Writer out;
    private final double dt;
    private final int stride;
    private final List<Var> vars;
    private final boolean tidy;
    private final String runLabel;
    private final StringBuilder sb = new StringBuilder();
    private double[] pending;
    private int pendingSession;
    private String pendingPhase;
    private double pendingTime;

    /** {@code runLabel} non-null adds a leading run column (a study's trajectories in one file). */
    CsvRows(Writer out, double dt, double every, List<Var> vars, boolean tidy, String runLabel, boolean header) {
        this.out = out;
        this.dt = dt;
        this.stride = Rows.stride(dt, every);
        this.vars = vars == null || vars.isEmpty() ? List.of(Var.values()) : List.copyOf(vars);
        this.tidy = tidy;
        this.runLabel = runLabel;
        if (header) write(header());
    }

    private String header() {
        StringBuilder h = new StringBuilder();
        if (runLabel != null) h.append("run,");
        h.append("t,session,phase");
        if (tidy) {
            h.append(",variable,value");
        } else {
            for (Var v : vars) h.append(',').append(v.key());
        }
        return h.append('\n').toString();
    }

    @Override
    public void row(int session, String phase, double time, double[] state) {
        if (pending != null) {
            if (Rows.onGrid(pendingTime, dt, stride) || session != pendingSession) flushPending();
        }
        if (pending == null) pending = new double[Var.COUNT];
        System.arraycopy(state, 0, pending, 0, Var.COUNT);
        pendingSession = session;
        pendingPhase = phase;
        pendingTime = time;
    }

    @Override
    public void rowReplaced(double[] state) {
        if (pending != null) System.arraycopy(state, 0, pending, 0, Var.COUNT);
    }

    /** Writes the held-back last row; call once when the run is over. */
    void finish() {
        if (pending != null) flushPending();
        pending = null;
    }

    private void flushPending() {
        String prefix = (runLabel == null ? "" : runLabel + ",") + Numbers.data(pendingTime) + "," + pendingSession + ","
                + pendingPhase;
        if (tidy) {
            for (Var v : vars) {
                sb.setLength(0);
                sb.append(prefix).append(',').append(v.key()).append(',').append(Numbers.data(pending[v.ordinal()])).append('\n');
                write(sb.toString());
            }
        } else {
            sb.setLength(0);
            sb.append(prefix);
            for (Var v : vars) sb.append(',').append(Numbers.data(pending[v.ordinal()]));
            write(sb.append('\n').toString());
        }
        pending = null;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
