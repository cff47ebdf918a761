package org.tec.interp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.diag.Span;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Exprs;
import org.tec.model.ParamSet;
import org.tec.model.Var;

/**
 * What the lowering stages learn about a scenario, gathered field by field until
 * {@link #build} makes the immutable {@link Program}. Mutable; one per compilation.
 */
final class ProgramBuilder {
    final String name;
    final String file;

    // the setting
    double dt = Compiler.DEFAULT_DT;
    Span stepSpan;
    long seed;
    double noise;
    org.tec.model.Integration integration = org.tec.model.Integration.DEFAULT;
    final ParamSet.Builder params = ParamSet.builder();
    ParamSet built;

    // a course
    Integer sessions;
    double interval = 7 * 24 * 60;
    Eval until;
    String untilSource;
    Program.CoursePlan course;

    // the plan
    List<Program.PhasePlan> phases = new ArrayList<>();
    final List<Program.Trigger> triggers = new ArrayList<>();
    final List<Program.ActionPlan> atStart = new ArrayList<>();
    /** The time of each session-level at-trigger, by the span of its time. */
    final Map<Span, Double> sessionAts = new LinkedHashMap<>();
    final Policy policy = new Policy();

    // a study
    int replicates = 1;
    boolean replicateSeen;
    Span replicateSpan;
    final List<Program.SweepPlan> sweeps = new ArrayList<>();
    /** A sampled design or a sensitivity study (null: the grid over the sweeps). */
    StudyDesign design;
    final List<org.tec.lang.ast.Item.PlotSensitivity> sensitivityPlots = new ArrayList<>();
    /** The study's arms, by name, in order. */
    final List<String> arms = new ArrayList<>();
    final List<Program.TablePlan> tables = new ArrayList<>();
    final List<Program.Check> studyGoals = new ArrayList<>();
    final List<Program.Check> studyExpects = new ArrayList<>();

    // verdicts and outputs
    final List<Program.Check> goals = new ArrayList<>();
    final List<Program.Check> expects = new ArrayList<>();
    final List<Program.EmitPlan> emits = new ArrayList<>();
    final List<Program.PlotPlan> plots = new ArrayList<>();
    final List<Program.PrintPlan> prints = new ArrayList<>();
    /** The variables that checks after the run read: a run that streams its trajectory keeps only these. */
    private final BitSet needed = new BitSet();

    ProgramBuilder(Compiler.Loaded loaded) {
        this.name = loaded.name();
        this.file = loaded.file();
        this.replicateSpan = loaded.span();
    }

    /** Policies as the statements set them, in order: the last word on each switch counts. */
    static final class Policy {
        Boolean mayEnd;
        Boolean mayReassure;

        void apply(Boolean[] words) {
            if (words == null) return;
            if (words[0] != null) mayEnd = words[0];
            if (words[1] != null) mayReassure = words[1];
        }

        Program.PolicyPlan plan() {
            return new Program.PolicyPlan(mayEnd, mayReassure);
        }
    }

    boolean study() {
        return !sweeps.isEmpty() || replicateSeen || !arms.isEmpty() || design != null;
    }

    /** Marks the state variables {@code e} reads as needed after the run. */
    void need(Expr e) {
        Exprs.forEach(e, x -> {
            if (!(x instanceof Expr.Ref r)) return;
            Var v = Var.find(r.text());
            if (v != null) needed.set(v.ordinal());
            if (r.path().size() == 2 && r.path().get(1).equals("intensity")) needed.set(Var.INTENSITY.ordinal());
        });
    }

    /** The session's own at-start actions become its first trigger. */
    void closeTriggers() {
        if (!atStart.isEmpty()) triggers.add(0, new Program.Trigger.AtTime(0, List.copyOf(atStart)));
    }

    private Program.StudyPlan plan() {
        // a Latin hypercube draws from the scenario's seed, known only now
        StudyDesign d = design == null ? StudyDesign.grid(sweeps) : design instanceof StudyDesign.Latin l ? l.seeded(seed) : design;
        return new Program.StudyPlan(List.copyOf(sweeps), replicates, List.copyOf(studyGoals), List.copyOf(studyExpects),
                List.copyOf(arms), d, List.copyOf(tables));
    }

    Program build(Map<String, Double> parameters) {
        return new Program(name, file, dt, seed, noise, integration, course, built, Map.copyOf(parameters),
                List.copyOf(phases), List.copyOf(triggers), policy.plan(),
                List.copyOf(goals), List.copyOf(expects), List.copyOf(emits), List.copyOf(plots), List.copyOf(prints),
                study() ? plan() : null,
                needed);
    }
}
