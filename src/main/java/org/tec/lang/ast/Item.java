package org.tec.lang.ast;

import java.util.List;
import org.tec.diag.Span;

/** A statement of a script: at the top of a file, in a scenario, or in a phase. */
public sealed interface Item {
    Span span();

    record Import(String path, Span span) implements Item {}

    /** A scenario, or a course of sessions ({@code course} true) built from one. */
    record Scenario(String name, boolean course, List<Item> items, Span span) implements Item {}

    /** {@code sessions N}: a course's session limit. */
    record Sessions(Expr value, Span span) implements Item {}

    /** {@code interval D}: time between a course's sessions. */
    record Interval(Expr value, Span span) implements Item {}

    /** {@code until CONDITION}: a course's stopping goal, checked after each session. */
    record Until(Expr condition, Span span) implements Item {}

    record Step(Expr value, Span span) implements Item {}

    record Seed(Expr value, Span span) implements Item {}

    /** {@code noise on|off} (value null) or {@code noise X} (a scale). */
    record Noise(Boolean on, Expr scale, Span span) implements Item {}

    /** {@code method NAME [tolerance X]}: how the steps integrate the model. */
    record Method(String name, Span nameSpan, Expr tolerance, Span span) implements Item {}

    enum Party { THERAPIST, CLIENT, MODEL }

    record Setting(String name, Span nameSpan, Expr value) {}

    record Declare(Party party, String label, List<Setting> settings, Span span) implements Item {}

    record Param(String name, Span nameSpan, Expr value, Span span) implements Item {}

    record Let(String name, Span nameSpan, Expr value, Span span) implements Item {}

    /**
     * {@code observe NAME = EXPR noise SD}: a measured quantity and its measurement error,
     * an sd ({@code noise 3}), a share of the value ({@code noise proportional 0.1}) or one to
     * estimate ({@code noise estimated}, also when no noise is written: {@code noise} null).
     */
    record Observe(String name, Span nameSpan, Expr value, ObserveNoise kind, Expr noise, Span span) implements Item {}

    /** {@code fit NAME [from LOW to HIGH]}: a parameter tec fit estimates (bounds: its range, or these). */
    record Fit(String param, Span paramSpan, Expr lower, Expr upper, Span span) implements Item {}

    /** How an observe's measurement error is given. */
    enum ObserveNoise { ESTIMATED, CONSTANT, PROPORTIONAL }

    record Tolerance(double amount, boolean percent, Span span) {}

    /** {@code with confidence LEVEL}: the check holds only if its estimate's whole interval at that level does. */
    record Confidence(Expr level, Span span) {}

    record Goal(String name, Expr condition, Tolerance tolerance, Span span, Confidence confidence) implements Item {
        public Goal(String name, Expr condition, Tolerance tolerance, Span span) {
            this(name, condition, tolerance, span, null);
        }
    }

    /** {@code source} is the expectation's text as written, for reports; {@code confidence} may be null. */
    record Expect(Expr condition, Tolerance tolerance, String source, Span span, Confidence confidence) implements Item {
        public Expect(Expr condition, Tolerance tolerance, String source, Span span) {
            this(condition, tolerance, source, span, null);
        }
    }

    record Policy(String name, Span nameSpan, boolean on, Span span) implements Item {}

    sealed interface Intensity {
        record Constant(Expr value) implements Intensity {}

        record Ramp(Expr from, Expr to) implements Intensity {}

        record Steps(List<Expr> levels) implements Intensity {}
    }

    record Phase(String kind, Span kindSpan, String name, Span nameSpan, String label, Expr duration,
                 Intensity intensity, List<Item> items, Span span) implements Item {
        /** The name other statements use for this phase: its own name, else its kind. */
        public String ref() {
            return name != null ? name : kind;
        }
    }

    /** {@code at TIME [as NAME]: ...}; {@code name} is null for a trigger without one. */
    record AtTrigger(TimePoint when, List<Action> actions, Span span, String name, Span nameSpan) implements Item {
        public AtTrigger(TimePoint when, List<Action> actions, Span span) {
            this(when, actions, span, null, null);
        }
    }

    /** {@code when COND [once] [as NAME]: ...}; {@code name} is null for a trigger without one. */
    record WhenTrigger(Expr condition, boolean once, List<Action> actions, Span span, String name, Span nameSpan) implements Item {
        public WhenTrigger(Expr condition, boolean once, List<Action> actions, Span span) {
            this(condition, once, actions, span, null, null);
        }
    }

    record Emit(String format, Span formatSpan, String file, Span fileSpan, Expr every, List<Expr> variables,
                Span span) implements Item {}

    /** {@code plot VARS [to FILE]}, or {@code plot sweep [to FILE]} ({@code sweep} true) in a study. */
    record Plot(List<Expr> variables, boolean sweep, String file, Span fileSpan, Span span) implements Item {}

    /** {@code replicate N}: run the scenario N times with seeds derived from its seed. */
    record Replicate(Expr count, Span span) implements Item {}

    /** {@code sweep NAME from A to B step S} or {@code sweep NAME in [a, b, c]}. */
    record Sweep(String param, Span paramSpan, Expr from, Expr to, Expr step, List<Expr> values, Span span) implements Item {}

    /** {@code vary NAME from A to B}: a range (no step) that a sampled design or a sensitivity study draws from. */
    record Vary(String param, Span paramSpan, Expr from, Expr to, Span span) implements Item {}

    /**
     * {@code design METHOD N} (a sampled design of N points: latin, sobol) or, with
     * {@code sensitivity} true, {@code sensitivity METHOD N} (a global sensitivity study of N base rows).
     */
    record Design(String method, Span methodSpan, Expr size, boolean sensitivity, Span span) implements Item {}

    /** {@code plot sensitivity [to FILE]}: a sensitivity study's indices as a bar chart. */
    record PlotSensitivity(String file, Span fileSpan, Span span) implements Item {}

    /**
     * {@code arm "NAME" { ... }}: a condition of a study, the scenario with the changes in its
     * body (params, traits, triggers, phases, policies), run with the same replicate seeds as
     * every other arm. {@code arm "NAME" from "FILE"} ({@code from} not null): the session of
     * another scenario instead of the study's own, its statements read into {@code items}
     * when imports are expanded.
     */
    record Arm(String name, Span nameSpan, List<Item> items, Span span, String from, Span fromSpan) implements Item {
        public Arm(String name, Span nameSpan, List<Item> items, Span span) {
            this(name, nameSpan, items, span, null, null);
        }
    }

    /** A statement that only a later part of tec understands (course, sweep, ...). */
    record Unsupported(String keyword, Span span) implements Item {}

    record Do(Action action, Span span) implements Item {}

    /** What a revision names: a phase, a trigger or a goal. */
    enum Target {
        PHASE, TRIGGER, GOAL;

        /** The word a script writes for it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * {@code replace phase ...}, {@code replace when|at ... as NAME: ...}, {@code replace goal "NAME": ...}:
     * {@code with} (a {@link Phase}, {@link AtTrigger}, {@link WhenTrigger} or {@link Goal}) takes the
     * place of the earlier statement of its name.
     */
    record Replace(Target target, String name, Span nameSpan, Item with, Span span) implements Item {}

    /** {@code extend phase NAME { items }}: the items are added at the end of that phase's body. */
    record Extend(String phase, Span phaseSpan, List<Item> items, Span span) implements Item {}

    /** {@code remove phase NAME}, {@code remove trigger NAME}, {@code remove goal "NAME"}. */
    record Remove(Target target, String name, Span nameSpan, Span span) implements Item {}
}
