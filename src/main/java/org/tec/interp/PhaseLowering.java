package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.model.PhaseKind;
import org.tec.text.Numbers;

/** Phases: kind, duration, an exposure's intensity, the triggers and policies inside; and policies anywhere. */
final class PhaseLowering {
    static final List<String> POLICIES = List.of("hold_exposure", "no_reassurance", "manual", "automatic");

    private final Declarations names;
    private final Diagnostics sink;
    private final TriggerLowering triggers;

    PhaseLowering(Declarations names, TriggerLowering triggers) {
        this.names = names;
        this.sink = names.sink;
        this.triggers = triggers;
    }

    /** A phase's plan with its steps still 0 (they are known once dt is), or null. */
    Program.PhasePlan phase(Item.Phase p) {
        PhaseKind kind = PhaseKind.find(p.kind());
        if (kind == null) {
            String hint = Suggest.hint(p.kind(), PhaseKind.keys());
            sink.error(p.kindSpan(), "unknown phase kind '" + p.kind() + "'",
                    hint != null ? hint : "phase kinds: " + String.join(", ", PhaseKind.keys()));
            // go on: the body's own errors are worth reporting too
        }
        Double duration = names.constantOf(p.duration(), Type.DURATION, "a duration such as 15 min");
        if (duration != null && duration <= 0) {
            sink.error(p.duration().span(), "a phase must last longer than 0 min", null);
            duration = null;
        }
        Program.IntensityFn intensity = kind == null ? null : intensity(p, kind);
        List<Program.Trigger> body = new ArrayList<>();
        List<Program.ActionPlan> atStart = new ArrayList<>();
        ProgramBuilder.Policy policy = new ProgramBuilder.Policy();
        double length = duration == null ? Double.POSITIVE_INFINITY : duration;
        for (Item i : p.items()) {
            if (i instanceof Item.Do d) {
                Program.ActionPlan a = triggers.actions.action(d.action(), kind);
                if (a != null) atStart.add(a);
            } else if (i instanceof Item.AtTrigger a) {
                Program.Trigger t = triggers.at(a, length, kind);
                if (t != null) body.add(t);
            } else if (i instanceof Item.WhenTrigger w) {
                Program.Trigger t = triggers.when(w, kind);
                if (t != null) body.add(t);
            } else if (i instanceof Item.Policy pol) {
                policy.apply(policy(pol));
            } else {
                sink.error(i.span(), "this statement belongs at the top of a scenario, not inside a phase",
                        "a phase holds actions (regulate, release, ...), triggers (at, when) and policies");
            }
        }
        if (!atStart.isEmpty()) body.add(0, new Program.Trigger.AtTime(0, List.copyOf(atStart)));
        if (kind == null || duration == null || (kind == PhaseKind.EXPOSURE && intensity == null)) return null;
        return new Program.PhasePlan(p.ref(), kind, p.label(), duration, 0, intensity, List.copyOf(body),
                policy.plan(), p.span());
    }

    private Program.IntensityFn intensity(Item.Phase p, PhaseKind kind) {
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

    private Double level(Expr e) {
        Double v = names.constantOf(e, Type.NUMBER, "an intensity from 0 to 1");
        if (v != null && (v < 0 || v > 1)) {
            sink.error(e.span(), "intensity must be between 0 and 1, not " + Numbers.plain(v), null);
            return null;
        }
        return v;
    }

    /** What a policy statement says of ending exposures early and of reassuring (null: unchanged), or null if unknown. */
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

    /** Each phase in whole steps of {@code dt}; a phase too short or too long for it is an error. */
    List<Program.PhasePlan> sized(List<Program.PhasePlan> phases, double dt) {
        List<Program.PhasePlan> sized = new ArrayList<>();
        for (Program.PhasePlan p : phases) {
            long steps = Math.round(p.duration() / dt);
            if (steps > Integer.MAX_VALUE) {
                sink.error(p.span(), "phase '" + p.ref() + "' is too long to run in steps of " + Numbers.plain(dt) + " min",
                        "a phase has at most " + Integer.MAX_VALUE + " steps; make it shorter or the step larger");
                continue;
            }
            if (steps < 1) {
                sink.error(p.span(), "phase '" + p.ref() + "' is shorter than one time step (" + Numbers.plain(dt) + " min)",
                        "make it last at least " + Numbers.plain(dt) + " min, or use a smaller step");
                continue;
            }
            sized.add(withSteps(p, (int) steps));
        }
        return sized;
    }

    static Program.PhasePlan withSteps(Program.PhasePlan p, int steps) {
        return new Program.PhasePlan(p.ref(), p.kind(), p.label(), p.duration(), steps, p.intensity(),
                p.triggers(), p.policy(), p.span());
    }
}
