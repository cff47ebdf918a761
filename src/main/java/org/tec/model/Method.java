package org.tec.model;

import java.util.List;
import java.util.Map;

/**
 * How a step integrates the model's continuous equations (MODEL.md, "Integration"). Every
 * method steps all continuous state together, from the same right-hand side; the noise terms
 * are added to the step as Euler-Maruyama increments whatever the method, and the jumps
 * (actions, escapes, decisions) happen between steps.
 */
public enum Method implements Keyed {
    /** Forward Euler: first order; the default of version 1 and of the library's goldens. */
    EULER(1, 1),
    /** Heun's method (explicit trapezoid): second order, two evaluations per step. */
    HEUN(2, 2),
    /** The classic fourth-order Runge-Kutta method: four evaluations per step. */
    RK4(4, 4),
    /**
     * Dormand-Prince 5(4), adaptive: within each step of the script it takes as many sub-steps as its
     * error control needs (error per sub-step at most the tolerance times each variable's range).
     */
    DOPRI5(5, 6);

    private static final Map<String, Method> BY_KEY = Keyed.index(List.of(values()));

    private final int order;
    private final int stages;

    Method(int order, int stages) {
        this.order = order;
        this.stages = stages;
    }

    @Override
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The order of the global error in the step, for smooth right-hand sides. */
    public int order() {
        return order;
    }

    /** Evaluations of the right-hand side per step. */
    public int stages() {
        return stages;
    }

    /** Whether the method chooses its own sub-steps (and takes a tolerance). */
    public boolean adaptive() {
        return this == DOPRI5;
    }

    /** "euler", "heun", "rk4" or "dopri5", or null. */
    public static Method find(String key) {
        return BY_KEY.get(key);
    }

    /** Every method's key, in order. */
    public static List<String> keys() {
        return Keyed.keys(List.of(values()));
    }
}
