package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.TimePoint;
import org.tec.model.Var;

/**
 * Type-checks an expression and lowers it to an {@link Eval}. Names are resolved
 * against the scenario's constants (params and lets), the state variables, the
 * phases, and the measures. Errors go to the sink; the result is then null.
 */
final class ExprCompiler {
    /** Where an expression is evaluated: during the run (triggers) or after it (goals, expects). */
    enum Context { CONSTANT, LIVE, AFTER, STUDY }

    private static final String ACROSS_RUNS_HINT =
            "wrap what each run gives in proportion(...), mean(...), quantile(..., q), trend(...), never_rises(...) or never_falls(...)";

    static final List<String> MEASURES = List.of("peak", "max", "min", "mean", "time_of_peak", "auc", "slope");
    static final List<String> FUNCTIONS = List.of("abs", "sqrt", "min", "max");
    static final List<String> PHASE_PROPERTIES = List.of("completed", "duration", "start", "end", "ended_early");
    static final List<String> GLOBALS = List.of("t", "session", "sessions", "ended_early", "walked_out");

    private final Diagnostics sink;
    private final Map<String, Typed> constants;
    private final Set<String> phaseRefs;

    ExprCompiler(Diagnostics sink, Map<String, Typed> constants, Set<String> phaseRefs) {
        this.sink = sink;
        this.constants = constants;
        this.phaseRefs = phaseRefs;
    }

    Typed compile(Expr e, Context ctx) {
        return compile(e, ctx, false);
    }

    private Typed compile(Expr e, Context ctx, boolean inMeasure) {
        Typed t = lower(e, ctx, inMeasure);
        if (t != null && t.isConstant() && t.type() != Type.BOOL && !Double.isFinite(t.constant())) {
            // known before the run: sqrt(-1), 1e308 * 10
            sink.error(e.span(), Double.isNaN(t.constant()) ? "this is not a number" : "this number is too large (infinite)",
                    Double.isNaN(t.constant()) ? "is it the square root of a negative number?" : null);
            return null;
        }
        return t;
    }

    private Typed lower(Expr e, Context ctx, boolean inMeasure) {
        if (e instanceof Expr.Num n) {
            return Typed.constant(n.unit() == Expr.Unit.MINUTES ? Type.DURATION : Type.NUMBER, n.value());
        }
        if (e instanceof Expr.Bool b) return Typed.constant(Type.BOOL, b.value() ? 1 : 0);
        if (e instanceof Expr.Str s) {
            sink.error(s.span(), "a string cannot be used as a value here", "strings name goals, files and log messages");
            return null;
        }
        if (e instanceof Expr.Ref r) return ref(r, ctx);
        if (e instanceof Expr.Unary u) return unary(u, ctx, inMeasure);
        if (e instanceof Expr.Binary b) return binary(b, ctx, inMeasure);
        if (e instanceof Expr.Call c) return call(c, ctx, inMeasure);
        if (e instanceof Expr.At a) return at(a, ctx, inMeasure);
        throw new IllegalStateException("unknown expression " + e);
    }

    // ------------------------------------------------------------------ names

