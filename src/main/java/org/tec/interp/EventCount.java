package org.tec.interp;

import java.util.List;

/**
 * What a researcher counts in a run: how often something happened, and when it first and
 * last did, over the run or {@code during} a phase. {@code count(reassure)},
 * {@code first(escape during exposure)}, {@code last(clamped)}, and of a named trigger,
 * {@code count(trigger calm_her)}. One table of the things that can be counted
 * ({@link Happening}, plus the script's own named triggers) and one of the functions over them.
 */
enum EventCount implements Named {
    COUNT, FIRST, LAST;

    /** The things that happen in a run and can be counted, each an event of the run's record. */
    enum Happening implements Named {
        REASSURE(Event.Kind.REASSURE), ENCOURAGE(Event.Kind.ENCOURAGE), VALIDATE(Event.Kind.VALIDATE),
        CONFRONT(Event.Kind.CONFRONT), REGULATE(Event.Kind.REGULATE), RELEASE(Event.Kind.RELEASE),
        /** A regulation the therapist's capacity limited (the report's "limited to"). */
        CLAMPED(Event.Kind.LIMITED),
        ESCAPE(Event.Kind.ESCAPE), ENDED_EARLY(Event.Kind.ENDED_EARLY), CLIENT_ASKS(Event.Kind.CLIENT_ASKS),
        NOTICE(Event.Kind.NOTICE), WALKOUT(Event.Kind.WALKOUT);

        final Event.Kind kind;

        Happening(Event.Kind kind) {
            this.kind = kind;
        }
    }

    /** The type of what it gives: a number of times, or a time in minutes into the session. */
    Type type() {
        return switch (this) {
            case COUNT -> Type.NUMBER;
            case FIRST, LAST -> Type.DURATION;
        };
    }

    /** Over the run's events of {@code what}, in the phases called {@code during} if any; NaN for a time that never came. */
    Eval of(Happening what, String during) {
        return f -> {
            List<PhaseRecord> window = during == null ? null : f.record().phases(during);
            Tally tally = new Tally();
            for (Event e : f.record().events()) {
                if (e.kind() == what.kind && inside(e.session(), e.time(), window)) tally.add(e.time());
            }
            return tally.give(this);
        };
    }

    /**
     * Over the firings of the trigger called {@code trigger} ({@code count(trigger NAME)}), in the
     * phases called {@code during} if any; NaN for a time that never came. The interpreter records
     * a named trigger's firings as they happen, so this reads only those, not every event.
     */
    Eval ofTrigger(String trigger, String during) {
        return f -> {
            List<PhaseRecord> window = during == null ? null : f.record().phases(during);
            RunRecord.Firings fired = f.record().firings(trigger);
            Tally tally = new Tally();
            for (int k = 0; k < fired.size(); k++) {
                if (inside(fired.session(k), fired.time(k), window)) tally.add(fired.time(k));
            }
            return tally.give(this);
        };
    }

    /** How many times, and the first and last time, in the order they came. */
    private static final class Tally {
        double count, first = Double.NaN, last = Double.NaN;

        void add(double time) {
            count++;
            if (Double.isNaN(first)) first = time;
            last = time;
        }

        double give(EventCount fn) {
            return switch (fn) {
                case COUNT -> count;
                case FIRST -> first;
                case LAST -> last;
            };
        }
    }

    private static boolean inside(int session, double time, List<PhaseRecord> window) {
        if (window == null) return true;
        for (PhaseRecord p : window) {
            if ((p.session() == session || p.session() == 0 || session == 0) && time >= p.start() && time <= p.end()) {
                return true;
            }
        }
        return false;
    }
}
