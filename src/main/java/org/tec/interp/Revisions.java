package org.tec.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Item;
import org.tec.model.PhaseKind;

/**
 * Changing what came before, by name: {@code replace}, {@code extend} and {@code remove} of
 * a phase, a named trigger or a goal. One pure pass over a scenario's flattened items (its
 * imports expanded, a study arm's own items after its base's), in order: each revision acts
 * on what the items before it declared, so replacing twice is fine and the last one wins.
 * The items keep their spans, so later errors still point into the file that wrote them.
 * Policies need no revision: {@code policy X on|off} already lets the last word win.
 *
 * <p>Every name is looked up in a map, and a phase's body grows in place, so the pass is
 * linear in the items however many revisions a script holds. Revisions belong at the top
 * of a scenario; one inside a phase is left to {@link PhaseLowering}, which refuses it there.
 *
 * <p>Last, the names of the triggers that remain are checked: each names one trigger of the
 * scenario, and no trigger is named as a phase is.
 */
final class Revisions {
    private Revisions() {}

    /** How many near names an error lists when none is near enough for a did-you-mean. */
    private static final int LISTED = 8;
    /**
     * How many names the did-you-mean of misnamed revisions may compare in all: each compares the
     * name with every name declared, so without a bound a script of many names and many misses
     * would take their product (20 000 of each: 4e8 edit distances). Past it, the error lists names.
     */
    static final int COMPARED = 100_000;

    /** The scenario with its revisions applied (the same one when it has none). */
    static Compiler.Loaded apply(Compiler.Loaded loaded, Diagnostics sink) {
        List<Item> revised = apply(loaded.items(), sink);
        if (revised == loaded.items()) return loaded;
        return new Compiler.Loaded(loaded.name(), loaded.file(), revised, loaded.hasScenario(), loaded.course(), loaded.span());
    }

    /** The items with every revision applied and removed; the same list when there is none. */
    static List<Item> apply(List<Item> items, Diagnostics sink) {
        boolean any = false;
        for (Item i : items) {
            if (isRevision(i)) {
                any = true;
                break;
            }
        }
        List<Item> out = any ? new Pass(sink).run(items) : items;
        checkTriggerNames(out, sink);
        return out;
    }

    static boolean isRevision(Item i) {
        return i instanceof Item.Replace || i instanceof Item.Extend || i instanceof Item.Remove;
    }

    /** One top-level statement of the result; a phase's body is kept apart so it can grow in place. */
    private static final class Slot {
        Item item;
        List<Item> body;
        boolean changed;

        Slot(Item item) {
            this.item = item;
            if (item instanceof Item.Phase p) body = new ArrayList<>(p.items());
        }

        Item build() {
            if (!(item instanceof Item.Phase p) || !changed) return item;
            List<Item> kept = new ArrayList<>(body.size());
            for (Item i : body) if (i != null) kept.add(i);
            return new Item.Phase(p.kind(), p.kindSpan(), p.name(), p.nameSpan(), p.label(), p.duration(), p.intensity(),
                    List.copyOf(kept), p.span());
        }
    }

    /** Where a named trigger is: a top-level slot, or a place in a phase's body. */
    private record Place(Slot slot, int index) {
        boolean inPhase() {
            return slot.body != null;
        }
    }

    private static final class Pass {
        private final Diagnostics sink;
        private final List<Slot> slots = new ArrayList<>();
        private final Map<String, List<Slot>> phases = new LinkedHashMap<>();
        private final Map<String, List<Slot>> goals = new LinkedHashMap<>();
        /** The first place of each trigger name: a second is an error of its own (checked last), not a second entry here. */
        private final Map<String, Place> triggers = new LinkedHashMap<>();
        private long compared;

        Pass(Diagnostics sink) {
            this.sink = sink;
        }

        List<Item> run(List<Item> items) {
            for (Item i : items) {
                if (i instanceof Item.Replace r) replace(r);
                else if (i instanceof Item.Extend e) extend(e);
                else if (i instanceof Item.Remove r) remove(r);
                else add(i);
            }
            List<Item> out = new ArrayList<>(slots.size());
            for (Slot s : slots) if (s.item != null) out.add(s.build());
            return List.copyOf(out);
        }

        private void add(Item i) {
            Slot s = new Slot(i);
            slots.add(s);
            index(s);
        }