    private Typed ref(Expr.Ref r, Context ctx) {
        List<String> path = r.path();
        String head = path.get(0);
        if (path.size() == 1) {
            Typed k = constants.get(head);
            if (k != null) return k;
            switch (head) {
                case "t":
                    if (!needsState(r.span(), ctx, "t")) return null;
                    return Typed.of(Type.DURATION, Frame::time);
                case "session":
                    if (!needsState(r.span(), ctx, "session")) return null;
                    return Typed.of(Type.NUMBER, Frame::session);
                case "ended_early":
                    if (!needsState(r.span(), ctx, "ended_early")) return null;
                    return Typed.of(Type.BOOL, f -> f.record().anyEndedEarly() ? 1 : 0);
                case "walked_out":
                    if (!needsState(r.span(), ctx, "walked_out")) return null;
                    return Typed.of(Type.BOOL, f -> f.record().walkedOut() ? 1 : 0);
                case "sessions":
                    if (!needsState(r.span(), ctx, "sessions")) return null;
                    return Typed.of(Type.NUMBER, f -> f.record().sessions());
                case "client":
                case "therapist":
                    sink.error(r.span(), "'" + head + "' needs a variable, as in " + head + "." + Var.fields(head).get(0),
                            head + " variables: " + String.join(", ", Var.fields(head)));
                    return null;
                default:
                    break;
            }
            if (phaseRefs.contains(head)) {
                sink.error(r.span(), "a phase is not a value", "write " + head + ".completed, " + head
                        + ".duration, or a measure such as peak(client.distress during " + head + ")");
                return null;
            }
            List<String> names = new ArrayList<>(constants.keySet());
            names.addAll(GLOBALS);
            names.add("client");
            names.add("therapist");
            names.addAll(phaseRefs);
            sink.error(r.span(), "unknown name '" + head + "'", hintOr(Suggest.hint(head, names),
                    "names are params, lets, t, client.VARIABLE, therapist.VARIABLE or PHASE.completed"));
            return null;
        }
        if (head.equals("client") || head.equals("therapist")) {
            String field = path.get(1);
            Var v = Var.find(head + "." + field);
            if (v == null || path.size() > 2) {
                Span at = r.spans().get(Math.min(1, r.spans().size() - 1));
                sink.error(at, "unknown " + head + " variable '" + field + "'",
                        hintOr(Suggest.hint(field, Var.fields(head)), head + " variables: " + String.join(", ", Var.fields(head))));
                return null;
            }
            if (!needsState(r.span(), ctx, v.key())) return null;
            return Typed.of(Type.NUMBER, new StateVar(v.ordinal()));
        }
        if (path.size() == 2 && path.get(1).equals("intensity") && (head.equals("exposure") || phaseRefs.contains(head))) {
            if (!needsState(r.span(), ctx, r.text())) return null;
            return Typed.of(Type.NUMBER, new StateVar(Var.INTENSITY.ordinal()));
        }
        if (phaseRefs.contains(head)) {
            if (path.size() != 2 || !PHASE_PROPERTIES.contains(path.get(1))) {
                Span at = r.spans().get(Math.min(1, r.spans().size() - 1));
                String prop = path.size() > 1 ? path.get(1) : "";
                sink.error(at, "unknown phase property '" + prop + "'",
                        hintOr(Suggest.hint(prop, PHASE_PROPERTIES), "phase properties: " + String.join(", ", PHASE_PROPERTIES)));
                return null;
            }
            if (!needsState(r.span(), ctx, r.text())) return null;
            return phaseProperty(head, path.get(1));
        }
        if (path.size() == 2 && PHASE_PROPERTIES.contains(path.get(1))) {
            // exposure.completed where no phase is called exposure: say that, not "unknown name"
            unknownPhase(head, r.spans().get(0));
            return null;
        }
        List<String> names = new ArrayList<>(phaseRefs);
        names.add("client");
        names.add("therapist");
        sink.error(r.spans().get(0), "unknown name '" + head + "'", hintOr(Suggest.hint(head, names),
                "before the dot: client, therapist, or the name of a phase"));
        return null;
    }

    /** A state variable, by {@link Var#ordinal()}: a measure reads it straight from the trajectory. */
    record StateVar(int index) implements Eval {
        @Override
        public double eval(Frame f) {
            return f.var(index);
        }
    }

