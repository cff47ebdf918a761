package org.tec.interp;

import java.util.List;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Item;
import org.tec.model.Param;
import org.tec.text.Numbers;

/**
 * A study: its sweeps and replicates, read before the rest of the scenario because
 * whether it is one decides how goals and expects compile.
 */
final class StudyLowering extends Stage {
    /** The most arms a study may declare: each is compiled as a copy of the scenario. */
    static final int MAX_ARMS = 100;

    StudyLowering(Declarations names, ProgramBuilder out) {
        super(names, out);
    }

    /** The most params a sampled design or a sensitivity study may vary. */
    static final int MAX_VARIED = 100;

    /** The design's ranges, once read (an arm may not set a param they vary). */
    private List<StudyDesign.Range> varied = List.of();

    /** Reads every sweep, vary, design and replicate, then checks the number of runs they make. */
    void read() {
        java.util.List<StudyDesign.Range> ranges = new java.util.ArrayList<>();
        java.util.List<Item.Vary> varies = new java.util.ArrayList<>();
        Item.Design design = null;
        Item.Sweep firstSweep = null;
        for (Item i : names.loaded.items()) {
            if (i instanceof Item.Sweep sw) {
                if (firstSweep == null) firstSweep = sw;
                Program.SweepPlan plan = sweep(sw);
                if (plan != null) out.sweeps.add(plan);
            } else if (i instanceof Item.Replicate r) {
                replicate(r);
            } else if (i instanceof Item.Vary v) {
                varies.add(v);
                StudyDesign.Range range = vary(v, ranges);
                if (range != null) ranges.add(range);
            } else if (i instanceof Item.Design d) {
                if (design != null) {
                    sink.error(d.span(), "a second design; a study has one",
                            "keep one of '" + words(design) + "' (line " + design.span().line() + ") and this one");
                } else {
                    design = d;
                }
            } else if (i instanceof Item.PlotSensitivity p) {
                out.sensitivityPlots.add(p);
            }
        }
        // after the sweeps and ranges, which an arm's params may not touch
        varied = ranges;
        for (Item i : names.loaded.items()) if (i instanceof Item.Arm a) arm(a);
        if (out.arms.size() == 1) {
            sink.warning(firstArm(), "a study with one arm has nothing to compare it with",
                    "add the condition to compare it with, for example: arm \"as usual\" { }");
        }
        if (design != null || !varies.isEmpty()) {
            sampled(design, varies, ranges, firstSweep);
        }
        for (Item.PlotSensitivity p : out.sensitivityPlots) {
            if (design == null || !design.sensitivity()) {
                sink.error(p.span(), "'plot sensitivity' draws a sensitivity study's indices, and this scenario is none",
                        "add, for example: sensitivity sobol 256 and vary therapist.affect_sharing from 0.2 to 1");
            }
            if (p.file() != null && FileFormat.byFileName(p.file(), FileFormat.Kind.FIGURE) == null) {
                sink.error(p.fileSpan(), "a figure is written as " + FileFormat.extensions(FileFormat.Kind.FIGURE) + ", not '" + p.file() + "'",
                        "end the file name in " + FileFormat.extensions(FileFormat.Kind.FIGURE));
            }
        }
        if (out.design != null) {
            names.exprs.swept(List.of());
            if (out.design instanceof StudyDesign.Saltelli) names.exprs.indexed(out.design.params());
            names.exprs.sampled(words(design));
            names.exprs.arms(out.arms);
            return;
        }
        long runs = Compiler.studyRuns(out.replicates, out.sweeps);
        if (!out.arms.isEmpty()) runs = runs > Compiler.MAX_STUDY_RUNS ? runs : runs * out.arms.size();
        if (runs > Compiler.MAX_STUDY_RUNS) {
            Span at = !out.sweeps.isEmpty() ? out.sweeps.get(out.sweeps.size() - 1).span() : out.replicateSpan;
            sink.error(at, runs == Long.MAX_VALUE ? "this study would make more than " + Compiler.MAX_STUDY_RUNS + " runs"
                    : "this study would make " + runs + " runs; at most " + Compiler.MAX_STUDY_RUNS,
                    "use fewer replicates or larger sweep steps");
        }
        names.exprs.swept(out.sweeps.stream().map(Program.SweepPlan::param).toList());
        names.exprs.arms(out.arms);
    }

