package org.tec.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.interp.Compiler;
import org.tec.interp.Interpreter;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.Scripts;
import org.tec.interp.Values;

/**
 * A run driven step by step by its host, the way the REPL drives it: advance time, read
 * the state, act between steps with statements of the language (a regulation, a trigger,
 * a phase, a set). Not thread-safe: one thread drives a session.
 */
public final class TecSession {
    private final TecEngine engine;
    private final Scripts.Compiled compiled;
    private final Scripts.Unit unit;
    private final Interpreter run;
    private int inputs;
    private TecResult finished;

    TecSession(TecEngine engine, Scripts.Compiled compiled, Scripts.Unit unit, Interpreter run) {
        this.engine = engine;
        this.compiled = compiled;
        this.unit = unit;
        this.run = run;
    }

    /** Minutes into the current session. */
    public double time() {
        return run.now();
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

    /** The state now, by variable name. */
    public Map<String, Double> state() {
        return Adapt.state(run.stateNow());
    }

    public List<TecEvent> events() {
        return Adapt.events(run.recordSoFar().events());
    }

    /** One integration step; false if nothing was left to run. */
    public boolean step() {
        check();
        try {
            return run.advance();
        } catch (RunError e) {
            throw Adapt.error(e);
        }
    }

    /** Runs {@code minutes} of simulated time (or to the end of the schedule); returns the minutes actually run. */
    public double advance(double minutes) {
        check();
        double dt = unit.program().dt();
        long steps = Math.round(minutes / dt);
        long taken = 0;
        try {
            while (taken < steps && run.advance()) taken++;
        } catch (RunError e) {
            throw Adapt.error(e);
        }
        return taken * dt;
    }

    /**
     * Acts on the live session with statements of the language: actions act now
     * ({@code regulate affect_sharing down to 0.3}), triggers and phases are added, and
     * bare expressions are evaluated now. Returns the values of the expressions, as text.
     *
     * @throws TecException.Compile if the statements have errors (the session goes on)
     */
    public List<String> execute(String statements) {
        check();
        Diagnostics sink = new Diagnostics();
        Compiler.LiveStatement st = Scripts.live(compiled, unit, "<input " + (++inputs) + ">", statements, sink);
        if (st == null) throw Adapt.compileError(sink, compiled.sources());
        try {
            for (Program.ActionPlan a : st.actions()) run.perform(a);
            for (Program.Trigger t : st.triggers()) run.addTrigger(t);
            for (Program.PhasePlan p : st.phases()) run.addPhase(p);
        } catch (RunError e) {
            throw Adapt.error(e);
        }
        List<String> values = new ArrayList<>();
        for (Program.PrintPlan p : st.values()) {
            values.add(p.source() + " = " + Values.format(p.value().eval(run.liveFrame()), p.type()));
        }
        return values;
    }

    /** Ends the session and gives its result (goals, expectations, series). */
    public TecResult finish() {
        if (finished == null) {
            finished = new TecResult(compiled, unit, run.finish());
        }
        return finished;
    }

    private void check() {
        if (finished != null) throw new IllegalStateException("the session has finished");
    }
}
