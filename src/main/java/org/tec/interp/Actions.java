package org.tec.interp;

import static org.tec.interp.EventText.rounded;

import org.tec.model.Circuit;
import org.tec.model.Component;
import org.tec.model.PhaseKind;
import org.tec.model.Regulation;
import org.tec.model.Var;

/**
 * What a script's actions do to the circuit, and the event each one records: one method
 * per kind of {@link Program.ActionPlan}, so an action without one does not compile.
 */
record Actions(Interpreter run, Circuit circuit, Frame frame) implements Program.ActionPlan.Visitor<Void> {
    @Override
    public Void regulate(Program.ActionPlan.Regulate r) {
        Component c = r.component();
        double v = run.finite(r.value().eval(frame), "regulate " + c.key() + (r.relative() ? " by" : " to"), r.span());
        double level = circuit.get(c.level());
        double target = r.relative() ? level + r.sign() * v : v;
        // "down to x" never raises a component, "up to x" never lowers it
        if (!r.relative() && r.sign() < 0 && r.direction()) target = Math.min(level, target);
        if (!r.relative() && r.sign() > 0 && r.direction()) target = Math.max(level, target);
        double over = r.over() == null ? 0 : run.finite(r.over().eval(frame), "regulate " + c.key() + " over", r.span());
        Regulation res = circuit.regulate(c, target, over);
        run.event(Event.Kind.REGULATE, r.text());
        if (res.limited()) {
            double f = circuit.get(Var.FATIGUE);
            run.event(Event.Kind.LIMITED, c.key() + " target " + rounded(res.requested(), 3) + " limited to "
                    + rounded(res.target(), 3) + ": a therapist can move it at most " + rounded(res.capacity(), 3)
                    + " from the trait " + rounded(circuit.trait(c), 2) + (f > 0 ? " at fatigue " + rounded(f, 2) : ""));
        }
        return null;
    }

    @Override
    public Void release(Program.ActionPlan.Release r) {
        double over = r.over() == null ? 0 : run.finite(r.over().eval(frame), "release " + r.component().key() + " over", r.span());
        circuit.release(r.component(), over);
        run.event(Event.Kind.RELEASE, "release " + r.component().key() + " (back to the trait "
                + rounded(circuit.trait(r.component()), 2) + ")");
        return null;
    }

    @Override
    public Void encourage(Program.ActionPlan.Encourage e) {
        Program.PhasePlan current = run.currentPhase();
        if (current != null && current.kind() == PhaseKind.EXPOSURE) {
            circuit.encourage();
            run.event(Event.Kind.ENCOURAGE, "therapist encourages approach (client distress "
                    + rounded(circuit.get(Var.CLIENT_DISTRESS), 0) + ")");
        } else {
            run.event(Event.Kind.WARNING, "encourage ignored: no exposure is running");
        }
        return null;
    }

    @Override
    public Void reassure(Program.ActionPlan.Reassure r) {
        double before = circuit.get(Var.CLIENT_DISTRESS);
        circuit.reassure();
        run.event(Event.Kind.REASSURE, "therapist reassures; client distress " + rounded(before, 0) + " -> "
                + rounded(circuit.get(Var.CLIENT_DISTRESS), 0));
        return null;
    }

    @Override
    public Void validate(Program.ActionPlan.Validate v) {
        double before = circuit.get(Var.UNDERSTOOD);
        circuit.validate();
        run.event(Event.Kind.VALIDATE, "therapist " + (v.reflect() ? "reflects" : "validates") + " (understood "
                + rounded(before, 2) + " -> " + rounded(circuit.get(Var.UNDERSTOOD), 2) + ")");
        return null;
    }

    @Override
    public Void confront(Program.ActionPlan.Confront c) {
        double before = circuit.get(Var.DEFENSIVENESS);
        circuit.confront();
        run.event(Event.Kind.CONFRONT, "therapist " + (c.advise() ? "advises without permission" : "confronts")
                + " (defensiveness " + rounded(before, 2) + " -> " + rounded(circuit.get(Var.DEFENSIVENESS), 2) + ")");
        return null;
    }

    @Override
    public Void end(Program.ActionPlan.End e) {
        run.end(e.target());
        return null;
    }

    @Override
    public Void log(Program.ActionPlan.Log l) {
        String text = l.type() == Type.STRING ? l.text() : l.text() + " = " + Values.format(l.value().eval(frame), l.type());
        run.event(Event.Kind.LOG, text);
        return null;
    }

    @Override
    public Void set(Program.ActionPlan.Set s) {
        double v = run.finite(s.value().eval(frame), "set " + s.variable().key() + " to", s.span());
        circuit.set(s.variable(), v);
        run.event(Event.Kind.SET, "set " + s.variable().key() + " = " + rounded(circuit.get(s.variable()), 2));
        return null;
    }
}
