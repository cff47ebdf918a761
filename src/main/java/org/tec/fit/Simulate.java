package org.tec.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * Simulated data for recovery: runs the scenario (once per condition of a condition table,
 * or once as written, as condition {@value #AS_WRITTEN}), samples the observed state variables
 * every so many minutes from 0 to the scenario's end, and adds Gaussian measurement error (of
 * the sd given, else of each observe's declared noise, else none), drawn by Box-Muller from a {@link SplittableRandom} of the seed in a fixed order
 * (condition, then time, then observable). Values are not clipped to a scale's ends: the
 * measurement model tec fits is Gaussian.
 */
public final class Simulate {
    private Simulate() {}

    /** The condition id of a scenario run as written. */
    public static final String AS_WRITTEN = "as_written";

    /** One simulated measurement. */
    public record Row(String observable, String condition, double time, double measurement) {}

    /** What the names observe: observes of the scenario or state variables; null (and errors) for a name that is neither. */
    public static List<String> observables(Scripts.Compiled compiled, Scripts.Unit unit, List<String> names, Span at, Diagnostics sink) {
        List<org.tec.interp.Observation> declared = Scripts.observations(compiled, unit);
        List<String> keys = new ArrayList<>();
        for (Var v : Var.values()) keys.add(v.key());
        for (org.tec.interp.Observation o : declared) keys.add(o.name());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (Observable.find(n, declared) == null) {
                String hint = Suggest.hint(n, keys);
                sink.error(at, "unknown observable '" + n + "'", hint != null ? hint : "name state variables such as client.distress, or observes of the scenario");
            } else if (!out.contains(n)) {
                out.add(n);
            }
        }
        return sink.hasErrors() ? null : out;
    }

    /** The simulated rows; null (and errors) when the scenario cannot run so. */
    public static List<Row> run(Scripts.Compiled compiled, Scripts.Unit unit, Petab.Conditions conditions, List<String> names, double every,
                                Double sd, long seed, RunOptions options, Diagnostics sink) {
        List<org.tec.interp.Observation> declared = Scripts.observations(compiled, unit);
        List<Observable> observe = new ArrayList<>();
        for (String n : names) observe.add(Observable.find(n, declared));
        Program base = unit.program();
        Span script = new Span(base.file(), 0, 0, 0);
        if (base.study() != null || base.course() != null) {
            sink.error(script, "tec simulate runs one session: this script is a " + (base.study() != null ? "study" : "course"),
                    "simulate the scenario it runs");
            return null;
        }
        if (!(every > 0) || !Double.isFinite(every)) {
            sink.error(script, "--every must be above 0 minutes", null);
            return null;
        }
        if (sd != null && (!(sd >= 0) || !Double.isFinite(sd))) {
            sink.error(script, "--noise-sd must be 0 or more", null);
            return null;
        }
        double length = 0;
        for (Program.PhasePlan ph : base.phases()) length += ph.duration();
        long count = (long) Math.floor(length / every + 1e-9) + 1;
        int conds = conditions == null ? 1 : conditions.list().size();
        if (count * conds * observe.size() > Table.MAX_ROWS) {
            sink.error(script, "that is " + count * conds * observe.size() + " measurements, more than the " + Table.MAX_ROWS
                    + " a table may hold", "sample less often (a larger --every)");
            return null;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Row> out = new ArrayList<>();
        for (int c = 0; c < conds; c++) {
            Map<String, Double> o = new java.util.LinkedHashMap<>(unit.overrides());
            String id = AS_WRITTEN;
            if (conditions != null) {
                Petab.Condition cond = conditions.list().get(c);
                id = cond.id();
                o.putAll(cond.values());
            }
            Program p = base;
            if (conditions != null) {
                Diagnostics local = new Diagnostics();
                p = Scripts.recompile(compiled, unit, o, local);
                if (p == null || local.hasErrors()) {
                    Petab.Condition cond = conditions.list().get(c);
                    String why = local.hasErrors() ? local.sorted().get(0).message() : "it does not compile";
                    sink.error(cond.span(), "condition " + id + " makes no valid scenario: " + why, null);
                    continue;
                }
            }
            RunResult r = Interpreter.run(p, options);
            for (long k = 0; k < count; k++) {
                double t = Math.min(length, k * every);
                t = Double.parseDouble(Numbers.data(t)); // the time as the table will hold it
                for (Observable v : observe) {
                    double x = v.at(r.record(), t);
                    // the error: --noise-sd, else the observe's declared one (none for a bare variable or an estimated one)
                    double e = sd != null ? sd : v.declaredSd(x);
                    out.add(new Row(v.id(), id, t, x + (Double.isNaN(e) ? 0 : e) * gaussian(rng)));
                }
            }
        }
        return sink.hasErrors() ? null : List.copyOf(out);
    }

    /** A standard normal draw by Box-Muller (two uniforms per draw; the same numbers on every JVM). */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
