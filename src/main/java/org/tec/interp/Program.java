package org.tec.interp;

import java.util.List;
import java.util.Map;
import org.tec.diag.Span;
import org.tec.model.Component;
import org.tec.model.ParamSet;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * A scenario ready to run: every name resolved, every constant folded, every
 * expression compiled. Immutable; one program can run many times, on many threads.
 */
public record Program(String name, String file, double dt, long seed, double noise, org.tec.model.Integration integration,
                      CoursePlan course, ParamSet params,
                      Map<String, Double> parameters, List<PhasePlan> phases, List<Trigger> triggers,
                      PolicyPlan policy, List<Check> goals, List<Check> expects, List<EmitPlan> emits,
                      List<PlotPlan> plots, List<PrintPlan> prints, StudyPlan study, java.util.BitSet needed) {

    /** The variables the checks after the run (goals, expects, prints, a course's goal, plots) read. */
    public java.util.BitSet needed() {
        return (java.util.BitSet) needed.clone();
    }

    /**
     * The rows a run plans to record: the start of each session and one per step of its
     * phases, over the course's largest number of sessions. Runs that end early record fewer.
     */
    public long plannedRows() {
        long perSession = 1;
        for (PhasePlan p : phases) perSession += p.steps();
        long sessions = course == null ? 1 : course.sessions();
        return Math.multiplyHigh(perSession, sessions) != 0 ? Long.MAX_VALUE : perSession * sessions;
    }

    /**
     * Replicates, sweeps and arms: the runs of one scenario, and the checks that speak of all
     * of them. The study runs every point of its {@code design} (the full grid over its sweeps
     * unless a sampled design replaces it), in every arm, {@code replicates} times.
     *
     * @param arms the names of its arms, in the order they are declared (empty when it has none)
     * @param tables what it writes once, after its last run ({@code emit summary "FILE.csv"})
     */
    public record StudyPlan(List<SweepPlan> sweeps, int replicates, List<Check> goals, List<Check> expects,
                            List<String> arms, StudyDesign design, List<TablePlan> tables) {
        /** A study over the full grid of its sweeps, without arms or tables. */
        public StudyPlan(List<SweepPlan> sweeps, int replicates, List<Check> goals, List<Check> expects) {
            this(sweeps, replicates, goals, expects, List.of(), StudyDesign.grid(sweeps), List.of());
        }

        /** A study without tables. */
        public StudyPlan(List<SweepPlan> sweeps, int replicates, List<Check> goals, List<Check> expects,
                         List<String> arms, StudyDesign design) {
            this(sweeps, replicates, goals, expects, arms, design, List.of());
        }

        /** How many arms it runs: 1 when it declares none (the scenario itself). */
        public int armCount() {
            return Math.max(1, arms.size());
        }

        /** How many runs the study makes (replicates times the design's points times the arms); may exceed int for absurd grids. */
        public long runs() {
            long n = (long) replicates * armCount();
            if (design instanceof StudyDesign.Grid) {
                for (SweepPlan s : sweeps) n = Math.multiplyHigh(n, s.values().length) != 0 ? Long.MAX_VALUE : n * s.values().length;
                return n;
            }
            return Math.multiplyHigh(n, design.size()) != 0 ? Long.MAX_VALUE : n * design.size();
        }
    }

    /** One swept param and its values, in order. */
    public record SweepPlan(String param, double[] values, Span span) {
        /** The most values one sweep may hold. */
        public static final int MAX_VALUES = 100_000;

        /**
         * FROM, FROM + STEP, ... up to TO (inclusive), worked out in decimal from the numbers as
         * written, so 0.1 steps give 0.3, not 0.30000000000000004, and 1e12 steps keep every
         * digit; null if the range holds no value or more than {@link #MAX_VALUES}.
         */
        public static double[] range(double from, double to, double step) {
            if (!(step > 0) || !Double.isFinite(from) || !Double.isFinite(to) || !Double.isFinite(step)) return null;
            java.math.BigDecimal a = java.math.BigDecimal.valueOf(from), d = java.math.BigDecimal.valueOf(step);
            java.math.BigDecimal span = java.math.BigDecimal.valueOf(to).subtract(a);
            if (span.signum() < 0) return null;
            java.math.BigDecimal count = span.divide(d, 0, java.math.RoundingMode.FLOOR).add(java.math.BigDecimal.ONE);
            if (count.compareTo(java.math.BigDecimal.valueOf(MAX_VALUES)) > 0) return null;
            double[] values = new double[count.intValueExact()];
            for (int k = 0; k < values.length; k++) values[k] = a.add(d.multiply(java.math.BigDecimal.valueOf(k))).doubleValue();
            return values;
        }
    }

    /** A course: at most {@code sessions} sessions, {@code interval} minutes apart, until a goal holds. */
    public record CoursePlan(int sessions, double interval, Eval until, String untilSource) {}

    /** A copy with another noise scale. */
    public Program withNoise(double newNoise) {
        return new Program(name, file, dt, seed, newNoise, integration, course, params, parameters, phases, triggers, policy, goals,
                expects, emits, plots, prints, study, needed);
    }

    /** A copy that integrates another way (the command line's --method and --tolerance). */
    public Program withIntegration(org.tec.model.Integration newIntegration) {
        return new Program(name, file, dt, seed, noise, newIntegration, course, params, parameters, phases, triggers, policy, goals,
                expects, emits, plots, prints, study, needed);
    }

    /** A copy with another study plan (the command line's --vary and --replicates). */
    public Program withStudy(StudyPlan newStudy) {
        return new Program(name, file, dt, seed, noise, integration, course, params, parameters, phases, triggers, policy, goals,
                expects, emits, plots, prints, newStudy, needed);
    }

    /**
     * A copy with other model parameter values (tec fit's fast path for dotted model
     * parameters, which only the interpreter reads; a fit checks that it runs as a recompile would).
     */
    public Program withParams(ParamSet newParams) {
        return new Program(name, file, dt, seed, noise, integration, course, newParams, parameters, phases, triggers, policy, goals,
                expects, emits, plots, prints, study, needed);
    }

    /**
     * A copy without its goals, expectations, prints, emits and plots: what tec fit runs,
     * which reads only the trajectory (the run's steps, events and triggers are the same).
     */
    public Program trajectoryOnly() {
        return new Program(name, file, dt, seed, noise, integration, course, params, parameters, phases, triggers, policy, List.of(),
                List.of(), List.of(), List.of(), List.of(), study, needed);
    }

    /** A copy with another seed. */
    public Program withSeed(long newSeed) {
        return new Program(name, file, dt, newSeed, noise, integration, course, params, parameters, phases, triggers, policy, goals,
                expects, emits, plots, prints, study, needed);
    }

    /** A phase: its plan, what it does at the start, and its own triggers. */
    public record PhasePlan(String ref, PhaseKind kind, String label, double duration, int steps,
                            IntensityFn intensity, List<Trigger> triggers, PolicyPlan policy, Span span) {}

    /** Exposure intensity as a function of minutes into the phase. */
    @FunctionalInterface
    public interface IntensityFn {
        double at(double minutesIntoPhase, double phaseLength);
    }

    /** Which automatic decisions are allowed; null fields inherit from the enclosing scope. */
    public record PolicyPlan(Boolean mayEndExposure, Boolean mayReassure) {
        public static final PolicyPlan INHERIT = new PolicyPlan(null, null);
    }

    /** A trigger: fires at a step offset, at the start or end, or when a condition becomes true. */
    public sealed interface Trigger {
        List<ActionPlan> actions();

        /** The name the script gave it ({@code as NAME}), or null: a named trigger's firings are recorded. */
        String name();

        /** The one dispatch on the kind of trigger: a new kind that is not handled does not compile. */
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R atTime(AtTime t);

            R atEnd(AtEnd t);

            R when(When t);
        }

        /** {@code minutes} count from the start of the phase (or of the session for scenario triggers). */
        record AtTime(double minutes, List<ActionPlan> actions, String name) implements Trigger {
            public AtTime(double minutes, List<ActionPlan> actions) {
                this(minutes, actions, null);
            }

            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.atTime(this); }
        }

        record AtEnd(List<ActionPlan> actions, String name) implements Trigger {
            public AtEnd(List<ActionPlan> actions) {
                this(actions, null);
            }

            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.atEnd(this); }
        }

        record When(Eval condition, boolean once, List<ActionPlan> actions, String name) implements Trigger {
            public When(Eval condition, boolean once, List<ActionPlan> actions) {
                this(condition, once, actions, null);
            }

            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.when(this); }
        }
    }

    public sealed interface ActionPlan {
        Span span();

        /** The one dispatch on the kind of action: a new action that is not handled does not compile. */
        <R> R accept(Visitor<R> visitor);

        interface Visitor<R> {
            R regulate(Regulate a);

            R release(Release a);

            R encourage(Encourage a);

            R reassure(Reassure a);

            R validate(Validate a);

            R confront(Confront a);

            R end(End a);

            R log(Log a);

            R set(Set a);
        }

        /**
         * {@code to} or, when {@code relative} is set, an offset ({@code by}) from the current level;
         * {@code direction} is false for a bare {@code regulate X to v}, which may move either way.
         */
        record Regulate(Component component, Eval value, boolean relative, double sign, boolean direction, Eval over,
                        String text, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.regulate(this); }
        }

        record Release(Component component, Eval over, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.release(this); }
        }

        record Encourage(Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.encourage(this); }
        }

        record Reassure(Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.reassure(this); }
        }

        /** validate / reflect ({@code reflect} true) in MI: felt understanding up. */
        record Validate(boolean reflect, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.validate(this); }
        }

        /** confront / advise ({@code advise} true): defensiveness up. */
        record Confront(boolean advise, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.confront(this); }
        }

        /** {@code target} is a phase name, "phase" for the current one, or "session". */
        record End(String target, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.end(this); }
        }

        record Log(Eval value, String text, Type type, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.log(this); }
        }

        record Set(Var variable, Eval value, Span span) implements ActionPlan {
            @Override
            public <R> R accept(Visitor<R> visitor) { return visitor.set(this); }
        }
    }

    /**
     * A goal or an expectation, compiled with the pieces needed to explain its verdict;
     * {@code confidence} is null unless it was written {@code with confidence L}: then it holds
     * only if the estimate's whole interval at level L lies on the asserted side.
     */
    public record Check(String name, String source, Eval condition, Eval left, Eval right, String op, Type operandType,
                        Span span, Confidence confidence) {
        public Check(String name, String source, Eval condition, Eval left, Eval right, String op, Type operandType, Span span) {
            this(name, source, condition, left, right, op, operandType, span, null);
        }
    }

    /**
     * A check's estimate across runs and its two-sided interval at {@code level}: {@code interval}
     * gives {estimate, low, high} after the study, in one computation; {@code estimateLeft} says
     * which side of the comparison is the estimate (the other is the bound).
     */
    public record Confidence(double level, boolean estimateLeft, java.util.function.Function<Frame, double[]> interval) {}

    /** {@code emit summary|contrasts "FILE.csv"}: a study's table, written once after its last run. */
    public record TablePlan(StudyTable table, String file, Span span) {}

    public record EmitPlan(FileFormat format, String file, double every, List<Var> variables, Span span) {}

    /** A session figure of some variables, or ({@code sweep}) a study's outcomes against its first sweep. */
    public record PlotPlan(List<Var> variables, boolean sweep, String file, Span span) {
        /** The most sweeps 'plot sweep' draws: one on x, or two as a heatmap. */
        public static final int MAX_SWEEPS = 2;

        /** What to do about a study {@link #tooManySweeps} refuses. */
        public static final String TOO_MANY_SWEEPS_HINT =
                "fix all but two of them (a param's value, or --set NAME=VALUE), or write the summary (tec sweep --summary) and draw it elsewhere";

        /** The most conditions (arms times sweep points) a study's trajectory figure tells apart, one colour each. */
        public static final int MAX_CONDITIONS = 8;

        /** Why a study's trajectory figure ('plot VARIABLES') of this many conditions would not be readable, or null. */
        public static String tooManyConditions(long conditions) {
            if (conditions <= MAX_CONDITIONS) return null;
            return "'plot' of variables in a study draws a median and band per arm and sweep point, and this study has " + conditions
                    + ": at most " + MAX_CONDITIONS + " stay apart in one figure";
        }

        /** What to do about a study {@link #tooManyConditions} refuses. */
        public static final String TOO_MANY_CONDITIONS_HINT =
                "sweep fewer values (sweep NAME in [a, b, c]), or use 'plot sweep' for the summaries at every point";

        /** Why 'plot sweep' cannot draw a grid over these swept params, or null when it can: more than two would pool some. */
        public static String tooManySweeps(String what, List<String> swept) {
            if (swept.size() <= MAX_SWEEPS) return null;
            return what + " draws one sweep on x, or two as a heatmap, and this study sweeps " + swept.size() + " ("
                    + String.join(", ", swept) + "): a figure of them all would pool some";
        }
    }

    public record PrintPlan(String source, Eval value, Type type, Span span) {
        /** {@code SOURCE = VALUE} as {@code print} shows it, with the value read from {@code f} now. */
        public String shown(Frame f) {
            return source + " = " + Values.format(value.eval(f), type);
        }

        /** Whether it prints a condition (true or false), not a number or a duration. */
        public boolean condition() {
            return type == Type.BOOL;
        }
    }
}