    private Typed phaseProperty(String ref, String prop) {
        switch (prop) {
            case "completed":
                return Typed.of(Type.BOOL, f -> {
                    List<PhaseRecord> ps = f.record().phases(ref);
                    if (ps.isEmpty()) return 0;
                    for (PhaseRecord p : ps) if (!p.completed()) return 0;
                    return 1;
                });
            case "ended_early":
                return Typed.of(Type.BOOL, f -> {
                    for (PhaseRecord p : f.record().phases(ref)) if (p.endedEarly()) return 1;
                    return 0;
                });
            case "duration":
                return Typed.of(Type.DURATION, f -> {
                    double sum = 0;
                    for (PhaseRecord p : f.record().phases(ref)) sum += p.duration();
                    return sum;
                });
            case "start":
                return Typed.of(Type.DURATION, f -> {
                    List<PhaseRecord> ps = f.record().phases(ref);
                    return ps.isEmpty() ? Double.NaN : ps.get(0).start();
                });
            default: // end
                return Typed.of(Type.DURATION, f -> {
                    List<PhaseRecord> ps = f.record().phases(ref);
                    return ps.isEmpty() ? Double.NaN : ps.get(ps.size() - 1).end();
                });
        }
    }

    private boolean needsState(Span span, Context ctx, String what) {
        if (ctx == Context.STUDY) {
            sink.error(span, "'" + what + "' differs from run to run; a check across runs must say how to combine them",
                    ACROSS_RUNS_HINT);
            return false;
        }
        if (ctx == Context.CONSTANT) {
            sink.error(span, "'" + what + "' changes during the run; a constant is needed here",
                    "use a number, a param or a let");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ operators

    private Typed unary(Expr.Unary u, Context ctx, boolean inMeasure) {
        Typed a = compile(u.operand(), ctx, inMeasure);
        if (a == null) return null;
        if (u.op().equals("not")) {
            if (!expect(a, Type.BOOL, u.operand().span(), "'not' needs a true/false condition")) return null;
            Eval x = a.eval();
            return fold(Type.BOOL, f -> {
                double v = x.eval(f);
                return Double.isNaN(v) ? Double.NaN : (v == 0 ? 1 : 0);
            }, a);
        }
        if (a.type() != Type.NUMBER && a.type() != Type.DURATION) {
            sink.error(u.span(), "'" + u.op() + "' needs a number, not " + a.type().words(), null);
            return null;
        }
        Eval x = a.eval();
        return fold(a.type(), u.op().equals("-") ? f -> -x.eval(f) : x, a);
    }

    private Typed binary(Expr.Binary b, Context ctx, boolean inMeasure) {
        Typed l = compile(b.left(), ctx, inMeasure);
        Typed r = compile(b.right(), ctx, inMeasure);
        if (l == null || r == null) return null;
        Eval x = l.eval(), y = r.eval();
        String op = b.op();
        switch (op) {
            case "and":
            case "or": {
                if (!expect(l, Type.BOOL, b.left().span(), "'" + op + "' joins true/false conditions")) return null;
                if (!expect(r, Type.BOOL, b.right().span(), "'" + op + "' joins true/false conditions")) return null;
                Eval e = op.equals("and") ? f -> truth(x.eval(f)) && truth(y.eval(f)) ? 1 : 0
                        : f -> truth(x.eval(f)) || truth(y.eval(f)) ? 1 : 0;
                return fold(Type.BOOL, e, l, r);
            }
            case "<": case "<=": case ">": case ">=": case "==": case "!=": {
                if (!comparable(l, r, b)) return null;
                Eval e = r.isConstant() ? comparison(op, x, r.constant()) : comparison(op, x, y, 0, false);
                return fold(Type.BOOL, e, l, r);
            }
            case "+":
            case "-": {
                Type t = arithmetic(l, r, b, op);
                if (t == null) return null;
                Eval e = op.equals("+") ? f -> x.eval(f) + y.eval(f) : f -> x.eval(f) - y.eval(f);
                return fold(t, e, l, r);
            }
            case "*": {
                Type t;
                if (isNumeric(l) && isNumeric(r) && !(l.type() == Type.DURATION && r.type() == Type.DURATION)) {
                    t = l.type() == Type.DURATION || r.type() == Type.DURATION ? Type.DURATION : Type.NUMBER;
                } else {
                    sink.error(b.span(), "cannot multiply " + l.type().words() + " by " + r.type().words(), null);
                    return null;
                }
                return fold(t, f -> x.eval(f) * y.eval(f), l, r);
            }
            default: { // "/"
                if (!isNumeric(l) || !isNumeric(r)) {
                    sink.error(b.span(), "cannot divide " + l.type().words() + " by " + r.type().words(), null);
                    return null;
                }
                Type t = l.type() == Type.DURATION && r.type() == Type.NUMBER ? Type.DURATION : Type.NUMBER;
                if (r.isConstant() && r.constant() == 0) {
                    sink.error(b.right().span(), "division by zero", null);
                    return null;
                }
                return fold(t, f -> x.eval(f) / y.eval(f), l, r);
            }
        }
    }

    /**
     * A comparison, loosened by a tolerance: {@code tol} absolute, or relative to the right side.
     * The operator is chosen here, once, not on every evaluation: a trigger's condition is
     * evaluated on every step.
     */
    static Eval comparison(String op, Eval x, Eval y, double tol, boolean relative) {
        return switch (op) {
            case "<" -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && a < b + slack(b, tol, relative) ? 1 : 0;
            };
            case "<=" -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && a <= b + slack(b, tol, relative) ? 1 : 0;
            };
            case ">" -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && a > b - slack(b, tol, relative) ? 1 : 0;
            };
            case ">=" -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && a >= b - slack(b, tol, relative) ? 1 : 0;
            };
            case "==" -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) <= equalSlack(b, tol, relative) ? 1 : 0;
            };
            default -> f -> {
                double a = x.eval(f), b = y.eval(f);
                return !Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) > equalSlack(b, tol, relative) ? 1 : 0;
            };
        };
    }

    /**
     * A comparison with a constant, as in {@code when client.distress > 80}: the same test as
     * {@link #comparison(String, Eval, Eval, double, boolean)} without tolerance, with the
     * bound worked out once.
     */
    static Eval comparison(String op, Eval x, double b) {
        if (Double.isNaN(b)) return f -> 0;
        double above = b + slack(b, 0, false), below = b - slack(b, 0, false), equal = equalSlack(b, 0, false);
        if (x instanceof StateVar v) {
            int i = v.index();
            return switch (op) {
                case "<" -> f -> f.var(i) < above ? 1 : 0;
                case "<=" -> f -> f.var(i) <= above ? 1 : 0;
                case ">" -> f -> f.var(i) > below ? 1 : 0;
                case ">=" -> f -> f.var(i) >= below ? 1 : 0;
                case "==" -> f -> Math.abs(f.var(i) - b) <= equal ? 1 : 0;
                default -> f -> {
                    double a = f.var(i);
                    return !Double.isNaN(a) && Math.abs(a - b) > equal ? 1 : 0;
                };
            };
        }
        return switch (op) {
            case "<" -> f -> x.eval(f) < above ? 1 : 0;
            case "<=" -> f -> x.eval(f) <= above ? 1 : 0;
            case ">" -> f -> x.eval(f) > below ? 1 : 0;
            case ">=" -> f -> x.eval(f) >= below ? 1 : 0;
            case "==" -> f -> Math.abs(x.eval(f) - b) <= equal ? 1 : 0;
            default -> f -> {
                double a = x.eval(f);
                return !Double.isNaN(a) && Math.abs(a - b) > equal ? 1 : 0;
            };
        };
    }

    private static double slack(double b, double tol, boolean relative) {
        return relative ? Math.abs(b) * tol : tol;
    }

    private static double equalSlack(double b, double tol, boolean relative) {
        return Math.max(slack(b, tol, relative), 1e-9 * Math.max(1, Math.abs(b)));
    }

    private boolean comparable(Typed l, Typed r, Expr.Binary b) {
        if (l.type() == r.type()) {
            if (l.type() == Type.BOOL && !(b.op().equals("==") || b.op().equals("!="))) {
                sink.error(b.span(), "true/false conditions can only be compared with == or !=", null);
                return false;
            }
            return true;
        }
        if (isNumeric(l) && isNumeric(r)) {
            Span at = l.type() == Type.NUMBER ? b.left().span() : b.right().span();
            sink.error(at, "cannot compare a duration with a plain number",
                    "give the number a time unit, for example 5 min");
            return false;
        }
        sink.error(b.span(), "cannot compare " + l.type().words() + " with " + r.type().words(), null);
        return false;
    }

    private Type arithmetic(Typed l, Typed r, Expr.Binary b, String op) {
        if (l.type() == Type.NUMBER && r.type() == Type.NUMBER) return Type.NUMBER;
        if (l.type() == Type.DURATION && r.type() == Type.DURATION) return Type.DURATION;
        if (isNumeric(l) && isNumeric(r)) {
            sink.error(b.span(), "cannot " + (op.equals("+") ? "add" : "subtract") + " a duration and a plain number",
                    "give the number a time unit, for example 5 min");
            return null;
        }
        sink.error(b.span(), "'" + op + "' needs numbers, not " + l.type().words() + " and " + r.type().words(), null);
        return null;
    }

    // ------------------------------------------------------------------ calls and measures

    private Typed call(Expr.Call c, Context ctx, boolean inMeasure) {
        String name = c.name();
        if (StudyFunctions.NAMES.contains(name) && (!name.equals("mean") || ctx == Context.STUDY)) {
            return studyCall(c, ctx);
        }
        boolean measure = MEASURES.contains(name) && (c.args().size() == 1 || c.during() != null);
        if (!measure) {
            if (!FUNCTIONS.contains(name)) {
                Set<String> all = new LinkedHashSet<>(MEASURES);
                all.addAll(FUNCTIONS);
                sink.error(c.nameSpan(), "unknown function '" + name + "'", hintOr(Suggest.hint(name, all),
                        "measures: " + String.join(", ", MEASURES) + "; functions: " + String.join(", ", FUNCTIONS)));
                return null;
            }
            return function(c, ctx, inMeasure);
        }
        if (ctx == Context.STUDY) {
            sink.error(c.span(), "'" + name + "(...)' is one run's measure; a check across runs must say how to combine runs",
                    ACROSS_RUNS_HINT);
            return null;
        }
        if (ctx != Context.AFTER) {
            sink.error(c.span(), "'" + name + "' measures the whole run, so it can only be used in goals, expects and prints",
                    ctx == Context.LIVE ? "in a trigger, compare the current value instead, as in when client.distress > 80: ..." : null);
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
        if (c.during() != null && !phaseRefs.contains(c.during())) {
            unknownPhase(c.during(), c.duringSpan());
            return null;
        }
        Typed arg = compile(c.args().get(0), ctx, true);
        if (arg == null) return null;
        if (!isNumeric(arg) && arg.type() != Type.BOOL) {
            sink.error(c.args().get(0).span(), "'" + name + "' needs a number", null);
            return null;
        }
        Eval x = arg.eval();
        String during = c.during();
        Type out = switch (name) {
            case "time_of_peak" -> Type.DURATION;
            default -> arg.type() == Type.BOOL ? Type.NUMBER : arg.type();
        };
        return Typed.of(out, Measures.of(name, x, during));
    }

    private Typed function(Expr.Call c, Context ctx, boolean inMeasure) {
        String name = c.name();
        int arity = name.equals("min") || name.equals("max") ? 2 : 1;
        if (c.during() != null) {
            sink.error(c.duringSpan(), "'during' belongs to a measure such as peak(...), not to " + name, null);
            return null;
        }
        if (c.args().size() != arity) {
            sink.error(c.span(), "'" + name + "' takes " + (arity == 1 ? "one argument" : "one argument (a measure) or two (the "
                    + (name.equals("min") ? "smaller" : "larger") + " of two values)"), null);
            return null;
        }
        List<Typed> args = new ArrayList<>();
        for (Expr a : c.args()) {
            Typed t = compile(a, ctx, inMeasure);
            if (t == null) return null;
            if (!isNumeric(t)) {
                sink.error(a.span(), "'" + name + "' needs a number", null);
                return null;
            }
            args.add(t);
        }
        Type type = args.get(0).type();
        if (arity == 2 && args.get(1).type() != type) {
            sink.error(c.span(), "'" + name + "' cannot mix a duration and a plain number", null);
            return null;
        }
        Eval x = args.get(0).eval();
        Eval y = arity == 2 ? args.get(1).eval() : null;
        Eval e = switch (name) {
            case "abs" -> f -> Math.abs(x.eval(f));
            case "sqrt" -> f -> Math.sqrt(x.eval(f));
            case "min" -> f -> Math.min(x.eval(f), y.eval(f));
            default -> f -> Math.max(x.eval(f), y.eval(f));
        };
        return fold(type, e, args.toArray(new Typed[0]));
    }

    private Typed at(Expr.At a, Context ctx, boolean inMeasure) {
        if (ctx == Context.STUDY) {
            sink.error(a.span(), "a value 'at' a time differs from run to run; a check across runs must say how to combine runs",
                    ACROSS_RUNS_HINT);
            return null;
        }
        if (ctx != Context.AFTER) {
            sink.error(a.span(), "'at' looks back over the whole run, so it can only be used in goals, expects and prints", null);
            return null;
        }
        Typed v = compile(a.value(), ctx, true);
        if (v == null) return null;
        Eval x = v.eval();
        TimePoint when = a.when();
        if (when instanceof TimePoint.Edge edge) {
            if (edge.phase() != null && !phaseRefs.contains(edge.phase())) {
                unknownPhase(edge.phase(), edge.phaseSpan());
                return null;
            }
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
        TimePoint.Time tp = (TimePoint.Time) when;
        Typed time = compile(tp.time(), Context.AFTER, true);
        if (time == null) return null;
        if (time.type() != Type.DURATION) {
            sink.error(tp.span(), "'at' needs a time, such as 12 min or (exposure.end + 3 min)",
                    time.isConstant() && time.type() == Type.NUMBER ? "add a time unit: " + Compiler.fmt(time.constant()) + " min" : null);
            return null;
        }
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

    private boolean hasSweep;

    void hasSweep(boolean value) {
        hasSweep = value;
    }

    /** Whether an expression speaks across runs (and so is checked once per study, not per run). */
    static boolean acrossRuns(Expr e) {
        if (e instanceof Expr.Call c) {
            if (StudyFunctions.NAMES.contains(c.name()) && !c.name().equals("mean")) return true;
            if (c.name().equals("mean") && c.args().size() == 1 && runLevel(c.args().get(0))) return true;
            for (Expr a : c.args()) if (acrossRuns(a)) return true;
            return false;
        }
        if (e instanceof Expr.Binary b) return acrossRuns(b.left()) || acrossRuns(b.right());
        if (e instanceof Expr.Unary u) return acrossRuns(u.operand());
        if (e instanceof Expr.At a) return acrossRuns(a.value());
        return false;
    }

    /** Whether an expression is one value per run (a measure, an 'at', a phase property, a run flag). */
    private static boolean runLevel(Expr e) {
        if (e instanceof Expr.At) return true;
        if (e instanceof Expr.Call c) return MEASURES.contains(c.name()) && c.args().size() == 1 || c.args().stream().anyMatch(ExprCompiler::runLevel);
        if (e instanceof Expr.Ref r) {
            return r.path().size() == 2 && PHASE_PROPERTIES.contains(r.path().get(1))
                    || r.path().size() == 1 && List.of("ended_early", "walked_out", "sessions").contains(r.path().get(0));
        }
        if (e instanceof Expr.Binary b) return runLevel(b.left()) || runLevel(b.right());
        if (e instanceof Expr.Unary u) return runLevel(u.operand());
        return false;
    }

    private Typed studyCall(Expr.Call c, Context ctx) {
        String name = c.name();
        if (ctx != Context.STUDY) {
            sink.error(c.nameSpan(), "'" + name + "' speaks of many runs; it belongs in a scenario with replicate N or sweep",
                    "add, for example: replicate 20");
            return null;
        }
        if ((name.equals("trend") || name.startsWith("never_")) && !hasSweep) {
            sink.error(c.nameSpan(), "'" + name + "' follows an outcome along a sweep, and this scenario has none",
                    "add, for example: sweep s from 0 to 1 step 0.1");
            return null;
        }
        if (c.during() != null) {
            sink.error(c.duringSpan(), "'during' belongs inside, to the run's measure: " + name + "(peak(x during " + c.during() + "))", null);
            return null;
        }
        int min = 1, max = name.equals("quantile") ? 2 : name.startsWith("never_") ? 2 : 1;
        if (name.equals("quantile")) min = 2;
        if (c.args().size() < min || c.args().size() > max) {
            String usage = switch (name) {
                case "quantile" -> "quantile(peak(client.distress), 0.9)";
                case "never_rises", "never_falls" -> name + "(client.fear at end) or " + name + "(client.fear at end, 0.01)";
                case "proportion" -> "proportion(exposure.completed)";
                default -> name + "(client.fear at end)";
            };
            sink.error(c.span(), "wrong number of arguments to '" + name + "'", "write " + usage);
            return null;
        }
        Typed arg = compile(c.args().get(0), Context.AFTER, false);
        if (arg == null) return null;
        if (name.equals("proportion") && arg.type() != Type.BOOL) {
            sink.error(c.args().get(0).span(), "'proportion' counts runs where a condition holds, and this is " + arg.type().words(),
                    "for example proportion(exposure.completed)");
            return null;
        }
        if (!name.equals("proportion") && arg.type() == Type.STRING) {
            sink.error(c.args().get(0).span(), "'" + name + "' needs a number", null);
            return null;
        }
        double extra = name.startsWith("never_") ? 1e-9 : 0;
        if (c.args().size() == 2) {
            Typed e = compile(c.args().get(1), Context.CONSTANT, false);
            if (e == null) return null;
            extra = e.constant();
            if (name.equals("quantile") && (extra < 0 || extra > 1)) {
                sink.error(c.args().get(1).span(), "a quantile is between 0 and 1, not " + Compiler.fmt(extra),
                        extra > 1 && extra <= 100 ? "write " + Compiler.fmt(extra / 100) + " for the " + Compiler.fmt(extra) + "th percentile" : null);
                return null;
            }
        }
        Type out = name.startsWith("never_") ? Type.BOOL
                : name.equals("proportion") || name.equals("trend") ? Type.NUMBER
                : arg.type() == Type.BOOL ? Type.NUMBER : arg.type();
        return Typed.of(out, StudyFunctions.of(name, arg.eval(), extra));
    }

    void unknownPhase(String name, Span span) {
        sink.error(span, "no phase is called '" + name + "'", hintOr(Suggest.hint(name, phaseRefs),
                phaseRefs.isEmpty() ? "this scenario has no phases" : "phases: " + String.join(", ", phaseRefs)));
    }

    // ------------------------------------------------------------------ helpers

    private boolean expect(Typed t, Type want, Span span, String message) {
        if (t.type() == want) return true;
        sink.error(span, message + ", not " + t.type().words(), null);
        return false;
    }

    private static boolean isNumeric(Typed t) {
        return t.type() == Type.NUMBER || t.type() == Type.DURATION;
    }

    static boolean truth(double v) {
        return !Double.isNaN(v) && v != 0;
    }

    /** Folds to a constant when every operand is one. */
    private static Typed fold(Type type, Eval e, Typed... operands) {
        for (Typed t : operands) if (!t.isConstant()) return Typed.of(type, e);
        double v = e.eval(null);
        return Typed.constant(type, v);
    }

    private static String hintOr(String hint, String fallback) {
        return hint != null ? hint : fallback;
    }
}
