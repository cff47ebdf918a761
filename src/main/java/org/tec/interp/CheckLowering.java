package org.tec.interp;

import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.lang.ast.Expr;
import org.tec.lang.ast.Item;

/**
 * Goals and expects: conditions checked after a run, or, in a study, over all its runs
 * when they speak of all of them (proportion, mean, ...).
 */
final class CheckLowering {
    private final Declarations names;
    private final Diagnostics sink;
    private final ProgramBuilder out;

    CheckLowering(Declarations names, ProgramBuilder out) {
        this.names = names;
        this.sink = names.sink;
        this.out = out;
    }

    void goal(Item.Goal g) {
        out.need(g.condition());
        boolean across = ExprCompiler.acrossRuns(g.condition());
        Program.Check c = check(g.name(), g.condition(), g.tolerance(), g.span(), across);
        if (c != null) (across && out.study() ? out.studyGoals : out.goals).add(c);
    }

    void expect(Item.Expect e) {
        out.need(e.condition());
        boolean across = ExprCompiler.acrossRuns(e.condition());
        Program.Check c = check(e.source(), e.condition(), e.tolerance(), e.span(), across);
        if (c != null) (across && out.study() ? out.studyExpects : out.expects).add(c);
    }

    /** A condition; a comparison keeps its two sides (for the report) and may be loosened by a tolerance. */
    private Program.Check check(String name, Expr condition, Item.Tolerance tol, Span span, boolean across) {
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
        if (condition instanceof Expr.Binary b && isComparison(b.op())) {
            Typed l = names.exprs.compile(b.left(), ctx);
            Typed r = names.exprs.compile(b.right(), ctx);
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
        return new Program.Check(name, name, eval, left, right, op, operandType, span);
    }

    private static boolean isComparison(String op) {
        return switch (op) {
            case "<", "<=", ">", ">=", "==", "!=" -> true;
            default -> false;
        };
    }
}
