package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.lang.ast.Item;
import org.tec.text.Numbers;

/**
 * {@code observe NAME = EXPR noise ...}: what was measured, checked with the scenario and
 * kept for tec fit and tec simulate (a run does not read it). EXPR is a number from the
 * state, as a {@code when} condition reads it ({@code client.distress},
 * {@code (client.distress + therapist.distress) / 2}); the noise is a constant.
 */
final class ObserveLowering extends Stage {
    private final Map<String, Observation> declared = new LinkedHashMap<>();
    private final Map<String, FitTarget> fits = new LinkedHashMap<>();

    ObserveLowering(Declarations names) {
        super(names);
    }

    void observe(Item.Observe o) {
        Observation before = declared.get(o.name());
        if (before != null) {
            sink.error(o.nameSpan(), "observe '" + o.name() + "' is declared twice (first at line " + before.span().line() + ")",
                    "give each observable its own name");
            return;
        }
        Typed t = names.exprs.compile(o.value(), ExprCompiler.Context.LIVE);
        if (t == null) return;
        if (t.type() != Type.NUMBER) {
            sink.error(o.value().span(), "an observe measures a number, and this is " + t.type().words(),
                    "observe a state variable such as client.distress, or a sum or mean of them");
            return;
        }
        double amount = Double.NaN;
        Observation.Noise kind = switch (o.kind()) {
            case ESTIMATED -> Observation.Noise.ESTIMATED;
            case CONSTANT -> Observation.Noise.CONSTANT;
            case PROPORTIONAL -> Observation.Noise.PROPORTIONAL;
        };
        if (o.noise() != null) {
            Double v = names.constantOf(o.noise(), Type.NUMBER, kind == Observation.Noise.PROPORTIONAL
                    ? "a share of the value such as 0.1" : "a standard deviation such as 3");
            if (v == null) return;
            if (!(v > 0)) {
                sink.error(o.noise().span(), "the measurement error must be above 0, not " + Numbers.plain(v),
                        "leave out 'noise' (or write 'noise estimated') to estimate it");
                return;
            }
            amount = v;
        }
        declared.put(o.name(), new Observation(o.name(), o.nameSpan(), t.eval(), kind, amount));
    }

    /**
     * {@code fit NAME [from LOW to HIGH]}: NAME a param of the scenario (which needs bounds)
     * or a model parameter (bounds within its range; its range without them); once each.
     */
    void fit(Item.Fit f) {
        FitTarget before = fits.get(f.param());
        if (before != null) {
            sink.error(f.paramSpan(), "'" + f.param() + "' is fitted twice (first at line " + before.span().line() + ")", "keep one fit statement");
            return;
        }
        org.tec.model.Param direct = f.param().contains(".") ? Declarations.modelParam(f.param()) : null;
        if (f.param().contains(".") && direct == null) {
            sink.error(f.paramSpan(), "no model parameter '" + f.param() + "'", Declarations.noModelParamHint(f.param()));
            return;
        }
        if (direct == null && !names.declaredParams.containsKey(f.param())) {
            String hint = org.tec.diag.Suggest.hint(f.param(), names.declaredParams.keySet());
            sink.error(f.paramSpan(), "'" + f.param() + "' is neither a param of this scenario nor a model parameter",
                    hint != null ? hint : "declare it first, for example: param " + f.param() + " = 0.5");
            return;
        }
        double lo, hi;
        if (f.lower() == null) {
            if (direct == null) {
                sink.error(f.paramSpan(), "a param has no range of its own: fit " + f.param() + " needs its bounds",
                        "write fit " + f.param() + " from LOW to HIGH");
                return;
            }
            lo = direct.min();
            hi = direct.max();
        } else {
            Type type = direct != null ? (direct.unit().equals("min") ? Type.DURATION : Type.NUMBER) : names.constants.get(f.param()).type();
            String words = type == Type.DURATION ? "a duration" : "a number";
            Double a = names.constantOf(f.lower(), type, words), b = names.constantOf(f.upper(), type, words);
            if (a == null || b == null) return;
            if (!(a < b)) {
                sink.error(f.lower().span().to(f.upper().span()), "the bounds of " + f.param() + " must have LOW below HIGH, not "
                        + Numbers.plain(a) + " to " + Numbers.plain(b), null);
                return;
            }
            if (direct != null && (a < direct.min() || b > direct.max())) {
                sink.error(f.lower().span().to(f.upper().span()), "the bounds of " + f.param() + " must lie in its range, "
                        + Numbers.plain(direct.min()) + " to " + Numbers.plain(direct.max()), null);
                return;
            }
            lo = a;
            hi = b;
        }
        fits.put(f.param(), new FitTarget(f.param(), lo, hi, f.paramSpan()));
    }

    List<FitTarget> fitTargets() {
        return List.copyOf(fits.values());
    }

    List<Observation> observations() {
        return List.copyOf(new ArrayList<>(declared.values()));
    }
}
