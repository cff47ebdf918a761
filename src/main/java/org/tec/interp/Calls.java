package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Expr;

/** Calls: a {@link Measure} of the run, a {@link MathFunction}, or a {@link StudyFunction} (through {@link StudyCalls}). */
final class Calls extends ExprPart {
    private final StudyCalls study;

    Calls(ExprCompiler exprs, Diagnostics sink) {
        super(exprs, sink);
        this.study = new StudyCalls(exprs, sink);
    }

    Typed call(Expr.Call c, ExprCompiler.Context ctx, boolean inMeasure) {
        String name = c.name();
        boolean known = Measure.named(name) != null || StudyFunction.named(name) != null || MathFunction.named(name) != null;
        if (known && Named.find(EventCount.values(), name) == null && triggerArgument(c)) return null;
        StudyFunction across = StudyFunction.named(name);
        Measure measure = Measure.named(name);
        // mean is a measure of a run, and across runs the mean of what each run gives
        if (across != null && (measure == null || ctx == ExprCompiler.Context.STUDY)) return study.call(c, across, ctx);
        if (measure != null && (c.args().size() == 1 || c.during() != null)) return measure(c, measure, ctx, inMeasure);
        EventCount counting = Named.find(EventCount.values(), name);
        if (counting != null) return count(c, counting, ctx, inMeasure);
        MathFunction fn = MathFunction.named(name);
        if (fn == null) {
            Set<String> all = new LinkedHashSet<>(Named.words(Measure.values()));
            all.addAll(Named.words(MathFunction.values()));
            all.addAll(Named.words(EventCount.values()));
            sink.error(c.nameSpan(), "unknown function '" + name + "'", ExprCompiler.hintOr(Suggest.hint(name, all),
                    "measures: " + String.join(", ", Named.words(Measure.values())) + "; functions: " + String.join(", ", Named.words(MathFunction.values()))));
            return null;
        }
        return function(c, fn, ctx, inMeasure);
    }

    private Typed measure(Expr.Call c, Measure measure, ExprCompiler.Context ctx, boolean inMeasure) {
        String name = c.name();
        if (ctx == ExprCompiler.Context.STUDY) {
            sink.error(c.span(), "'" + name + "(...)' is one run's measure; a check across runs must say how to combine runs",
                    ExprCompiler.ACROSS_RUNS_HINT);
            return null;
        }
        if (ctx != ExprCompiler.Context.AFTER) {
            sink.error(c.span(), "'" + name + "' measures the whole run, so it can only be used in goals, expects and prints",
                    ctx == ExprCompiler.Context.LIVE ? "in a trigger, compare the current value instead, as in when client.distress > 80: ..." : null);
            return null;
        }
        if (inMeasure) {
            sink.error(c.span(), "a measure cannot be nested inside another measure", null);
            return null;
        }
        if (c.args().size() != 1) {
            sink.error(c.span(), "'" + name + "' takes one argument", "as in " + name + "(client.distress during exposure)");
            return null;
        }
        if (c.during() != null && !exprs.phaseRefs().contains(c.during())) {
            exprs.unknownPhase(c.during(), c.duringSpan());
            return null;
        }
        Typed arg = exprs.compile(c.args().get(0), ctx, true);
        if (arg == null) return null;
        if (!ExprCompiler.isNumeric(arg) && arg.type() != Type.BOOL) {
            sink.error(c.args().get(0).span(), "'" + name + "' needs a number", null);
            return null;
        }
        return Typed.of(measure.type(arg.type()), Measures.of(measure, arg.eval(), c.during()));
    }

    /** {@code count(reassure)}, {@code first(escape during exposure)}: a run's events, after the run. */
    private Typed count(Expr.Call c, EventCount fn, ExprCompiler.Context ctx, boolean inMeasure) {
        String name = c.name();
        List<String> what = Named.words(EventCount.Happening.values());
        if (ctx != ExprCompiler.Context.AFTER || inMeasure) {
            sink.error(c.span(), "'" + name + "' counts a whole run's events, so it can only be used in goals, expects and prints"
                    + (inMeasure ? ", not inside a measure" : ""), null);
            return null;
        }
        if (c.trigger() != null) return countTrigger(c, fn);
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Ref r) || r.path().size() != 1) {
            sink.error(c.span(), "'" + name + "' takes what happened, as in " + name + "(reassure)", "it counts: " + String.join(", ", what));
            return null;
        }
        EventCount.Happening h = Named.find(EventCount.Happening.values(), r.path().get(0));
        if (h == null) {
            sink.error(r.span(), "'" + r.path().get(0) + "' is not something " + name + " can count",
                    ExprCompiler.hintOr(Suggest.hint(r.path().get(0), what), "it counts: " + String.join(", ", what)));
            return null;
        }
        if (c.during() != null && !exprs.phaseRefs().contains(c.during())) {
            exprs.unknownPhase(c.during(), c.duringSpan());
            return null;
        }
        return Typed.of(fn.type(), fn.of(h, c.during()));
    }

    /** {@code count(trigger calm_her)}, {@code first(trigger calm_her during exposure)}: a named trigger's firings. */
    private Typed countTrigger(Expr.Call c, EventCount fn) {
        Set<String> names = exprs.triggerNames();
        if (!names.contains(c.trigger())) {
            sink.error(c.triggerSpan(), "no trigger is named '" + c.trigger() + "'", ExprCompiler.hintOr(Suggest.hint(c.trigger(), names),
                    names.isEmpty() ? "name a trigger with 'as', as in when client.distress > 80 as calm_her: reassure"
                            : "named triggers: " + String.join(", ", names)));
            return null;
        }
        if (c.during() != null && !exprs.phaseRefs().contains(c.during())) {
            exprs.unknownPhase(c.during(), c.duringSpan());
            return null;
        }
        return Typed.of(fn.type(), fn.ofTrigger(c.trigger(), c.during()));
    }

    /** 'trigger NAME' is what count, first and last read; any other function is told so. */
    private boolean triggerArgument(Expr.Call c) {
        if (c.trigger() == null) return false;
        sink.error(c.triggerSpan(), "'" + c.name() + "' does not take a trigger",
                "count(trigger " + c.trigger() + "), first(trigger " + c.trigger() + ") and last(trigger " + c.trigger() + ") read a named trigger's firings");
        return true;
    }

    private Typed function(Expr.Call c, MathFunction fn, ExprCompiler.Context ctx, boolean inMeasure) {
        String name = c.name();
        if (c.during() != null) {
            sink.error(c.duringSpan(), "'during' belongs to a measure such as peak(...), not to " + name, null);
            return null;
        }
        if (c.args().size() != fn.arity()) {
            sink.error(c.span(), "'" + name + "' takes " + fn.takes(), null);
            return null;
        }
        List<Typed> args = new ArrayList<>();
        for (Expr a : c.args()) {
            Typed t = exprs.compile(a, ctx, inMeasure);
            if (t == null) return null;
            if (!ExprCompiler.isNumeric(t)) {
                sink.error(a.span(), "'" + name + "' needs a number", null);
                return null;
            }
            args.add(t);
        }
        Type type = args.get(0).type();
        if (fn.arity() == 2 && args.get(1).type() != type) {
            sink.error(c.span(), "'" + name + "' cannot mix a duration and a plain number", null);
            return null;
        }
        Eval y = fn.arity() == 2 ? args.get(1).eval() : null;
        return ExprCompiler.fold(type, fn.of(args.get(0).eval(), y), args.toArray(new Typed[0]));
    }
}
