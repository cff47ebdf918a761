package org.tec.interp;

/**
 * The checks across the runs of a study, by name: how many arguments each takes, whether it
 * follows an outcome along a sweep, its type, and how it combines the values of the runs.
 */
enum StudyFunction implements Named {
    PROPORTION(1, 1, "proportion(exposure.completed)"),
    MEAN(1, 1, "mean(client.fear at end)"),
    QUANTILE(2, 2, "quantile(peak(client.distress), 0.9)"),
    TREND(1, 1, "trend(client.fear at end)"),
    NEVER_RISES(1, 2, "never_rises(client.fear at end) or never_rises(client.fear at end, 0.01)"),
    NEVER_FALLS(1, 2, "never_falls(client.fear at end) or never_falls(client.fear at end, 0.01)"),
    FIRST_INDEX(2, 2, "first_index(exposure.completed, therapist.affect_sharing)"),
    TOTAL_INDEX(2, 2, "total_index(exposure.completed, therapist.affect_sharing)");

    private final int minArgs, maxArgs;
    private final String usage;

    StudyFunction(int minArgs, int maxArgs, String usage) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.usage = usage;
    }

    /** The function called {@code name}, or null. */
    static StudyFunction named(String name) {
        return Named.find(values(), name);
    }

    boolean takes(int args) {
        return args >= minArgs && args <= maxArgs;
    }

    /** How it is called, for a wrong number of arguments. */
    String usage() {
        return usage;
    }

    /** Whether it follows an outcome along the first swept param (and so needs a sweep). */
    boolean alongSweep() {
        return switch (this) {
            case TREND, NEVER_RISES, NEVER_FALLS -> true;
            case PROPORTION, MEAN, QUANTILE, FIRST_INDEX, TOTAL_INDEX -> false;
        };
    }

    /** The second argument when it is left out: never_rises and never_falls allow for rounding. */
    double defaultExtra() {
        return switch (this) {
            case NEVER_RISES, NEVER_FALLS -> 1e-9;
            case PROPORTION, MEAN, QUANTILE, TREND, FIRST_INDEX, TOTAL_INDEX -> 0;
        };
    }

    /** The type of its value over an argument of type {@code arg}. */
    Type type(Type arg) {
        return switch (this) {
            case NEVER_RISES, NEVER_FALLS -> Type.BOOL;
            case PROPORTION, TREND, FIRST_INDEX, TOTAL_INDEX -> Type.NUMBER;
            case MEAN, QUANTILE -> arg == Type.BOOL ? Type.NUMBER : arg;
        };
    }

    /**
     * {@code x} evaluated after each run, combined; {@code extra} is the second argument (or its
     * default); {@code arm} the index of the arm whose runs it combines, or -1 for every run.
     */
    Eval of(Eval x, double extra, int arm) {
        return f -> {
            StudyRuns runs = f.runs();
            if (runs == null || runs.runs().isEmpty()) return Double.NaN;
            double[] v = f.perRun(x);
            if (arm >= 0) {
                StudyRuns only = runs.ofArm(arm);
                return combine(only, StudyRuns.select(v, only), extra);
            }
            return combine(runs, v, extra);
        };
    }

    private double combine(StudyRuns runs, double[] v, double extra) {
        return switch (this) {
            case PROPORTION -> StudyFunctions.proportion(v);
            case MEAN -> StudyFunctions.mean(v);
            case QUANTILE -> StudyFunctions.quantile(v, extra);
            case TREND -> StudyFunctions.trend(runs, v);
            case NEVER_RISES -> StudyFunctions.monotone(runs, v, extra, true);
            case NEVER_FALLS -> StudyFunctions.monotone(runs, v, extra, false);
            // extra: the param's place among the varied ones
            case FIRST_INDEX -> Sensitivity.index(runs, v, (int) extra, true);
            case TOTAL_INDEX -> Sensitivity.index(runs, v, (int) extra, false);
        };
    }
}
