package org.tec.interp;

import java.util.List;

/** The names every scenario has: the time, the session, and the run's flags. */
enum Global implements Named {
    T("t", Type.DURATION, false, Frame::time),
    SESSION("session", Type.NUMBER, false, Frame::session),
    SESSIONS("sessions", Type.NUMBER, true, f -> f.record().sessions()),
    ENDED_EARLY("ended_early", Type.BOOL, true, f -> f.record().anyEndedEarly() ? 1 : 0),
    WALKED_OUT("walked_out", Type.BOOL, true, f -> f.record().walkedOut() ? 1 : 0);

    private final String word;
    private final Type type;
    private final boolean perRun;
    private final Eval eval;

    Global(String word, Type type, boolean perRun, Eval eval) {
        this.word = word;
        this.type = type;
        this.perRun = perRun;
        this.eval = eval;
    }

    @Override
    public String word() {
        return word;
    }

    /** Whether it is one value for the whole run (a flag, a count), not one that moves with the time. */
    boolean perRun() {
        return perRun;
    }

    Typed typed() {
        return Typed.of(type, eval);
    }

    /** The global called {@code name}, or null. */
    static Global named(String name) {
        return Named.find(values(), name);
    }

    static List<String> names() {
        return Named.words(values());
    }
}
