package org.tec.interp;


/**
 * The measures of a run, by name: what each is worked out from (one pass over the rows of
 * its window, or one over them in time order) and what it reads from that pass. A new
 * measure is an entry here and, if it needs one, a new sum in {@link Measures.Sums}.
 */
enum Measure implements Named {
    PEAK(false),
    MAX(false),
    MIN(false),
    MEAN(false),
    TIME_OF_PEAK(false),
    AUC(true),
    SLOPE(true);

    private final boolean overTime;

    Measure(boolean overTime) {
        this.overTime = overTime;
    }

    /** Whether the measure needs time in order (area, slope) rather than the rows alone. */
    boolean overTime() {
        return overTime;
    }

    /** The measure called {@code name}, or null. */
    static Measure named(String name) {
        return Named.find(values(), name);
    }

    /** The type of the measure of a value of type {@code arg}: a condition's is a number (a share of time, an area). */
    Type type(Type arg) {
        return switch (this) {
            case TIME_OF_PEAK -> Type.DURATION;
            case PEAK, MAX, MIN, MEAN, AUC, SLOPE -> arg == Type.BOOL ? Type.NUMBER : arg;
        };
    }

    /** The measure, read from its pass over the window (which saw at least one defined value). */
    double read(Measures.Sums s) {
        return switch (this) {
            case PEAK, MAX -> s.max;
            case MIN -> s.min;
            case MEAN -> s.sum / s.n;
            case TIME_OF_PEAK -> s.timeOfMax;
            case AUC -> s.area;
            case SLOPE -> s.slope();
        };
    }
}
