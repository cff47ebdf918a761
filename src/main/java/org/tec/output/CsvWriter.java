package org.tec.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.tec.interp.PhaseRecord;
import org.tec.interp.RunRecord;
import org.tec.interp.Trajectory;
import org.tec.model.Var;

/**
 * The trajectory as CSV: {@code t,session,phase,} then one column per variable, one row
 * per sample. Wide by default; long ({@code t,session,phase,variable,value}) on request.
 */
public final class CsvWriter {
    private CsvWriter() {}

    public static void wide(Writer w, RunRecord record, double dt, double every, List<Var> vars) throws IOException {
        replay(new CsvRows(w, dt, every, vars, false, null, true), record);
    }

    public static void tidy(Writer w, RunRecord record, double dt, double every, List<Var> vars) throws IOException {
        replay(new CsvRows(w, dt, every, vars, true, null, true), record);
    }

    /** Long rows prefixed with a run label (for a study's trajectories in one file); no header. */
    public static void tidyRows(Writer w, String run, RunRecord record, double dt, double every, List<Var> vars) throws IOException {
        replay(new CsvRows(w, dt, every, vars, true, run, false), record);
    }

    /** Feeds a finished record's rows to a writer, as the run would have. */
    private static void replay(CsvRows rows, RunRecord record) throws IOException {
        Trajectory tr = record.trajectory();
        double[] state = new double[Var.COUNT];
        try {
            for (int i = 0; i < tr.rows(); i++) {
                for (Var v : Var.values()) state[v.ordinal()] = tr.keeps(v) ? tr.get(i, v) : Double.NaN;
                rows.row(tr.session(i), phaseName(record.phases(), tr, i), tr.time(i), state);
            }
            rows.finish();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String phaseName(List<PhaseRecord> phases, Trajectory tr, int row) {
        int idx = tr.phase(row);
        int session = tr.session(row);
        for (PhaseRecord p : phases) if (p.index() == idx && p.session() == session) return p.ref();
        return "";
    }
}
