package org.tec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A constant a script names by its key: the one lookup by key and list of keys of the model's enums. */
interface Keyed {
    String key();

    /** The constants by key (the first of any two with the same key); {@code get} of an unknown key or null is null. */
    static <E extends Keyed> Map<String, E> index(List<E> constants) {
        Map<String, E> byKey = new HashMap<>();
        for (E e : constants) byKey.putIfAbsent(e.key(), e);
        return Collections.unmodifiableMap(byKey);
    }

    /** The keys, in the order the constants are declared; unmodifiable. */
    static List<String> keys(List<? extends Keyed> constants) {
        List<String> out = new ArrayList<>(constants.size());
        for (Keyed e : constants) out.add(e.key());
        return Collections.unmodifiableList(out);
    }
}
