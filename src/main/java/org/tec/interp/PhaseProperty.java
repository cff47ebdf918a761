package org.tec.interp;

import java.util.List;

/** What can be asked of a phase, as in {@code exposure.completed}: over every time it ran. */
enum PhaseProperty implements Named {
    COMPLETED,
    DURATION,
    START,
    END,
    ENDED_EARLY;

    /** The property called {@code name}, or null. */
    static PhaseProperty named(String name) {
        return Named.find(values(), name);
    }

    /** This property of the phase {@code ref}. */
    Typed of(String ref) {
        return switch (this) {
            case COMPLETED -> Typed.of(Type.BOOL, f -> {
                List<PhaseRecord> ps = f.record().phases(ref);
                if (ps.isEmpty()) return 0;
                for (PhaseRecord p : ps) if (!p.completed()) return 0;
                return 1;
            });
            case ENDED_EARLY -> Typed.of(Type.BOOL, f -> {
                for (PhaseRecord p : f.record().phases(ref)) if (p.endedEarly()) return 1;
                return 0;
            });
            case DURATION -> Typed.of(Type.DURATION, f -> {
                double sum = 0;
                for (PhaseRecord p : f.record().phases(ref)) sum += p.duration();
                return sum;
            });
            case START -> Typed.of(Type.DURATION, f -> {
                List<PhaseRecord> ps = f.record().phases(ref);
                return ps.isEmpty() ? Double.NaN : ps.get(0).start();
            });
            case END -> Typed.of(Type.DURATION, f -> {
                List<PhaseRecord> ps = f.record().phases(ref);
                return ps.isEmpty() ? Double.NaN : ps.get(ps.size() - 1).end();
            });
        };
    }
}
