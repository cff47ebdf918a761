package org.tec.interp;

import java.util.ArrayList;
import java.util.List;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Exprs;
import org.tec.lang.ast.Item;
import org.tec.lang.ast.TimePoint;
import org.tec.model.PhaseKind;
import org.tec.text.Numbers;

/** Triggers: 'at' a time or an edge of a phase (or session), and 'when' a condition holds. */
final class TriggerLowering extends Stage {
    final ActionLowering actions;

    TriggerLowering(Declarations names, ActionLowering actions) {
        super(names);
        this.actions = actions;
    }

    /** An at-trigger, at a time from the start of its phase (or session). */
    Program.Trigger at(Item.AtTrigger a, double phaseLength, PhaseKind kind) {
        List<Program.ActionPlan> plans = actions.all(a.actions(), kind);
        TimePoint when = a.when();
        if (when instanceof TimePoint.Edge e) {
            if (plans == null) return null;
            return e.start() ? new Program.Trigger.AtTime(0, plans, a.name()) : new Program.Trigger.AtEnd(plans, a.name());
        }
        Double t = names.constantOf(((TimePoint.Time) when).time(), Type.DURATION, "a time such as 2 min");
        if (t == null || plans == null) return null;
        if (t < 0) {
            sink.error(when.span(), "a trigger time cannot be negative", null);
            return null;
        }
        if (t > phaseLength + 1e-9) {
            sink.warning(when.span(), "this trigger never fires: the phase lasts only " + Numbers.plain(phaseLength) + " min", null);
        }
        return new Program.Trigger.AtTime(t, plans, a.name());
    }

    Program.Trigger when(Item.WhenTrigger w, PhaseKind kind) {
        Typed cond = names.exprs.compile(w.condition(), ExprCompiler.Context.LIVE);
        List<Program.ActionPlan> plans = actions.all(w.actions(), kind);
        if (cond == null || plans == null) return null;
        if (cond.type() != Type.BOOL) {
            sink.error(w.condition().span(), "'when' needs a condition, not " + cond.type().words(),
                    "for example: when client.distress > 80: encourage");
            return null;
        }
        for (Expr.Binary b : timeEqualities(w.condition())) {
            sink.warning(b.span(), "time moves in steps, so 't == ...' may never hold exactly",
                    "use 'at 5 min:' for a moment, or 't >= 5 min'");
        }
        if (cond.isConstant()) {
            sink.warning(w.condition().span(), cond.constant() != 0 ? "this condition is always true, so the trigger fires once at the start"
                    : "this condition is never true, so the trigger never fires", null);
        }
        return new Program.Trigger.When(cond.eval(), w.once(), plans, w.name());
    }

    /** Every {@code ==} comparison in a condition's logic (not inside a call) that involves t. */
    private static List<Expr.Binary> timeEqualities(Expr e) {
        List<Expr.Binary> out = new ArrayList<>();
        Exprs.forEach(e, TriggerLowering::operator, x -> {
            if (x instanceof Expr.Binary b && b.op().equals("==") && mentionsTime(b)) out.add(b);
        });
        return out;
    }

    private static boolean mentionsTime(Expr e) {
        return Exprs.any(e, x -> x instanceof Expr.Ref r && r.path().size() == 1 && r.path().get(0).equals("t"),
                TriggerLowering::operator);
    }

    private static boolean operator(Expr e) {
        return e instanceof Expr.Binary || e instanceof Expr.Unary;
    }
}
