package org.tec.lang;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.lang.ast.Action;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;
import org.tec.lang.ast.TimePoint;
import org.tec.lang.parser.TecParser;
import org.tec.lang.parser.TecParser.*;

/**
 * Turns an ANTLR parse tree into the immutable AST, and does nothing else: no
 * checking of names, no evaluation. Nodes that a syntax error left incomplete are
 * skipped, since the error has been reported already; an incomplete node with no error
 * reported is itself reported at its position, so nothing is dropped silently.
 */
final class AstBuilder {
    private final String file;
    private final Diagnostics sink;

    AstBuilder(String file, Diagnostics sink) {
        this.file = file;
        this.sink = sink;
    }

    /**
     * How many statements and expression nodes one compile may read from one text. No script a
     * person writes comes near it (the largest scenario has a few hundred); a generated one
     * that does is refused where it crosses the line, so that the passes after this one, each
     * linear in the nodes, stay within a bounded time and heap.
     */
    static final int MAX_NODES = 1_000_000;
    private int nodes;

    /** Thrown, after its error, when the text holds more than {@link #MAX_NODES} nodes: the compile stops. */
    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private void count(ParserRuleContext c) {
        if (++nodes > MAX_NODES) {
            sink.error(span(c), "the script has more than " + MAX_NODES + " statements and expression nodes",
                    "split it into smaller scripts, or generate fewer statements");
            throw new OverBudget();
        }
    }

    List<Item> items(List<ItemContext> ctxs) {
        List<Item> out = new ArrayList<>();
        for (ItemContext c : ctxs) {
            try {
                count(c);
                Item i = item(c);
                if (i != null) out.add(i);
            } catch (Incomplete e) {
                incomplete(c);
            }
            c.children = null; // read: its subtree (and tokens) can go while the rest is built
        }
        return out;
    }

    /** A node a syntax error left incomplete is skipped; if no error explains it, this reports one. */
    private void incomplete(ParserRuleContext c) {
        if (!sink.hasErrors()) sink.error(span(c), "this statement is incomplete", "see docs/LANGUAGE.md for its form");
    }

    /** Thrown when a parse-tree node is missing a part because of a syntax error. */
    private static final class Incomplete extends RuntimeException {
        Incomplete() {
            super(null, null, false, false);
        }
    }

    private static <T> T need(T node) {
        if (node == null) throw new Incomplete();
        return node;
    }

