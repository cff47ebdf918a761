package org.tec.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostic;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Suggest;
import org.tec.interp.Event;
import org.tec.interp.Frame;
import org.tec.interp.RunError;
import org.tec.interp.RunListener;
import org.tec.interp.Trajectory;
import org.tec.interp.Verdict;
import org.tec.model.Var;

/** Between the implementation's types and the API's. Package-private. */
final class Adapt {
    private Adapt() {}

    static List<TecDiagnostic> diagnostics(Diagnostics ds, SourceSet sources) {
        List<TecDiagnostic> out = new ArrayList<>();
        for (Diagnostic d : ds.sorted()) {
            out.add(new TecDiagnostic(d.span().file(), d.span().line(), d.span().column(), d.span().length(), d.isError(),
                    d.message(), d.hint(), DiagnosticRenderer.render(d, sources)));
        }
        return List.copyOf(out);
    }

    /** {@code base} with {@code overrides} over it, as doubles. */
    static Map<String, Double> doubles(Map<String, Double> base, Map<String, ? extends Number> overrides) {
        Map<String, Double> out = new LinkedHashMap<>(base);
        if (overrides != null) {
            for (Map.Entry<String, ? extends Number> e : overrides.entrySet()) {
                if (e.getValue() == null) throw new IllegalArgumentException("override " + e.getKey() + " has no value");
                out.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        return out;
    }

    static TecException.Compile compileError(Diagnostics ds, SourceSet sources) {
        return new TecException.Compile(diagnostics(ds, sources));
    }

    static TecEvent event(Event e) {
        return new TecEvent(e.session(), e.time(), e.kind().key(), e.message());
    }

    static List<TecEvent> events(List<Event> es) {
        List<TecEvent> out = new ArrayList<>(es.size());
        for (Event e : es) out.add(event(e));
        return List.copyOf(out);
    }

    static List<TecVerdict> verdicts(List<Verdict> vs) {
        List<TecVerdict> out = new ArrayList<>(vs.size());
        for (Verdict v : vs) out.add(new TecVerdict(v.name(), v.passed(), v.detail(), v.span().toString()));
        return List.copyOf(out);
    }

    static Map<String, Double> state(Frame f) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Var v : Var.values()) out.put(v.key(), f.var(v.ordinal()));
        return out;
    }

    static Map<String, Double> state(double[] x) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Var v : Var.values()) out.put(v.key(), x[v.ordinal()]);
        return out;
    }

    /** The session of every row of a trajectory, from 1. */
    static int[] sessions(Trajectory tr) {
        int[] out = new int[tr.rows()];
        for (int i = 0; i < out.length; i++) out[i] = tr.session(i);
        return out;
    }

    /** One variable's column of a trajectory, by its dotted name. */
    static double[] series(Trajectory tr, String variable) {
        Var v = Var.find(variable);
        if (v == null) {
            List<String> names = new ArrayList<>();
            for (Var x : Var.values()) names.add(x.key());
            String hint = Suggest.hint(variable, names);
            throw new IllegalArgumentException("no variable '" + variable + "'" + (hint == null ? "" : "; " + hint));
        }
        return tr.series(v);
    }

    static RunListener listener(TecListener l) {
        if (l == null) return RunListener.NONE;
        return new RunListener() {
            @Override
            public void step(double time, Frame state) {
                l.step(time, Adapt.state(state));
            }

            @Override
            public void event(Event e) {
                l.event(Adapt.event(e));
            }
        };
    }

    /** The typed API exception for a run-time error of the implementation. */
    static TecException error(RunError e) {
        TecException out = switch (e.kind()) {
            case STEP_LIMIT -> new TecException.Limit("steps", e.getMessage());
            case TIME_LIMIT -> new TecException.Limit("wall_time", e.getMessage());
            case RUN_LIMIT -> new TecException.Limit("runs", e.getMessage());
            case EVENT_LIMIT -> new TecException.Limit("events", e.getMessage());
            case OUTPUT_LIMIT -> new TecException.Limit("output_bytes", e.getMessage());
            case CANCELLED -> new TecException.Cancelled(e.getMessage());
            case OUTPUT -> new TecException.Output(e.getMessage());
            default -> new TecException.Failure(e.getMessage());
        };
        return out.at(e.time());
    }
}
