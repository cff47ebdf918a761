package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Item;

/**
 * A study's arms as scripts: each arm is the scenario with the arm's body applied, a param
 * the arm sets replacing the scenario's declaration where it stands (so the lets after it see
 * the arm's value), and every other statement of the body after the scenario's own (a
 * therapist's or client's trait set again, a trigger or phase added, a policy switched, an
 * imported phase replaced or extended). The arms' declarations stay in each copy, so every
 * copy knows the names of all of them.
 */
final class Arms {
    private Arms() {}

    /** The arms a scenario declares, in order. */
    static List<Item.Arm> of(List<Item> items) {
        List<Item.Arm> out = new ArrayList<>();
        for (Item i : items) if (i instanceof Item.Arm a) out.add(a);
        return out;
    }

    /** The items of the scenario as arm {@code arm} runs it. */
    static List<Item> items(List<Item> scenario, Item.Arm arm) {
        if (arm.from() != null) return instead(scenario, arm);
        Map<String, Item.Param> params = new LinkedHashMap<>();
        List<Item> rest = new ArrayList<>();
        for (Item i : arm.items()) {
            if (i instanceof Item.Param p) params.put(p.name(), p);
            else rest.add(i);
        }
        List<Item> out = new ArrayList<>(scenario.size() + rest.size());
        for (Item i : scenario) {
            // the last declaration of a param is the one a scenario uses (an importer's replaces an import's)
            out.add(i instanceof Item.Param p && params.containsKey(p.name()) && isLast(scenario, p) ? params.get(p.name()) : i);
        }
        out.addAll(rest);
        return List.copyOf(out);
    }

    /**
     * An arm that is another scenario: the study's own statements about the study (its
     * replicates, sweeps, arms, noise, seed, prints, checks and outputs) and its params (the
     * other scenario's, read after them, replace those of the same name), then the other
     * scenario's session in place of the study's.
     */
    private static List<Item> instead(List<Item> scenario, Item.Arm arm) {
        List<Item> out = new ArrayList<>();
        for (Item i : scenario) if (aboutTheStudy(i)) out.add(i);
        out.addAll(arm.items());
        return List.copyOf(out);
    }

    private static boolean aboutTheStudy(Item i) {
        return i instanceof Item.Replicate || i instanceof Item.Sweep || i instanceof Item.Arm || i instanceof Item.Noise
                || i instanceof Item.Method
                || i instanceof Item.Seed || i instanceof Item.Goal || i instanceof Item.Expect || i instanceof Item.Emit
                || i instanceof Item.Plot || i instanceof Item.Param || i instanceof Item.Let
                || (i instanceof Item.Do d && d.action() instanceof Action.Print);
    }

    private static boolean isLast(List<Item> scenario, Item.Param p) {
        for (int k = scenario.size() - 1; k >= 0; k--) {
            if (scenario.get(k) instanceof Item.Param q && q.name().equals(p.name())) return q == p;
        }
        return false;
    }

    /** {@code replace goal} and {@code remove goal}: an arm may not change what the study measures either way. */
    private static boolean isGoalRevision(Item i) {
        return i instanceof Item.Replace rep && rep.target() == Item.Target.GOAL || i instanceof Item.Remove rem && rem.target() == Item.Target.GOAL;
    }

    /**
     * Why a statement may not stand in an arm, or null if it may: an arm changes the session;
     * what the study measures and how it runs (replicates, seeds, noise, the time step, a
     * course's length) are the same in every arm, or the arms would not be comparable.
     */
    static String refused(Item i) {
        String what = i instanceof Item.Replicate ? "replicate" : i instanceof Item.Sweep ? "sweep" : i instanceof Item.Arm ? "arm"
                : i instanceof Item.Seed ? "seed" : i instanceof Item.Noise ? "noise" : i instanceof Item.Step ? "step"
                : i instanceof Item.Method ? "method"
                : i instanceof Item.Sessions ? "sessions" : i instanceof Item.Interval ? "interval" : i instanceof Item.Until ? "until"
                : i instanceof Item.Goal || isGoalRevision(i) ? "goal" : i instanceof Item.Expect ? "expect" : i instanceof Item.Emit ? "emit"
                : i instanceof Item.Plot ? "plot" : i instanceof Item.Scenario ? "scenario" : i instanceof Item.Import ? "import"
                : i instanceof Item.Do d && d.action() instanceof Action.Print ? "print"
                : i instanceof Item.Vary ? "vary" : i instanceof Item.Design dd ? (dd.sensitivity() ? "sensitivity" : "design")
                : i instanceof Item.PlotSensitivity ? "plot" : null;
        if (what == null) return null;
        return switch (what) {
            case "goal", "expect", "emit", "plot", "print" -> "'" + what + "' in an arm: an arm changes the session, and what the study measures is the same in every arm";
            case "arm", "scenario" -> "an arm cannot hold " + (what.equals("arm") ? "another arm" : "a scenario");
            case "import" -> "'import' in an arm: imports are read with the scenario";
            default -> "'" + what + "' in an arm: how the study runs (replicates, sweeps, designs, seeds, noise, the time step, a course's length) is the same in every arm";
        };
    }
}
