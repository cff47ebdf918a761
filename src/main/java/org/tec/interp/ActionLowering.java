package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.model.Component;
import org.tec.model.PhaseKind;
import org.tec.model.Var;
import org.tec.text.Numbers;

/** Actions, each lowered to a {@link Program.ActionPlan}: regulate, release, the therapist's verbs, end, log, set. */
final class ActionLowering extends Stage {
    /** A therapist's verb: its plan, and why it belongs only in an exposure phase (null: it belongs anywhere). */
    private record Verb(String word, String exposureOnly, Function<Span, Program.ActionPlan> plan) {}

    /** One entry per verb, in the order the hints list them. */
    private static final Map<String, Verb> VERBS = table(
            new Verb("encourage", "coaches approach to a feared stimulus", Program.ActionPlan.Encourage::new),
            new Verb("reassure", null, Program.ActionPlan.Reassure::new),
            new Verb("validate", null, s -> new Program.ActionPlan.Validate(false, s)),
            new Verb("reflect", null, s -> new Program.ActionPlan.Validate(true, s)),
            new Verb("confront", null, s -> new Program.ActionPlan.Confront(false, s)),
            new Verb("advise", null, s -> new Program.ActionPlan.Confront(true, s)));

    /** Every action word, for hints. */
    private static final List<String> WORDS = words();

    ActionLowering(Declarations names) {
        super(names);
    }

    private static Map<String, Verb> table(Verb... verbs) {
        Map<String, Verb> out = new LinkedHashMap<>();
        for (Verb v : verbs) out.put(v.word(), v);
        return out;
    }

    /** The one-word verbs, in table order. */
    static List<String> verbs() {
        return List.copyOf(VERBS.keySet());
    }

    /** The verbs that belong only in an exposure phase. */
    static List<String> exposureOnlyVerbs() {
        List<String> out = new ArrayList<>();
        for (Verb v : VERBS.values()) if (v.exposureOnly() != null) out.add(v.word());
        return List.copyOf(out);
    }

    private static List<String> words() {
        List<String> words = new ArrayList<>(List.of("regulate", "release", "end", "log", "set", "print"));
        words.addAll(VERBS.keySet());
        return List.copyOf(words);
    }

    /** The plans of a list of actions, or null if any of them has an error (each is reported). */
    List<Program.ActionPlan> all(List<Action> actions, PhaseKind kind) {
        List<Program.ActionPlan> out = new ArrayList<>();
        boolean ok = true;
        for (Action a : actions) {
            Program.ActionPlan p = action(a, kind);
            if (p == null) ok = false;
            else out.add(p);
        }
        return ok ? List.copyOf(out) : null;
    }

    /** One action, in a phase of {@code kind} (null: at the session's level, or typed live). */
    Program.ActionPlan action(Action a, PhaseKind kind) {
        if (a instanceof Action.Regulate r) return regulate(r);
        if (a instanceof Action.Release r) return release(r);
        if (a instanceof Action.Verb v) return verb(v, kind);
        if (a instanceof Action.End e) return end(e);
        if (a instanceof Action.Log l) return log(l);
        if (a instanceof Action.Print p) return print(p);
        if (a instanceof Action.Set s) return set(s);
        throw new IllegalStateException("unknown action " + a);
    }

    private Program.ActionPlan release(Action.Release r) {
        Component c = component(r.component(), r.componentSpan(), "release");
        Eval over = over(r.over());
        if (c == null || (r.over() != null && over == null)) return null;
        return new Program.ActionPlan.Release(c, over, r.span());
    }

    private Program.ActionPlan verb(Action.Verb v, PhaseKind kind) {
        if (Suggest.looksLikeTimeUnit(v.verb())) {
            // "over 2 mins": the number ended the regulation, and 'mins' reads as the next action
            sink.error(v.span(), "'" + v.verb() + "' is not a time unit", "time units are s, min, h, day and week, as in 2 min");
            return null;
        }
        Verb verb = VERBS.get(v.verb());
        if (verb == null) {
            String hint = Suggest.hint(v.verb(), WORDS);
            sink.error(v.span(), "unknown action '" + v.verb() + "'", hint != null ? hint : "actions: " + String.join(", ", WORDS));
            return null;
        }
        if (verb.exposureOnly() != null && kind != null && kind != PhaseKind.EXPOSURE) {
            sink.error(v.span(), "'" + verb.word() + "' " + verb.exposureOnly() + ", so it belongs in an exposure phase, not in "
                    + kind.key(), "move it into an exposure phase");
            return null;
        }
        return verb.plan().apply(v.span());
    }

    private Program.ActionPlan end(Action.End e) {
        String target = e.target();
        if (!target.equals("phase") && !target.equals("session") && !names.phaseRefs.contains(target)) {
            List<String> targets = new ArrayList<>(names.phaseRefs);
            targets.add("phase");
            targets.add("session");
            String hint = Suggest.hint(target, targets);
            sink.error(e.targetSpan(), "no phase is called '" + target + "'",
                    hint != null ? hint : "write end phase (the current one), end session, or end PHASE-NAME");
            return null;
        }
        return new Program.ActionPlan.End(target, e.span());
    }

