package org.tec.model;

/** What the therapist's automatic policy or the client decided in one step; the interpreter enacts it. */
public enum Decision {
    NONE, REASSURE, END_EXPOSURE, WALKOUT
}
