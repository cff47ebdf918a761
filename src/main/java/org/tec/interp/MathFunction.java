package org.tec.interp;


/** The functions of plain values, by name: how many arguments each takes and what it computes. */
enum MathFunction implements Named {
    ABS(1, "one argument"),
    SQRT(1, "one argument"),
    MIN(2, "one argument (a measure) or two (the smaller of two values)"),
    MAX(2, "one argument (a measure) or two (the larger of two values)");

    private final int arity;
    private final String takes;

    MathFunction(int arity, String takes) {
        this.arity = arity;
        this.takes = takes;
    }

    int arity() {
        return arity;
    }

    /** What it takes, in words, for a wrong number of arguments: "one argument". */
    String takes() {
        return takes;
    }

    /** The function called {@code name}, or null. */
    static MathFunction named(String name) {
        return Named.find(values(), name);
    }

    /** The function of {@code x} (and {@code y}, for two arguments; null otherwise). */
    Eval of(Eval x, Eval y) {
        return switch (this) {
            case ABS -> f -> Math.abs(x.eval(f));
            case SQRT -> f -> Math.sqrt(x.eval(f));
            case MIN -> f -> Math.min(x.eval(f), y.eval(f));
            case MAX -> f -> Math.max(x.eval(f), y.eval(f));
        };
    }
}
