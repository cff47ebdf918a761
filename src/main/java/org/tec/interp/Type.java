package org.tec.interp;

/** The types of tec expressions. Booleans evaluate to 1 or 0; durations are minutes. */
enum Type {
    NUMBER("a number"), DURATION("a duration"), BOOL("a true/false condition"), STRING("a string");

    private final String words;

    Type(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
