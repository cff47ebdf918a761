package org.tec.interp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;

/**
 * Checks a script and lowers it to a {@link Program}: resolves imports, folds params
 * (with overrides) and lets, checks every name, range, unit and placement, and
 * compiles expressions. Every problem is reported, not only the first.
 *
 * <p>The work is done in stages: {@link ScriptLoader} (files and imports), then, per
 * scenario, {@link Lowering} ({@link Declarations}, then one stage per family of
 * statements, filling a {@link ProgramBuilder}).
 */
public final class Compiler {
    public static final double DEFAULT_DT = 0.1;
    /** The most runs a study may make (replicates times the values of every sweep). */
    public static final long MAX_STUDY_RUNS = 1_000_000;

    private final Diagnostics sink;
    private final SourceSet sources;
    private final SourceLoader loader;
    private final OverrideOrigin origin;

    public Compiler(Diagnostics sink, SourceSet sources, SourceLoader loader) {
        this(sink, sources, loader, OverrideOrigin.COMMAND_LINE);
    }

    /** A compiler whose override errors name the overrides as {@code origin} gives them. */
    public Compiler(Diagnostics sink, SourceSet sources, SourceLoader loader, OverrideOrigin origin) {
        this.sink = sink;
        this.sources = sources;
        this.loader = loader;
        this.origin = origin;
    }

    /**
     * Parses a file and its imports; returns one {@link Loaded} per scenario (or course) in
     * the file, or a single one without a scenario for a library of profiles.
     */
    public List<Loaded> load(String displayName, Path path, String text) {
        return new ScriptLoader(sink, sources, loader).load(displayName, path, text);
    }

    /** A parsed script: its scenario name (null for a profile library) and its items, imports expanded. */
    public record Loaded(String name, String file, List<Item> items, boolean hasScenario, boolean course, Span span) {}

    /** Lowers a loaded scenario with the given param overrides; null if there were errors. */
    public Program compile(Loaded loaded, Map<String, Double> overrides) {
        if (!loaded.hasScenario()) {
            sink.error(loaded.span(), "no scenario in this file",
                    "a runnable script has scenario \"NAME\" { ... }; files without one are imported by others");
            return null;
        }
        // replace, extend and remove act first, on the scenario's flattened items (an arm's too)
        return new Lowering(sink, sources, Revisions.apply(loaded, sink), overrides, origin).run();
    }

    /** What a statement typed into a live session compiles to. */
    public record LiveStatement(List<Program.ActionPlan> actions, List<Program.Trigger> triggers,
                                List<Program.PhasePlan> phases, List<Program.PrintPlan> values) {}

    /**
     * Compiles statements typed into a live session (the REPL, an API session) in the
     * context of a loaded scenario: its params, lets and phase names. Actions act now,
     * triggers and phases are added to the run, expressions are evaluated now.
     */
    public LiveStatement live(Loaded base, Map<String, Double> overrides, double dt, List<Item> items, List<Expr> exprs) {
        return new Lowering(sink, sources, Revisions.apply(base, new Diagnostics()), overrides, origin).live(dt, items, exprs);
    }

    /** The observe declarations of a loaded scenario (for tec fit and tec simulate). */
    public List<Observation> observations(Loaded base, Map<String, Double> overrides) {
        return new Lowering(sink, sources, Revisions.apply(base, new Diagnostics()), overrides, origin).observations();
    }

    /** The fit statements of a loaded scenario (for tec fit). */
    public List<FitTarget> fitTargets(Loaded base, Map<String, Double> overrides) {
        return new Lowering(sink, sources, Revisions.apply(base, new Diagnostics()), overrides, origin).fitTargets();
    }

    /** Compiles an expression to evaluate after a run of {@code base} (goals' context: measures, 'at'). */
    public Eval afterExpression(Loaded base, Map<String, Double> overrides, Expr e, Type[] typeOut) {
        Typed t = new Lowering(sink, sources, Revisions.apply(base, new Diagnostics()), overrides, origin).after(e);
        if (t == null) return null;
        if (typeOut != null && typeOut.length > 0) typeOut[0] = t.type();
        return t.eval();
    }

    /** Replicates times the values of every sweep, or Long.MAX_VALUE once past any sane number (no overflow). */
    public static long studyRuns(int replicates, List<Program.SweepPlan> sweeps) {
        long runs = Math.max(1, replicates);
        for (Program.SweepPlan sw : sweeps) {
            runs *= Math.max(1, sw.values().length);
            if (runs > MAX_STUDY_RUNS) return runs > Integer.MAX_VALUE ? Long.MAX_VALUE : runs;
        }
        return runs;
    }
}
