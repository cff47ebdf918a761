package org.tec.interp;

import java.util.List;

/** The functions of plain values, by name: how many arguments each takes and what it computes. */
enum MathFunction implements Named {
    ABS("abs", 1, "one argument"),
    SQRT("sqrt", 1, "one argument"),
    MIN("min", 2, "one argument (a measure) or two (the smaller of two values)"),
    MAX("max", 2, "one argument (a measure) or two (the larger of two values)");

    private final String word;
    private final int arity;
    private final String takes;

    MathFunction(String word, int arity, String takes) {
        this.word = word;
        this.arity = arity;
        this.takes = takes;
    }

    @Override
    public String word() {
        return word;
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

    /** Every function's name, in table order (for hints). */
    static List<String> names() {
        return Named.words(values());
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