    Item item(ItemContext c) {
        Span span = span(c);
        if (c instanceof ImportItemContext x) return new Item.Import(string(need(x.STRING())), span);
        if (c instanceof ScenarioItemContext x) return new Item.Scenario(string(need(x.STRING())), false, items(x.item()), span);
        if (c instanceof CourseItemContext x) return new Item.Scenario(string(need(x.STRING())), true, items(x.item()), span);
        if (c instanceof SessionItemContext x) return new Item.Unsupported("session", span(x.SESSION()));
        if (c instanceof SessionsItemContext x) return new Item.Sessions(expr(x.expr()), span);
        if (c instanceof IntervalItemContext x) return new Item.Interval(expr(x.expr()), span);
        if (c instanceof UntilItemContext x) return new Item.Until(expr(x.expr()), span);
        if (c instanceof ReplicateItemContext x) return new Item.Replicate(expr(x.expr()), span);
        if (c instanceof ArmItemContext x) {
            List<TerminalNode> strings = x.STRING();
            if (strings.isEmpty()) throw new Incomplete();
            if (x.FROM() != null) {
                if (strings.size() < 2) throw new Incomplete();
                return new Item.Arm(string(strings.get(0)), span(strings.get(0)), List.of(), span, string(strings.get(1)), span(strings.get(1)));
            }
            return new Item.Arm(string(strings.get(0)), span(strings.get(0)), items(x.item()), span);
        }
        if (c instanceof SweepItemContext x) {
            if (x.IN() != null) {
                return new Item.Sweep(x.dotted().getText(), span(x.dotted()), null, null, null, exprs(x.exprList()), span);
            }
            List<ExprContext> es = x.expr();
            if (es.size() != 3) throw new Incomplete();
            return new Item.Sweep(x.dotted().getText(), span(x.dotted()), expr(es.get(0)), expr(es.get(1)), expr(es.get(2)), null, span);
        }
        if (c instanceof VaryItemContext x) {
            List<ExprContext> es = x.expr();
            if (es.size() != 2) throw new Incomplete();
            return new Item.Vary(x.dotted().getText(), span(x.dotted()), expr(es.get(0)), expr(es.get(1)), span);
        }
        if (c instanceof DesignItemContext x) {
            return new Item.Design(x.name().getText(), span(x.name()), expr(x.expr()), false, span);
        }
        if (c instanceof SensitivityItemContext x) {
            return new Item.Design(x.name().getText(), span(x.name()), expr(x.expr()), true, span);
        }
        if (c instanceof PlotSensitivityItemContext x) {
            return new Item.PlotSensitivity(x.STRING() == null ? null : string(x.STRING()), x.STRING() == null ? null : span(x.STRING()), span);
        }
        if (c instanceof StepItemContext x) return new Item.Step(expr(x.expr()), span);
        if (c instanceof SeedItemContext x) return new Item.Seed(expr(x.expr()), span);
        if (c instanceof MethodItemContext x) {
            return new Item.Method(x.name().getText(), span(x.name()), x.expr() == null ? null : expr(x.expr()), span);
        }
        if (c instanceof NoiseItemContext x) {
            if (x.ON() != null) return new Item.Noise(true, null, span);
            if (x.OFF() != null) return new Item.Noise(false, null, span);
            return new Item.Noise(null, expr(x.expr()), span);
        }
        if (c instanceof TherapistItemContext x) return declare(Item.Party.THERAPIST, x.STRING(), x.setting(), span);
        if (c instanceof ClientItemContext x) return declare(Item.Party.CLIENT, x.STRING(), x.setting(), span);
        if (c instanceof ModelItemContext x) return declare(Item.Party.MODEL, null, x.setting(), span);
        if (c instanceof ParamItemContext x) return new Item.Param(x.name().getText(), span(x.name()), expr(x.expr()), span);
        if (c instanceof LetItemContext x) return new Item.Let(x.name().getText(), span(x.name()), expr(x.expr()), span);
        if (c instanceof FitItemContext x) {
            List<ExprContext> es = x.expr();
            if (es.size() == 2) return new Item.Fit(x.dotted().getText(), span(x.dotted()), expr(es.get(0)), expr(es.get(1)), span);
            if (!es.isEmpty()) throw new Incomplete();
            return new Item.Fit(x.dotted().getText(), span(x.dotted()), null, null, span);
        }
        if (c instanceof ObserveItemContext x) {
            TecParser.ObserveNoiseContext n = x.observeNoise();
            if (n instanceof ProportionalNoiseContext p) {
                return new Item.Observe(x.name().getText(), span(x.name()), expr(x.expr()), Item.ObserveNoise.PROPORTIONAL, expr(p.expr()), span);
            }
            if (n instanceof ConstantNoiseContext k) {
                return new Item.Observe(x.name().getText(), span(x.name()), expr(x.expr()), Item.ObserveNoise.CONSTANT, expr(k.expr()), span);
            }
            return new Item.Observe(x.name().getText(), span(x.name()), expr(x.expr()), Item.ObserveNoise.ESTIMATED, null, span);
        }
        if (c instanceof GoalItemContext x) {
            return new Item.Goal(string(need(x.STRING())), expr(x.expr()), tolerance(x.tolerance()), span, confidence(x.confidence()));
        }
        if (c instanceof ExpectItemContext x) {
            ParserRuleContext last = x.confidence() != null ? x.confidence() : x.tolerance();
            return new Item.Expect(expr(x.expr()), tolerance(x.tolerance()), text(x.expr(), last), span, confidence(x.confidence()));
        }
        if (c instanceof PolicyItemContext x) {
            return new Item.Policy(x.name().getText(), span(x.name()), x.OFF() == null, span);
        }
        if (c instanceof PhaseItemContext x) return phase(x.name(), x.STRING(), x.expr(), x.intensity(), x.item(), span);
        if (c instanceof AtItemContext x) {
            return new Item.AtTrigger(timePoint(x.timePoint()), actions(x.actionBlock()), span, nameOf(x.name()), spanOf(x.name()));
        }
        if (c instanceof WhenItemContext x) {
            return new Item.WhenTrigger(expr(x.expr()), x.ONCE() != null, actions(x.actionBlock()), span,
                    nameOf(x.name()), spanOf(x.name()));
        }
        if (c instanceof ReplacePhaseItemContext x) {
            Item.Phase p = phase(x.name(), x.STRING(), x.expr(), x.intensity(), x.item(), span);
            return new Item.Replace(Item.Target.PHASE, p.ref(), p.name() != null ? p.nameSpan() : p.kindSpan(), p, span);
        }
        if (c instanceof ReplaceAtItemContext x) {
            NameContext n = need(x.name());
            Item.AtTrigger a = new Item.AtTrigger(timePoint(x.timePoint()), actions(x.actionBlock()), span, n.getText(), span(n));
            return new Item.Replace(Item.Target.TRIGGER, a.name(), a.nameSpan(), a, span);
        }
        if (c instanceof ReplaceWhenItemContext x) {
            NameContext n = need(x.name());
            Item.WhenTrigger w = new Item.WhenTrigger(expr(x.expr()), x.ONCE() != null, actions(x.actionBlock()), span,
                    n.getText(), span(n));
            return new Item.Replace(Item.Target.TRIGGER, w.name(), w.nameSpan(), w, span);
        }
        if (c instanceof ReplaceGoalItemContext x) {
            Item.Goal g = new Item.Goal(string(need(x.STRING())), expr(x.expr()), tolerance(x.tolerance()), span);
            return new Item.Replace(Item.Target.GOAL, g.name(), span(x.STRING()), g, span);
        }
        if (c instanceof ExtendItemContext x) {
            NameContext n = need(x.name());
            return new Item.Extend(n.getText(), span(n), items(x.item()), span);
        }
        if (c instanceof RemoveItemContext x) {
            if (x.STRING() != null) return new Item.Remove(Item.Target.GOAL, string(x.STRING()), span(x.STRING()), span);
            NameContext n = need(x.name());
            return new Item.Remove(x.PHASE() != null ? Item.Target.PHASE : Item.Target.TRIGGER, n.getText(), span(n), span);
        }
        if (c instanceof EmitItemContext x) {
            return new Item.Emit(x.name().getText(), span(x.name()), string(need(x.STRING())), span(x.STRING()),
                    x.expr() == null ? null : expr(x.expr()), vars(x.varList()), span);
        }
        if (c instanceof PlotItemContext x) {
            return new Item.Plot(vars(x.varList()), false, x.STRING() == null ? null : string(x.STRING()),
                    x.STRING() == null ? null : span(x.STRING()), span);
        }
        if (c instanceof PlotSweepItemContext x) {
            return new Item.Plot(List.of(), true, x.STRING() == null ? null : string(x.STRING()),
                    x.STRING() == null ? null : span(x.STRING()), span);
        }
        if (c instanceof ActionItemContext x) {
            Action a = action(x.action());
            return new Item.Do(a, span);
        }
        throw new Incomplete();
    }

