package org.tec.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Exprs;
import org.tec.lang.ast.Item;
import org.tec.model.Param;
import org.tec.model.ParamSet;
import org.tec.model.PhaseKind;
import org.tec.model.Scope;
import org.tec.text.Numbers;

/**
 * The names a scenario declares, resolved before anything is lowered: its phases (so an
 * expression may name a later one), its params (with command-line overrides) and lets,
 * folded to constants. Also the helpers every later stage shares: the expression
 * compiler over those names, constant folding with a typed message, a node's source text.
 */
final class Declarations {
    final Diagnostics sink;
    final Compiler.Loaded loaded;
    private final Map<String, Double> overrides;
    private final OverrideOrigin origin;
    final Map<String, Typed> constants = new LinkedHashMap<>();
    /** The value of every param, after overrides: a program's parameters. */
    final Map<String, Double> declaredParams = new LinkedHashMap<>();
    final Set<String> phaseRefs = new LinkedHashSet<>();
    /** The names of the triggers written {@code as NAME}, at the top of the scenario or in a phase. */
    final Set<String> triggerNames = new LinkedHashSet<>();
    private final Map<String, String> paramFiles = new LinkedHashMap<>();
    private final SourceSet sources;
    ExprCompiler exprs;

    Declarations(Diagnostics sink, SourceSet sources, Compiler.Loaded loaded, Map<String, Double> overrides, OverrideOrigin origin) {
        this.sink = sink;
        this.origin = origin;
        this.sources = sources;
        this.loaded = loaded;
        this.overrides = overrides == null ? Map.of() : overrides;
    }

    /** Phase names, then params and lets in order, reporting every problem. */
    void resolve() {
        phaseNames();
        exprs = new ExprCompiler(sink, constants, phaseRefs);
        exprs.params(declaredParams.keySet());
        exprs.triggerNames(triggerNames);
        paramsAndLets();
    }

    /** The same names for a live session or an expression after a run: the scenario's own problems were reported when it was loaded. */
    void resolveQuietly() {
        phaseNames();
        exprs = new ExprCompiler(new Diagnostics(), constants, phaseRefs);
        paramsAndLets();
        exprs = new ExprCompiler(sink, constants, phaseRefs);
        exprs.params(declaredParams.keySet());
        exprs.triggerNames(triggerNames);
    }

    private void phaseNames() {
        for (Item i : loaded.items()) {
            if (i instanceof Item.Phase p) {
                // a phase answers to its own name and to its kind (then: every phase of that kind)
                phaseRefs.add(p.ref());
                if (PhaseKind.find(p.kind()) != null) phaseRefs.add(p.kind());
            }
            // an arm's triggers too: the checks every arm shares may count a trigger only one arm adds (0 elsewhere)
            if (i instanceof Item.Phase || i instanceof Item.Arm) Revisions.triggerNames(i, triggerNames::add);
            else triggerName(i);
        }
    }

    private void triggerName(Item i) {
        String name = Revisions.triggerName(i);
        if (name != null) triggerNames.add(name);
    }

    private void paramsAndLets() {
        for (Item i : loaded.items()) {
            if (i instanceof Item.Param p) param(p);
            else if (i instanceof Item.Let l) let(l);
        }
    }

    private void param(Item.Param p) {
        String earlier = paramFiles.get(p.name());
        boolean replacesImported = earlier != null && !earlier.equals(p.nameSpan().file());
        if (replacesImported) {
            // a param declared again by the importing file replaces the imported declaration
            constants.remove(p.name());
            declaredParams.remove(p.name());
        }
        if (constants.containsKey(p.name()) || isReserved(p.name(), p.nameSpan())) {
            if (constants.containsKey(p.name())) {
                sink.error(p.nameSpan(), "'" + p.name() + "' is already declared", "give it another name");
            }
            return;
        }
        Typed t = exprs.compile(p.value(), ExprCompiler.Context.CONSTANT);
        if (t == null) return;
        if (t.type() == Type.BOOL) {
            sink.error(p.value().span(), "a param holds a number or a duration", null);
            return;
        }
        double v = t.constant();
        Double o = overrides.get(p.name());
        if (o != null && !Double.isFinite(o)) {
            sink.error(origin.span(p.name()), "param " + p.name() + " must be a finite number, not " + Numbers.plain(o), null);
        } else if (o != null) {
            v = o;
        }
        declaredParams.put(p.name(), v);
        constants.put(p.name(), Typed.constant(t.type(), v));
        paramFiles.put(p.name(), p.nameSpan().file());
    }

    private void let(Item.Let l) {
        if (constants.containsKey(l.name())) {
            sink.error(l.nameSpan(), "'" + l.name() + "' is already declared", "give it another name");
            return;
        }
        if (isReserved(l.name(), l.nameSpan())) return;
        Typed t = exprs.compile(l.value(), ExprCompiler.Context.CONSTANT);
        if (t != null) constants.put(l.name(), t);
    }

    private boolean isReserved(String name, Span span) {
        if (ExprCompiler.GLOBALS.contains(name) || name.equals("client") || name.equals("therapist")
                || phaseRefs.contains(name)) {
            sink.error(span, "'" + name + "' is already the name of " + (phaseRefs.contains(name) ? "a phase" : "a built-in value"),
                    "choose another name");
            return true;
        }
        return false;
    }

