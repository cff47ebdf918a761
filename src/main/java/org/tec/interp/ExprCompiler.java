package org.tec.interp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.ExprVisitor;

/**
 * Type-checks an expression and lowers it to an {@link Eval}. Names are resolved
 * against the scenario's constants (params and lets), the state variables, the
 * phases, and the measures. Errors go to the sink; the result is then null. The
 * parts of the language are compiled by {@link References}, {@link Operators},
 * {@link Calls} (and {@link StudyCalls}) and {@link TimeLookups}.
 */
final class ExprCompiler {
    /** Where an expression is evaluated: during the run (triggers) or after it (goals, expects). */
    enum Context { CONSTANT, LIVE, AFTER, STUDY }

    static final String ACROSS_RUNS_HINT =
            "wrap what each run gives in proportion(...), mean(...), quantile(..., q), trend(...), never_rises(...) or never_falls(...)";

    /** The names every scenario has (t, session, ...). */
    static final List<String> GLOBALS = Named.words(Global.values());

    private final Diagnostics sink;
    private final Map<String, Typed> constants;
    private final Set<String> phaseRefs;
    private final References references;
    private final Operators operators;
    private final Calls calls;
    private final TimeLookups lookups;
    private List<String> swept = List.of();
    /** A sensitivity study's varied params, in order (empty: none): what first_index and total_index may name. */
    private List<String> indexed = List.of();

    /** The params among the constants (the rest are lets): a check across runs reads them per run. */
    private Set<String> params = Set.of();
    private Set<String> triggerNames = Set.of();
    /** How deep the compile is inside the per-run argument of a study function ({@code proportion(HERE)}). */
    private int perRunArgument;

    ExprCompiler(Diagnostics sink, Map<String, Typed> constants, Set<String> phaseRefs) {
        this.sink = sink;
        this.constants = constants;
        this.phaseRefs = phaseRefs;
        this.references = new References(this, sink);
        this.operators = new Operators(this, sink);
        this.calls = new Calls(this, sink);
        this.lookups = new TimeLookups(this, sink);
    }

    Typed compile(Expr e, Context ctx) {
        return compile(e, ctx, false);
    }

    /** {@code inMeasure}: inside a measure's argument (or an 'at'), where a measure cannot be. */
    Typed compile(Expr e, Context ctx, boolean inMeasure) {
        Typed t = e.accept(new Lowering(ctx, inMeasure));
        if (t != null && t.isConstant() && t.type() != Type.BOOL && !Double.isFinite(t.constant())) {
            // known before the run: sqrt(-1), 1e308 * 10
            sink.error(e.span(), Double.isNaN(t.constant()) ? "this is not a number" : "this number is too large (infinite)",
                    Double.isNaN(t.constant()) ? "is it the square root of a negative number?" : null);
            return null;
        }
        return t;
    }

    /** One node, lowered; its operands through {@link #compile(Expr, Context, boolean)}. */
    private final class Lowering implements ExprVisitor<Typed> {
        private final Context ctx;
        private final boolean inMeasure;

        Lowering(Context ctx, boolean inMeasure) {
            this.ctx = ctx;
            this.inMeasure = inMeasure;
        }

        @Override
        public Typed num(Expr.Num n) {
            return Typed.constant(n.unit() == Expr.Unit.MINUTES ? Type.DURATION : Type.NUMBER, n.value());
        }

        @Override
        public Typed str(Expr.Str s) {
            sink.error(s.span(), "a string cannot be used as a value here", "strings name goals, files and log messages");
            return null;
        }

        @Override
        public Typed bool(Expr.Bool b) {
            return Typed.constant(Type.BOOL, b.value() ? 1 : 0);
        }

        @Override
        public Typed ref(Expr.Ref r) {
            return references.ref(r, ctx);
        }

        @Override
        public Typed call(Expr.Call c) {
            if (c.arm() != null && (ctx != Context.STUDY || StudyFunction.named(c.name()) == null)) {
                sink.error(c.armSpan(), "'in \"" + c.arm() + "\"' picks one arm's runs for a function across runs, and '"
                        + c.name() + "' here is not one", "for example: proportion(exposure.completed in \"" + c.arm() + "\")");
                return null;
            }
            return calls.call(c, ctx, inMeasure);
        }

        @Override
        public Typed at(Expr.At a) {
            return lookups.at(a, ctx);
        }

