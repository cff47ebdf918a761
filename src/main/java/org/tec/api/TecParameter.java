package org.tec.api;

/**
 * A parameter of the model, as {@code tec params} lists it: set in a script's block, or
 * overridden by its dotted name ({@code therapist.affect_sharing}).
 *
 * @param block        {@code therapist}, {@code client} or {@code model}
 * @param name         its name within the block
 * @param symbol       its symbol in the model's equations
 * @param unit         {@code SUDS}, {@code 0-1}, {@code min}, ...
 * @param min          the smallest value allowed
 * @param max          the largest value allowed
 * @param defaultValue the default, or NaN when it takes another parameter's value
 * @param defaultFrom  the dotted name of that other parameter, or null
 * @param reason       why it has its value
 */
public record TecParameter(String block, String name, String symbol, String unit, double min, double max,
                           double defaultValue, String defaultFrom, String reason) {}
