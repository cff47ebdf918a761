package org.tec.lang;

import java.util.List;
import org.tec.lang.parser.TecLexer;

/**
 * The time units of the language, one table for every place a duration is written: scripts,
 * {@code --set} and {@code --vary} on the command line, the REPL's {@code :step} and
 * {@code :run for}. Durations are held in minutes.
 */
public enum TimeUnit {
    SECOND(TecLexer.SEC, "s", "sec"),
    MINUTE(TecLexer.MIN, "min"),
    HOUR(TecLexer.HOUR, "h"),
    DAY(TecLexer.DAY, "day", "days"),
    WEEK(TecLexer.WEEK, "week", "weeks");

    private final int token;
    private final List<String> words;

    TimeUnit(int token, String... words) {
        this.token = token;
        this.words = List.of(words);
    }

    /** {@code value} of this unit, in minutes. */
    public double toMinutes(double value) {
        // the order of the operations is the one scripts have always used, so the bits stay the same
        return switch (this) {
            case SECOND -> value / 60;
            case MINUTE -> value;
            case HOUR -> value * 60;
            case DAY -> value * 24 * 60;
            case WEEK -> value * 7 * 24 * 60;
        };
    }

    /** The words that name this unit ({@code day}, {@code days}). */
    public List<String> words() {
        return words;
    }

    /** The unit a lexer token stands for, or null. */
    public static TimeUnit ofToken(int tokenType) {
        for (TimeUnit u : values()) if (u.token == tokenType) return u;
        return null;
    }

    /** Every word of every unit, for messages: {@code s, min, h, day, week}. */
    public static String summary() {
        return "s, min, h, day and week";
    }
}
