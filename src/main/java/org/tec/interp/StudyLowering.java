package org.tec.interp;

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

    /** Reads every sweep and replicate, then checks the number of runs they make. */
    void read() {
        for (Item i : names.loaded.items()) {
            if (i instanceof Item.Sweep sw) {
                Program.SweepPlan plan = sweep(sw);
                if (plan != null) out.sweeps.add(plan);
            } else if (i instanceof Item.Replicate r) {
                replicate(r);
            }
        }
        // after the sweeps, which an arm's params may not touch
        for (Item i : names.loaded.items()) if (i instanceof Item.Arm a) arm(a);
        if (out.arms.size() == 1) {
            sink.warning(firstArm(), "a study with one arm has nothing to compare it with",
                    "add the condition to compare it with, for example: arm \"as usual\" { }");
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
                }
            }
        }
    }

    private void replicate(Item.Replicate r) {
        if (out.replicateSeen) sink.warning(r.span(), "a second 'replicate'; the last one counts", null);
        out.replicateSeen = true;
        out.replicateSpan = r.span();
        Integer n = names.count(r.count(), "a number of runs", "replicate needs", 100000);
        if (n != null) out.replicates = n;
    }

    private Program.SweepPlan sweep(Item.Sweep sw) {
        Param direct = sw.param().contains(".") ? Declarations.modelParam(sw.param()) : null;
        if (sw.param().contains(".") && direct == null) {
            sink.error(sw.paramSpan(), "no model parameter '" + sw.param() + "'", Declarations.noModelParamHint(sw.param()));
            return null;
        }
        if (direct == null && !names.declaredParams.containsKey(sw.param())) {
            String hint = Suggest.hint(sw.param(), names.declaredParams.keySet());
            sink.error(sw.paramSpan(), "'" + sw.param() + "' is not a param of this scenario",
                    hint != null ? hint : "declare it first, for example: param " + sw.param() + " = 0.5");
            return null;
        }
        Type type = direct != null ? (direct.unit().equals("min") ? Type.DURATION : Type.NUMBER)
                : names.constants.get(sw.param()).type();
        double[] values = sw.values() != null ? listed(sw, type) : range(sw, type);
        if (values == null) return null;
        if (values.length == 0) {
            sink.error(sw.span(), "this sweep has no values", null);
            return null;
        }
        if (direct != null) {
            for (double v : values) {
                if (!direct.allows(v)) {
                    sink.error(sw.span(), sw.param() + " must be between " + Numbers.plain(direct.min()) + " and "
                            + Numbers.plain(direct.max()) + ", and this sweep reaches " + Numbers.plain(v), null);
                    return null;
                }
            }
        }
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
