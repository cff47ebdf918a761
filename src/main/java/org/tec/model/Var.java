package org.tec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The circuit's state variables, in the order of the trajectory CSV's columns
 * (after {@code t,session,phase}). Index = ordinal.
 */
public enum Var implements Keyed {
    CLIENT_DISTRESS("client.distress", "SUDS", 0, 100, "client distress C"),
    CLIENT_POSITIVE("client.positive", "0-100", 0, 100, "client positive affect Cp"),
    FEAR("client.fear", "0-1", 0, 1, "strength of the catastrophic belief V"),
    HABITUATION("client.habituation", "0-1", 0, 1, "within-session habituation H"),
    SAFETY("client.safety", "0-1", 0, 1, "reliance on safety signals W"),
    URGE("client.urge", "0-1", 0, 1, "urge to escape or ritualise"),
    THERAPIST_DISTRESS("therapist.distress", "SUDS", 0, 100, "therapist distress T"),
    THERAPIST_POSITIVE("therapist.positive", "0-100", 0, 100, "therapist positive affect Tp"),
    PERCEIVED_DISTRESS("therapist.perceived_distress", "SUDS", 0, 100, "the therapist's estimate of C"),
    AFFECT_SHARING("therapist.affect_sharing", "0-1", 0, 1, "affect sharing s (current level)"),
    MENTALIZING("therapist.mentalizing", "0-1", 0, 1, "mentalizing m (current level)"),
    PROXIMAL_CONCERN("therapist.proximal_concern", "0-1", 0, 1, "proximal empathic concern ep"),
    DISTAL_CONCERN("therapist.distal_concern", "0-1", 0, 1, "distal empathic concern ed"),
    EFFORT("therapist.effort", "min", 0, Double.MAX_VALUE, "accumulated regulation effort"),
    UNDERSTOOD("client.understood", "0-1", 0, 1, "felt understanding U (MI)"),
    DEFENSIVENESS("client.defensiveness", "0-1", 0, 1, "defensiveness D (MI)"),
    ALLIANCE("client.alliance", "0-1", 0, 1, "therapeutic alliance A"),
    MOTIVATION("client.motivation", "0-1", 0, 1, "readiness to change K (MI)"),
    CONTACT("client.contact", "0-1", 0, 1, "contact with the feared stimulus X"),
    INTENSITY("exposure.intensity", "0-1", 0, 1, "current exposure intensity I (0 outside exposures)"),
    MI_CONSISTENT("therapist.mi_consistent", "0-1", 0, 1, "share of MI-consistent turns c (MI phases)"),
    FATIGUE("therapist.fatigue", "0-1", 0, 1, "fatigue f (carried between sessions)"),
    CLIENT_BASELINE("client.baseline", "SUDS", 0, 100, "client resting distress muC', with the rebound after an escape"),
    THERAPIST_BASELINE("therapist.baseline", "SUDS", 0, 100, "therapist resting distress muT + bf f, with the rebound after an escape"),
    ;

    public static final int COUNT = values().length;
    private static final Map<String, Var> BY_KEY = Keyed.index(List.of(values()));

    private final String key;
    private final String unit;
    private final double min;
    private final double max;
    private final String description;

    Var(String key, String unit, double min, double max, String description) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    public String key() { return key; }
    public String unit() { return unit; }
    public double min() { return min; }
    public double max() { return max; }
    public String description() { return description; }

    /** The one range check of a variable: false for NaN and anything outside [min, max]. */
    public boolean allows(double v) {
        return v >= min && v <= max;
    }

    /** Whether the model computes this variable at every step from the rest, so a script cannot set it. */
    public boolean computed() {
        return switch (this) {
            case EFFORT, INTENSITY, PERCEIVED_DISTRESS, MI_CONSISTENT, CLIENT_BASELINE, THERAPIST_BASELINE -> true;
            default -> false;
        };
    }

    /** "distress" for "client.distress". */
    public String field() {
        return key.substring(key.indexOf('.') + 1);
    }

    public String party() {
        return key.substring(0, key.indexOf('.'));
    }

    public static Var find(String key) {
        return BY_KEY.get(key);
    }

    public static List<String> fields(String party) {
        List<String> out = new ArrayList<>();
        for (Var v : values()) if (v.party().equals(party)) out.add(v.field());
        return out;
    }
}
