package org.tec.interp;

/** The words of a {@code policy} statement: one entry each, with what it says when on and when off. */
enum PolicyWord implements Named {
    HOLD_EXPOSURE,
    NO_REASSURANCE,
    MANUAL,
    AUTOMATIC;

    /** What the statement says of ending exposures early and of reassuring: {may end, may reassure}, null for unchanged. */
    Boolean[] says(boolean on) {
        return switch (this) {
            case HOLD_EXPOSURE -> new Boolean[] {!on, null};
            case NO_REASSURANCE -> new Boolean[] {null, !on};
            case MANUAL -> new Boolean[] {!on, !on};
            case AUTOMATIC -> new Boolean[] {on, on};
        };
    }
}
