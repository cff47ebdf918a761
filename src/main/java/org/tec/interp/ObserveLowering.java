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

    List<Observation> observations() {
        return List.copyOf(new ArrayList<>(declared.values()));
    }
}
