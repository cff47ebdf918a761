package org.tec.interp;

import org.tec.diag.Span;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;

/**
 * Goals and expects: conditions checked after a run, or, in a study, over all its runs
 * when they speak of all of them (proportion, mean, ...).
 */
final class CheckLowering extends Stage {
    CheckLowering(Declarations names, ProgramBuilder out) {
        super(names, out);
    }

    void goal(Item.Goal g) {
        out.need(g.condition());
        boolean across = ExprCompiler.acrossRuns(g.condition());
        Program.Check c = check(g.name(), g.condition(), g.tolerance(), g.span(), across, g.confidence());
        if (c != null) (across && out.study() ? out.studyGoals : out.goals).add(c);
    }

    void expect(Item.Expect e) {
        out.need(e.condition());
        boolean across = ExprCompiler.acrossRuns(e.condition());
        Program.Check c = check(e.source(), e.condition(), e.tolerance(), e.span(), across, e.confidence());
        if (c != null) (across && out.study() ? out.studyExpects : out.expects).add(c);
    }

    /** A condition; a comparison keeps its two sides (for the report) and may be loosened by a tolerance. */
    private Program.Check check(String name, Expr condition, Item.Tolerance tol, Span span, boolean across, Item.Confidence conf) {
        ExprCompiler.Context ctx = across && out.study() ? ExprCompiler.Context.STUDY : ExprCompiler.Context.AFTER;
        Typed t = names.exprs.compile(condition, ctx);
        if (t == null) return null;
        if (t.type() != Type.BOOL) {
            sink.error(condition.span(), "a condition is needed here, not " + t.type().words(),
                    "compare it, for example peak(client.distress) >= 60");
            return null;
        }
        Eval left = null, right = null;
        String op = null;
        Type operandType = null;
        Eval eval = t.eval();
        Typed l = null, r = null;
        if (condition instanceof Expr.Binary b && isComparison(b.op())) {
            l = names.exprs.compile(b.left(), ctx);
            r = names.exprs.compile(b.right(), ctx);
            if (l != null && r != null) {
                left = l.eval();
                right = r.eval();
                op = b.op();
                operandType = l.type();
                if (tol != null) {
                    if (tol.amount() < 0) sink.error(tol.span(), "a tolerance cannot be negative", null);
                    eval = ExprCompiler.comparison(op, left, right, tol.percent() ? tol.amount() / 100 : tol.amount(), tol.percent());
                }
            }
        } else if (tol != null) {
            sink.error(tol.span(), "'within' loosens a comparison, and this condition is not one",
                    "write it as a comparison, for example peak(client.distress) == 70 within 5%");
        }
        if (conf != null) {
            if (!(across && out.study())) {
                sink.error(conf.span(), "'with confidence' speaks of an estimate across a study's runs, and this check is of each run",
                        "for example: expect proportion(exposure.completed) >= 0.8 with confidence 0.95");
                return null;
            }
            if (tol != null) {
                sink.error(tol.span(), "'within' and 'with confidence' do not go together: the interval says how close", "drop 'within'");
                return null;
            }
            return confident(name, condition, conf, span, operandType, l, r);
        }
        return new Program.Check(name, name, eval, left, right, op, operandType, span);
    }

    /**
     * {@code ESTIMATE OP BOUND with confidence L} (or {@code BOUND OP ESTIMATE}): holds when the
     * estimate's whole interval at level L lies on the asserted side of the bound (its lower
     * end above it for {@code >}, its upper end below it for {@code <}). Warns when the study
     * has too few runs for a proportion's interval ever to get there.
     */
    private Program.Check confident(String name, Expr condition, Item.Confidence conf, Span span, Type operandType, Typed l, Typed r) {
        Double level = names.constantOf(conf.level(), Type.NUMBER, "a level");
        if (level == null) return null;
        if (!(level > 0 && level < 1)) {
            sink.error(conf.level().span(), "a confidence level is between 0 and 1, not " + org.tec.text.Numbers.plain(level),
                    level > 1 && level < 100 ? "write " + org.tec.text.Numbers.plain(level / 100) + " for " + org.tec.text.Numbers.plain(level) + "%" : null);
            return null;
        }
        if (!(condition instanceof Expr.Binary b) || !switch (b.op()) { case "<", "<=", ">", ">=" -> true; default -> false; }) {
            sink.error(condition.span(), "'with confidence' needs a comparison with <, <=, > or >=",
                    "for example: expect proportion(exposure.completed) >= 0.8 with confidence 0.95");
            return null;
        }
        // the two sides, compiled (in a study's context) with the comparison
        if (l == null || r == null) return null;
        if (l.isConstant() == r.isConstant()) {
            sink.error(condition.span(), "'with confidence' compares an estimate with a fixed number, and "
                    + (l.isConstant() ? "both sides are fixed" : "neither side is"), "for example: mean(x in \"A\") - mean(x in \"B\") > 0 with confidence 0.95");
            return null;
        }
        boolean estimateLeft = r.isConstant();
        StudyEstimate est = estimate(estimateLeft ? b.left() : b.right());
        if (est == null) return null;
        double bound = (estimateLeft ? r : l).constant();
        // the estimate must lie above the bound for "estimate > bound" and "bound < estimate"
        boolean above = estimateLeft == (b.op().startsWith(">"));
        boolean strict = b.op().length() == 1;
        double lv = level;
        java.util.function.Function<Frame, double[]> interval = f -> est.at(f, lv);
        Eval estimate = f -> interval.apply(f)[0];
        Eval holds = f -> {
            double[] v = interval.apply(f);
            double end = above ? v[1] : v[2];
            if (Double.isNaN(end)) return 0;
            return (above ? strict ? end > bound : end >= bound : strict ? end < bound : end <= bound) ? 1 : 0;
        };
        reachable(est, conf, lv, bound, above, strict);
        return new Program.Check(name, name, holds, estimateLeft ? estimate : l.eval(), estimateLeft ? r.eval() : estimate, b.op(),
                operandType, span, new Program.Confidence(lv, estimateLeft, interval));
    }

