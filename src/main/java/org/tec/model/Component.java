package org.tec.model;

import java.util.List;
import java.util.Map;

/** The four empathy components a therapist regulates (Nook and Zaki 2026, Fig. 1). */
public enum Component implements Keyed {
    AFFECT_SHARING("affect_sharing", Param.AFFECT_SHARING, Var.AFFECT_SHARING),
    MENTALIZING("mentalizing", Param.MENTALIZING, Var.MENTALIZING),
    PROXIMAL_CONCERN("proximal_concern", Param.PROXIMAL_CONCERN, Var.PROXIMAL_CONCERN),
    DISTAL_CONCERN("distal_concern", Param.DISTAL_CONCERN, Var.DISTAL_CONCERN);

    private static final List<Component> ALL = List.of(values());
    private static final Map<String, Component> BY_KEY = Keyed.index(ALL);
    private static final List<String> KEYS = Keyed.keys(ALL);

    private final String key;
    private final Param trait;
    private final Var level;

    Component(String key, Param trait, Var level) {
        this.key = key;
        this.trait = trait;
        this.level = level;
    }

    public String key() { return key; }
    public Param trait() { return trait; }
    public Var level() { return level; }

    public static Component find(String key) {
        return BY_KEY.get(key);
    }

    public static List<String> keys() {
        return KEYS;
    }
}