    private Item.Declare declare(Item.Party party, TerminalNode label, List<SettingContext> settings, Span span) {
        List<Item.Setting> out = new ArrayList<>();
        for (SettingContext s : settings) {
            if (s.name() == null || s.expr() == null) continue;
            try {
                out.add(new Item.Setting(s.name().getText(), span(s.name()), expr(s.expr())));
            } catch (Incomplete e) {
                incomplete(s);
            }
        }
        return new Item.Declare(party, label == null ? null : string(label), out, span);
    }

    /** A phase, or the new phase of a {@code replace phase}: the two share their form. */
    private Item.Phase phase(List<NameContext> names, TerminalNode label, ExprContext duration, IntensityContext ic,
                             List<ItemContext> body, Span span) {
        NameContext kind = need(names.isEmpty() ? null : names.get(0));
        NameContext name = names.size() > 1 ? names.get(1) : null;
        Item.Intensity intensity = null;
        if (ic instanceof RampIntensityContext r) {
            intensity = new Item.Intensity.Ramp(expr(r.expr(0)), expr(r.expr(1)));
        } else if (ic instanceof StepIntensityContext st) {
            intensity = new Item.Intensity.Steps(exprs(st.exprList()));
        } else if (ic instanceof ConstantIntensityContext k) {
            intensity = new Item.Intensity.Constant(expr(k.expr()));
        }
        return new Item.Phase(kind.getText(), span(kind), name == null ? null : name.getText(),
                name == null ? null : span(name), label == null ? null : string(label),
                expr(duration), intensity, items(body), span);
    }

