package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.text.Numbers;

/**
 * Lowers one loaded scenario to a {@link Program}, stage by stage: declarations first
 * (phase names, params, lets), then the study (sweeps, replicates), then every other
 * statement in source order, each to its family's stage, which fills the
 * {@link ProgramBuilder}; last, the checks that need the whole scenario.
 */
final class Lowering {
    private final Diagnostics sink;
    private final Declarations names;
    private final ProgramBuilder out;
    private final SettingsLowering settings;
    private final StudyLowering studies;
    private final CheckLowering checks;
    private final ActionLowering actions;
    private final TriggerLowering triggers;
    private final PhaseLowering phases;
    private final OutputLowering outputs;
    private final ObserveLowering observes;

    Lowering(Diagnostics sink, SourceSet sources, Compiler.Loaded loaded, Map<String, Double> overrides, OverrideOrigin origin) {
        this.sink = sink;
        this.names = new Declarations(sink, sources, loaded, overrides, origin);
        this.out = new ProgramBuilder(loaded);
        this.settings = new SettingsLowering(names, out);
        this.studies = new StudyLowering(names, out);
        this.checks = new CheckLowering(names, out);
        this.actions = new ActionLowering(names);
        this.triggers = new TriggerLowering(names, actions);
        this.phases = new PhaseLowering(names, triggers);
        this.outputs = new OutputLowering(names, out);
        this.observes = new ObserveLowering(names);
    }

    /** The program, or null if there were errors (all of them reported). */
    Program run() {
        int errorsBefore = sink.errorCount();
        names.resolve();
        names.checkOverrideNames();
        studies.read();
        for (Item i : names.loaded.items()) lower(i);
        out.closeTriggers();
        warnUnreachableTriggers();
        if (out.phases.isEmpty() && sink.errorCount() == errorsBefore) {
            sink.error(names.loaded.span(), "scenario '" + names.loaded.name() + "' has no phases",
                    "add one, for example: phase free for 10 min { }");
        }
        names.applyModelOverrides(out.params);
        settings.course(errorsBefore);
        settings.checkStep();
        if (sink.hasErrors()) return null;
        out.phases = phases.sized(out.phases, out.dt);
        if (sink.hasErrors()) return null;
        return out.build(names.declaredParams);
    }

    /**
     * One top-level statement, to the stage of its family; params, lets, sweeps, replicates and
     * arms are read already (an arm's body is lowered with its own copy of the scenario).
     */
    private void lower(Item i) {
        if (i instanceof Item.Param || i instanceof Item.Let || i instanceof Item.Sweep || i instanceof Item.Replicate
                || i instanceof Item.Arm) {
            return;
        }
        if (i instanceof Item.Vary || i instanceof Item.Design || i instanceof Item.PlotSensitivity) return; // read by StudyLowering
        if (i instanceof Item.Step s) settings.step(s);
        else if (i instanceof Item.Seed s) settings.seed(s);
        else if (i instanceof Item.Noise n) settings.noise(n);
        else if (i instanceof Item.Method m) settings.method(m);
        else if (i instanceof Item.Sessions s) settings.sessions(s);
        else if (i instanceof Item.Interval in) settings.interval(in);
        else if (i instanceof Item.Until u) settings.until(u);
        else if (i instanceof Item.Declare d) settings.declare(d);
        else if (i instanceof Item.Goal g) checks.goal(g);
        else if (i instanceof Item.Expect e) checks.expect(e);
        else if (i instanceof Item.Policy p) out.policy.apply(phases.policy(p));
        else if (i instanceof Item.Phase p) add(out.phases, phases.phase(p));
        else if (i instanceof Item.AtTrigger a) at(a);
        else if (i instanceof Item.WhenTrigger w) add(out.triggers, triggers.when(w, null));
        else if (i instanceof Item.Emit e) outputs.emit(e);
        else if (i instanceof Item.Observe o) observes.observe(o);
        else if (i instanceof Item.Fit f) observes.fit(f);
        else if (i instanceof Item.Plot p) outputs.plot(p);
        else if (i instanceof Item.Do d && d.action() instanceof Action.Print pr) outputs.print(pr);
        else if (i instanceof Item.Do d) add(out.atStart, actions.action(d.action(), null));
        else if (i instanceof Item.Unsupported u) {
            sink.error(u.span(), "'" + u.keyword() + "' is not supported by this version of tec", null);
        } else if (i instanceof Item.Scenario s) {
            sink.error(s.span(), "a scenario cannot contain another scenario",
                    "close the first scenario with '}' before the second begins");
        } else if (i instanceof Item.Import imp) {
            sink.error(imp.span(), "imports are expanded before this point", null);
        } else {
            throw new IllegalStateException("no stage lowers " + i);
        }
    }