    /** Every override's name must be a param of this scenario or a model parameter. */
    void checkOverrideNames() {
        for (String name : overrides.keySet()) {
            if (name.contains(".")) {
                if (modelParam(name) == null) {
                    sink.error(origin.span(name), "no model parameter '" + name + "'", noModelParamHint(name));
                }
                continue;
            }
            if (!declaredParams.containsKey(name)) {
                String hint = Suggest.hint(name, declaredParams.keySet());
                sink.error(origin.span(name), "no param '" + name + "' in this scenario",
                        hint != null ? hint : declaredParams.isEmpty() ? "the scenario declares no params"
                                : "params: " + String.join(", ", declaredParams.keySet()));
            }
        }
    }

    /** Command-line and sweep values for model parameters win over the script's own. */
    void applyModelOverrides(ParamSet.Builder params) {
        for (Map.Entry<String, Double> o : overrides.entrySet()) {
            Param p = modelParam(o.getKey());
            if (p == null) continue;
            double v = o.getValue();
            if (!p.allows(v)) {
                sink.error(origin.span(o.getKey()), o.getKey() + " must be between " + Numbers.plain(p.min())
                        + " and " + Numbers.plain(p.max()) + ", not " + Numbers.plain(v), null);
            } else {
                params.set(p, v);
                declaredParams.put(o.getKey(), v);
            }
        }
    }

    /** The model parameter a dotted name such as therapist.affect_sharing names, or null. */
    static Param modelParam(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) return null;
        String scope = dotted.substring(0, dot);
        for (Scope sc : Scope.values()) {
            if (sc.word().equals(scope)) return Param.find(sc, dotted.substring(dot + 1));
        }
        return null;
    }

    static String noModelParamHint(String dotted) {
        List<String> keys = new ArrayList<>();
        for (Param p : Param.values()) keys.add(p.scope().word() + "." + p.key());
        String hint = Suggest.hint(dotted, keys);
        return hint != null ? hint : "write therapist.NAME, client.NAME or model.NAME; tec params lists them";
    }

    /** A hint naming the overrides an expression uses (as their giver wrote them), or null when it uses none. */
    String fromOverrides(Expr e) {
        List<String> set = new ArrayList<>();
        Exprs.forEach(e, x -> !(x instanceof Expr.At), x -> {
            if (x instanceof Expr.Ref r && r.path().size() == 1 && overrides.containsKey(r.path().get(0))) {
                set.add(origin.shown(r.path().get(0), overrides.get(r.path().get(0))));
            }
        });
        return set.isEmpty() ? null : origin.from() + String.join(", ", set);
    }

    // ---------------------------------------------------------- shared by the stages

    /**
     * A constant whole number from 1 to {@code max}, or null with an error: "{@code subject} a
     * whole number from 1 to {@code max}, not 2.5" ({@code subject}: "sessions must be").
     */
    Integer count(Expr e, String words, String subject, int max) {
        Double v = constantOf(e, Type.NUMBER, words);
        if (v == null) return null;
        if (v != Math.rint(v) || v < 1 || v > max) {
            sink.error(e.span(), subject + " a whole number from 1 to " + max + ", not " + Numbers.plain(v), null);
            return null;
        }
        return (int) (double) v;
    }

    /** The value of a constant expression of type {@code want} (described as {@code words}), or null and an error. */
    Double constantOf(Expr e, Type want, String words) {
        Typed t = exprs.compile(e, ExprCompiler.Context.CONSTANT);
        if (t == null) return null;
        if (t.type() != want) {
            String hint = want == Type.DURATION && t.type() == Type.NUMBER ? addUnitHint(t.constant())
                    : want == Type.NUMBER && t.type() == Type.DURATION ? "drop the time unit" : null;
            sink.error(e.span(), "expected " + words + ", found " + t.type().words(), hint);
            return null;
        }
        return t.constant();
    }

    static String addUnitHint(double v) {
        String n = Numbers.plain(v);
        return "add a time unit: " + n + " min, " + n + " s or " + n + " h";
    }

    /**
     * The name a print's value goes by in reports and column headers: its label
     * ({@code print "fear drop": ...}), else its expression as written. A label that is
     * empty, too long or holds control characters is an error, and the expression names it.
     */
    String printName(Action.Print p) {
        if (p.label() == null) return sourceText(p.value());
        if (p.label().isBlank() || p.label().length() > 200 || p.label().chars().anyMatch(c -> org.tec.text.Printable.unsafe((char) c))) {
            sink.error(p.span(), "a print's label is a short line of printable text", "for example: print \"fear drop\": client.fear at start - client.fear at end");
            return sourceText(p.value());
        }
        return p.label();
    }

    /** The source text of an expression or an action, trimmed, as the user wrote it. */
    String sourceText(Object node) {
        Span s = node instanceof Expr e ? e.span() : node instanceof Action a ? a.span() : null;
        if (s == null) return "";
        String line = sources.line(s.file(), s.line());
        if (line == null || s.column() < 1) return "";
        int from = Math.min(line.length(), s.column() - 1);
        int to = Math.min(line.length(), from + s.length());
        return line.substring(from, to).trim();
    }
}