        private void index(Slot s) {
            Item i = s.item;
            if (i instanceof Item.Phase p) {
                phases.computeIfAbsent(p.ref(), k -> new ArrayList<>(1)).add(s);
                for (int k = 0; k < s.body.size(); k++) indexTrigger(s.body.get(k), new Place(s, k));
            } else if (i instanceof Item.Goal g) {
                goals.computeIfAbsent(g.name(), k -> new ArrayList<>(1)).add(s);
            } else {
                indexTrigger(i, new Place(s, -1));
            }
        }

        private void indexTrigger(Item i, Place where) {
            String name = triggerName(i);
            if (name != null) triggers.putIfAbsent(name, where);
        }

        private void forget(Slot s) {
            Item i = s.item;
            if (i instanceof Item.Phase p) {
                drop(phases, p.ref(), s);
                for (int k = 0; k < s.body.size(); k++) {
                    String name = triggerName(s.body.get(k));
                    if (name != null) triggers.remove(name, new Place(s, k));
                }
            } else if (i instanceof Item.Goal g) {
                drop(goals, g.name(), s);
            } else {
                String name = triggerName(i);
                if (name != null) triggers.remove(name, new Place(s, -1));
            }
        }

        private static <T> void drop(Map<String, List<T>> map, String key, T value) {
            List<T> at = map.get(key);
            if (at == null) return;
            at.remove(value);
            if (at.isEmpty()) map.remove(key);
        }

        // ------------------------------------------------------------ the three revisions

        private void replace(Item.Replace r) {
            switch (r.target()) {
                case PHASE -> {
                    Slot s = phase(r.name(), r.nameSpan(), "replace");
                    if (s == null) return;
                    forget(s);
                    s.item = r.with();
                    s.body = new ArrayList<>(((Item.Phase) r.with()).items());
                    s.changed = false;
                    index(s);
                }
                case GOAL -> {
                    Slot s = one(goals, r.name(), r.nameSpan(), "replace");
                    if (s == null) return;
                    forget(s);
                    s.item = r.with();
                    index(s);
                }
                case TRIGGER -> {
                    Place p = trigger(r.name(), r.nameSpan(), "replace");
                    if (p == null) return;
                    triggers.remove(r.name(), p);
                    put(p, r.with());
                    indexTrigger(r.with(), p);
                }
            }
        }

        private void extend(Item.Extend e) {
            Slot s = phase(e.phase(), e.phaseSpan(), "extend");
            if (s == null) return;
            for (Item i : e.items()) {
                s.body.add(i);
                indexTrigger(i, new Place(s, s.body.size() - 1));
            }
            s.changed = true;
        }

        private void remove(Item.Remove r) {
            switch (r.target()) {
                case PHASE -> {
                    Slot s = phase(r.name(), r.nameSpan(), "remove");
                    if (s == null) return;
                    forget(s);
                    s.item = null;
                    s.body = null;
                }
                case GOAL -> {
                    Slot s = one(goals, r.name(), r.nameSpan(), "remove");
                    if (s == null) return;
                    forget(s);
                    s.item = null;
                }
                case TRIGGER -> {
                    Place p = trigger(r.name(), r.nameSpan(), "remove");
                    if (p == null) return;
                    triggers.remove(r.name(), p);
                    put(p, null);
                }
            }
        }

        private static void put(Place p, Item with) {
            if (p.inPhase()) {
                p.slot().body.set(p.index(), with);
                p.slot().changed = true;
            } else {
                p.slot().item = with;
            }
        }

        // ------------------------------------------------------------ finding what a revision names

        private Slot phase(String name, Span span, String verb) {
            return one(phases, name, span, verb);
        }

        private Slot one(Map<String, List<Slot>> map, String name, Span span, String verb) {
            List<Slot> at = map.get(name);
            boolean phase = map == phases;
            if (at == null) {
                notFound(phase ? Item.Target.PHASE : Item.Target.GOAL, name, span, verb, map.keySet());
                return null;
            }
            if (at.size() > 1) {
                Item first = at.get(0).item;
                sink.error(span, (phase ? "'" + name + "' names " : "\"" + name + "\" names ") + at.size()
                                + (phase ? " phases" : " goals") + ", so it is not clear which to " + verb,
                        phase ? "give the phase to change a name of its own, as in phase exposure doorknob for ... (the first is at "
                                + first.span() + ")" : "give each goal its own name (the first is at " + first.span() + ")");
                return null;
            }
            return at.get(0);
        }

