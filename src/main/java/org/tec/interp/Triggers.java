package org.tec.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The triggers of a phase or a session with what each has done so far, sorted once by
 * kind: the loop of a step looks only at the conditions, and at the timed triggers only
 * at the step the next one is due.
 */
final class Triggers {
    static final Triggers NONE = new Triggers(new State[0]);

    /** One trigger and what it has done in this phase or session. */
    static final class State {
        final Program.Trigger trigger;
        boolean previous;
        boolean fired;
        /** The step a timed trigger is due at; -1 for the others and for a time beyond any int of steps. */
        int step = -1;

        State(Program.Trigger trigger) {
            this.trigger = trigger;
        }
    }

    private final State[] all;
    private final State[] ats;
    private final State[] ends;
    private final State[] whens;
    /** The earliest step at which an unfired timed trigger is due; MAX_VALUE when none is. */
    private int nextAt;

    private Triggers(State[] all) {
        this.all = all;
        List<State> at = new ArrayList<>(), end = new ArrayList<>(), when = new ArrayList<>();
        Program.Trigger.Visitor<List<State>> kind = new Program.Trigger.Visitor<>() {
            @Override
            public List<State> atTime(Program.Trigger.AtTime t) { return at; }

            @Override
            public List<State> atEnd(Program.Trigger.AtEnd t) { return end; }

            @Override
            public List<State> when(Program.Trigger.When t) { return when; }
        };
        for (State s : all) s.trigger.accept(kind).add(s);
        ats = at.toArray(new State[0]);
        ends = end.toArray(new State[0]);
        whens = when.toArray(new State[0]);
        nextAt = due(-1);
    }

    /** Fresh states for {@code triggers}, each timed one due at its step of {@code dt} minutes. */
    static Triggers of(List<Program.Trigger> triggers, double dt) {
        return new Triggers(states(triggers, dt));
    }

    /** These triggers, with what they have done, and {@code more} fresh ones after them. */
    Triggers plus(List<Program.Trigger> more, double dt) {
        State[] added = states(more, dt);
        State[] both = Arrays.copyOf(all, all.length + added.length);
        System.arraycopy(added, 0, both, all.length, added.length);
        return new Triggers(both);
    }

    private static State[] states(List<Program.Trigger> triggers, double dt) {
        State[] out = new State[triggers.size()];
        for (int k = 0; k < out.length; k++) {
            Program.Trigger t = triggers.get(k);
            State s = new State(t);
            if (t instanceof Program.Trigger.AtTime a) {
                // a time beyond any int of steps never comes (the checker warns); it must not wrap round to an early step
                long step = Math.round(a.minutes() / dt);
                s.step = step > Integer.MAX_VALUE ? -1 : (int) step;
            }
            out[k] = s;
        }
        return out;
    }

    /** The earliest step after {@code step} at which an unfired timed trigger is due. */
    private int due(int step) {
        int next = Integer.MAX_VALUE;
        for (State s : ats) {
            if (!s.fired && s.step > step) next = Math.min(next, s.step);
        }
        return next;
    }

    /** Fires, in order, the timed triggers due at {@code step}; steps only grow, so one due earlier has been passed. */
    void fireAt(int step, Consumer<Program.Trigger> run) {
        if (step < nextAt) return;
        for (State s : ats) {
            if (s.step == step && !s.fired) {
                s.fired = true;
                run.accept(s.trigger);
            }
        }
        nextAt = due(step);
    }

    /**
     * Each trigger is looked at once per step, in order, so actions that make other conditions
     * true (a cascade) act at the next step at the earliest: a step fires each trigger at most
     * once, and no set of triggers can keep one instant from ending.
     */
    void fireWhen(Frame frame, Consumer<Program.Trigger> run) {
        for (State s : whens) {
            Program.Trigger.When w = (Program.Trigger.When) s.trigger;
            boolean now = ExprCompiler.truth(w.condition().eval(frame));
            if (now && !s.previous && !(w.once() && s.fired)) {
                s.fired = true;
                run.accept(w);
            }
            s.previous = now;
        }
    }

    /** Fires, in order, the triggers at the end of the phase or session. */
    void fireAtEnd(Consumer<Program.Trigger> run) {
        for (State s : ends) run.accept(s.trigger);
    }
}
