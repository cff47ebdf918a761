package org.tec.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunOptions;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.output.Emitter;
import org.tec.output.Meta;
import org.tec.output.OutputDir;

/**
 * A compiled scenario. Immutable: run it as often as you like, from as many threads as
 * you like; {@link #withSeed(long)} and {@link #withNoise(double)} give changed copies.
 */
public final class TecScript {
    private final TecEngine engine;
    private final Scripts.Compiled compiled;
    private final Scripts.Unit unit;
    private final Long seed;
    private final Double noise;
    private final org.tec.model.Integration integration;

    TecScript(TecEngine engine, Scripts.Compiled compiled, Scripts.Unit unit, Long seed, Double noise) {
        this(engine, compiled, unit, seed, noise, null);
    }

    private TecScript(TecEngine engine, Scripts.Compiled compiled, Scripts.Unit unit, Long seed, Double noise,
                      org.tec.model.Integration integration) {
        this.engine = engine;
        this.compiled = compiled;
        this.unit = unit;
        this.seed = seed;
        this.noise = noise;
        this.integration = integration;
    }

    /** The scenario's name. */
    public String name() {
        return unit.program().name();
    }

    /** The names of every scenario in the compiled source, in order. */
    public List<String> scenarios() {
        List<String> out = new ArrayList<>();
        for (Scripts.Unit u : compiled.units()) out.add(u.program().name());
        return out;
    }

    /** Another scenario of the same source. */
    public TecScript scenario(String scenarioName) {
        for (Scripts.Unit u : compiled.units()) {
            if (u.program().name().equals(scenarioName)) return new TecScript(engine, compiled, u, seed, noise, integration);
        }
        throw new IllegalArgumentException("no scenario '" + scenarioName + "'; scenarios: " + scenarios());
    }

    /** The scenario's phases, as scheduled (a live session may add more). */
    public List<TecPhase> phases() {
        List<TecPhase> out = new ArrayList<>();
        for (Program.PhasePlan p : unit.program().phases()) out.add(new TecPhase(p.ref(), p.kind().key(), p.duration()));
        return List.copyOf(out);
    }

    /** The script's params and their values. */
    public Map<String, Double> parameters() {
        return Map.copyOf(unit.program().parameters());
    }

    /** Warnings found when compiling. */
    public List<TecDiagnostic> warnings() {
        return Adapt.diagnostics(compiled.diagnostics(), compiled.sources());
    }

    /** The same script with another seed. */
    public TecScript withSeed(long newSeed) {
        return new TecScript(engine, compiled, unit, newSeed, noise, integration);
    }

    /** The same script with noise of this scale (0: deterministic). */
    /** The one check of a noise scale: 0 to 10, a number. */
    static double checkedNoise(double scale) {
        if (!(scale >= 0 && scale <= 10)) {
            throw new IllegalArgumentException("noise must be between 0 and 10, not " + org.tec.text.Numbers.plain(scale));
        }
        return scale;
    }

    public TecScript withNoise(double scale) {
        return new TecScript(engine, compiled, unit, seed, checkedNoise(scale), integration);
    }

    /**
     * The same script integrated by another method: {@code euler}, {@code heun}, {@code rk4}, or
     * {@code dopri5} (adaptive) with {@code tolerance} (null: 1e-6). A tolerance alone (method
     * null) means dopri5.
     *
     * @throws IllegalArgumentException for an unknown method, a tolerance out of range, or a
     *                                  tolerance with a fixed-step method
     */
    public TecScript withMethod(String method, Double tolerance) {
        return new TecScript(engine, compiled, unit, seed, noise, checkedIntegration(method, tolerance));
    }

    /** The one check of an integration method and tolerance given through the API or the command line. */
    static org.tec.model.Integration checkedIntegration(String method, Double tolerance) {
        org.tec.model.Method m = method == null ? org.tec.model.Method.DOPRI5 : org.tec.model.Method.find(method);
        if (m == null) {
            throw new IllegalArgumentException("method must be one of " + String.join(", ", org.tec.model.Method.keys())
                    + ", not '" + method + "'");
        }
        if (tolerance != null && !m.adaptive()) {
            throw new IllegalArgumentException("tolerance applies to the adaptive method dopri5, not to " + m.key());
        }
        double tol = tolerance == null ? org.tec.model.Integration.DEFAULT_TOLERANCE : tolerance;
        if (!org.tec.model.Integration.allows(tol)) {
            throw new IllegalArgumentException("tolerance must be between " + org.tec.text.Numbers.small(org.tec.model.Integration.MIN_TOLERANCE)
                    + " and " + org.tec.text.Numbers.plain(org.tec.model.Integration.MAX_TOLERANCE) + ", not " + org.tec.text.Numbers.small(tol));
        }
        return new org.tec.model.Integration(m, tol);
    }

