package org.tec.model;

/** Which automatic decisions the therapist may take (a script may forbid them). */
public record Policy(boolean mayEndExposure, boolean mayReassure) {
    public static final Policy AUTOMATIC = new Policy(true, true);
}
