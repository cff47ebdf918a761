package org.tec.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.interp.Printed;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.model.Var;

/** One finished run: its series, events, goals, expectations and printed values. Immutable. */
public final class TecResult {
    private final Scripts.Compiled compiled;
    private final Scripts.Unit unit;
    private final RunResult run;

    TecResult(Scripts.Compiled compiled, Scripts.Unit unit, RunResult run) {
        this.compiled = compiled;
        this.unit = unit;
        this.run = run;
    }

    /** Whether every expectation holds. */
    public boolean passed() {
        return run.allExpectationsHold();
    }

    public List<TecVerdict> goals() {
        return Adapt.verdicts(run.goals());
    }

    public List<TecVerdict> expectations() {
        return Adapt.verdicts(run.expects());
    }

    public List<TecEvent> events() {
        return Adapt.events(run.record().events());
    }

    /** The values of the script's print statements, by the expression as written. */
    public Map<String, String> printed() {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        for (Printed p : run.prints()) out.put(p.source(), p.value());
        return out;
    }

    /** The state variables a series can be asked for ({@code client.distress}, ...). */
    public List<String> variables() {
        List<String> out = new ArrayList<>();
        for (Var v : Var.values()) out.add(v.key());
        return out;
    }

    /** Minutes into its session, one value per recorded step. */
    public double[] times() {
        return run.record().trajectory().times();
    }

    /** The session of each recorded step, from 1. */
    public int[] sessions() {
        return Adapt.sessions(run.record().trajectory());
    }

    /** One variable's series, aligned with {@link #times()}. */
    public double[] series(String variable) {
        return Adapt.series(run.record().trajectory(), variable);
    }

    /**
     * Evaluates an expression over the run, as a goal would: {@code peak(client.distress)},
     * {@code client.fear at end of exposure}, {@code exposure.completed} (1 or 0).
     *
     * @throws TecException.Compile if the expression has errors
     */
    public double measure(String expression) {
        Diagnostics sink = new Diagnostics();
        Double v = Scripts.measure(compiled, unit, run.record(), "<measure>", expression, sink);
        if (v == null) throw Adapt.compileError(sink, compiled.sources());
        return v;
    }

    /** The implementation's result, for tec's own tools. Not part of the stable API. */
    RunResult internal() {
        return run;
    }
}