    private static String nameOf(NameContext n) {
        return n == null ? null : n.getText();
    }

    private Span spanOf(NameContext n) {
        return n == null ? null : span(n);
    }

    private TimePoint timePoint(TimePointContext c) {
        need(c);
        if (c instanceof StartPointContext) return new TimePoint.Edge(true, null, null, span(c));
        if (c instanceof EndPointContext) return new TimePoint.Edge(false, null, null, span(c));
        if (c instanceof TimeAtContext t) return new TimePoint.Time(expr(t.expr()), span(c));
        throw new Incomplete();
    }

    private List<Action> actions(ActionBlockContext c) {
        need(c);
        List<Action> out = new ArrayList<>();
        for (ActionContext a : c.action()) {
            try {
                out.add(action(a));
            } catch (Incomplete e) {
                incomplete(a);
            }
        }
        return out;
    }

    private Action action(ActionContext c) {
        need(c);
        Span span = span(c);
        if (c instanceof RegulateActionContext r) {
            Action.Direction dir = r.direction == null ? Action.Direction.NONE
                    : r.direction.getType() == TecParser.UP ? Action.Direction.UP : Action.Direction.DOWN;
            Action.Amount amount = r.how == null ? Action.Amount.NONE
                    : r.how.getType() == TecParser.TO ? Action.Amount.TO : Action.Amount.BY;
            Expr value = null;
            Expr over = null;
            List<ExprContext> es = r.expr();
            int i = 0;
            if (r.how != null) value = expr(es.get(i++));
            if (r.OVER() != null) over = expr(need(i < es.size() ? es.get(i) : null));
            return new Action.Regulate(r.name() == null ? null : r.name().getText(),
                    r.name() == null ? span(r.REGULATE()) : span(r.name()), dir, amount, value, over, span);
        }
        if (c instanceof ReleaseActionContext r) {
            return new Action.Release(r.name() == null ? null : r.name().getText(),
                    r.name() == null ? span(r.RELEASE()) : span(r.name()),
                    r.expr() == null ? null : expr(r.expr()), span);
        }
        if (c instanceof EndActionContext e) {
            if (e.PHASE() != null) return new Action.End("phase", span(e.PHASE()), span);
            return new Action.End(need(e.name()).getText(), span(e.name()), span);
        }
        if (c instanceof LogActionContext l) return new Action.Log(expr(l.expr()), span);
        if (c instanceof SetActionContext s) return new Action.Set(ref(need(s.dotted())), expr(s.expr()), span);
        if (c instanceof PrintActionContext p) return new Action.Print(expr(p.expr()), span, p.STRING() == null ? null : string(p.STRING()));
        if (c instanceof VerbActionContext v) return new Action.Verb(v.IDENT().getText(), span);
        throw new Incomplete();
    }