    /** Runs the scenario once, as written. */
    public TecResult run() {
        return run(Map.of(), null, null);
    }

    /**
     * Runs once with overrides: params of the script by name, model parameters by their
     * dotted names ({@code therapist.affect_sharing}).
     *
     * @throws TecException.Compile if an override names nothing or is out of range
     */
    public TecResult run(Map<String, ? extends Number> overrides) {
        return run(overrides, null, null);
    }

    /** Runs once, cancellable from another thread, with a listener of its own (or null). */
    public TecResult run(Map<String, ? extends Number> overrides, TecCancellation cancel, TecListener listener) {
        RunOptions options = engine.options(cancel, listener);
        // the wall time of a run counts from here: a recompile for its overrides is part of it
        long start = options.clock().getAsLong();
        Scripts.Unit u = unitFor(overrides);
        RunResult r;
        try {
            options.check(start, 0);
            r = TecEngine.runWithinMemory("the run", () -> Interpreter.run(u.program(), options, start));
        } catch (RunError e) {
            throw Adapt.error(e);
        } catch (RuntimeException e) {
            throw new TecException.Failure("the run stopped: " + e);
        }
        writeOutputs(r, null);
        return new TecResult(compiled, u, r);
    }

    /** A fit of this scenario to data (PEtab tables): see docs/FITTING.md. */
    public TecFit.Request fit() {
        return new TecFit.Request(this);
    }

    /** Simulated measurements of this scenario, as a PEtab measurement table. */
    public TecFit.Simulation simulate() {
        return new TecFit.Simulation(this);
    }

    /** A study of this scenario: its own replicates and sweeps, or ones you add. */
    public TecStudy.Request study() {
        return new TecStudy.Request(this);
    }

    /**
     * A live session: advance time step by step and act between steps, as the REPL does.
     * Not thread-safe: one thread drives a session.
     */
    public TecSession session(Map<String, ? extends Number> overrides) {
        Scripts.Unit u = unitFor(overrides);
        return new TecSession(engine, compiled, u);
    }

    // ------------------------------------------------------------------ internals

    Map<String, Double> doubles(Map<String, ? extends Number> overrides) {
        return Adapt.doubles(unit.overrides(), overrides);
    }

    /** The unit with these overrides, seed and noise: compiled once. */
    Scripts.Unit unitFor(Map<String, ? extends Number> overrides) {
        Map<String, Double> values = doubles(overrides);
        Program p = unit.program();
        if (overrides != null && !overrides.isEmpty()) {
            Diagnostics sink = new Diagnostics();
            p = Scripts.recompile(compiled, unit, values, sink);
            if (p == null || sink.hasErrors()) throw Adapt.compileError(sink, compiled.sources());
        }
        if (seed != null) p = p.withSeed(seed);
        if (noise != null) p = p.withNoise(noise);
        if (integration != null) p = p.withIntegration(integration);
        return new Scripts.Unit(unit.loaded(), p, values, unit.arms());
    }

    Scripts.Compiled compiled() {
        return compiled;
    }

    TecEngine engine() {
        return engine;
    }

    /**
     * Writes the run's emits and plots under the engine's output directory as one set, the
     * bytes counted against the engine's limit as they are written: a run over it keeps none.
     */
    void writeOutputs(RunResult r, String suffix) {
        if (engine.outputDirectory == null) return;
        OutputDir dir = new OutputDir(engine.outputDirectory);
        Diagnostics refused = new Diagnostics();
        Emitter.validate(r.program(), dir, refused);
        if (refused.hasErrors()) {
            throw new TecException.Output(refused.sorted().get(0).headline());
        }
        try {
            Emitter.emit(r, dir, stamp(null), suffix, engine.outputBudget());
        } catch (RunError e) {
            throw Adapt.error(e);
        }
    }

    /** What the outputs' metadata says made them: the version, every file read, and the command line if any. */
    Meta.Stamp stamp(List<String> commandLine) {
        if (commandLine != null) return stamp(compiled, commandLine);
        Meta.Stamp s = stamp;
        if (s == null) stamp = s = stamp(compiled, null); // once for all the runs of a study, not once a run
        return s;
    }

    /** The stamp of a compiled file's outputs; hashing its texts and reading the script once. */
    static Meta.Stamp stamp(Scripts.Compiled compiled, List<String> commandLine) {
        String file = compiled.programs().isEmpty() ? "" : compiled.programs().get(0).file();
        return Meta.Stamp.of(Tec.version(), compiled.sources().texts(), commandLine, file);
    }

    /** The stamp of this script's outputs, worked out at the first; the same for every copy of one compile. */
    private volatile Meta.Stamp stamp;

    Program baseProgram() {
        return unit.program();
    }
}