    private void at(Item.AtTrigger a) {
        Program.Trigger t = triggers.at(a, Double.POSITIVE_INFINITY, null);
        add(out.triggers, t);
        if (t instanceof Program.Trigger.AtTime at) out.sessionAts.put(a.when().span(), at.minutes());
    }

    private static <T> void add(List<T> to, T plan) {
        if (plan != null) to.add(plan);
    }

    /** A session-level trigger timed after the last phase ends never fires. */
    private void warnUnreachableTriggers() {
        double planned = 0;
        for (Program.PhasePlan p : out.phases) planned += p.duration();
        for (Map.Entry<Span, Double> at : out.sessionAts.entrySet()) {
            if (!out.phases.isEmpty() && at.getValue() > planned + 1e-9) {
                sink.warning(at.getKey(), "this trigger never fires: the session lasts only " + Numbers.plain(planned) + " min", null);
            }
        }
    }

    // ---------------------------------------------------------- live sessions and after a run

    /** Statements typed into a live session of this scenario, whose own problems were reported when it was loaded. */
    Compiler.LiveStatement live(double dt, List<Item> items, List<Expr> exprs) {
        names.resolveQuietly();
        List<Program.ActionPlan> acts = new ArrayList<>();
        List<Program.Trigger> trigs = new ArrayList<>();
        List<Program.PhasePlan> plans = new ArrayList<>();
        List<Program.PrintPlan> values = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Do d && d.action() instanceof Action.Print pr) {
                add(values, liveValue(pr.value(), pr.span()));
            } else if (i instanceof Item.Do d) {
                add(acts, actions.action(d.action(), null));
            } else if (i instanceof Item.AtTrigger a) {
                add(trigs, triggers.at(a, Double.POSITIVE_INFINITY, null));
            } else if (i instanceof Item.WhenTrigger w) {
                add(trigs, triggers.when(w, null));
            } else if (i instanceof Item.Phase p) {
                add(plans, livePhase(p, dt));
            } else {
                sink.error(i.span(), "this statement sets up a scenario; in a live session use an action, a trigger, a phase or an expression",
                        "to change the setting, edit the script and :load it again, or :set a param");
            }
        }
        for (Expr e : exprs) add(values, liveValue(e, e.span()));
        return new Compiler.LiveStatement(List.copyOf(acts), List.copyOf(trigs), List.copyOf(plans), List.copyOf(values));
    }

    private Program.PrintPlan liveValue(Expr e, Span span) {
        Typed t = names.exprs.compile(e, ExprCompiler.Context.LIVE);
        return t == null ? null : new Program.PrintPlan(names.sourceText(e), t.eval(), t.type(), span);
    }

    private Program.PhasePlan livePhase(Item.Phase p, double dt) {
        Program.PhasePlan plan = phases.phase(p);
        if (plan == null) return null;
        int steps = (int) Math.round(plan.duration() / dt);
        if (steps < 1) {
            sink.error(p.span(), "phase '" + plan.ref() + "' is shorter than one time step (" + Numbers.plain(dt) + " min)", null);
            return null;
        }
        return PhaseLowering.withSteps(plan, steps);
    }

    /** The scenario's observe declarations, compiled (their errors were told when the scenario was). */
    List<Observation> observations() {
        names.resolveQuietly();
        for (Item i : names.loaded.items()) if (i instanceof Item.Observe o) observes.observe(o);
        return observes.observations();
    }

    /** The scenario's fit statements, checked (their errors were told when the scenario was). */
    List<FitTarget> fitTargets() {
        names.resolveQuietly();
        for (Item i : names.loaded.items()) if (i instanceof Item.Fit f) observes.fit(f);
        return observes.fitTargets();
    }

    /** An expression evaluated after a run, as a goal would be; null if it does not compile. */
    Typed after(Expr e) {
        names.resolveQuietly();
        return names.exprs.compile(e, ExprCompiler.Context.AFTER);
    }
}
