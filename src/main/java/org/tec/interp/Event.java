package org.tec.interp;

/** Something that happened at a moment of a run, for the report, the JSON and listeners. */
public record Event(int session, double time, Kind kind, String message) {
    public enum Kind {
        PHASE_START, PHASE_END, REGULATE, LIMITED, RELEASE, ENCOURAGE, REASSURE, CLIENT_ASKS, ENDED_EARLY,
        ESCAPE, LOG, SET, PRINT, WARNING, SESSION_START, SESSION_END, COURSE_END, NOTICE, WALKOUT, VALIDATE, CONFRONT;

        private final String key = name().toLowerCase(java.util.Locale.ROOT);

        public String key() {
            return key;
        }
    }
}