    /** {@code with confidence LEVEL}; another word after 'with' is an error that says what is meant. */
    private Item.Confidence confidence(ConfidenceContext c) {
        if (c == null) return null;
        NameContext word = need(c.name());
        if (!word.getText().equals("confidence")) {
            sink.error(span(word), "expected 'confidence' after 'with', found '" + word.getText() + "'",
                    "write, for example: expect proportion(exposure.completed) >= 0.5 with confidence 0.95");
        }
        return new Item.Confidence(expr(c.expr()), span(c));
    }

    private Item.Tolerance tolerance(ToleranceContext c) {
        if (c == null) return null;
        double amount = number(need(c.NUMBER()));
        return new Item.Tolerance(amount, c.PERCENT() != null, span(c));
    }

    private List<Expr> vars(VarListContext c) {
        List<Expr> out = new ArrayList<>();
        if (c == null) return out;
        for (VarRefContext v : c.varRef()) {
            if (v.name().size() != 2) throw new Incomplete();
            out.add(new Expr.Ref(List.of(v.name(0).getText(), v.name(1).getText()), List.of(span(v.name(0)), span(v.name(1))), span(v)));
        }
        return out;
    }

    private List<Expr> exprs(ExprListContext c) {
        List<Expr> out = new ArrayList<>();
        if (c == null) return out;
        for (ExprContext e : c.expr()) out.add(expr(e));
        return out;
    }

    /**
     * How deep expressions may nest (a chain a + b + c + ... counts each operator). Every later
     * pass (checks, compilation, evaluation) walks the tree recursively; the limit keeps them all
     * far inside any thread's stack, and no script a person writes comes near it.
     */
    static final int MAX_DEPTH = 256;
    private int depth;

    Expr expr(ExprContext c) {
        need(c);
        count(c);
        if (depth >= MAX_DEPTH) {
            sink.error(span(c), "this expression is nested too deeply (more than " + MAX_DEPTH + " levels)",
                    "split it into smaller parts with let");
            throw new Incomplete();
        }
        depth++;
        try {
            return exprAtDepth(c);
        } finally {
            depth--;
        }
    }

    private Expr exprAtDepth(ExprContext c) {
        Span span = span(c);
        if (c instanceof PrimaryExprContext p) return primary(p.primary());
        if (c instanceof AtExprContext a) return new Expr.At(expr(a.expr()), atTime(need(a.when)), span);
        if (c instanceof UnaryExprContext u) return new Expr.Unary(u.op.getText(), expr(u.expr()), span);
        if (c instanceof NotExprContext n) return new Expr.Unary("not", expr(n.expr()), span);
        if (c instanceof MulExprContext m) return binary(m.op.getText(), m.expr(), span);
        if (c instanceof AddExprContext m) return binary(m.op.getText(), m.expr(), span);
        if (c instanceof CompareExprContext m) return binary(m.op.getText(), m.expr(), span);
        if (c instanceof AndExprContext m) return binary("and", m.expr(), span);
        if (c instanceof OrExprContext m) return binary("or", m.expr(), span);
        throw new Incomplete();
    }

    private Expr binary(String op, List<ExprContext> operands, Span span) {
        if (operands.size() != 2) throw new Incomplete();
        return new Expr.Binary(op, expr(operands.get(0)), expr(operands.get(1)), span);
    }

    private TimePoint atTime(AtTimeContext c) {
        if (c instanceof EdgeTimeContext e) {
            boolean start = e.edge.getType() == TecParser.START;
            return new TimePoint.Edge(start, e.name() == null ? null : e.name().getText(),
                    e.name() == null ? null : span(e.name()), span(c));
        }
        if (c instanceof PointTimeContext p) return new TimePoint.Time(primary(p.primary()), span(c));
        throw new Incomplete();
    }

