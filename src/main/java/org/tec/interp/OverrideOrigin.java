package org.tec.interp;

import org.tec.diag.Span;
import org.tec.text.Numbers;

/**
 * Who gave a scenario's overrides, so that an override's error names it as its giver wrote
 * it: the command line's {@code --set NAME=VALUE}, or an embedding program's map
 * ({@code override NAME}).
 */
public enum OverrideOrigin {
    /** {@code tec run --set} and {@code tec sweep --vary}: reported at {@code <command line>:1:1}. */
    COMMAND_LINE,
    /** A program's map ({@code TecScript.run(Map)}, {@code TecEngine.check(file, overrides)}): reported as {@code override NAME}. */
    API;

    /** Where an error about the override {@code name} is reported. */
    Span span(String name) {
        return this == COMMAND_LINE ? new Span("<command line>", 1, 1, name.length()) : new Span("override " + name, 0, 0, 0);
    }

    /** The override as its giver wrote it: {@code --set dose=3} or {@code override dose = 3}. */
    String shown(String name, double value) {
        return this == COMMAND_LINE ? "--set " + name + "=" + Numbers.plain(value) : "override " + name + " = " + Numbers.plain(value);
    }

    /** The start of a hint that a value came from overrides. */
    String from() {
        return this == COMMAND_LINE ? "the value comes from the command line: " : "the value comes from an override: ";
    }
}
