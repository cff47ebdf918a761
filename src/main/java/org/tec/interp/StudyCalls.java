package org.tec.interp;

import org.tec.diag.Diagnostics;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Exprs;
import org.tec.text.Numbers;

/** Calls of a {@link StudyFunction}, and which expressions speak across the runs of a study. */
final class StudyCalls extends ExprPart {
    StudyCalls(ExprCompiler exprs, Diagnostics sink) {
        super(exprs, sink);
    }

    Typed call(Expr.Call c, StudyFunction fn, ExprCompiler.Context ctx) {
        if (!fits(c, fn, ctx)) return null;
        String name = c.name();
        Typed arg = exprs.perRun(c.args().get(0), ExprCompiler.Context.AFTER);
        if (arg == null) return null;
        if (fn == StudyFunction.PROPORTION && arg.type() != Type.BOOL) {
            sink.error(c.args().get(0).span(), "'proportion' counts runs where a condition holds, and this is " + arg.type().words(),
                    "for example proportion(exposure.completed)");
            return null;
        }
        if (fn != StudyFunction.PROPORTION && arg.type() == Type.STRING) {
            sink.error(c.args().get(0).span(), "'" + name + "' needs a number", null);
            return null;
        }
        double extra = fn.defaultExtra();
        if (fn == StudyFunction.FIRST_INDEX || fn == StudyFunction.TOTAL_INDEX) {
            // the second argument names a varied param: its place among them
            Expr p = c.args().get(1);
            String named = p instanceof Expr.Ref r ? r.text() : null;
            int at = named == null ? -1 : exprs.indexed().indexOf(named);
            if (at < 0) {
                String hint = named == null ? null : org.tec.diag.Suggest.hint(named, exprs.indexed());
                sink.error(p.span(), "'" + name + "' needs a param the study varies" + (named == null ? "" : ", and '" + named + "' is none"),
                        hint != null ? hint : "varied: " + String.join(", ", exprs.indexed()));
                return null;
            }
            extra = at;
        } else if (c.args().size() == 2) {
            Typed e = exprs.compile(c.args().get(1), ExprCompiler.Context.CONSTANT, false);
            if (e == null) return null;
            extra = e.constant();
            if (fn == StudyFunction.QUANTILE && (extra < 0 || extra > 1)) {
                sink.error(c.args().get(1).span(), "a quantile is between 0 and 1, not " + Numbers.plain(extra),
                        extra > 1 && extra <= 100 ? "write " + Numbers.plain(extra / 100) + " for the " + Numbers.plain(extra) + "th percentile" : null);
                return null;
            }
        }
        int arm = -1;
        if (c.arm() != null) {
            arm = exprs.arms().indexOf(c.arm());
            if (arm < 0) {
                String hint = org.tec.diag.Suggest.hint(c.arm(), exprs.arms());
                sink.error(c.armSpan(), exprs.arms().isEmpty() ? "this study has no arms" : "no arm called \"" + c.arm() + "\"",
                        exprs.arms().isEmpty() ? "declare them, for example: arm \"" + c.arm() + "\" { ... }"
                                : hint != null ? hint : "arms: " + String.join(", ", exprs.arms().stream().map(a -> "\"" + a + "\"").toList()));
                return null;
            }
        } else if (exprs.arms().size() > 1) {
            // said, never done silently
            sink.warning(c.nameSpan(), "'" + name + "' here pools the runs of every arm",
                    "to speak of one arm, name it after the argument: " + name + "(... in \"" + exprs.arms().get(0) + "\")");
        }
        return Typed.of(fn.type(arg.type()), fn.of(arg.eval(), extra, arm));
    }

    /** Whether the call is where it may be, and has what it needs; says why not. */
    private boolean fits(Expr.Call c, StudyFunction fn, ExprCompiler.Context ctx) {
        String name = c.name();
        if (ctx != ExprCompiler.Context.STUDY) {
            sink.error(c.nameSpan(), "'" + name + "' speaks of many runs; it belongs in a scenario with replicate N or sweep",
                    "add, for example: replicate 20");
            return false;
        }
        if (fn.alongSweep() && exprs.sampled() != null) {
            sink.error(c.nameSpan(), "'" + name + "' follows an outcome along a sweep, and this study samples its points ('"
                    + exprs.sampled() + "'): there is no sweep to follow",
                    "check the runs together (mean, quantile, proportion), or sweep one parameter in a scenario of its own");
            return false;
        }
        if (fn.alongSweep() && !exprs.hasSweep()) {
            sink.error(c.nameSpan(), "'" + name + "' follows an outcome along a sweep, and this scenario has none",
                    "add, for example: sweep s from 0 to 1 step 0.1");
            return false;
        }
        if ((fn == StudyFunction.FIRST_INDEX || fn == StudyFunction.TOTAL_INDEX) && exprs.indexed().isEmpty()) {
            sink.error(c.nameSpan(), "'" + name + "' is a Sobol index of a sensitivity study, and this scenario is none",
                    "add, for example: sensitivity sobol 256 and vary therapist.affect_sharing from 0.2 to 1");
            return false;
        }
        if (fn.alongSweep() && exprs.swept().size() > 1) {
            // said, never done silently: along the first sweep, the other sweeps' values are pooled at each point
            sink.warning(c.nameSpan(), "'" + name + "' follows its outcome along the first sweep, " + exprs.swept().get(0)
                    + "; at each of its values the runs of every value of " + String.join(", ", exprs.swept().subList(1, exprs.swept().size()))
                    + " are pooled", "to follow it within each value, sweep one parameter per scenario");
        }
        if (c.during() != null) {
            sink.error(c.duringSpan(), "'during' belongs inside, to the run's measure: " + name + "(peak(x during " + c.during() + "))", null);
            return false;
        }
        if (!fn.takes(c.args().size())) {
            sink.error(c.span(), "wrong number of arguments to '" + name + "'", "write " + fn.usage());
            return false;
        }
        return true;
    }

    /** Whether an expression speaks across runs (and so is checked once per study, not per run). */
    static boolean acrossRuns(Expr e) {
        // an 'at' is across runs by its value alone, not by its time
        return Exprs.any(e, x -> x instanceof Expr.At a ? acrossRuns(a.value()) : x instanceof Expr.Call c && combinesRuns(c),
                x -> !(x instanceof Expr.At));
    }

    /** A study function's call; mean only of a value per run (else it is the measure). */
    private static boolean combinesRuns(Expr.Call c) {
        StudyFunction fn = StudyFunction.named(c.name());
        if (fn == null) return false;
        if (Measure.named(c.name()) == null) return true;
        // mean(x in "ARM") speaks of an arm's runs, whatever x is
        if (c.arm() != null) return true;
        return c.args().size() == 1 && runLevel(c.args().get(0));
    }

    /** Whether an expression is one value per run (a measure, an event count, an 'at', a phase property, a run flag). */
    private static boolean runLevel(Expr e) {
        return Exprs.any(e, x -> {
            if (x instanceof Expr.At) return true;
            if (x instanceof Expr.Call c) {
                // a measure of the run, or a count or time of its events: one value per run
                return Measure.named(c.name()) != null && c.args().size() == 1 || Named.find(EventCount.values(), c.name()) != null;
            }
            if (x instanceof Expr.Ref r) {
                Global g = r.path().size() == 1 ? Global.named(r.path().get(0)) : null;
                return r.path().size() == 2 && PhaseProperty.named(r.path().get(1)) != null || g != null && g.perRun();
            }
            return false;
        });
    }
}
