package org.tec.interp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.Parsing;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.lang.ast.TimePoint;
import org.tec.model.Circuit;
import org.tec.model.Component;
import org.tec.model.Param;
import org.tec.model.ParamSet;
import org.tec.model.PhaseKind;
import org.tec.model.Scope;
import org.tec.model.Var;

/**
 * Checks a script and lowers it to a {@link Program}: resolves imports, folds params
 * (with overrides) and lets, checks every name, range, unit and placement, and
 * compiles expressions. Every problem is reported, not only the first.
 */
public final class Compiler {
    public static final double DEFAULT_DT = 0.1;
    /** The most runs a study may make (replicates times the values of every sweep). */
    public static final long MAX_STUDY_RUNS = 1_000_000;
    static final List<String> VERBS = List.of("encourage", "reassure", "validate", "reflect", "confront", "advise");
    static final List<String> POLICIES = List.of("hold_exposure", "no_reassurance", "manual", "automatic");

    private final Diagnostics sink;
    private final SourceSet sources;
    private final SourceLoader loader;

    public Compiler(Diagnostics sink, SourceSet sources, SourceLoader loader) {
        this.sink = sink;
        this.sources = sources;
        this.loader = loader;
    }

    // ================================================================== loading

    /**
     * Parses a file and its imports; returns one {@link Loaded} per scenario (or course) in
     * the file, or a single one without a scenario for a library of profiles.
     */
    public List<Loaded> load(String displayName, Path path, String text) {
        List<Item> top = parse(displayName, text);
        List<Item.Scenario> scenarios = new ArrayList<>();
        List<Item> outside = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Item i : top) {
            if (i instanceof Item.Scenario s) {
                if (!names.add(s.name())) {
                    sink.error(s.span(), "a second scenario called '" + s.name() + "' in this file", "give each scenario its own name");
                }
                scenarios.add(s);
            } else {
                outside.add(i);
            }
        }
        Set<Path> stack = new LinkedHashSet<>();
        if (path != null) stack.add(path.toAbsolutePath().normalize());
        List<Item> shared = expandImports(outside, path, stack);
        if (scenarios.isEmpty()) return List.of(new Loaded(null, displayName, shared, false, false, new Span(displayName, 1, 1, 1)));
        List<Loaded> out = new ArrayList<>();
        for (Item.Scenario s : scenarios) {
            List<Item> items = new ArrayList<>(shared);
            items.addAll(expandImports(s.items(), path, stack));
            out.add(new Loaded(s.name(), displayName, List.copyOf(items), true, s.course(), s.span()));
        }
        return out;
    }

    /** A parsed script: its scenario name (null for a profile library) and its items, imports expanded. */
    public record Loaded(String name, String file, List<Item> items, boolean hasScenario, boolean course, Span span) {}

    private List<Item> parse(String file, String text) {
        sources.add(file, text);
        try {
            return Parsing.parse(file, text, sink);
        } catch (StackOverflowError e) {
            sink.error(new Span(file, 1, 1, 1), "the script is nested too deeply to read",
                    "split long expressions or blocks into smaller ones");
            return List.of();
        }
    }

    private List<Item> expandImports(List<Item> items, Path from, Set<Path> stack) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Import imp) {
                out.addAll(importFile(imp, from, stack));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private List<Item> importFile(Item.Import imp, Path from, Set<Path> stack) {
        Path base = from == null ? Path.of("") : from.toAbsolutePath().getParent();
        Path target;
        try {
            target = (base == null ? Path.of(imp.path()) : base.resolve(imp.path())).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            // found by fuzzing: a NUL in the name threw out of the checker
            sink.error(imp.span(), "cannot read imported file '" + imp.path().replace("\0", "\\0") + "'",
                    "it is not a valid file name: " + e.getReason());
            return List.of();
        }
        if (stack.contains(target)) {
            List<String> names = new ArrayList<>();
            for (Path p : stack) names.add(p.getFileName().toString());
            names.add(target.getFileName().toString());
            sink.error(imp.span(), "import cycle: " + String.join(" -> ", names), "a file cannot import itself, directly or not");
            return List.of();
        }
        if (java.nio.file.Files.exists(target) && !java.nio.file.Files.isRegularFile(target)) {
            // a directory, or a device such as /dev/zero (read for ever) or /dev/stdin (waits for ever)
            sink.error(imp.span(), "cannot read imported file '" + imp.path() + "'", target + " is not a regular file");
            return List.of();
        }
        String text;
        try {
            text = loader.read(target);
        } catch (IOException | RuntimeException e) {
            sink.error(imp.span(), "cannot read imported file '" + imp.path() + "'", "looked for " + target);
            return List.of();
        }
        String display = displayName(target);
        List<Item> items = parse(display, text);
        stack.add(target);
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Scenario s) {
                // a scenario lends its setting and plan; its verdicts and outputs stay with it
                for (Item inner : expandImports(s.items(), target, stack)) {
                    if (!staysWithScenario(inner)) out.add(inner);
                }
            } else if (i instanceof Item.Import) {
                out.addAll(expandImports(List.of(i), target, stack));
            } else {
                out.add(i);
            }
        }
        stack.remove(target);
        return out;
    }

    private static boolean staysWithScenario(Item i) {
        return i instanceof Item.Goal || i instanceof Item.Expect || i instanceof Item.Emit || i instanceof Item.Plot
                || i instanceof Item.Sessions || i instanceof Item.Interval || i instanceof Item.Until
                || i instanceof Item.Replicate || i instanceof Item.Sweep
                || (i instanceof Item.Do d && d.action() instanceof Action.Print);
    }

    private static String displayName(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            if (p.startsWith(cwd)) return cwd.relativize(p).toString();
        } catch (IllegalArgumentException ignored) {
            // different roots
        }
        return p.toString();
    }

    // ================================================================== compiling

    /** Lowers a loaded scenario with the given param overrides; null if there were errors. */
    public Program compile(Loaded loaded, Map<String, Double> overrides) {
        if (!loaded.hasScenario()) {
            sink.error(loaded.span(), "no scenario in this file",
                    "a runnable script has scenario \"NAME\" { ... }; files without one are imported by others");
            return null;
        }
        return new Lowering(loaded, overrides).run();
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
        Lowering l = new Lowering(base, overrides);
        l.prepare();
        List<Program.ActionPlan> actions = new ArrayList<>();
        List<Program.Trigger> triggers = new ArrayList<>();
        List<Program.PhasePlan> phases = new ArrayList<>();
        List<Program.PrintPlan> values = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Item.Do d && d.action() instanceof Action.Print pr) {
                Typed t = l.exprs.compile(pr.value(), ExprCompiler.Context.LIVE);
                if (t != null) values.add(new Program.PrintPlan(sourceText(pr.value()), t.eval(), t.type(), pr.span()));
            } else if (i instanceof Item.Do d) {
                Program.ActionPlan a = l.action(d.action(), null);
                if (a != null) actions.add(a);
            } else if (i instanceof Item.AtTrigger a) {
                Program.Trigger t = l.at(a, Double.POSITIVE_INFINITY, null);
                if (t != null) triggers.add(t);
            } else if (i instanceof Item.WhenTrigger w) {
                Program.Trigger t = l.when(w, null);
                if (t != null) triggers.add(t);
            } else if (i instanceof Item.Phase p) {
                Program.PhasePlan plan = l.phase(p);
                if (plan != null) {
                    int steps = (int) Math.round(plan.duration() / dt);
                    if (steps < 1) {
                        sink.error(p.span(), "phase '" + plan.ref() + "' is shorter than one time step (" + fmt(dt) + " min)", null);
                    } else {
                        phases.add(new Program.PhasePlan(plan.ref(), plan.kind(), plan.label(), plan.duration(), steps,
                                plan.intensity(), plan.triggers(), plan.policy(), plan.span()));
                    }
                }
            } else {
                sink.error(i.span(), "this statement sets up a scenario; in a live session use an action, a trigger, a phase or an expression",
                        "to change the setting, edit the script and :load it again, or :set a param");
            }
        }
        for (Expr e : exprs) {
            Typed t = l.exprs.compile(e, ExprCompiler.Context.LIVE);
            if (t != null) values.add(new Program.PrintPlan(sourceText(e), t.eval(), t.type(), e.span()));
        }
        return new LiveStatement(List.copyOf(actions), List.copyOf(triggers), List.copyOf(phases), List.copyOf(values));
    }

    /** Compiles an expression to evaluate after a run of {@code base} (goals' context: measures, 'at'). */
    public Eval afterExpression(Loaded base, Map<String, Double> overrides, Expr e, Type[] typeOut) {
        Lowering l = new Lowering(base, overrides);
        l.prepare();
        Typed t = l.exprs.compile(e, ExprCompiler.Context.AFTER);
        if (t == null) return null;
        if (typeOut != null && typeOut.length > 0) typeOut[0] = t.type();
        return t.eval();
    }

    private final class Lowering {
        final Loaded loaded;
        final Map<String, Double> overrides;
        final Map<String, Typed> constants = new LinkedHashMap<>();
        final Map<String, Double> declaredParams = new LinkedHashMap<>();
        final Map<String, String> paramFiles = new LinkedHashMap<>();
        final Set<String> phaseRefs = new LinkedHashSet<>();
        ExprCompiler exprs;

        Lowering(Loaded loaded, Map<String, Double> overrides) {
            this.loaded = loaded;
            this.overrides = overrides == null ? Map.of() : overrides;
        }

        /** Passes 1 and 2: phase names, then params and lets (no diagnostics for overrides). */
        void prepare() {
            for (Item i : loaded.items()) {
                if (i instanceof Item.Phase p) {
                    phaseRefs.add(p.ref());
                    if (PhaseKind.find(p.kind()) != null) phaseRefs.add(p.kind());
                }
            }
            exprs = new ExprCompiler(new Diagnostics(), constants, phaseRefs);
            for (Item i : loaded.items()) {
                if (i instanceof Item.Param p) param(p);
                else if (i instanceof Item.Let l) let(l);
            }
            exprs = new ExprCompiler(sink, constants, phaseRefs);
        }

        Program run() {
            int errorsBefore = sink.errorCount();
            List<Item> items = loaded.items();
            // pass 1: names of phases, so expressions may refer to later phases
            for (Item i : items) {
                if (i instanceof Item.Phase p) {
                    // a phase answers to its own name and to its kind (then: every phase of that kind)
                    phaseRefs.add(p.ref());
                    if (PhaseKind.find(p.kind()) != null) phaseRefs.add(p.kind());
                }
            }
            exprs = new ExprCompiler(sink, constants, phaseRefs);
            // pass 2: params and lets, in order
            for (Item i : items) {
                if (i instanceof Item.Param p) param(p);
                else if (i instanceof Item.Let l) let(l);
            }
            for (String name : overrides.keySet()) {
                if (name.contains(".")) {
                    if (modelParam(name) == null) {
                        sink.error(new Span("<command line>", 1, 1, name.length()), "no model parameter '" + name + "'",
                                hintOr(Suggest.hint(name, dottedKeys()), "write therapist.NAME, client.NAME or model.NAME; tec params lists them"));
                    }
                    continue;
                }
                if (!declaredParams.containsKey(name)) {
                    String hint = Suggest.hint(name, declaredParams.keySet());
                    sink.error(new Span("<command line>", 1, 1, name.length()), "no param '" + name + "' in this scenario",
                            hint != null ? hint : declaredParams.isEmpty() ? "the scenario declares no params"
                                    : "params: " + String.join(", ", declaredParams.keySet()));
                }
            }
            double dt = DEFAULT_DT;
            long seed = 0;
            double noise = 0;
            Integer sessions = null;
            double interval = 7 * 24 * 60;
            Eval until = null;
            String untilSource = null;
            ParamSet.Builder params = ParamSet.builder();
            List<Program.PhasePlan> phases = new ArrayList<>();
            List<Program.Trigger> triggers = new ArrayList<>();
            List<Program.Check> goals = new ArrayList<>();
            List<Program.Check> expects = new ArrayList<>();
            List<Program.EmitPlan> emits = new ArrayList<>();
            List<Program.PlotPlan> plots = new ArrayList<>();
            List<Program.PrintPlan> prints = new ArrayList<>();
            List<Program.ActionPlan> atStart = new ArrayList<>();
            Map<Span, Double> sessionAts = new LinkedHashMap<>();
            Boolean mayEnd = null, mayReassure = null;
            Span stepSpan = null;
            int replicates = 1;
            boolean replicateSeen = false;
            Span replicateSpan = loaded.span();
            List<Program.SweepPlan> sweeps = new ArrayList<>();
            List<Program.Check> studyGoals = new ArrayList<>();
            List<Program.Check> studyExpects = new ArrayList<>();
            for (Item i : items) {
                if (i instanceof Item.Sweep sw) {
                    Program.SweepPlan plan = sweep(sw);
                    if (plan != null) sweeps.add(plan);
                } else if (i instanceof Item.Replicate r) {
                    if (replicateSeen) sink.warning(r.span(), "a second 'replicate'; the last one counts", null);
                    replicateSeen = true;
                    replicateSpan = r.span();
                    Double v = constantOf(r.count(), Type.NUMBER, "a number of runs");
                    if (v != null) {
                        if (v != Math.rint(v) || v < 1 || v > 100000) sink.error(r.count().span(), "replicate needs a whole number from 1 to 100000, not " + fmt(v), null);
                        else replicates = (int) (double) v;
                    }
                }
            }
            boolean study = !sweeps.isEmpty() || replicateSeen;
            long runs = studyRuns(replicates, sweeps);
            if (runs > MAX_STUDY_RUNS) {
                Span at = !sweeps.isEmpty() ? sweeps.get(sweeps.size() - 1).span() : replicateSpan;
                sink.error(at, runs == Long.MAX_VALUE ? "this study would make more than " + MAX_STUDY_RUNS + " runs"
                        : "this study would make " + runs + " runs; at most " + MAX_STUDY_RUNS,
                        "use fewer replicates or larger sweep steps");
            }
            exprs.hasSweep(!sweeps.isEmpty());
            for (Item i : items) {
                if (i instanceof Item.Param || i instanceof Item.Let) continue;
                if (i instanceof Item.Step s) {
                    Double v = constantOf(s.value(), Type.DURATION, "a time step such as 0.1 min");
                    if (v != null) {
                        if (v <= 0) sink.error(s.value().span(), "the time step must be greater than 0", null);
                        else dt = v;
                        stepSpan = s.value().span();
                    }
                } else if (i instanceof Item.Seed s) {
                    Double v = constantOf(s.value(), Type.NUMBER, "a whole number");
                    if (v != null) {
                        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) sink.error(s.value().span(), "a seed is a whole number", null);
                        else seed = (long) (double) v;
                    }
                } else if (i instanceof Item.Noise n) {
                    if (n.on() != null) {
                        noise = n.on() ? 1 : 0;
                    } else {
                        Double v = constantOf(n.scale(), Type.NUMBER, "a noise scale such as 1");
                        if (v != null) {
                            if (v < 0 || v > 10) sink.error(n.scale().span(), "noise scale must be between 0 and 10, not " + fmt(v), null);
                            else noise = v;
                        }
                    }
                } else if (i instanceof Item.Sessions se) {
                    if (!loaded.course()) {
                        notInCourse(se.span(), "sessions");
                        continue;
                    }
                    Double v = constantOf(se.value(), Type.NUMBER, "a number of sessions");
                    if (v != null) {
                        if (v != Math.rint(v) || v < 1 || v > 10000) sink.error(se.value().span(), "sessions must be a whole number from 1 to 10000, not " + fmt(v), null);
                        else sessions = (int) (double) v;
                    }
                } else if (i instanceof Item.Interval in) {
                    if (!loaded.course()) {
                        notInCourse(in.span(), "interval");
                        continue;
                    }
                    Double v = constantOf(in.value(), Type.DURATION, "a duration such as 7 days");
                    if (v != null) {
                        if (v < 0) sink.error(in.value().span(), "the interval cannot be negative", null);
                        else interval = v;
                    }
                } else if (i instanceof Item.Until un) {
                    if (!loaded.course()) {
                        notInCourse(un.span(), "until");
                        continue;
                    }
                    need(un.condition());
                    Typed t = exprs.compile(un.condition(), ExprCompiler.Context.AFTER);
                    if (t != null && t.type() != Type.BOOL) {
                        sink.error(un.condition().span(), "'until' needs a condition, not " + t.type().words(),
                                "for example: until client.fear < 0.2");
                    } else if (t != null) {
                        until = t.eval();
                        untilSource = sourceText(un.condition());
                    }
                } else if (i instanceof Item.Declare d) {
                    // a later block adds to or overrides an earlier one (an imported profile, say)
                    declare(d, params);
                } else if (i instanceof Item.Goal g) {
                    need(g.condition());
                    boolean across = ExprCompiler.acrossRuns(g.condition());
                    Program.Check c = check(g.name(), g.name(), g.condition(), g.tolerance(), g.span(), across, study);
                    if (c != null) (across && study ? studyGoals : goals).add(c);
                } else if (i instanceof Item.Expect e) {
                    need(e.condition());
                    boolean across = ExprCompiler.acrossRuns(e.condition());
                    Program.Check c = check(e.source(), e.source(), e.condition(), e.tolerance(), e.span(), across, study);
                    if (c != null) (across && study ? studyExpects : expects).add(c);
                } else if (i instanceof Item.Sweep || i instanceof Item.Replicate) {
                    continue;
                } else if (i instanceof Item.Policy p) {
                    Boolean[] pol = policy(p);
                    if (pol != null) {
                        if (pol[0] != null) mayEnd = pol[0];
                        if (pol[1] != null) mayReassure = pol[1];
                    }
                } else if (i instanceof Item.Phase p) {
                    Program.PhasePlan plan = phase(p);
                    if (plan != null) phases.add(plan);
                } else if (i instanceof Item.AtTrigger a) {
                    Program.Trigger t = at(a, Double.POSITIVE_INFINITY, null);
                    if (t != null) triggers.add(t);
                    if (t instanceof Program.Trigger.AtTime at) sessionAts.put(a.when().span(), at.minutes());
                } else if (i instanceof Item.WhenTrigger w) {
                    Program.Trigger t = when(w, null);
                    if (t != null) triggers.add(t);
                } else if (i instanceof Item.Emit e) {
                    Program.EmitPlan plan = emit(e);
                    if (plan != null) emits.add(plan);
                } else if (i instanceof Item.Plot p) {
                    List<Var> vars = variables(p.variables());
                    if (p.sweep() && sweeps.isEmpty()) {
                        sink.error(p.span(), "'plot sweep' draws outcomes against a swept parameter, and this scenario has no sweep",
                                "add, for example: sweep therapist.affect_sharing from 0 to 1 step 0.1");
                    } else if (vars != null) {
                        plots.add(new Program.PlotPlan(vars, p.sweep(), p.file(), p.span()));
                    }
                    if (p.file() != null && FileFormat.byFileName(p.file(), FileFormat.Kind.FIGURE) == null) {
                        sink.error(p.fileSpan(), "a figure is written as .svg or .png, not '" + p.file() + "'",
                                "end the file name in .svg or .png");
                    }
                } else if (i instanceof Item.Do d && d.action() instanceof Action.Print pr) {
                    need(pr.value());
                    Typed t = exprs.compile(pr.value(), ExprCompiler.Context.AFTER);
                    if (t != null) prints.add(new Program.PrintPlan(sourceText(pr.value()), t.eval(), t.type(), pr.span()));
                } else if (i instanceof Item.Do d) {
                    Program.ActionPlan a = action(d.action(), null);
                    if (a != null) atStart.add(a);
                } else if (i instanceof Item.Unsupported u) {
                    sink.error(u.span(), "'" + u.keyword() + "' is not supported by this version of tec", null);
                } else if (i instanceof Item.Scenario s) {
                    sink.error(s.span(), "a scenario cannot contain another scenario",
                            "close the first scenario with '}' before the second begins");
                } else if (i instanceof Item.Import imp) {
                    sink.error(imp.span(), "imports are expanded before this point", null);
                }
            }
            if (!atStart.isEmpty()) triggers.add(0, new Program.Trigger.AtTime(0, List.copyOf(atStart)));
            double planned = 0;
            for (Program.PhasePlan p : phases) planned += p.duration();
            for (Map.Entry<Span, Double> at : sessionAts.entrySet()) {
                if (!phases.isEmpty() && at.getValue() > planned + 1e-9) {
                    sink.warning(at.getKey(), "this trigger never fires: the session lasts only " + fmt(planned) + " min", null);
                }
            }
            if (phases.isEmpty() && sink.errorCount() == errorsBefore) {
                sink.error(loaded.span(), "scenario '" + loaded.name() + "' has no phases",
                        "add one, for example: phase free for 10 min { }");
            }
            // command-line and sweep values for model parameters win over the script's own
            for (Map.Entry<String, Double> o : overrides.entrySet()) {
                Param p = modelParam(o.getKey());
                if (p == null) continue;
                double v = o.getValue();
                if (!(v >= p.min() && v <= p.max())) {
                    sink.error(new Span("<command line>", 1, 1, o.getKey().length()), o.getKey() + " must be between " + fmt(p.min())
                            + " and " + fmt(p.max()) + ", not " + fmt(v), null);
                } else {
                    params.set(p, v);
                    declaredParams.put(o.getKey(), v);
                }
            }
            Program.CoursePlan course = null;
            if (loaded.course()) {
                if (sessions == null && sink.errorCount() == errorsBefore) {
                    sink.error(loaded.span(), "course '" + loaded.name() + "' needs a session limit",
                            "add, for example: sessions 12");
                }
                course = new Program.CoursePlan(sessions == null ? 1 : sessions, interval, until, untilSource);
            }
            ParamSet built = params.build();
            checkStep(dt, built, stepSpan);
            if (sink.hasErrors()) return null;
            List<Program.PhasePlan> sized = new ArrayList<>();
            for (Program.PhasePlan p : phases) {
                long steps = Math.round(p.duration() / dt);
                if (steps > Integer.MAX_VALUE) {
                    sink.error(p.span(), "phase '" + p.ref() + "' is too long to run in steps of " + fmt(dt) + " min",
                            "a phase has at most " + Integer.MAX_VALUE + " steps; make it shorter or the step larger");
                    continue;
                }
                if (steps < 1) {
                    sink.error(p.span(), "phase '" + p.ref() + "' is shorter than one time step (" + fmt(dt) + " min)",
                            "make it last at least " + fmt(dt) + " min, or use a smaller step");
                    continue;
                }
                sized.add(new Program.PhasePlan(p.ref(), p.kind(), p.label(), p.duration(), (int) steps, p.intensity(),
                        p.triggers(), p.policy(), p.span()));
            }
            if (sink.hasErrors()) return null;
            return new Program(loaded.name(), loaded.file(), dt, seed, noise, course, built, Map.copyOf(declaredParams),
                    List.copyOf(sized), List.copyOf(triggers), new Program.PolicyPlan(mayEnd, mayReassure),
                    List.copyOf(goals), List.copyOf(expects), List.copyOf(emits), List.copyOf(plots), List.copyOf(prints),
                    study ? new Program.StudyPlan(List.copyOf(sweeps), replicates, List.copyOf(studyGoals), List.copyOf(studyExpects)) : null,
                    needed);
        }

        /** The variables that checks after the run read: a run that streams its trajectory keeps only these. */
        final java.util.BitSet needed = new java.util.BitSet();

        void need(Expr e) {
            if (e instanceof Expr.Ref r) {
                Var v = Var.find(r.text());
                if (v != null) needed.set(v.ordinal());
                if (r.path().size() == 2 && r.path().get(1).equals("intensity")) needed.set(Var.INTENSITY.ordinal());
            } else if (e instanceof Expr.Binary b) {
                need(b.left());
                need(b.right());
            } else if (e instanceof Expr.Unary u) {
                need(u.operand());
            } else if (e instanceof Expr.Call c) {
                for (Expr a : c.args()) need(a);
            } else if (e instanceof Expr.At a) {
                need(a.value());
                if (a.when() instanceof TimePoint.Time t) need(t.time());
            }
        }

        void needFigure(List<Var> vars) {
            for (Var v : vars) needed.set(v.ordinal());
            for (Var v : List.of(Var.CLIENT_DISTRESS, Var.THERAPIST_DISTRESS, Var.AFFECT_SHARING, Var.MENTALIZING,
                    Var.PROXIMAL_CONCERN, Var.DISTAL_CONCERN)) {
                needed.set(v.ordinal());
            }
        }

        // ---------------------------------------------------------- declarations

        void notInCourse(Span span, String word) {
            sink.error(span, "'" + word + "' belongs in a course", "write course \"NAME\" { import \"session.tec\"  sessions 12  interval 7 days  until ... }");
        }

        void param(Item.Param p) {
            String earlier = paramFiles.get(p.name());
            boolean replacesImported = earlier != null && !earlier.equals(p.nameSpan().file());
            if (replacesImported) {
                // a param declared again by the importing file replaces the imported declaration
                constants.remove(p.name());
                declaredParams.remove(p.name());
            }
            if (constants.containsKey(p.name()) || isReserved(p.name(), p.nameSpan())) {
                if (constants.containsKey(p.name())) {
                    sink.error(p.nameSpan(), "'" + p.name() + "' is already declared", "give it another name");
                }
                return;
            }
            Typed t = exprs.compile(p.value(), ExprCompiler.Context.CONSTANT);
            if (t == null) return;
            if (t.type() == Type.BOOL) {
                sink.error(p.value().span(), "a param holds a number or a duration", null);
                return;
            }
            double v = t.constant();
            Double o = overrides.get(p.name());
            if (o != null) v = o;
            declaredParams.put(p.name(), v);
            constants.put(p.name(), Typed.constant(t.type(), v));
            paramFiles.put(p.name(), p.nameSpan().file());
        }

        void let(Item.Let l) {
            if (constants.containsKey(l.name())) {
                sink.error(l.nameSpan(), "'" + l.name() + "' is already declared", "give it another name");
                return;
            }
            if (isReserved(l.name(), l.nameSpan())) return;
            Typed t = exprs.compile(l.value(), ExprCompiler.Context.CONSTANT);
            if (t != null) constants.put(l.name(), t);
        }

        Param modelParam(String dotted) {
            int dot = dotted.indexOf('.');
            if (dot < 0) return null;
            String scope = dotted.substring(0, dot);
            for (Scope sc : Scope.values()) {
                if (sc.word().equals(scope)) return Param.find(sc, dotted.substring(dot + 1));
            }
            return null;
        }

        List<String> dottedKeys() {
            List<String> out = new ArrayList<>();
            for (Param p : Param.values()) out.add(p.scope().word() + "." + p.key());
            return out;
        }

        String hintOr(String hint, String fallback) {
            return hint != null ? hint : fallback;
        }

        /** A hint naming the --set values an expression uses, or null when it uses none. */
        String fromCommandLine(Expr e) {
            List<String> used = new ArrayList<>();
            collectRefs(e, used);
            List<String> set = new ArrayList<>();
            for (String name : used) if (overrides.containsKey(name)) set.add("--set " + name + "=" + fmt(overrides.get(name)));
            return set.isEmpty() ? null : "the value comes from the command line: " + String.join(", ", set);
        }

        void collectRefs(Expr e, List<String> out) {
            if (e instanceof Expr.Ref r && r.path().size() == 1) out.add(r.path().get(0));
            else if (e instanceof Expr.Binary b) {
                collectRefs(b.left(), out);
                collectRefs(b.right(), out);
            } else if (e instanceof Expr.Unary u) collectRefs(u.operand(), out);
            else if (e instanceof Expr.Call c) for (Expr a : c.args()) collectRefs(a, out);
        }

        boolean isReserved(String name, Span span) {
            if (ExprCompiler.GLOBALS.contains(name) || name.equals("client") || name.equals("therapist")
                    || phaseRefs.contains(name)) {
                sink.error(span, "'" + name + "' is already the name of " + (phaseRefs.contains(name) ? "a phase" : "a built-in value"),
                        "choose another name");
                return true;
            }
            return false;
        }

        void declare(Item.Declare d, ParamSet.Builder params) {
            Scope scope = switch (d.party()) {
                case THERAPIST -> Scope.THERAPIST;
                case CLIENT -> Scope.CLIENT;
                default -> Scope.MODEL;
            };
            Set<String> seen = new LinkedHashSet<>();
            for (Item.Setting s : d.settings()) {
                Param p = Param.find(scope, s.name());
                if (p == null) {
                    String hint = Suggest.hint(s.name(), Param.keys(scope));
                    sink.error(s.nameSpan(), "unknown " + scope.word() + " setting '" + s.name() + "'",
                            hint != null ? hint : scope.word() + " settings: " + String.join(", ", Param.keys(scope)));
                    continue;
                }
                if (!seen.add(s.name())) {
                    sink.warning(s.nameSpan(), "'" + s.name() + "' is set twice; the last value counts", null);
                }
                boolean timed = p.unit().equals("min") || p.unit().equals("1/min");
                Typed t = exprs.compile(s.value(), ExprCompiler.Context.CONSTANT);
                if (t == null) continue;
                if (t.type() == Type.BOOL) {
                    sink.error(s.value().span(), "'" + s.name() + "' needs a number", null);
                    continue;
                }
                if (t.type() == Type.DURATION && !p.unit().equals("min")) {
                    String what = p.unit().startsWith("0-") ? "a level from " + p.unit().replace("-", " to ")
                            : p.unit().equals("SUDS") ? "a distress level in SUDS (0 to 100)" : "a number in " + p.unit();
                    sink.error(s.value().span(), "'" + s.name() + "' is " + what + ", not a duration", "drop the time unit");
                    continue;
                }
                double v = t.constant();
                if (Double.isNaN(v) || v < p.min() || v > p.max()) {
                    String unit = p.unit().startsWith("0-") || p.unit().isEmpty() ? "" : " " + p.unit();
                    sink.error(s.value().span(), scope.word() + " " + s.name() + " must be between " + fmt(p.min()) + " and "
                            + fmt(p.max()) + unit + ", not " + fmt(v), fromCommandLine(s.value()));
                    continue;
                }
                if (!timed || t.type() != Type.DURATION || p.unit().equals("min")) params.set(p, v);
            }
        }

        // ---------------------------------------------------------- goals and expects

        Program.Check check(String name, String source, Expr condition, Item.Tolerance tol, Span span, boolean across,
                            boolean study) {
            ExprCompiler.Context ctx = across && study ? ExprCompiler.Context.STUDY : ExprCompiler.Context.AFTER;
            Typed t = exprs.compile(condition, ctx);
            if (t == null) return null;
            if (t.type() != Type.BOOL) {
                sink.error(condition.span(), "a condition is needed here, not " + t.type().words(),
                        "compare it, for example peak(client.distress) >= 60");
                return null;
            }
            Eval left = null, right = null;
            String op = null;
            Type operandType = null;
            Eval eval = t.eval();
            if (condition instanceof Expr.Binary b && isComparison(b.op())) {
                Typed l = exprs.compile(b.left(), ctx);
                Typed r = exprs.compile(b.right(), ctx);
                if (l != null && r != null) {
                    left = l.eval();
                    right = r.eval();
                    op = b.op();
                    operandType = l.type();
                    if (tol != null) {
                        if (tol.amount() < 0) sink.error(tol.span(), "a tolerance cannot be negative", null);
                        eval = ExprCompiler.comparison(op, left, right, tol.percent() ? tol.amount() / 100 : tol.amount(), tol.percent());
                    }
                }
            } else if (tol != null) {
                sink.error(tol.span(), "'within' loosens a comparison, and this condition is not one",
                        "write it as a comparison, for example peak(client.distress) == 70 within 5%");
            }
            return new Program.Check(name, source, eval, left, right, op, operandType, span);
        }

        Program.SweepPlan sweep(Item.Sweep sw) {
            Param direct = sw.param().contains(".") ? modelParam(sw.param()) : null;
            if (sw.param().contains(".") && direct == null) {
                sink.error(sw.paramSpan(), "no model parameter '" + sw.param() + "'",
                        hintOr(Suggest.hint(sw.param(), dottedKeys()), "write therapist.NAME, client.NAME or model.NAME; tec params lists them"));
                return null;
            }
            if (direct == null && !declaredParams.containsKey(sw.param())) {
                String hint = Suggest.hint(sw.param(), declaredParams.keySet());
                sink.error(sw.paramSpan(), "'" + sw.param() + "' is not a param of this scenario",
                        hint != null ? hint : "declare it first, for example: param " + sw.param() + " = 0.5");
                return null;
            }
            Type type = direct != null ? (direct.unit().equals("min") ? Type.DURATION : Type.NUMBER) : constants.get(sw.param()).type();
            String words = type == Type.DURATION ? "a duration" : "a number";
            double[] values;
            if (sw.values() != null) {
                values = new double[sw.values().size()];
                for (int k = 0; k < values.length; k++) {
                    Double v = constantOf(sw.values().get(k), type, words);
                    if (v == null) return null;
                    values[k] = v;
                }
            } else {
                Double from = constantOf(sw.from(), type, words);
                Double to = constantOf(sw.to(), type, words);
                Double step = constantOf(sw.step(), type, words);
                if (from == null || to == null || step == null) return null;
                if (step <= 0) {
                    sink.error(sw.step().span(), "a sweep's step must be greater than 0", null);
                    return null;
                }
                values = Program.SweepPlan.range(from, to, step);
                if (values == null) {
                    double count = Math.floor((to - from) / step + 1e-9) + 1;
                    if (!(count >= 1)) {
                        sink.error(sw.span(), "this sweep has no values: " + fmt(from) + " is above " + fmt(to), null);
                    } else {
                        sink.error(sw.span(), "this sweep has " + (count < 1e15 ? fmt(count) : "more than " + Program.SweepPlan.MAX_VALUES)
                                + " values; at most " + Program.SweepPlan.MAX_VALUES, "use a larger step");
                    }
                    return null;
                }
            }
            if (values.length == 0) {
                sink.error(sw.span(), "this sweep has no values", null);
                return null;
            }
            if (direct != null) {
                for (double v : values) {
                    if (v < direct.min() || v > direct.max()) {
                        sink.error(sw.span(), sw.param() + " must be between " + fmt(direct.min()) + " and " + fmt(direct.max())
                                + ", and this sweep reaches " + fmt(v), null);
                        return null;
                    }
                }
            }
            return new Program.SweepPlan(sw.param(), values, sw.span());
        }

        boolean isComparison(String op) {
            return switch (op) {
                case "<", "<=", ">", ">=", "==", "!=" -> true;
                default -> false;
            };
        }

        Boolean[] policy(Item.Policy p) {
            switch (p.name()) {
                case "hold_exposure": return new Boolean[] {!p.on(), null};
                case "no_reassurance": return new Boolean[] {null, !p.on()};
                case "manual": return new Boolean[] {!p.on(), !p.on()};
                case "automatic": return new Boolean[] {p.on(), p.on()};
                default:
                    String hint = Suggest.hint(p.name(), POLICIES);
                    sink.error(p.nameSpan(), "unknown policy '" + p.name() + "'",
                            hint != null ? hint : "policies: " + String.join(", ", POLICIES));
                    return null;
            }
        }

        // ---------------------------------------------------------- phases

        Program.PhasePlan phase(Item.Phase p) {
            PhaseKind kind = PhaseKind.find(p.kind());
            if (kind == null) {
                String hint = Suggest.hint(p.kind(), PhaseKind.keys());
                sink.error(p.kindSpan(), "unknown phase kind '" + p.kind() + "'",
                        hint != null ? hint : "phase kinds: " + String.join(", ", PhaseKind.keys()));
                // go on: the body's own errors are worth reporting too
            }
            Double duration = constantOf(p.duration(), Type.DURATION, "a duration such as 15 min");
            if (duration != null && duration <= 0) {
                sink.error(p.duration().span(), "a phase must last longer than 0 min", null);
                duration = null;
            }
            Program.IntensityFn intensity = kind == null ? null : intensity(p, kind);
            List<Program.Trigger> triggers = new ArrayList<>();
            List<Program.ActionPlan> atStart = new ArrayList<>();
            Boolean mayEnd = null, mayReassure = null;
            double length = duration == null ? Double.POSITIVE_INFINITY : duration;
            for (Item i : p.items()) {
                if (i instanceof Item.Do d) {
                    Program.ActionPlan a = action(d.action(), kind);
                    if (a != null) atStart.add(a);
                } else if (i instanceof Item.AtTrigger a) {
                    Program.Trigger t = at(a, length, kind);
                    if (t != null) triggers.add(t);
                } else if (i instanceof Item.WhenTrigger w) {
                    Program.Trigger t = when(w, kind);
                    if (t != null) triggers.add(t);
                } else if (i instanceof Item.Policy pol) {
                    Boolean[] v = policy(pol);
                    if (v != null) {
                        if (v[0] != null) mayEnd = v[0];
                        if (v[1] != null) mayReassure = v[1];
                    }
                } else {
                    sink.error(i.span(), "this statement belongs at the top of a scenario, not inside a phase",
                            "a phase holds actions (regulate, release, ...), triggers (at, when) and policies");
                }
            }
            if (!atStart.isEmpty()) triggers.add(0, new Program.Trigger.AtTime(0, List.copyOf(atStart)));
            if (kind == null || duration == null || (kind == PhaseKind.EXPOSURE && intensity == null)) return null;
            // steps are resolved once dt is known
            return new Program.PhasePlan(p.ref(), kind, p.label(), duration, 0, intensity, List.copyOf(triggers),
                    new Program.PolicyPlan(mayEnd, mayReassure), p.span());
        }

        Program.IntensityFn intensity(Item.Phase p, PhaseKind kind) {
            Item.Intensity in = p.intensity();
            if (in == null) {
                return kind == PhaseKind.EXPOSURE ? (t, len) -> 1.0 : (t, len) -> 0.0;
            }
            if (kind != PhaseKind.EXPOSURE) {
                sink.error(p.kindSpan(), "only an exposure has an intensity", "drop 'intensity', or make this phase an exposure");
                return null;
            }
            if (in instanceof Item.Intensity.Constant c) {
                Double v = level(c.value());
                return v == null ? null : (t, len) -> v;
            }
            if (in instanceof Item.Intensity.Ramp r) {
                Double a = level(r.from());
                Double b = level(r.to());
                if (a == null || b == null) return null;
                return (t, len) -> a + (b - a) * Math.min(1, Math.max(0, t / len));
            }
            List<Expr> levels = ((Item.Intensity.Steps) in).levels();
            double[] vs = new double[levels.size()];
            for (int k = 0; k < vs.length; k++) {
                Double v = level(levels.get(k));
                if (v == null) return null;
                vs[k] = v;
            }
            if (vs.length == 0) return null;
            return (t, len) -> vs[Math.min(vs.length - 1, (int) Math.floor(t / len * vs.length + 1e-9))];
        }

        Double level(Expr e) {
            Double v = constantOf(e, Type.NUMBER, "an intensity from 0 to 1");
            if (v != null && (v < 0 || v > 1)) {
                sink.error(e.span(), "intensity must be between 0 and 1, not " + fmt(v), null);
                return null;
            }
            return v;
        }

        // ---------------------------------------------------------- triggers and actions

        /** An at-trigger, at a time from the start of its phase (or session). */
        Program.Trigger at(Item.AtTrigger a, double phaseLength, PhaseKind kind) {
            List<Program.ActionPlan> actions = actions(a.actions(), kind);
            TimePoint when = a.when();
            if (when instanceof TimePoint.Edge e) {
                if (actions == null) return null;
                return e.start() ? new Program.Trigger.AtTime(0, actions) : new Program.Trigger.AtEnd(actions);
            }
            Double t = constantOf(((TimePoint.Time) when).time(), Type.DURATION, "a time such as 2 min");
            if (t == null || actions == null) return null;
            if (t < 0) {
                sink.error(when.span(), "a trigger time cannot be negative", null);
                return null;
            }
            if (t > phaseLength + 1e-9) {
                sink.warning(when.span(), "this trigger never fires: the phase lasts only " + fmt(phaseLength) + " min", null);
            }
            return new Program.Trigger.AtTime(t, actions);
        }

        Program.Trigger when(Item.WhenTrigger w, PhaseKind kind) {
            Typed cond = exprs.compile(w.condition(), ExprCompiler.Context.LIVE);
            List<Program.ActionPlan> actions = actions(w.actions(), kind);
            if (cond == null || actions == null) return null;
            if (cond.type() != Type.BOOL) {
                sink.error(w.condition().span(), "'when' needs a condition, not " + cond.type().words(),
                        "for example: when client.distress > 80: encourage");
                return null;
            }
            for (Expr.Binary b : timeEqualities(w.condition(), new ArrayList<>())) {
                sink.warning(b.span(), "time moves in steps, so 't == ...' may never hold exactly",
                        "use 'at 5 min:' for a moment, or 't >= 5 min'");
            }
            if (cond.isConstant()) {
                sink.warning(w.condition().span(), cond.constant() != 0 ? "this condition is always true, so the trigger fires once at the start"
                        : "this condition is never true, so the trigger never fires", null);
            }
            return new Program.Trigger.When(cond.eval(), w.once(), actions);
        }

        /** Every {@code ==} comparison in a condition that involves t. */
        List<Expr.Binary> timeEqualities(Expr e, List<Expr.Binary> out) {
            if (e instanceof Expr.Binary b) {
                if (b.op().equals("==") && mentionsTime(b)) out.add(b);
                timeEqualities(b.left(), out);
                timeEqualities(b.right(), out);
            } else if (e instanceof Expr.Unary u) {
                timeEqualities(u.operand(), out);
            }
            return out;
        }

        boolean mentionsTime(Expr e) {
            if (e instanceof Expr.Ref r) return r.path().size() == 1 && r.path().get(0).equals("t");
            if (e instanceof Expr.Binary b) return mentionsTime(b.left()) || mentionsTime(b.right());
            if (e instanceof Expr.Unary u) return mentionsTime(u.operand());
            return false;
        }

        List<Program.ActionPlan> actions(List<Action> actions, PhaseKind kind) {
            List<Program.ActionPlan> out = new ArrayList<>();
            boolean ok = true;
            for (Action a : actions) {
                Program.ActionPlan p = action(a, kind);
                if (p == null) ok = false;
                else out.add(p);
            }
            return ok ? List.copyOf(out) : null;
        }

        Program.ActionPlan action(Action a, PhaseKind kind) {
            if (a instanceof Action.Regulate r) return regulate(r);
            if (a instanceof Action.Release r) {
                Component c = component(r.component(), r.componentSpan(), "release");
                Eval over = over(r.over());
                if (c == null || (r.over() != null && over == null)) return null;
                return new Program.ActionPlan.Release(c, over, r.span());
            }
            if (a instanceof Action.Verb v) {
                if (Suggest.looksLikeTimeUnit(v.verb())) {
                    // "over 2 mins": the number ended the regulation, and 'mins' reads as the next action
                    sink.error(v.span(), "'" + v.verb() + "' is not a time unit", "time units are s, min, h, day and week, as in 2 min");
                    return null;
                }
                if (!VERBS.contains(v.verb())) {
                    String hint = Suggest.hint(v.verb(), allActionWords());
                    sink.error(v.span(), "unknown action '" + v.verb() + "'",
                            hint != null ? hint : "actions: " + String.join(", ", allActionWords()));
                    return null;
                }
                if (v.verb().equals("encourage") && kind != null && kind != PhaseKind.EXPOSURE) {
                    sink.error(v.span(), "'encourage' coaches approach to a feared stimulus, so it belongs in an exposure phase, not in "
                            + kind.key(), "move it into an exposure phase");
                    return null;
                }
                return switch (v.verb()) {
                    case "encourage" -> new Program.ActionPlan.Encourage(v.span());
                    case "reassure" -> new Program.ActionPlan.Reassure(v.span());
                    case "validate" -> new Program.ActionPlan.Validate(false, v.span());
                    case "reflect" -> new Program.ActionPlan.Validate(true, v.span());
                    case "confront" -> new Program.ActionPlan.Confront(false, v.span());
                    default -> new Program.ActionPlan.Confront(true, v.span());
                };
            }
            if (a instanceof Action.End e) {
                String target = e.target();
                if (!target.equals("phase") && !target.equals("session") && !phaseRefs.contains(target)) {
                    List<String> names = new ArrayList<>(phaseRefs);
                    names.add("phase");
                    names.add("session");
                    String hint = Suggest.hint(target, names);
                    sink.error(e.targetSpan(), "no phase is called '" + target + "'",
                            hint != null ? hint : "write end phase (the current one), end session, or end PHASE-NAME");
                    return null;
                }
                return new Program.ActionPlan.End(target, e.span());
            }
            if (a instanceof Action.Log l) {
                if (l.message() instanceof Expr.Str s) {
                    String text = s.value();
                    return new Program.ActionPlan.Log(null, text, Type.STRING, l.span());
                }
                Typed t = exprs.compile(l.message(), ExprCompiler.Context.LIVE);
                if (t == null) return null;
                return new Program.ActionPlan.Log(t.eval(), sourceText(l.message()), t.type(), l.span());
            }
            if (a instanceof Action.Print p) {
                Typed t = exprs.compile(p.value(), ExprCompiler.Context.LIVE);
                if (t == null) return null;
                return new Program.ActionPlan.Log(t.eval(), sourceText(p.value()), t.type(), p.span());
            }
            if (a instanceof Action.Set s) {
                Var v = Var.find(s.target().text());
                if (v == null || !settable(v)) {
                    List<String> settable = new ArrayList<>();
                    for (Var x : Var.values()) if (settable(x)) settable.add(x.key());
                    String hint = v != null ? "'" + v.key() + "' is computed by the model and cannot be set"
                            : Suggest.hint(s.target().text(), settable);
                    sink.error(s.target().span(), (v == null ? "unknown variable '" : "cannot set '") + s.target().text() + "'",
                            hint != null ? hint : "settable: " + String.join(", ", settable));
                    return null;
                }
                Typed t = exprs.compile(s.value(), ExprCompiler.Context.LIVE);
                if (t == null) return null;
                if (t.type() != Type.NUMBER) {
                    sink.error(s.value().span(), "'set' needs a number, not " + t.type().words(), null);
                    return null;
                }
                if (t.isConstant() && (t.constant() < v.min() || t.constant() > v.max())) {
                    sink.error(s.value().span(), v.key() + " must be between " + fmt(v.min()) + " and " + fmt(v.max())
                            + ", not " + fmt(t.constant()), null);
                    return null;
                }
                return new Program.ActionPlan.Set(v, t.eval(), s.span());
            }
            throw new IllegalStateException("unknown action " + a);
        }

        /** Variables a script may set; the rest the model computes at every step. */
        boolean settable(Var v) {
            return v != Var.EFFORT && v != Var.INTENSITY && v != Var.PERCEIVED_DISTRESS && v != Var.MI_CONSISTENT;
        }

        List<String> allActionWords() {
            List<String> words = new ArrayList<>(List.of("regulate", "release", "end", "log", "set", "print"));
            words.addAll(VERBS);
            return words;
        }

        Program.ActionPlan regulate(Action.Regulate r) {
            Component c = component(r.component(), r.componentSpan(), "regulate");
            if (c == null) return null;
            if (r.direction() == Action.Direction.NONE && r.amount() != Action.Amount.TO) {
                sink.error(r.span(), "regulate needs a direction or a target",
                        "write regulate " + c.key() + " up to 0.8, regulate " + c.key() + " down by 0.2, or regulate " + c.key() + " to 0.5");
                return null;
            }
            Eval value;
            boolean relative;
            double sign = r.direction() == Action.Direction.DOWN ? -1 : 1;
            if (r.amount() == Action.Amount.NONE) {
                value = f -> 0.2;
                relative = true;
            } else {
                Typed t = exprs.compile(r.value(), ExprCompiler.Context.LIVE);
                if (t == null) return null;
                if (t.type() != Type.NUMBER) {
                    sink.error(r.value().span(), "a component level is a number from 0 to 1, not " + t.type().words(), null);
                    return null;
                }
                if (t.isConstant() && (t.constant() < 0 || t.constant() > 1)) {
                    sink.error(r.value().span(), c.key() + " must be between 0 and 1, not " + fmt(t.constant()), null);
                    return null;
                }
                value = t.eval();
                relative = r.amount() == Action.Amount.BY;
            }
            Eval over = over(r.over());
            if (r.over() != null && over == null) return null;
            return new Program.ActionPlan.Regulate(c, value, relative, sign, r.direction() != Action.Direction.NONE, over,
                    regulateText(r), r.span());
        }

        String regulateText(Action.Regulate r) {
            return sourceText(r);
        }

        Component component(String name, Span span, String verb) {
            if (name == null) {
                sink.error(span, "'" + verb + "' needs a component", "components: " + String.join(", ", Component.keys()));
                return null;
            }
            Component c = Component.find(name);
            if (c == null) {
                String hint = Suggest.hint(name, Component.keys());
                sink.error(span, "unknown empathy component '" + name + "'",
                        hint != null ? hint : "components: " + String.join(", ", Component.keys()));
            }
            return c;
        }

        Eval over(Expr e) {
            if (e == null) return null;
            Typed t = exprs.compile(e, ExprCompiler.Context.LIVE);
            if (t == null) return null;
            if (t.type() != Type.DURATION) {
                sink.error(e.span(), "'over' needs a duration such as 2 min", t.isConstant() && t.type() == Type.NUMBER
                        ? "add a time unit: " + fmt(t.constant()) + " min, " + fmt(t.constant()) + " s or " + fmt(t.constant()) + " h" : null);
                return null;
            }
            if (t.isConstant() && t.constant() < 0) {
                sink.error(e.span(), "a duration cannot be negative", null);
                return null;
            }
            return t.eval();
        }

        // ---------------------------------------------------------- outputs

        Program.EmitPlan emit(Item.Emit e) {
            FileFormat format = FileFormat.byKey(e.format(), FileFormat.Kind.DATA);
            if (format == null) {
                List<String> keys = FileFormat.keys(FileFormat.Kind.DATA);
                String hint = Suggest.hint(e.format(), keys);
                sink.error(e.formatSpan(), "unknown output format '" + e.format() + "'", hint != null ? hint : "formats: " + String.join(", ", keys));
                return null;
            }
            double every = 0;
            if (e.every() != null) {
                Double v = constantOf(e.every(), Type.DURATION, "a duration such as 0.5 min");
                if (v == null) return null;
                if (v <= 0) {
                    sink.error(e.every().span(), "'every' must be longer than 0 min", null);
                    return null;
                }
                every = v;
            }
            List<Var> vars = variables(e.variables());
            if (vars == null) return null;
            return new Program.EmitPlan(format, e.file(), every, vars, e.span());
        }

        List<Var> variables(List<Expr> es) {
            List<Var> out = new ArrayList<>();
            boolean ok = true;
            for (Expr e : es) {
                Var v = e instanceof Expr.Ref r ? Var.find(r.text()) : null;
                if (v == null) {
                    List<String> keys = new ArrayList<>();
                    for (Var x : Var.values()) keys.add(x.key());
                    String text = e instanceof Expr.Ref r ? r.text() : sourceText(e);
                    String hint = Suggest.hint(text, keys);
                    sink.error(e.span(), "'" + text + "' is not a state variable",
                            hint != null ? hint : "for example client.distress or therapist.affect_sharing");
                    ok = false;
                } else {
                    out.add(v);
                }
            }
            return ok ? List.copyOf(out) : null;
        }

        // ---------------------------------------------------------- helpers

        Double constantOf(Expr e, Type want, String words) {
            Typed t = exprs.compile(e, ExprCompiler.Context.CONSTANT);
            if (t == null) return null;
            if (t.type() != want) {
                String hint = want == Type.DURATION && t.type() == Type.NUMBER
                        ? "add a time unit: " + fmt(t.constant()) + " min, " + fmt(t.constant()) + " s or " + fmt(t.constant()) + " h"
                        : want == Type.NUMBER && t.type() == Type.DURATION ? "drop the time unit" : null;
                sink.error(e.span(), "expected " + words + ", found " + t.type().words(), hint);
                return null;
            }
            return t.constant();
        }

        void checkStep(double dt, ParamSet params, Span stepSpan) {
            if (sink.hasErrors()) return;
            double rate = new Circuit(params).fastestRate();
            double safe = 0.5 / rate;
            if (dt > safe) {
                Span at = stepSpan != null ? stepSpan : loaded.span();
                sink.error(at, "time step " + fmt(dt) + " min is too large for the model's fastest time constant ("
                        + fmt(1 / rate) + " min)", "use step " + fmt(Math.floor(safe * 1000) / 1000) + " min or less");
            }
        }

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

    private String sourceText(Object node) {
        Span s = node instanceof Expr e ? e.span() : node instanceof Action a ? a.span() : null;
        if (s == null) return "";
        String line = sources.line(s.file(), s.line());
        if (line == null || s.column() < 1) return "";
        int from = Math.min(line.length(), s.column() - 1);
        int to = Math.min(line.length(), from + s.length());
        return line.substring(from, to).trim();
    }

    static String fmt(double v) {
        return org.tec.text.Numbers.plain(v);
    }
}
