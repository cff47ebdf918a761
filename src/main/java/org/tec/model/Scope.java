package org.tec.model;

/** Who a parameter belongs to: set in a script's therapist block, client block or model block. */
public enum Scope {
    THERAPIST("therapist"), CLIENT("client"), MODEL("model");

    private final String word;

    Scope(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
