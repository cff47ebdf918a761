package org.tec.interp;

import org.tec.model.PhaseKind;

/** One phase as it ran: when it started and ended, and whether it ran its planned time. */
public record PhaseRecord(int session, int index, String ref, PhaseKind kind, String label, double start, double end,
                          double planned, boolean completed, boolean endedEarly, String endedBy) {
    public double duration() {
        return end - start;
    }

    /** "exposure \"doorknob\"" or "psychoeducation". */
    public String title() {
        String base = ref.equals(kind.key()) ? ref : kind.key() + " " + ref;
        return label == null ? base : base + " \"" + label + "\"";
    }
}
