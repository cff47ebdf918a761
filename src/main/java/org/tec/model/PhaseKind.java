package org.tec.model;

import java.util.ArrayList;
import java.util.List;

/** The kinds of session phase the model knows (MODEL.md sections 6-8). */
public enum PhaseKind {
    PSYCHOEDUCATION, ASSESSMENT, EXPOSURE, MI, CELEBRATE, SUPPORT, FREE;

    // worked out once (events name phases on every run), and in the root locale: in a Turkish
    // one, "PSYCHOEDUCATION".toLowerCase() has a dotless i and matches no script
    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    public String key() {
        return key;
    }

    public static PhaseKind find(String key) {
        for (PhaseKind k : values()) if (k.key().equals(key)) return k;
        return null;
    }

    public static List<String> keys() {
        List<String> out = new ArrayList<>();
        for (PhaseKind k : values()) out.add(k.key());
        return out;
    }
}