    private Span firstArm() {
        for (Item i : names.loaded.items()) if (i instanceof Item.Arm a) return a.nameSpan();
        return names.loaded.span();
    }

    /**
     * An arm: a name of its own, and a body that changes the session, never what the study
     * measures or how it is run (those speak of every arm alike). A param it sets must be one
     * the scenario declares, and not one the study sweeps.
     */
    private void arm(Item.Arm a) {
        if (a.name().isBlank()) {
            sink.error(a.nameSpan(), "an arm needs a name", "for example: arm \"regulated\" { ... }");
            return;
        }
        if (out.arms.size() == MAX_ARMS) {
            sink.error(a.nameSpan(), "a study has at most " + MAX_ARMS + " arms", "to vary one setting over many values, sweep it");
            return;
        }
        if (out.arms.contains(a.name())) {
            sink.error(a.nameSpan(), "a second arm called \"" + a.name() + "\"", "give each arm its own name");
            return;
        }
        if (a.name().length() > 200 || a.name().chars().anyMatch(c -> org.tec.text.Printable.unsafe((char) c))) {
            sink.error(a.nameSpan(), "an arm's name is a short line of printable text", null);
            return;
        }
        out.arms.add(a.name());
        // an arm from another scenario brings that scenario's session whole, as an import does
        if (a.from() != null) return;
        for (Item i : a.items()) {
            String why = Arms.refused(i);
            if (why != null) {
                sink.error(i.span(), why, "put it in the scenario, outside the arm: there it speaks of every arm");
            } else if (i instanceof Item.Param p) {
                if (!names.declaredParams.containsKey(p.name()) || p.name().contains(".")) {
                    String hint = Suggest.hint(p.name(), names.declaredParams.keySet());
                    sink.error(p.nameSpan(), "the arm sets '" + p.name() + "', and the scenario declares no param of that name",
                            hint != null ? hint : "declare it in the scenario, for example: param " + p.name() + " = 0.5");
                } else if (out.sweeps.stream().anyMatch(sw -> sw.param().equals(p.name()))) {
                    sink.error(p.nameSpan(), "'" + p.name() + "' is swept by the study, so an arm cannot also set it",
                            "drop the sweep or the arm's param");
                } else if (varied.stream().anyMatch(r -> r.param().equals(p.name()))) {
                    sink.error(p.nameSpan(), "'" + p.name() + "' is varied by the study's design, so an arm cannot also set it",
                            "drop the vary or the arm's param");
                }
            }
        }
    }

    private static String words(Item.Design d) {
        return (d.sensitivity() ? "sensitivity " : "design ") + d.method();
    }

