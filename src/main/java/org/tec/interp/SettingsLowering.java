package org.tec.interp;

import java.util.LinkedHashSet;
import java.util.Set;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Item;
import org.tec.model.Circuit;
import org.tec.model.Integration;
import org.tec.model.Method;
import org.tec.model.Param;
import org.tec.model.Scope;
import org.tec.text.Numbers;

/**
 * The setting of a scenario: time step, seed, noise, declare blocks of model parameters,
 * and a course's sessions, interval and goal.
 */
final class SettingsLowering extends Stage {
    SettingsLowering(Declarations names, ProgramBuilder out) {
        super(names, out);
    }

    void step(Item.Step s) {
        Double v = names.constantOf(s.value(), Type.DURATION, "a time step such as 0.1 min");
        if (v == null) return;
        if (v <= 0) sink.error(s.value().span(), "the time step must be greater than 0", names.fromOverrides(s.value()));
        else out.dt = v;
        out.stepSpan = s.value().span();
    }

    void seed(Item.Seed s) {
        Double v = names.constantOf(s.value(), Type.NUMBER, "a whole number");
        if (v == null) return;
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) sink.error(s.value().span(), "a seed is a whole number", names.fromOverrides(s.value()));
        else out.seed = (long) (double) v;
    }

    void noise(Item.Noise n) {
        if (n.on() != null) {
            out.noise = n.on() ? 1 : 0;
            return;
        }
        Double v = names.constantOf(n.scale(), Type.NUMBER, "a noise scale such as 1");
        if (v == null) return;
        if (v < 0 || v > 10) {
            sink.error(n.scale().span(), "noise scale must be between 0 and 10, not " + Numbers.plain(v), names.fromOverrides(n.scale()));
        }
        else out.noise = v;
    }

    /** {@code method NAME [tolerance X]}: a fixed-step method, or the adaptive one with its tolerance. */
    void method(Item.Method m) {
        Method method = Method.find(m.name());
        if (method == null) {
            sink.error(m.nameSpan(), "unknown integration method '" + m.name() + "'",
                    ExprCompiler.hintOr(Suggest.hint(m.name(), Method.keys()), "methods: " + String.join(", ", Method.keys())));
            return;
        }
        double tolerance = Integration.DEFAULT_TOLERANCE;
        if (m.tolerance() != null) {
            if (!method.adaptive()) {
                sink.error(m.tolerance().span(), "a tolerance applies to the adaptive method, not to " + method.key()
                        + ", which takes the script's step", "write method dopri5 tolerance " + Numbers.small(Integration.DEFAULT_TOLERANCE) + ", or drop the tolerance");
                return;
            }
            Double v = names.constantOf(m.tolerance(), Type.NUMBER, "a tolerance such as 1e-6");
            if (v == null) return;
            if (!Integration.allows(v)) {
                sink.error(m.tolerance().span(), "a tolerance must be between " + Numbers.small(Integration.MIN_TOLERANCE) + " and "
                        + Numbers.plain(Integration.MAX_TOLERANCE) + ", not " + Numbers.small(v), names.fromOverrides(m.tolerance()));
                return;
            }
            tolerance = v;
        }
        out.integration = new Integration(method, tolerance);
    }

    // ---------------------------------------------------------- a course

    void sessions(Item.Sessions se) {
        if (!inCourse(se.span(), "sessions")) return;
        Integer n = names.count(se.value(), "a number of sessions", "sessions must be", 10000);
        if (n != null) out.sessions = n;
    }

    void interval(Item.Interval in) {
        if (!inCourse(in.span(), "interval")) return;
        Double v = names.constantOf(in.value(), Type.DURATION, "a duration such as 7 days");
        if (v == null) return;
        if (v < 0) sink.error(in.value().span(), "the interval cannot be negative", null);
        else out.interval = v;
    }

    void until(Item.Until un) {
        if (!inCourse(un.span(), "until")) return;
        out.need(un.condition());
        Typed t = names.exprs.compile(un.condition(), ExprCompiler.Context.AFTER);
        if (t != null && t.type() != Type.BOOL) {
            sink.error(un.condition().span(), "'until' needs a condition, not " + t.type().words(),
                    "for example: until client.fear < 0.2");
        } else if (t != null) {
            out.until = t.eval();
            out.untilSource = names.sourceText(un.condition());
        }
    }

    private boolean inCourse(Span span, String word) {
        if (names.loaded.course()) return true;
        sink.error(span, "'" + word + "' belongs in a course",
                "write course \"NAME\" { import \"session.tec\"  sessions 12  interval 7 days  until ... }");
        return false;
    }

    /** A course's plan, once its statements are read; a course without a session limit is an error (if nothing else was). */
    void course(int errorsBefore) {
        Compiler.Loaded loaded = names.loaded;
        if (!loaded.course()) return;
        if (out.sessions == null && sink.errorCount() == errorsBefore) {
            sink.error(loaded.span(), "course '" + loaded.name() + "' needs a session limit",
                    "add, for example: sessions 12");
        }
        out.course = new Program.CoursePlan(out.sessions == null ? 1 : out.sessions, out.interval, out.until, out.untilSource);
    }

    // ---------------------------------------------------------- declare blocks

    /** A declare block; a later block adds to or overrides an earlier one (an imported profile, say). */
    void declare(Item.Declare d) {
        Scope scope = switch (d.party()) {
            case THERAPIST -> Scope.THERAPIST;
            case CLIENT -> Scope.CLIENT;
            case MODEL -> Scope.MODEL;
        };
        Set<String> seen = new LinkedHashSet<>();
        for (Item.Setting s : d.settings()) {
            Param p = Param.find(scope, s.name());
            if (p == null) {
                String hint = Suggest.hint(s.name(), Param.keys(scope));
                sink.error(s.nameSpan(), "unknown " + scope.word() + " setting '" + s.name() + "'",
                        hint != null ? hint : scope.word() + " settings: " + String.join(", ", Param.keys(scope)));
                continue;
            }
            if (!seen.add(s.name())) {
                sink.warning(s.nameSpan(), "'" + s.name() + "' is set twice; the last value counts", null);
            }
            setting(scope, p, s);
        }
    }

    private void setting(Scope scope, Param p, Item.Setting s) {
        boolean timed = p.unit().equals("min") || p.unit().equals("1/min");
        Typed t = names.exprs.compile(s.value(), ExprCompiler.Context.CONSTANT);
        if (t == null) return;
        if (t.type() == Type.BOOL) {
            sink.error(s.value().span(), "'" + s.name() + "' needs a number", null);
            return;
        }
        if (t.type() == Type.DURATION && !p.unit().equals("min")) {
            String what = p.unit().startsWith("0-") ? "a level from " + p.unit().replace("-", " to ")
                    : p.unit().equals("SUDS") ? "a distress level in SUDS (0 to 100)" : "a number in " + p.unit();
            sink.error(s.value().span(), "'" + s.name() + "' is " + what + ", not a duration", "drop the time unit");
            return;
        }
        double v = t.constant();
        if (!p.allows(v)) {
            String unit = p.unit().startsWith("0-") || p.unit().isEmpty() ? "" : " " + p.unit();
            sink.error(s.value().span(), scope.word() + " " + s.name() + " must be between " + Numbers.plain(p.min()) + " and "
                    + Numbers.plain(p.max()) + unit + ", not " + Numbers.plain(v), names.fromOverrides(s.value()));
            return;
        }
        if (!timed || t.type() != Type.DURATION || p.unit().equals("min")) out.params.set(p, v);
    }

    /** The parameters, once every override is in, and whether the time step is small enough for them. */
    void checkStep() {
        out.built = out.params.build();
        if (sink.hasErrors()) return;
        double rate = new Circuit(out.built).fastestRate();
        double safe = 0.5 / rate;
        if (!stable(out.dt, out.built, out.integration)) {
            Span at = out.stepSpan != null ? out.stepSpan : names.loaded.span();
            sink.error(at, "time step " + Numbers.plain(out.dt) + " min is too large for the model's fastest time constant ("
                    + Numbers.plain(1 / rate) + " min)", "use step " + Numbers.plain(Math.floor(safe * 1000) / 1000) + " min or less");
        }
    }

    /** Whether a time step is small enough for these parameters: at most half the fastest time constant. */
    static boolean stable(double dt, org.tec.model.ParamSet params, Integration how) {
        // the adaptive method takes sub-steps as small as the equations need, whatever the sampling step
        return how.method().adaptive() || !(dt > 0.5 / new Circuit(params).fastestRate());
    }
}
