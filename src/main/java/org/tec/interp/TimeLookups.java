package org.tec.interp;

import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.TimePoint;
import org.tec.text.Numbers;

/** {@code x at T}: a value looked up at a time of the run, after it. */
final class TimeLookups extends ExprPart {
    TimeLookups(ExprCompiler exprs, Diagnostics sink) {
        super(exprs, sink);
    }

    Typed at(Expr.At a, ExprCompiler.Context ctx) {
        if (ctx == ExprCompiler.Context.STUDY) {
            sink.error(a.span(), "a value 'at' a time differs from run to run; a check across runs must say how to combine runs",
                    ExprCompiler.ACROSS_RUNS_HINT);
            return null;
        }
        if (ctx != ExprCompiler.Context.AFTER) {
            sink.error(a.span(), "'at' looks back over the whole run, so it can only be used in goals, expects and prints", null);
            return null;
        }
        Typed v = exprs.compile(a.value(), ctx, true);
        if (v == null) return null;
        return a.when() instanceof TimePoint.Edge edge ? atEdge(v, edge) : atTime(v, (TimePoint.Time) a.when());
    }

    /** At the start or end of the run, or of a phase (its first start, its last end). */
    private Typed atEdge(Typed v, TimePoint.Edge edge) {
        if (edge.phase() != null && !exprs.phaseRefs().contains(edge.phase())) {
            exprs.unknownPhase(edge.phase(), edge.phaseSpan());
            return null;
        }
        Eval x = v.eval();
        String phase = edge.phase();
        boolean start = edge.start();
        return Typed.of(v.type(), f -> {
            Trajectory tr = f.trajectory();
            if (tr == null || tr.rows() == 0) return Double.NaN;
            if (phase == null) return valueAtRow(f, start ? 0 : tr.rows() - 1, x);
            List<PhaseRecord> ps = f.record().phases(phase);
            if (ps.isEmpty()) return Double.NaN;
            PhaseRecord p = start ? ps.get(0) : ps.get(ps.size() - 1);
            return valueAt(f, p.session(), start ? p.start() : p.end(), x);
        });
    }

    /** At a time of the session the frame stands in. */
    private Typed atTime(Typed v, TimePoint.Time tp) {
        Typed time = exprs.compile(tp.time(), ExprCompiler.Context.AFTER, true);
        if (time == null) return null;
        if (time.type() != Type.DURATION) {
            sink.error(tp.span(), "'at' needs a time, such as 12 min or (exposure.end + 3 min)",
                    time.isConstant() && time.type() == Type.NUMBER ? "add a time unit: " + Numbers.plain(time.constant()) + " min" : null);
            return null;
        }
        Eval x = v.eval();
        Eval timeOf = time.eval();
        return Typed.of(v.type(), f -> {
            int saved = f.currentRow();
            double minutes = timeOf.eval(f);
            f.row(saved);
            return valueAt(f, f.session(), minutes, x);
        });
    }

    /** The value of x at a time of a session; undefined outside the session's recorded span. */
    private static double valueAt(Frame f, int session, double time, Eval x) {
        Trajectory tr = f.trajectory();
        if (tr == null || Double.isNaN(time)) return Double.NaN;
        int row = tr.nearest(session, time);
        if (row < 0 || Math.abs(tr.time(row) - time) > 0.5 * (f.record().dt()) + 1e-9) return Double.NaN;
        return valueAtRow(f, row, x);
    }

    private static double valueAtRow(Frame f, int row, Eval x) {
        int saved = f.currentRow();
        f.row(row);
        double v = x.eval(f);
        f.row(saved);
        return v;
    }
}
