package org.tec.interp;


/** The names every scenario has: the time, the session, and the run's flags. */
enum Global implements Named {
    T(Type.DURATION, false, Frame::time),
    SESSION(Type.NUMBER, false, Frame::session),
    SESSIONS(Type.NUMBER, true, f -> f.record().sessions()),
    ENDED_EARLY(Type.BOOL, true, f -> f.record().anyEndedEarly() ? 1 : 0),
    WALKED_OUT(Type.BOOL, true, f -> f.record().walkedOut() ? 1 : 0);

    private final Type type;
    private final boolean perRun;
    private final Eval eval;

    Global(Type type, boolean perRun, Eval eval) {
        this.type = type;
        this.perRun = perRun;
        this.eval = eval;
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

}
