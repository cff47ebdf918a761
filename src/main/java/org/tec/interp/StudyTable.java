package org.tec.interp;

/**
 * The tables a study writes with {@code emit WORD "FILE.csv"}, once, after its last run: its
 * prints summarised per arm and sweep point, and its contrasts (each arm, or each sweep point,
 * against the first).
 */
public enum StudyTable implements Named {
    SUMMARY,
    CONTRASTS;

    /** The word a script writes ({@code summary}). */
    @Override
    public String word() {
        return Named.super.word();
    }

    /** The table a script names, or null. */
    public static StudyTable named(String word) {
        return Named.find(values(), word);
    }

    /** Every table's word, for hints. */
    public static java.util.List<String> words() {
        return Named.words(values());
    }
}
