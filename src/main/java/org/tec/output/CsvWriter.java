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
        List<Var> cols = vars == null || vars.isEmpty() ? List.of(Var.values()) : vars;
        StringBuilder sb = new StringBuilder("t,session,phase");
        for (Var v : cols) sb.append(',').append(v.key());
        w.write(sb.append('\n').toString());
        Trajectory tr = record.trajectory();
        int[] rows = Rows.sampled(tr, dt, every);
        List<PhaseRecord> phases = record.phases();
        for (int i : rows) {
            sb.setLength(0);
            sb.append(Numbers.format(tr.time(i))).append(',').append(tr.session(i)).append(',')
                    .append(phaseName(phases, tr, i));
            for (Var v : cols) sb.append(',').append(Numbers.format(tr.get(i, v)));
            w.write(sb.append('\n').toString());
        }
    }

    public static void tidy(Writer w, RunRecord record, double dt, double every, List<Var> vars) throws IOException {
        List<Var> cols = vars == null || vars.isEmpty() ? List.of(Var.values()) : vars;
        w.write("t,session,phase,variable,value\n");
        Trajectory tr = record.trajectory();
        int[] rows = Rows.sampled(tr, dt, every);
        StringBuilder sb = new StringBuilder();
        for (int i : rows) {
            String prefix = Numbers.format(tr.time(i)) + "," + tr.session(i) + "," + phaseName(record.phases(), tr, i) + ",";
            for (Var v : cols) {
                sb.setLength(0);
                sb.append(prefix).append(v.key()).append(',').append(Numbers.format(tr.get(i, v))).append('\n');
                w.write(sb.toString());
            }
        }
    }

    /** Long rows prefixed with a run label (for a study's trajectories file); no header. */
    public static void tidyRows(Writer w, String run, RunRecord record, double dt, double every, List<Var> vars) throws IOException {
        List<Var> cols = vars == null || vars.isEmpty() ? List.of(Var.values()) : vars;
        Trajectory tr = record.trajectory();
        StringBuilder sb = new StringBuilder();
        for (int i : Rows.sampled(tr, dt, every)) {
            String prefix = run + "," + Numbers.format(tr.time(i)) + "," + tr.session(i) + "," + phaseName(record.phases(), tr, i) + ",";
            for (Var v : cols) {
                sb.setLength(0);
                sb.append(prefix).append(v.key()).append(',').append(Numbers.format(tr.get(i, v))).append('\n');
                w.write(sb.toString());
            }
        }
    }


    static String phaseName(List<PhaseRecord> phases, Trajectory tr, int row) {
        int idx = tr.phase(row);
        int session = tr.session(row);
        for (PhaseRecord p : phases) if (p.index() == idx && p.session() == session) return p.ref();
        return "";
    }
}