    /**
     * A sampled design (design latin N, design sobol N) or a sensitivity study (sensitivity
     * sobol N) over the vary statements' ranges: each needs the other, and neither mixes with
     * sweep (a grid), which would say two different things about where the points lie.
     */
    private void sampled(Item.Design design, List<Item.Vary> varies, List<StudyDesign.Range> ranges, Item.Sweep sweep) {
        if (design == null) {
            Item.Vary v = varies.get(0);
            sink.error(v.span(), "'vary' gives a range to a sampled design, and this scenario has no design",
                    "add, for example: design latin 64 (or design sobol 64, sensitivity sobol 256); for a grid, write sweep "
                            + v.param() + " from A to B step S");
            return;
        }
        String word = words(design);
        if (sweep != null) {
            sink.error(sweep.span(), "'sweep' makes a grid, and this study samples its points with '" + word + "' (line "
                    + design.span().line() + "); a study has one design",
                    "vary " + sweep.param() + " from A to B (a range for the design), or drop '" + word + "' for a grid of sweeps");
            return;
        }
        if (varies.isEmpty()) {
            sink.error(design.span(), "'" + word + "' samples points over ranges, and this scenario varies nothing",
                    "add, for example: vary therapist.affect_sharing from 0.2 to 1");
            return;
        }
        if (varies.size() > MAX_VARIED) {
            sink.error(varies.get(MAX_VARIED).span(), "a design may vary at most " + MAX_VARIED + " params", null);
            return;
        }
        java.util.List<String> methods = design.sensitivity() ? List.of("sobol") : List.of("latin", "sobol");
        if (!methods.contains(design.method())) {
            String hint = Suggest.hint(design.method(), methods);
            sink.error(design.methodSpan(), "no " + (design.sensitivity() ? "sensitivity method" : "design") + " '" + design.method() + "'",
                    hint != null ? hint : (design.sensitivity() ? "write: sensitivity sobol N" : "write: design latin N or design sobol N"));
            return;
        }
        String what = design.sensitivity() ? "a number of base rows" : "a number of points";
        Integer n = names.count(design.size(), what, "'" + word + "' needs", (int) Compiler.MAX_STUDY_RUNS);
        if (n == null || ranges.size() != varies.size()) return;
        if (design.sensitivity() && n < 2) {
            sink.error(design.size().span(), "a sensitivity study needs at least 2 base rows to estimate a variance", "use, for example: sensitivity sobol 256");
            return;
        }
        long points = design.sensitivity() ? StudyDesign.Saltelli.points(n, ranges.size()) : n;
        // the arms are read already: every point runs in every arm
        long runs = points * out.replicates * Math.max(1, out.arms.size());
        if (runs > Compiler.MAX_STUDY_RUNS) {
            sink.error(design.span(), "this study would make " + runs + " runs"
                            + (design.sensitivity() ? " (" + n + " base rows times " + (ranges.size() + 2) + " points each" : " (" + n + " points")
                            + (out.replicates > 1 ? ", " + out.replicates + " replicates of each" : "")
                            + (out.arms.isEmpty() ? ")" : ", in " + out.arms.size() + " arms)") + "; at most " + Compiler.MAX_STUDY_RUNS,
                    design.sensitivity() ? "use fewer base rows or fewer replicates" : "use fewer points or fewer replicates");
            return;
        }
        if (!design.method().equals("latin") && Integer.bitCount(n) != 1) {
            sink.warning(design.size().span(), "a Sobol sequence is balanced at a power of two, and " + n + " is none",
                    "use, for example, " + Integer.highestOneBit(n) + " or " + Integer.highestOneBit(n) * 2);
        }
        if (design.sensitivity()) {
            out.design = new StudyDesign.Saltelli(ranges, n, out.sensitivityPlots.stream()
                    .map(p -> new StudyDesign.Saltelli.Figure(p.file(), p.span())).toList());
        }
        else if (design.method().equals("sobol")) out.design = new StudyDesign.Sobol(ranges, n);
        else out.design = new StudyDesign.Latin(ranges, n, 0); // seeded with the scenario's seed when it is built
    }

    /** vary NAME from A to B: a range of a model parameter (within its bounds) or of the scenario's own param. */
    private StudyDesign.Range vary(Item.Vary v, List<StudyDesign.Range> before) {
        for (StudyDesign.Range r : before) {
            if (r.param().equals(v.param())) {
                sink.error(v.paramSpan(), v.param() + " is varied twice (first on line " + r.span().line() + ")", "drop one of the two");
                return null;
            }
        }
        Varied target = varied(v.param(), v.paramSpan());
        if (target == null) return null;
        Double from = names.constantOf(v.from(), target.type(), words(target.type()));
        Double to = names.constantOf(v.to(), target.type(), words(target.type()));
        if (from == null || to == null) return null;
        for (Double x : new Double[] {from, to}) {
            if (!Double.isFinite(x)) {
                sink.error(x == from ? v.from().span() : v.to().span(), "a range's ends must be finite numbers, not " + Numbers.plain(x), null);
                return null;
            }
        }
        if (!(from < to)) {
            sink.error(v.span(), from.equals(to) ? "this range has no width: both ends are " + Numbers.plain(from)
                    : "this range runs backwards: " + Numbers.plain(from) + " is above " + Numbers.plain(to),
                    from.equals(to) ? "to hold " + v.param() + " at one value, set it instead of varying it" : "write the lower end first");
            return null;
        }
        if (!target.allows(new double[] {from, to}, v.param(), v.span(), "range", sink)) return null;
        return new StudyDesign.Range(v.param(), from, to, v.span());
    }

