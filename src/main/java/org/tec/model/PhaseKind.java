package org.tec.model;

import java.util.List;
import java.util.Map;

/** The kinds of session phase the model knows (MODEL.md sections 6-8). */
public enum PhaseKind implements Keyed {
    PSYCHOEDUCATION, ASSESSMENT, EXPOSURE, MI, CELEBRATE, SUPPORT, FREE;

    // worked out once (events name phases on every run), and in the root locale: in a Turkish
    // one, "PSYCHOEDUCATION".toLowerCase() has a dotless i and matches no script
    private static final List<PhaseKind> ALL = List.of(values());
    private static final Map<String, PhaseKind> BY_KEY = Keyed.index(ALL);
    private static final List<String> KEYS = Keyed.keys(ALL);

    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    public String key() {
        return key;
    }

    public static PhaseKind find(String key) {
        return BY_KEY.get(key);
    }

    public static List<String> keys() {
        return KEYS;
    }
}
