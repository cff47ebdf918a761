package org.tec.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry of one of the language's tables of names (measures, functions, properties,
 * policies): an enum whose constants are named as scripts write them, in capitals
 * ({@code TIME_OF_PEAK} is {@code time_of_peak}), so the word is said once, as the constant.
 */
interface Named {
    /** How it is written in a scenario: the constant's name in lower case. */
    default String word() {
        return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The entry of {@code table} written {@code name}, or null. */
    static <E extends Named> E find(E[] table, String name) {
        for (E e : table) if (e.word().equals(name)) return e;
        return null;
    }

    /** Every entry's word, in table order (for hints and lists in messages). */
    static List<String> words(Named[] table) {
        List<String> out = new ArrayList<>();
        for (Named e : table) out.add(e.word());
        return List.copyOf(out);
    }
}
