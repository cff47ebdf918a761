package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Expr;
import org.tec.model.Var;

/** Names in expressions: constants, globals, state variables and phase properties. */
final class References extends ExprPart {
    References(ExprCompiler exprs, Diagnostics sink) {
        super(exprs, sink);
    }

    Typed ref(Expr.Ref r, ExprCompiler.Context ctx) {
        List<String> path = r.path();
        String head = path.get(0);
        if (path.size() == 1) return name(r, head, ctx);
        if (head.equals("client") || head.equals("therapist")) return variable(r, head, ctx);
        if (path.size() == 2 && path.get(1).equals("intensity") && (head.equals("exposure") || exprs.phaseRefs().contains(head))) {
            if (!exprs.needsState(r.span(), ctx, r.text())) return null;
            return Typed.of(Type.NUMBER, new ExprCompiler.StateVar(Var.INTENSITY.ordinal()));
        }
        if (exprs.phaseRefs().contains(head)) return phaseProperty(r, head, ctx);
        if (path.size() == 2 && PhaseProperty.named(path.get(1)) != null) {
            // exposure.completed where no phase is called exposure: say that, not "unknown name"
            exprs.unknownPhase(head, r.spans().get(0));
            return null;
        }
        List<String> names = new ArrayList<>(exprs.phaseRefs());
        names.add("client");
        names.add("therapist");
        sink.error(r.spans().get(0), "unknown name '" + head + "'", ExprCompiler.hintOr(Suggest.hint(head, names),
                "before the dot: client, therapist, or the name of a phase"));
        return null;
    }

    /** A name without a dot: a constant, a global, or a mistake. */
    private Typed name(Expr.Ref r, String head, ExprCompiler.Context ctx) {
        Typed k = exprs.constants().get(head);
        if (k != null) return exprs.constant(head, k);
        Global g = Global.named(head);
        if (g != null) return exprs.needsState(r.span(), ctx, head) ? g.typed() : null;
        if (head.equals("client") || head.equals("therapist")) {
            sink.error(r.span(), "'" + head + "' needs a variable, as in " + head + "." + Var.fields(head).get(0),
                    head + " variables: " + String.join(", ", Var.fields(head)));
            return null;
        }
        if (exprs.phaseRefs().contains(head)) {
            sink.error(r.span(), "a phase is not a value", "write " + head + ".completed, " + head
                    + ".duration, or a measure such as peak(client.distress during " + head + ")");
            return null;
        }
        List<String> names = new ArrayList<>(exprs.constants().keySet());
        names.addAll(Named.words(Global.values()));
        names.add("client");
        names.add("therapist");
        names.addAll(exprs.phaseRefs());
        sink.error(r.span(), "unknown name '" + head + "'", ExprCompiler.hintOr(Suggest.hint(head, names),
                "names are params, lets, t, client.VARIABLE, therapist.VARIABLE or PHASE.completed"));
        return null;
    }

    /** client.X or therapist.X. */
    private Typed variable(Expr.Ref r, String head, ExprCompiler.Context ctx) {
        List<String> path = r.path();
        String field = path.get(1);
        Var v = Var.find(head + "." + field);
        if (v == null || path.size() > 2) {
            Span at = r.spans().get(Math.min(1, r.spans().size() - 1));
            sink.error(at, "unknown " + head + " variable '" + field + "'", ExprCompiler.hintOr(Suggest.hint(field, Var.fields(head)),
                    head + " variables: " + String.join(", ", Var.fields(head))));
            return null;
        }
        if (!exprs.needsState(r.span(), ctx, v.key())) return null;
        return Typed.of(Type.NUMBER, new ExprCompiler.StateVar(v.ordinal()));
    }

    /** PHASE.property. */
    private Typed phaseProperty(Expr.Ref r, String head, ExprCompiler.Context ctx) {
        List<String> path = r.path();
        PhaseProperty prop = path.size() == 2 ? PhaseProperty.named(path.get(1)) : null;
        if (prop == null) {
            Span at = r.spans().get(Math.min(1, r.spans().size() - 1));
            String word = path.size() > 1 ? path.get(1) : "";
            List<String> props = Named.words(PhaseProperty.values());
            sink.error(at, "unknown phase property '" + word + "'",
                    ExprCompiler.hintOr(Suggest.hint(word, props), "phase properties: " + String.join(", ", props)));
            return null;
        }
        if (!exprs.needsState(r.span(), ctx, r.text())) return null;
        return prop.of(head);
    }
}
