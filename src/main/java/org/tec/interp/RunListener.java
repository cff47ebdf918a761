package org.tec.interp;

/** Called from the running thread after each step, for each recorded row and for each event. Must not block for long. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void step(double time, Frame state) {}

    default void event(Event e) {}

    /**
     * A row of the trajectory as it is recorded: session, phase name, minutes into the
     * session and the whole state (index = {@link org.tec.model.Var#ordinal()}; do not keep it).
     */
    default void row(int session, String phase, double time, double[] state) {}

    /** The last row's state changed at its own moment (an escape): replaces what {@link #row} gave. */
    default void rowReplaced(double[] state) {}

    /** Both listeners, in order. */
    static RunListener both(RunListener a, RunListener b) {
        if (a == NONE) return b;
        if (b == NONE) return a;
        return new RunListener() {
            @Override
            public void step(double time, Frame state) {
                a.step(time, state);
                b.step(time, state);
            }

            @Override
            public void event(Event e) {
                a.event(e);
                b.event(e);
            }

            @Override
            public void row(int session, String phase, double time, double[] state) {
                a.row(session, phase, time, state);
                b.row(session, phase, time, state);
            }

            @Override
            public void rowReplaced(double[] state) {
                a.rowReplaced(state);
                b.rowReplaced(state);
            }
        };
    }
}