    private Expr primary(PrimaryContext c) {
        need(c);
        Span span = span(c);
        if (c instanceof NumberLitContext n) {
            double v = number(n.NUMBER());
            if (n.unit() == null) return new Expr.Num(v, Expr.Unit.NONE, span);
            double minutes = TimeUnit.ofToken(n.unit().getStart().getType()).toMinutes(v);
            return new Expr.Num(minutes, Expr.Unit.MINUTES, span);
        }
        if (c instanceof StringLitContext s) return new Expr.Str(string(s.STRING()), span);
        if (c instanceof BoolLitContext b) return new Expr.Bool(b.TRUE() != null, span);
        if (c instanceof RefExprContext r) return ref(r.dotted());
        if (c instanceof ParenExprContext p) return expr(p.expr());
        if (c instanceof TriggerCallExprContext call) {
            List<NameContext> names = call.name();
            if (names.size() < 2) throw new Incomplete();
            NameContext during = call.DURING() != null && names.size() > 2 ? names.get(2) : null;
            return new Expr.Call(names.get(0).getText(), span(names.get(0)), List.of(),
                    during == null ? null : during.getText(), during == null ? null : span(during), span,
                    null, null, names.get(1).getText(), span(names.get(1)));
        }
        if (c instanceof CallExprContext call) {
            List<Expr> args = new ArrayList<>();
            for (ExprContext e : call.expr()) args.add(expr(e));
            List<NameContext> names = call.name();
            NameContext during = call.DURING() != null && names.size() > 1 ? names.get(1) : null;
            TerminalNode arm = call.IN() != null ? call.STRING() : null;
            return new Expr.Call(names.get(0).getText(), span(names.get(0)), args,
                    during == null ? null : during.getText(), during == null ? null : span(during), span,
                    arm == null ? null : string(arm), arm == null ? null : span(arm));
        }
        throw new Incomplete();
    }

    private Expr.Ref ref(DottedContext d) {
        List<String> path = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (NameContext n : d.name()) {
            path.add(n.getText());
            spans.add(span(n));
        }
        if (path.isEmpty()) throw new Incomplete();
        return new Expr.Ref(List.copyOf(path), List.copyOf(spans), span(d));
    }

    private double number(TerminalNode n) {
        try {
            double v = Double.parseDouble(n.getText());
            if (Double.isInfinite(v)) {
                sink.error(span(n), "'" + n.getText() + "' is too large a number", "numbers go up to about 1.8e308");
                return 0;
            }
            return v;
        } catch (NumberFormatException e) {
            sink.error(span(n), "'" + n.getText() + "' is not a number");
            return 0;
        }
    }

    private static String string(TerminalNode n) {
        String raw = n.getText();
        if (raw.length() < 2) return "";
        String body = raw.substring(1, raw.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char nx = body.charAt(++i);
                sb.append(switch (nx) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> nx;
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The source text from the start of one node to the end of another (or of the first when null). */
    private static String text(ParserRuleContext c, ParserRuleContext last) {
        Token a = c.getStart();
        Token b = last != null && last.getStop() != null ? last.getStop() : c.getStop();
        if (a == null || b == null || b.getStopIndex() < a.getStartIndex()) return c.getText();
        return a.getInputStream().getText(Interval.of(a.getStartIndex(), b.getStopIndex()))
                .replaceAll("\\s+", " ");
    }

    private Span span(TerminalNode n) {
        return span(n.getSymbol());
    }

    private Span span(Token t) {
        return new Span(file, t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, t.getText().length()));
    }

    /** The node's span: from its first token, to its last token when both are on one line. */
    private Span span(ParserRuleContext c) {
        Token a = c.getStart();
        Token b = c.getStop();
        if (a == null) return new Span(file, 0, 0, 0);
        Span first = span(a);
        if (b == null || b.getType() == Token.EOF || b.getLine() != a.getLine() || b.getStopIndex() < a.getStartIndex()) {
            return first;
        }
        return new Span(file, a.getLine(), a.getCharPositionInLine() + 1, b.getStopIndex() - a.getStartIndex() + 1);
    }
}