        @Override
        public Typed unary(Expr.Unary u) {
            return operators.unary(u, ctx, inMeasure);
        }

        @Override
        public Typed binary(Expr.Binary b) {
            return operators.binary(b, ctx, inMeasure);
        }
    }

    /** A state variable, by {@link org.tec.model.Var#ordinal()}: a measure reads it straight from the trajectory. */
    record StateVar(int index) implements Eval {
        @Override
        public double eval(Frame f) {
            return f.var(index);
        }
    }

    /**
     * A comparison, loosened by a tolerance: {@code tol} absolute, or relative to the right side.
     * The operator is chosen here, once, not on every evaluation.
     */
    static Eval comparison(String op, Eval x, Eval y, double tol, boolean relative) {
        return CompareOp.of(op).of(x, y, tol, relative);
    }

    /** Whether an expression speaks across runs (and so is checked once per study, not per run). */
    static boolean acrossRuns(Expr e) {
        return StudyCalls.acrossRuns(e);
    }

    private List<String> arms = List.of();

    /** The study's arms, in order (empty: none). */
    void arms(List<String> names) {
        arms = List.copyOf(names);
    }

    List<String> arms() {
        return arms;
    }

    /** The study's swept names, in order (empty: no sweep). */
    void swept(List<String> names) {
        swept = List.copyOf(names);
    }

    List<String> swept() {
        return swept;
    }

    boolean hasSweep() {
        return !swept.isEmpty();
    }

    /** A sensitivity study's varied params, in order (empty when the study is none). */
    void indexed(List<String> names) {
        indexed = List.copyOf(names);
    }

    List<String> indexed() {
        return indexed;
    }

    /** The words of a sampled design ({@code design latin}, {@code sensitivity sobol}), or null for a grid. */
    private String sampled;

    void sampled(String words) {
        sampled = words;
    }

    String sampled() {
        return sampled;
    }

    Map<String, Typed> constants() {
        return constants;
    }

    /** Which constants are params (read per run inside a study function's argument). */
    void params(Set<String> names) {
        this.params = names;
    }

    /**
     * A constant as an expression reads it: folded, except a param inside the per-run
     * argument of a study function, which reads the run's own value (a sweep point's), so
     * {@code proportion(x > 0.5)} over a sweep of {@code x} sees each run's {@code x}.
     */
    Typed constant(String name, Typed k) {
        if (perRunArgument == 0 || !params.contains(name)) return k;
        double fallback = k.constant();
        return Typed.of(k.type(), f -> {
            double v = f.param(name);
            return Double.isNaN(v) ? fallback : v;
        });
    }

    /** Compiles the per-run argument of a study function, whose params are the run's. */
    Typed perRun(org.tec.lang.ast.Expr e, Context ctx) {
        perRunArgument++;
        try {
            return compile(e, ctx, false);
        } finally {
            perRunArgument--;
        }
    }

    Set<String> phaseRefs() {
        return phaseRefs;
    }

    /** The names of the scenario's named triggers, which {@code count(trigger NAME)} may count. */
    void triggerNames(Set<String> names) {
        this.triggerNames = names;
    }

    Set<String> triggerNames() {
        return triggerNames;
    }

    // ------------------------------------------------------------------ helpers for the parts

    /** Whether a value that changes during the run may be used here; says why not. */
    boolean needsState(Span span, Context ctx, String what) {
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

    void unknownPhase(String name, Span span) {
        sink.error(span, "no phase is called '" + name + "'", hintOr(Suggest.hint(name, phaseRefs),
                phaseRefs.isEmpty() ? "this scenario has no phases" : "phases: " + String.join(", ", phaseRefs)));
    }

    boolean expect(Typed t, Type want, Span span, String message) {
        if (t.type() == want) return true;
        sink.error(span, message + ", not " + t.type().words(), null);
        return false;
    }

    static boolean isNumeric(Typed t) {
        return t.type() == Type.NUMBER || t.type() == Type.DURATION;
    }

    static boolean truth(double v) {
        return !Double.isNaN(v) && v != 0;
    }

    /** Folds to a constant when every operand is one. */
    static Typed fold(Type type, Eval e, Typed... operands) {
        for (Typed t : operands) if (!t.isConstant()) return Typed.of(type, e);
        double v = e.eval(null);
        return Typed.constant(type, v);
    }

    static String hintOr(String hint, String fallback) {
        return hint != null ? hint : fallback;
    }
}