    private void replicate(Item.Replicate r) {
        if (out.replicateSeen) sink.warning(r.span(), "a second 'replicate'; the last one counts", null);
        out.replicateSeen = true;
        out.replicateSpan = r.span();
        Integer n = names.count(r.count(), "a number of runs", "replicate needs", 100000);
        if (n != null) out.replicates = n;
    }

    /** A param a sweep or a vary names: a dotted model parameter ({@code direct}) or the scenario's own, and its type. */
    private record Varied(Param direct, Type type) {
        /** Whether every value lies in a model parameter's bounds; says which does not, as "this WHAT reaches V". */
        boolean allows(double[] values, String name, Span span, String what, org.tec.diag.Diagnostics sink) {
            if (direct == null) return true;
            for (double v : values) {
                if (!direct.allows(v)) {
                    sink.error(span, name + " must be between " + Numbers.plain(direct.min()) + " and "
                            + Numbers.plain(direct.max()) + ", and this " + what + " reaches " + Numbers.plain(v), null);
                    return false;
                }
            }
            return true;
        }
    }

    /** What {@code param} names, or null (and an error at {@code span}) if it names neither a model parameter nor a param. */
    private Varied varied(String param, Span span) {
        Param direct = param.contains(".") ? Declarations.modelParam(param) : null;
        if (param.contains(".") && direct == null) {
            sink.error(span, "no model parameter '" + param + "'", Declarations.noModelParamHint(param));
            return null;
        }
        if (direct == null && !names.declaredParams.containsKey(param)) {
            String hint = Suggest.hint(param, names.declaredParams.keySet());
            sink.error(span, "'" + param + "' is not a param of this scenario",
                    hint != null ? hint : "declare it first, for example: param " + param + " = 0.5");
            return null;
        }
        Type type = direct != null ? (direct.unit().equals("min") ? Type.DURATION : Type.NUMBER) : names.constants.get(param).type();
        return new Varied(direct, type);
    }

    private Program.SweepPlan sweep(Item.Sweep sw) {
        Varied target = varied(sw.param(), sw.paramSpan());
        if (target == null) return null;
        double[] values = sw.values() != null ? listed(sw, target.type()) : range(sw, target.type());
        if (values == null) return null;
        if (values.length == 0) {
            sink.error(sw.span(), "this sweep has no values", null);
            return null;
        }
        if (!target.allows(values, sw.param(), sw.span(), "sweep", sink)) return null;
        return new Program.SweepPlan(sw.param(), values, sw.span());
    }

    private static String words(Type type) {
        return type == Type.DURATION ? "a duration" : "a number";
    }

    /** sweep NAME values A, B, ... */
    private double[] listed(Item.Sweep sw, Type type) {
        double[] values = new double[sw.values().size()];
        for (int k = 0; k < values.length; k++) {
            Double v = names.constantOf(sw.values().get(k), type, words(type));
            if (v == null) return null;
            values[k] = v;
        }
        return values;
    }

    /** sweep NAME from A to B step C */
    private double[] range(Item.Sweep sw, Type type) {
        Double from = names.constantOf(sw.from(), type, words(type));
        Double to = names.constantOf(sw.to(), type, words(type));
        Double step = names.constantOf(sw.step(), type, words(type));
        if (from == null || to == null || step == null) return null;
        if (step <= 0) {
            sink.error(sw.step().span(), "a sweep's step must be greater than 0", null);
            return null;
        }
        double[] values = Program.SweepPlan.range(from, to, step);
        if (values == null) {
            double count = Math.floor((to - from) / step + 1e-9) + 1;
            if (!(count >= 1)) {
                sink.error(sw.span(), "this sweep has no values: " + Numbers.plain(from) + " is above " + Numbers.plain(to), null);
            } else {
                sink.error(sw.span(), "this sweep has " + (count < 1e15 ? Numbers.plain(count) : "more than " + Program.SweepPlan.MAX_VALUES)
                        + " values; at most " + Program.SweepPlan.MAX_VALUES, "use a larger step");
            }
        }
        return values;
    }
}
