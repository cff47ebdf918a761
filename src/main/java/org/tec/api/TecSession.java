package org.tec.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.interp.Compiler;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;

/**
 * A run driven step by step by its host, the way the REPL drives it: advance time, read
 * the state, act between steps with statements of the language (a regulation, a trigger,
 * a phase, a set). Run-time errors are {@link TecException}s at the minute they happened;
 * the session goes on after them. Not thread-safe: one thread drives a session (only
 * {@link #interrupt()} may be called from another).
 */
public final class TecSession {
    private final TecEngine engine;
    private final Scripts.Compiled compiled;
    private final Scripts.Unit unit;
    private final TecCancellation interrupt = new TecCancellation();
    private final Interpreter run;
    private int inputs;
    private TecResult finished;

    TecSession(TecEngine engine, Scripts.Compiled compiled, Scripts.Unit unit) {
        this.engine = engine;
        this.compiled = compiled;
        this.unit = unit;
        try {
            this.run = Interpreter.start(unit.program(), engine.options(interrupt, null));
        } catch (RunError e) {
            throw Adapt.error(e);
        }
    }

    /** A new session of the same scenario with the same overrides, at 0 min; this one is left as it is. */
    public TecSession restart() {
        return new TecSession(engine, compiled, unit);
    }

    /** Minutes into the current session. */
    public double time() {
        return run.now();
    }

    /** Minutes per integration step. */
    public double dt() {
        return unit.program().dt();
    }

    /** Whether the schedule has run out (a phase may still be added to a single session). */
    public boolean finished() {
        return run.finished();
    }

    /** The phase running now, or null between phases. */
    public String phase() {
        Program.PhasePlan p = run.currentPhase();
        return p == null ? null : p.ref();
    }

    /** The state now, by variable name, in the order of {@link TecLanguage#variables()}. */
    public Map<String, Double> state() {
        return Adapt.state(run.stateNow());
    }

    /** Everything that has happened so far, in order. */
    public List<TecEvent> events() {
        return Adapt.events(run.recordSoFar().events());
    }

    /** The goals as they stand now: the phase running now counts as ending now. */
    public List<TecVerdict> goals() {
        return Adapt.verdicts(snapshot().goals());
    }

    /** The expectations as they stand now, as {@link #goals()} do. */
    public List<TecVerdict> expectations() {
        return Adapt.verdicts(snapshot().expects());
    }

    private RunResult snapshot() {
        try {
            return run.snapshot();
        } catch (RunError e) {
            throw Adapt.error(e);
        }
    }

    /** Minutes into its session of every step recorded so far (for charting, with {@link #series(String)}). */
    public double[] times() {
        return run.recordSoFar().trajectory().times();
    }

    /** The session of every step recorded so far, from 1. */
    public int[] sessions() {
        return Adapt.sessions(run.recordSoFar().trajectory());
    }

    /** One variable's values so far, aligned with {@link #times()}. */
    public double[] series(String variable) {
        return Adapt.series(run.recordSoFar().trajectory(), variable);
    }

    /**
     * Writes the trajectory so far as CSV, one row per step recorded (the wide layout of
     * {@code tec run --csv}), whole or not at all; the file must be a regular file or absent.
     */
    public void writeCsv(java.nio.file.Path file) throws java.io.IOException {
        var record = run.recordSoFar();
        org.tec.output.AtomicFiles.write(file, w -> org.tec.output.CsvWriter.wide(w, record, dt(), 0, List.of()));
    }

    /** One integration step; false if nothing was left to run. */
    public boolean step() {
        return steps(1) == 1;
    }

    /** Runs {@code minutes} of simulated time (or to the end of the schedule); returns the minutes actually run. */
    public double advance(double minutes) {
        return steps(Math.round(minutes / dt())) * dt();
    }

    /** Runs to the end of the schedule; returns the minutes run. */
    public double runToEnd() {
        return steps(Long.MAX_VALUE) * dt();
    }

    /**
     * Stops an {@link #advance} or {@link #runToEnd} under way, from another thread (a
     * Ctrl-C): within about a thousand steps it throws {@link TecException.Cancelled}. The
     * session goes on; the next advance runs normally.
     */
    public void interrupt() {
        interrupt.cancel();
    }

    private long steps(long steps) {
        check();
        interrupt.clear();
        long taken = 0;
        try {
            while (taken < steps && run.advance()) taken++;
        } catch (RunError e) {
            throw Adapt.error(e);
        }
        return taken;
    }

    /**
     * What a line typed into a session did.
     *
     * @param values   the value of each expression, as {@code EXPRESSION = VALUE}
     * @param warnings warnings about the line
     * @param acted    whether it acted on the session (an action, a trigger or a phase), not only evaluated expressions
     */
    public record Evaluation(List<String> values, List<TecDiagnostic> warnings, boolean acted) {}

    /**
     * Acts on the live session with a line of the language: actions act now
     * ({@code regulate affect_sharing down to 0.3}), triggers and phases are added, and
     * bare expressions are evaluated now ({@code client.distress - 10}).
     *
     * @param name how diagnostics name the line, for example {@code <input 3>}
     * @throws TecException.Compile if the line has errors (the session goes on)
     */
    public Evaluation evaluate(String name, String line) {
        check();
        Diagnostics sink = new Diagnostics();
        Compiler.LiveStatement st = TecEngine.withinMemory(() -> Scripts.live(compiled, unit, name, line, sink));
        if (st == null) throw Adapt.compileError(sink, compiled.sources());
        List<String> values = new ArrayList<>();
        try {
            for (Program.ActionPlan a : st.actions()) run.perform(a);
            for (Program.Trigger t : st.triggers()) run.addTrigger(t);
            for (Program.PhasePlan p : st.phases()) run.addPhase(p);
            for (Program.PrintPlan p : st.values()) {
                values.add(p.shown(run.liveFrame()));
            }
        } catch (RunError e) {
            throw Adapt.error(e);
        }
        boolean acted = !st.actions().isEmpty() || !st.triggers().isEmpty() || !st.phases().isEmpty();
        return new Evaluation(List.copyOf(values), Adapt.diagnostics(sink, compiled.sources()), acted);
    }

    /** {@link #evaluate} with the lines named {@code <input 1>}, {@code <input 2>}, ...: the values of the expressions. */
    public List<String> execute(String statements) {
        return evaluate("<input " + (++inputs) + ">", statements).values();
    }

    /** Ends the session and gives its result (goals, expectations, series). */
    public TecResult finish() {
        if (finished == null) {
            try {
                finished = new TecResult(compiled, unit, run.finish());
            } catch (RunError e) {
                throw Adapt.error(e);
            }
        }
        return finished;
    }

    private void check() {
        if (finished != null) throw new IllegalStateException("the session has finished");
    }
}
