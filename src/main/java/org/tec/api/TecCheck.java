package org.tec.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.interp.Scripts;

/**
 * A script file compiled and checked, errors or not: its diagnostics (errors and warnings)
 * and, when it has no errors, its scenarios to run. From {@link TecEngine#check(Path)}.
 * Never throws for a script's errors; they are {@link #diagnostics()}.
 */
public final class TecCheck {
    private final TecEngine engine;
    private final Path file;
    private final Scripts.Compiled compiled;

    TecCheck(TecEngine engine, Path file, Scripts.Compiled compiled) {
        this.engine = engine;
        this.file = file;
        this.compiled = compiled;
    }

    /** The file checked; null for source text ({@link TecEngine#check(String, String, Map)}). */
    public Path file() {
        return file;
    }

    /** Every error and warning, in the order of the file. */
    public List<TecDiagnostic> diagnostics() {
        return Adapt.diagnostics(compiled.diagnostics(), compiled.sources());
    }

    /** Every diagnostic rendered, as {@code tec check} prints them (empty when there are none). */
    public String rendered() {
        return TecDiagnostic.render(diagnostics());
    }

    public int errorCount() {
        return compiled.diagnostics().errorCount();
    }

    public boolean hasErrors() {
        return compiled.diagnostics().hasErrors();
    }

    /** Whether the file holds a scenario; a file without one is a library for import. */
    public boolean hasScenario() {
        return compiled.hasScenario();
    }

    /** No errors and at least one scenario: something to run. */
    public boolean ok() {
        return compiled.ok();
    }

    /** The scenarios' names, in order (empty when the file has errors). */
    public List<String> scenarios() {
        List<String> out = new ArrayList<>();
        for (Scripts.Unit u : compiled.units()) out.add(u.program().name());
        return out;
    }

    /** Whether a scenario is a study (replicates or sweeps: many runs). */
    public boolean hasStudy() {
        return compiled.programs().stream().anyMatch(p -> p.study() != null);
    }

    /** The names the file's studies sweep ({@code therapist.tolerance}, a param), in order, each once. */
    public List<String> sweptNames() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (var p : compiled.programs()) {
            if (p.study() != null) for (var s : p.study().sweeps()) out.add(s.param());
        }
        return List.copyOf(out);
    }

    /**
     * A scenario to run or study, by name ({@code null}: the first).
     *
     * @throws IllegalStateException    if the file has errors or no scenario
     * @throws IllegalArgumentException if no scenario has that name
     */
    public TecScript script(String scenario) {
        if (!ok()) throw new IllegalStateException(file + ": nothing to run");
        for (Scripts.Unit u : compiled.units()) {
            if (scenario == null || u.program().name().equals(scenario)) return new TecScript(engine, compiled, u, null, null);
        }
        throw new IllegalArgumentException(file + ": no scenario called '" + scenario + "'");
    }

    /**
     * A live session of the first scenario, as the REPL opens one.
     *
     * @throws TecException.Compile when there is nothing to drive: the file's errors (and its
     *         warnings), a library with no scenario, or a study (many runs, where a session is one)
     */
    public TecSession session() {
        Span whole = new Span(String.valueOf(file), 0, 0, 0);
        if (!ok()) {
            Diagnostics d = new Diagnostics();
            compiled.diagnostics().all().forEach(d::add);
            if (!d.hasErrors()) d.error(whole, "no scenario in this file (it is a library for import)");
            throw Adapt.compileError(d, compiled.sources());
        }
        Scripts.Unit first = compiled.units().get(0);
        if (first.program().study() != null) {
            Diagnostics d = new Diagnostics();
            d.error(whole, "this script is a study (replicate or sweep); the REPL runs one session",
                    "run it with tec run, or load one of the scripts it imports");
            throw Adapt.compileError(d, compiled.sources());
        }
        return new TecSession(engine, compiled, first);
    }

    /** Runs of the file's scenarios as {@code tec run} and {@code tec test} make them. */
    public TecRun run() {
        if (!ok()) throw new IllegalStateException(file + ": nothing to run");
        return new TecRun(engine, compiled);
    }
}
