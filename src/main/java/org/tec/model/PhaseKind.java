package org.tec.model;

import java.util.ArrayList;
import java.util.List;

/** The kinds of session phase the model knows (MODEL.md sections 6-8). */
public enum PhaseKind {
    PSYCHOEDUCATION, ASSESSMENT, EXPOSURE, MI, CELEBRATE, SUPPORT, FREE;

    public String key() {
        return name().toLowerCase();
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
