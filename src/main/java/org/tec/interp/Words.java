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

    /** {@code abs}, {@code sqrt}, {@code min}, {@code max}. */
    public static List<String> functions() {
        return Named.words(MathFunction.values());
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