    private Program.ActionPlan log(Action.Log l) {
        if (l.message() instanceof Expr.Str s) return new Program.ActionPlan.Log(null, s.value(), Type.STRING, l.span());
        Typed t = names.exprs.compile(l.message(), ExprCompiler.Context.LIVE);
        if (t == null) return null;
        return new Program.ActionPlan.Log(t.eval(), names.sourceText(l.message()), t.type(), l.span());
    }

    private Program.ActionPlan print(Action.Print p) {
        Typed t = names.exprs.compile(p.value(), ExprCompiler.Context.LIVE);
        if (t == null) return null;
        return new Program.ActionPlan.Log(t.eval(), names.printName(p), t.type(), p.span());
    }

    private Program.ActionPlan set(Action.Set s) {
        Var v = Var.find(s.target().text());
        if (v == null || !settable(v)) {
            List<String> settable = new ArrayList<>();
            for (Var x : Var.values()) if (settable(x)) settable.add(x.key());
            String hint = v != null ? "'" + v.key() + "' is computed by the model and cannot be set"
                    : Suggest.hint(s.target().text(), settable);
            sink.error(s.target().span(), (v == null ? "unknown variable '" : "cannot set '") + s.target().text() + "'",
                    hint != null ? hint : "settable: " + String.join(", ", settable));
            return null;
        }
        Typed t = names.exprs.compile(s.value(), ExprCompiler.Context.LIVE);
        if (t == null) return null;
        if (t.type() != Type.NUMBER) {
            sink.error(s.value().span(), "'set' needs a number, not " + t.type().words(), null);
            return null;
        }
        if (t.isConstant() && !v.allows(t.constant())) {
            sink.error(s.value().span(), v.key() + " must be between " + Numbers.plain(v.min()) + " and " + Numbers.plain(v.max())
                    + ", not " + Numbers.plain(t.constant()), null);
            return null;
        }
        return new Program.ActionPlan.Set(v, t.eval(), s.span());
    }

    /** Variables a script may set; the rest the model computes at every step. */
    private static boolean settable(Var v) {
        return !v.computed();
    }

    private Program.ActionPlan regulate(Action.Regulate r) {
        Component c = component(r.component(), r.componentSpan(), "regulate");
        if (c == null) return null;
        if (r.direction() == Action.Direction.NONE && r.amount() != Action.Amount.TO) {
            sink.error(r.span(), "regulate needs a direction or a target",
                    "write regulate " + c.key() + " up to 0.8, regulate " + c.key() + " down by 0.2, or regulate " + c.key() + " to 0.5");
            return null;
        }
        Eval value;
        boolean relative;
        double sign = r.direction() == Action.Direction.DOWN ? -1 : 1;
        if (r.amount() == Action.Amount.NONE) {
            value = f -> 0.2;
            relative = true;
        } else {
            value = level(r.value(), c);
            if (value == null) return null;
            relative = r.amount() == Action.Amount.BY;
        }
        Eval over = over(r.over());
        if (r.over() != null && over == null) return null;
        return new Program.ActionPlan.Regulate(c, value, relative, sign, r.direction() != Action.Direction.NONE, over,
                names.sourceText(r), r.span());
    }

    /** A component level (or a change of one): a number from 0 to 1. */
    private Eval level(Expr e, Component c) {
        Typed t = names.exprs.compile(e, ExprCompiler.Context.LIVE);
        if (t == null) return null;
        if (t.type() != Type.NUMBER) {
            sink.error(e.span(), "a component level is a number from 0 to 1, not " + t.type().words(), null);
            return null;
        }
        if (t.isConstant() && (t.constant() < 0 || t.constant() > 1)) {
            sink.error(e.span(), c.key() + " must be between 0 and 1, not " + Numbers.plain(t.constant()), null);
            return null;
        }
        return t.eval();
    }

    private Component component(String name, Span span, String verb) {
        if (name == null) {
            sink.error(span, "'" + verb + "' needs a component", "components: " + String.join(", ", Component.keys()));
            return null;
        }
        Component c = Component.find(name);
        if (c == null) {
            String hint = Suggest.hint(name, Component.keys());
            sink.error(span, "unknown empathy component '" + name + "'",
                    hint != null ? hint : "components: " + String.join(", ", Component.keys()));
        }
        return c;
    }

    /** The duration an action takes ('over 2 min'), or null: none given, or an error. */
    private Eval over(Expr e) {
        if (e == null) return null;
        Typed t = names.exprs.compile(e, ExprCompiler.Context.LIVE);
        if (t == null) return null;
        if (t.type() != Type.DURATION) {
            sink.error(e.span(), "'over' needs a duration such as 2 min",
                    t.isConstant() && t.type() == Type.NUMBER ? Declarations.addUnitHint(t.constant()) : null);
            return null;
        }
        if (t.isConstant() && t.constant() < 0) {
            sink.error(e.span(), "a duration cannot be negative", null);
            return null;
        }
        return t.eval();
    }
}