        private Place trigger(String name, Span span, String verb) {
            Place at = triggers.get(name);
            if (at == null) notFound(Item.Target.TRIGGER, name, span, verb, triggers.keySet());
            return at;
        }

        private void notFound(Item.Target what, String name, Span span, String verb, java.util.Collection<String> names) {
            String shown = what == Item.Target.GOAL ? "\"" + name + "\"" : "'" + name + "'";
            compared += names.size();
            String hint = compared <= COMPARED ? Suggest.hint(name, names) : null;
            if (hint == null) hint = names.isEmpty() ? nothingYet(what) : "the " + plural(what) + " so far: " + listed(what, names);
            sink.error(span, "no " + what.word() + " " + shown + " to " + verb, hint);
        }

        private static String nothingYet(Item.Target what) {
            String tail = what == Item.Target.TRIGGER ? " (a trigger has a name when written 'when ... as NAME:')"
                    : what == Item.Target.GOAL ? " (an imported scenario's goals stay with it; a file without a scenario lends its goals)" : "";
            return "nothing before this statement declares a " + what.word() + tail
                    + "; a revision changes what an import or an earlier statement declared";
        }

        private static String plural(Item.Target what) {
            return what.word() + "s";
        }

        private static String listed(Item.Target what, java.util.Collection<String> names) {
            List<String> shown = new ArrayList<>();
            for (String n : names) {
                if (shown.size() == LISTED) {
                    shown.add("... (" + names.size() + " in all)");
                    break;
                }
                shown.add(what == Item.Target.GOAL ? "\"" + n + "\"" : n);
            }
            return String.join(", ", shown);
        }
    }

    /** A trigger's name, or null for anything else and for a trigger without one. */
    static String triggerName(Item i) {
        if (i instanceof Item.AtTrigger a) return a.name();
        if (i instanceof Item.WhenTrigger w) return w.name();
        return null;
    }

    /**
     * Every trigger name written in {@code i}: a trigger's own, those in a phase's body, in an
     * arm's, an {@code extend}'s or a {@code replace}'s. Bodies nest a bounded number of levels
     * (the parser limits blocks), so the walk's depth is bounded too.
     */
    static void triggerNames(Item i, java.util.function.Consumer<String> to) {
        String name = triggerName(i);
        if (name != null) to.accept(name);
        List<Item> body = i instanceof Item.Phase p ? p.items() : i instanceof Item.Arm a ? a.items()
                : i instanceof Item.Extend e ? e.items() : i instanceof Item.Replace r ? List.of(r.with()) : List.of();
        for (Item inner : body) triggerNames(inner, to);
    }

    /** Each trigger name names one trigger, and none is the name of a phase. */
    private static void checkTriggerNames(List<Item> items, Diagnostics sink) {
        Map<String, Span> phaseNames = new HashMap<>();
        for (Item i : items) {
            if (i instanceof Item.Phase p) {
                phaseNames.putIfAbsent(p.ref(), p.name() != null ? p.nameSpan() : p.kindSpan());
                if (PhaseKind.find(p.kind()) != null) phaseNames.putIfAbsent(p.kind(), p.kindSpan());
            }
        }
        Map<String, Span> seen = new HashMap<>();
        for (Item i : items) {
            check(i, seen, phaseNames, sink);
            if (i instanceof Item.Phase p) for (Item inner : p.items()) check(inner, seen, phaseNames, sink);
        }
    }

    private static void check(Item i, Map<String, Span> seen, Map<String, Span> phaseNames, Diagnostics sink) {
        String name = triggerName(i);
        if (name == null) return;
        Span span = i instanceof Item.AtTrigger a ? a.nameSpan() : ((Item.WhenTrigger) i).nameSpan();
        Span first = seen.putIfAbsent(name, span);
        if (first != null) {
            sink.error(span, "a second trigger named '" + name + "' (the first is at " + first + ")",
                    "give each trigger its own name; to change the first, write replace when ... as " + name + ": ...");
        } else if (phaseNames.containsKey(name)) {
            sink.error(span, "'" + name + "' is already the name of a phase (at " + phaseNames.get(name) + ")",
                    "give the trigger another name, such as " + name + "_trigger");
        }
    }
}
