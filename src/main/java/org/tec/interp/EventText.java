package org.tec.interp;

import org.tec.text.Numbers;

/** The words events use for numbers and phases, the same in every event. */
final class EventText {
    private static final double[] SCALE = {1, 10, 100, 1000};

    private EventText() {}

    /** A number in an event: rounded half up to {@code places} decimals, then written as {@link Numbers#plain}. */
    static String rounded(double v, int places) {
        double scale = SCALE[places];
        return Numbers.plain(Math.round(v * scale) / scale);
    }

    /** "exposure", or "exposure e2" for a phase with a name of its own. */
    static String phase(Program.PhasePlan phase) {
        String kind = phase.kind().key();
        return phase.ref().equals(kind) ? kind : kind + " " + phase.ref();
    }
}
