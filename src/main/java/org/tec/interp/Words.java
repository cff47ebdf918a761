package org.tec.interp;

import java.util.List;

/**
 * The words of the language that are names rather than keywords of the grammar, each
 * read from the one table that gives it its meaning: the one-word actions, the measures,
 * the functions, the study functions, the phase properties and the built-in values. The
 * editor side (completion, help) lists them from here, so a new entry in a table is
 * offered without a list kept by hand.
 */
public final class Words {
    private Words() {}

    /** {@code encourage}, {@code reassure}, ... : the one-word therapist actions. */
    public static List<String> verbs() {
        return ActionLowering.verbs();
    }

    /** The verbs that belong only in an exposure phase. */
    public static List<String> exposureOnlyVerbs() {
        return ActionLowering.exposureOnlyVerbs();
    }

    /** {@code peak}, {@code mean}, {@code auc}, ... : measures over a run. */
    public static List<String> measures() {
        return Named.words(Measure.values());
    }

    /** {@code abs}, {@code sqrt}, {@code min}, {@code max}, and the counts of a run's events: {@code count}, {@code first}, {@code last}. */
    public static List<String> functions() {
        List<String> out = new java.util.ArrayList<>(Named.words(MathFunction.values()));
        out.addAll(Named.words(EventCount.values()));
        return List.copyOf(out);
    }

    /** What {@code count(...)} can count: {@code reassure}, {@code escape}, {@code clamped}, ... */
    public static List<String> happenings() {
        return Named.words(EventCount.Happening.values());
    }

    /** {@code mean}, {@code quantile}, ... : functions over a study's runs. */
    public static List<String> studyFunctions() {
        return Named.words(StudyFunction.values());
    }

    /** {@code completed}, {@code duration}, ... : what {@code PHASE.} can be followed by. */
    public static List<String> phaseProperties() {
        return Named.words(PhaseProperty.values());
    }

    /** {@code t}, {@code session}, ... : values every expression can read. */
    public static List<String> globals() {
        return Named.words(Global.values());
    }
}
