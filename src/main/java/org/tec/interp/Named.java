package org.tec.interp;

import java.util.ArrayList;
import java.util.List;

/** An entry of one of the expression language's tables of names (measures, functions, properties). */
interface Named {
    /** How it is written in a scenario. */
    String word();

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
