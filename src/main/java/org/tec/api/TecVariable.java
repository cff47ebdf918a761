package org.tec.api;

/**
 * A state variable of the circuit, as scripts, series and {@link TecSession#state()} name it.
 *
 * @param name        the dotted name: {@code client.distress}, {@code therapist.affect_sharing}, ...
 * @param unit        {@code SUDS}, {@code 0-1}, {@code min}, ...
 * @param min         the smallest value it takes
 * @param max         the largest value it takes
 * @param description what it stands for in the model
 */
public record TecVariable(String name, String unit, double min, double max, String description) {
    /** Whose it is: the part of the name before the dot ({@code client}, {@code therapist}, {@code exposure}). */
    public String party() {
        return name.substring(0, name.indexOf('.'));
    }
}