    /** The estimate a check with confidence is about, or null (and an error) if it is not one tec gives an interval for. */
    private StudyEstimate estimate(Expr e) {
        if (e instanceof Expr.Call c) {
            StudyEstimate.Part p = part(c);
            return p == null ? null : new StudyEstimate(p, null);
        }
        if (e instanceof Expr.Binary b && b.op().equals("-") && b.left() instanceof Expr.Call x && b.right() instanceof Expr.Call y) {
            StudyEstimate.Part px = part(x), py = part(y);
            if (px == null || py == null) return null;
            if (px.fn() != py.fn()) {
                sink.error(e.span(), "a difference with confidence is of two proportions or of two means, not one of each", null);
                return null;
            }
            return new StudyEstimate(px, py);
        }
        sink.error(e.span(), "'with confidence' gives an interval for proportion(...) or mean(...), or the difference of two, and this is neither",
                "for example: proportion(exposure.completed in \"A\") - proportion(exposure.completed in \"B\") > 0 with confidence 0.95");
        return null;
    }

    private StudyEstimate.Part part(Expr.Call c) {
        StudyFunction fn = StudyFunction.named(c.name());
        if ((fn != StudyFunction.PROPORTION && fn != StudyFunction.MEAN) || c.args().size() != 1) {
            sink.error(c.span(), "'with confidence' gives an interval for proportion(...) or mean(...), not " + c.name() + "(...)", null);
            return null;
        }
        Typed x = names.exprs.perRun(c.args().get(0), ExprCompiler.Context.AFTER);
        if (x == null) return null;
        return new StudyEstimate.Part(fn, x.eval(), c.arm() == null ? -1 : out.arms.indexOf(c.arm()));
    }

    /**
     * Warns when no outcome of the study could pass: for a proportion, even if every run of the
     * first part holds (and none of the second), the interval with this many runs does not
     * clear the bound; for a mean, fewer than 2 runs give no interval at all.
     */
    private void reachable(StudyEstimate est, Item.Confidence conf, double level, double bound, boolean above, boolean strict) {
        long points = Compiler.studyRuns(1, out.sweeps);
        int n = (int) Math.min(Integer.MAX_VALUE, (long) out.replicates * points);
        String pct = org.tec.text.Numbers.plain(level * 100) + "%";
        if (est.function() == StudyFunction.MEAN) {
            if (n < 2) sink.warning(conf.span(), "an interval for a mean needs at least 2 runs, and this study makes " + n + " per arm",
                    "use replicate 2 or more; 30 or more for a t interval to mean much");
            return;
        }
        java.util.function.IntPredicate ok = k -> {
            double end = est.bestEnd(k, level, above);
            return above ? strict ? end > bound : end >= bound : strict ? end < bound : end <= bound;
        };
        if (ok.test(n)) return;
        int need = -1;
        for (int k = Math.max(1, n); k <= 1_000_000; k = k * 2) {
            if (ok.test(k)) {
                int lo = k / 2, hi = k;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (ok.test(mid)) hi = mid;
                    else lo = mid;
                }
                need = hi;
                break;
            }
        }
        String side = above ? "above " : "below ";
        sink.warning(conf.span(), "with " + n + " runs" + (out.arms.isEmpty() ? "" : " per arm") + ", the " + pct + " interval of this "
                + (est.isDifference() ? "difference" : "proportion") + " cannot lie " + side + org.tec.text.Numbers.plain(bound)
                + " whatever the runs give, so this expectation cannot pass",
                need > 0 ? "it needs at least " + need + " runs" + (out.arms.isEmpty() ? "" : " per arm") + (points > 1 ? " (replicates times sweep points)" : "; use replicate " + need)
                        : "no number of runs up to 1000000 reaches it: lower the bound or the level");
    }

    private static boolean isComparison(String op) {
        return switch (op) {
            case "<", "<=", ">", ">=", "==", "!=" -> true;
            default -> false;
        };
    }
}
