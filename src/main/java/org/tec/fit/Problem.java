package org.tec.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.Trajectory;
import org.tec.model.Param;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * What is fitted to what: a scenario, the data (measurements in conditions), the parameters
 * to estimate with their bounds, and the measurement model. {@link #predict(double[])} runs
 * the scenario once per condition with a vector of parameter values and gives the prediction
 * for every measurement; {@link #nll(double[])} is the negative log-likelihood. Immutable
 * after {@link #of}; predictions may be made from many threads.
 */
public final class Problem {
    /** The most conditions one fit runs. */
    static final int MAX_CONDITIONS = 10_000;

    /** A parameter to estimate: its name (a param or a dotted model parameter), bounds, start, and whether each condition has its own. */
    public record Parameter(String name, double lower, double upper, double start, boolean perCondition) {}

    /** One column of the vector the optimiser moves: a parameter, and the condition it belongs to ({@code -1}: shared). */
    record Free(Parameter parameter, int condition, String label) {}

    final Scripts.Compiled compiled;
    final Scripts.Unit unit;
    final List<Parameter> parameters;
    final List<Free> free;
    final List<String> conditionIds;
    final List<Map<String, Double>> conditionValues;
    final List<Petab.Measurement> data;
    final int[] conditionOf;          // measurement -> condition index
    final Observable[] variableOf;    // measurement -> what it observes
    final NoiseModel noise;
    final RunOptions options;
    final int threads;

    private Problem(Scripts.Compiled compiled, Scripts.Unit unit, List<Parameter> parameters, List<Free> free, List<String> conditionIds,
                    List<Map<String, Double>> conditionValues, List<Petab.Measurement> data, int[] conditionOf, Observable[] variableOf,
                    NoiseModel noise, RunOptions options, int threads) {
        this.compiled = compiled;
        this.unit = unit;
        this.parameters = parameters;
        this.free = free;
        this.conditionIds = conditionIds;
        this.conditionValues = conditionValues;
        this.data = data;
        this.conditionOf = conditionOf;
        this.variableOf = variableOf;
        this.noise = noise;
        this.options = options;
        this.threads = threads;
    }

    /** The model parameter a dotted name names, or null. */
    static Param modelParam(String name) {
        return Scripts.modelParameter(name);
    }

    /** The bounds and start of a parameter named on the command line; null (and an error) if it names nothing to fit. */
    static Parameter parameter(Program p, String name, double[] bounds, boolean perCondition, Span at, Diagnostics sink) {
        Param m = name.contains(".") ? modelParam(name) : null;
        if (name.contains(".") && m == null) {
            sink.error(at, "no model parameter '" + name + "'", Scripts.modelParameterHint(name));
            return null;
        }
        Double start = p.parameters().get(name);
        if (m == null && start == null) {
            String hint = Suggest.hint(name, p.parameters().keySet());
            sink.error(at, "'" + name + "' is neither a param of this scenario nor a model parameter",
                    hint != null ? hint : "name a param of the script, or a model parameter such as therapist.affect_sharing (tec params lists them)");
            return null;
        }
        double lo, hi;
        if (bounds != null) {
            lo = bounds[0];
            hi = bounds[1];
            if (m != null && (lo < m.min() || hi > m.max())) {
                sink.error(at, "the bounds of " + name + " must lie in its range, " + Numbers.plain(m.min()) + " to " + Numbers.plain(m.max()), null);
                return null;
            }
        } else if (m != null) {
            lo = m.min();
            hi = m.max();
        } else {
            sink.error(at, "'" + name + "' is a param of the script, which has no range of its own",
                    "give its bounds: --bounds " + name + "=LOW:HIGH");
            return null;
        }
        if (!(lo < hi)) {
            sink.error(at, "the bounds of " + name + " must have LOW below HIGH", null);
            return null;
        }
        double s = start != null ? start : m.defaultValue();
        if (m != null && start == null) s = p.params().get(m);
        if (!Double.isFinite(s)) s = (lo + hi) / 2;
        s = Math.min(hi, Math.max(lo, s));
        return new Parameter(name, lo, hi, s, perCondition);
    }

    /**
     * Builds a problem, checking the data against the scenario: each observable must be a
     * state variable (or a declared observable), each time within the scenario's planned
     * length, each condition in the condition table (when there is one), and no condition may
     * set a parameter being estimated. Null (and errors) when anything does not fit.
     */
    static Problem of(Scripts.Compiled compiled, Scripts.Unit unit, List<Parameter> parameters, List<Petab.Measurement> data,
                      Petab.Conditions conditions, NoiseModel noise, RunOptions options, int threads, Diagnostics sink) {
        Program p = unit.program();
        Span script = new Span(p.file(), 0, 0, 0);
        if (p.study() != null) {
            sink.error(script, "this script is a study (replicates, sweeps or arms); a fit runs one scenario per condition",
                    "fit the scenario it studies (import it into a scenario without the study), and put conditions in a condition table");
            return null;
        }
        if (p.course() != null) {
            sink.error(script, "this script is a course of sessions; tec fits one session (times are minutes from the scenario's start)",
                    "fit one session's scenario");
            return null;
        }
        if (p.noise() > 0) {
            sink.error(script, "this scenario is noisy (noise " + Numbers.plain(p.noise()) + "); tec fits deterministic runs only: "
                    + "the particle filter for noisy runs is not built", "fit it with noise off: --noise 0");
            return null;
        }
        double length = 0;
        for (Program.PhasePlan ph : p.phases()) length += ph.duration();
        List<String> ids = new ArrayList<>();
        List<Map<String, Double>> values = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Set<String> fitted = new LinkedHashSet<>();
        for (Parameter q : parameters) fitted.add(q.name());
        if (conditions != null) {
            for (Map.Entry<String, Span> col : conditions.columns().entrySet()) {
                String name = col.getKey();
                if (name.contains(".") ? modelParam(name) == null : !p.parameters().containsKey(name)) {
                    String hint = name.contains(".") ? Scripts.modelParameterHint(name) : Suggest.hint(name, p.parameters().keySet());
                    sink.error(col.getValue(), "the condition table's column '" + name + "' is neither a param of this scenario nor a model parameter",
                            hint != null ? hint : "name a param of the script, or a model parameter such as therapist.affect_sharing");
                }
            }
            for (Petab.Condition c : conditions.list()) {
                for (Map.Entry<String, Double> v : c.values().entrySet()) {
                    if (fitted.contains(v.getKey())) {
                        sink.error(c.spans().get(v.getKey()), "condition " + c.id() + " sets " + v.getKey() + ", which is being estimated",
                                "leave the cell empty, or estimate it per condition: --per-condition " + v.getKey());
                    }
                    Param m = modelParam(v.getKey());
                    if (m != null && !m.allows(v.getValue())) {
                        sink.error(c.spans().get(v.getKey()), v.getKey() + " must be between " + Numbers.plain(m.min()) + " and "
                                + Numbers.plain(m.max()) + ", not " + Numbers.plain(v.getValue()), null);
                    }
                }
            }
            if (sink.hasErrors()) return null;
        }
        int[] conditionOf = new int[data.size()];
        Observable[] variableOf = new Observable[data.size()];
        List<org.tec.interp.Observation> declared = Scripts.observations(compiled, unit);
        Set<String> observables = new java.util.TreeSet<>();
        for (Var v : Var.values()) observables.add(v.key());
        for (org.tec.interp.Observation o : declared) observables.add(o.name());
        for (int i = 0; i < data.size(); i++) {
            Petab.Measurement m = data.get(i);
            Observable v = Observable.find(m.observable(), declared);
            if (v == null) {
                String hint = Suggest.hint(m.observable(), observables);
                sink.error(m.where().observable(), "unknown observable '" + m.observable() + "'",
                        hint != null ? hint : "an observable is a state variable such as client.distress, or an observe of the scenario");
            }
            variableOf[i] = v;
            if (m.time() > length + 1e-9) {
                sink.error(m.where().time(), "the time " + Numbers.plain(m.time()) + " min is past the end of the scenario, which runs "
                        + Numbers.plain(length) + " min", "times are minutes from the scenario's start");
            }
            String cid = m.condition();
            Integer k = index.get(cid);
            if (k == null) {
                Map<String, Double> vals = Map.of();
                if (conditions != null) {
                    Petab.Condition c = conditions.find(cid);
                    if (c == null) {
                        String hint = Suggest.hint(cid, conditions.ids());
                        sink.error(m.where().condition(), "the condition '" + cid + "' is not in the condition table",
                                hint != null ? hint : "conditions: " + String.join(", ", conditions.ids().subList(0, Math.min(10, conditions.ids().size()))));
                        continue;
                    }
                    vals = c.values();
                }
                k = ids.size();
                index.put(cid, k);
                ids.add(cid);
                values.add(vals);
            }
            conditionOf[i] = k;
            if (sink.errorCount() >= 50) break;
        }
        if (sink.hasErrors()) return null;
        if (ids.size() > MAX_CONDITIONS) {
            sink.error(data.get(0).where().condition(), "the data hold " + ids.size() + " conditions, more than the "
                    + MAX_CONDITIONS + " a fit runs (each evaluation runs every condition)", "fit the conditions in groups");
            return null;
        }
        List<Free> free = new ArrayList<>();
        for (Parameter q : parameters) if (!q.perCondition()) free.add(new Free(q, -1, q.name()));
        for (Parameter q : parameters) {
            if (!q.perCondition()) continue;
            for (int c = 0; c < ids.size(); c++) free.add(new Free(q, c, q.name() + "[" + ids.get(c) + "]"));
        }
        Problem problem = new Problem(compiled, unit, List.copyOf(parameters), List.copyOf(free), List.copyOf(ids), List.copyOf(values),
                data, conditionOf, variableOf, noise, options, threads);
        problem.calibrate();
        return problem;
    }

    /** The optimiser this problem uses, as fit.json names it. */
    public String dimensionText() {
        return free.size() >= 2 ? "BOBYQA (Hipparchus), multi-start" : free.size() == 1 ? "Brent (Hipparchus), one start per slice of the range"
                : "none (nothing to estimate but the sds)";
    }

    /** The number of values the optimiser moves. */
    int dimension() {
        return free.size();
    }

    double lower(int k) {
        return free.get(k).parameter().lower();
    }

    double upper(int k) {
        return free.get(k).parameter().upper();
    }

    double start(int k) {
        return free.get(k).parameter().start();
    }

    /** The overrides of condition {@code c} with the values {@code theta}: the script's, the condition's, then the estimated ones. */
    Map<String, Double> overrides(int c, double[] theta) {
        Map<String, Double> o = new LinkedHashMap<>(unit.overrides());
        o.putAll(conditionValues.get(c));
        for (int k = 0; k < free.size(); k++) {
            Free f = free.get(k);
            if (f.condition() < 0 || f.condition() == c) o.put(f.parameter().name(), theta[k]);
        }
        return o;
    }

    /**
     * Each condition's program compiled once, when every estimated parameter is a model
     * parameter (which only the interpreter reads): a run then sets their values in its
     * parameter set instead of recompiling the script. Null: every run recompiles. Set by
     * {@link #calibrate()} only after it found both ways give the same predictions.
     */
    private Program[] compiledConditions;
    private Param[] modelParams;

    /** Turns on the fast path when it is sound and gives the same predictions as recompiling. */
    void calibrate() {
        Param[] ps = new Param[free.size()];
        for (int k = 0; k < ps.length; k++) {
            ps[k] = modelParam(free.get(k).parameter().name());
            if (ps[k] == null) return;
        }
        double[] start = new double[free.size()], mid = new double[free.size()];
        for (int k = 0; k < start.length; k++) {
            start[k] = start(k);
            mid[k] = (lower(k) + upper(k)) / 2;
        }
        Program[] programs = new Program[conditionIds.size()];
        for (int c = 0; c < programs.length; c++) {
            Diagnostics sink = new Diagnostics();
            programs[c] = Scripts.recompile(compiled, unit, overrides(c, start), sink);
            if (programs[c] == null || sink.hasErrors()) return;
            programs[c] = programs[c].trajectoryOnly();
        }
        double[] slowStart = predict(start), slowMid = predict(mid);
        compiledConditions = programs;
        modelParams = ps;
        if (!java.util.Arrays.equals(slowStart, predict(start)) || !java.util.Arrays.equals(slowMid, predict(mid))) {
            compiledConditions = null; // not the same: recompile every run
            modelParams = null;
        }
    }

    /** For tests: the fast path off (false) or back on. */
    void fastPath(boolean on) {
        if (!on) {
            saved = compiledConditions;
            compiledConditions = null;
        } else if (saved != null) {
            compiledConditions = saved;
        }
    }

    private Program[] saved;

    /** Runs condition {@code c} with {@code theta}; null when the values make no valid scenario or the run fails numerically. */
    RunResult run(int c, double[] theta) {
        Program p;
        Program[] fast = compiledConditions;
        if (fast != null) {
            org.tec.model.ParamSet.Builder b = fast[c].params().toBuilder();
            for (int k = 0; k < theta.length; k++) {
                Free f = free.get(k);
                if (f.condition() >= 0 && f.condition() != c) continue;
                if (!modelParams[k].allows(theta[k])) return null;
                b.set(modelParams[k], theta[k]);
            }
            org.tec.model.ParamSet ps = b.build();
            if (!Scripts.stableStep(fast[c], ps)) return null; // as its compile would refuse it
            p = fast[c].withParams(ps);
        } else {
            Diagnostics sink = new Diagnostics();
            p = Scripts.recompile(compiled, unit, overrides(c, theta), sink);
            if (p == null || sink.hasErrors()) return null;
            p = p.trajectoryOnly(); // a fit reads the trajectory only: no goals, expectations or prints to work out
        }
        try {
            return Interpreter.run(p, options);
        } catch (RunError e) {
            if (e.kind() == RunError.Kind.NUMERIC) return null;
            throw e; // a limit or a cancellation ends the fit
        }
    }

    /** The prediction of every measurement under {@code theta} (NaN for a condition whose run failed). */
    double[] predict(double[] theta) {
        double[] out = new double[data.size()];
        int n = conditionIds.size();
        RunResult[] runs = new RunResult[n];
        if (threads > 1 && n > 1) {
            try {
                pool().submit(() -> java.util.stream.IntStream.range(0, n).parallel().forEach(c -> runs[c] = run(c, theta))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunError(RunError.Kind.CANCELLED, 0, "the fit was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        } else {
            for (int c = 0; c < n; c++) runs[c] = run(c, theta);
        }
        for (int i = 0; i < out.length; i++) {
            RunResult r = runs[conditionOf[i]];
            out[i] = r == null ? Double.NaN : variableOf[i].at(r.record(), data.get(i).time());
        }
        return out;
    }

    /** The threads that run an evaluation's conditions side by side: one pool for the whole fit, ended by {@link #close()}. */
    private java.util.concurrent.ForkJoinPool pool;

    private synchronized java.util.concurrent.ForkJoinPool pool() {
        if (pool == null) pool = new java.util.concurrent.ForkJoinPool(Math.min(threads, conditionIds.size()));
        return pool;
    }

    /** Ends the fit's threads (a problem may still be evaluated after: it starts them again). */
    synchronized void close() {
        if (pool != null) pool.shutdownNow();
        pool = null;
    }

    /** The negative log-likelihood of the data under {@code theta}; +infinity where a run fails. */
    double nll(double[] theta) {
        return noise.nll(this, predict(theta));
    }

    /**
     * A variable's value at a time: linear between the two recorded steps around it (the first
     * session; after a run that ended early, its last value).
     */
    static double at(Trajectory tr, Var v, double t) {
        int rows = tr.rows();
        if (rows == 0) return Double.NaN;
        int lo = 0, hi = rows - 1;
        if (t <= tr.time(0)) return tr.get(0, v);
        if (t >= tr.time(hi)) return tr.get(hi, v);
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (tr.time(mid) <= t) lo = mid; else hi = mid;
        }
        double t0 = tr.time(lo), t1 = tr.time(hi);
        double a = tr.get(lo, v), b = tr.get(hi, v);
        if (!(t1 > t0)) return b;
        return a + (b - a) * (t - t0) / (t1 - t0);
    }
}
