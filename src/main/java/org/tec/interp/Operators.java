package org.tec.interp;

import org.tec.diag.Diagnostics;
import org.tec.diag.Span;
import org.tec.lang.ast.Expr;

/** The unary and binary operators: their types, and what they compute. */
final class Operators extends ExprPart {
    Operators(ExprCompiler exprs, Diagnostics sink) {
        super(exprs, sink);
    }

    Typed unary(Expr.Unary u, ExprCompiler.Context ctx, boolean inMeasure) {
        Typed a = exprs.compile(u.operand(), ctx, inMeasure);
        if (a == null) return null;
        if (u.op().equals("not")) {
            if (!exprs.expect(a, Type.BOOL, u.operand().span(), "'not' needs a true/false condition")) return null;
            Eval x = a.eval();
            return ExprCompiler.fold(Type.BOOL, f -> {
                double v = x.eval(f);
                return Double.isNaN(v) ? Double.NaN : (v == 0 ? 1 : 0);
            }, a);
        }
        if (!ExprCompiler.isNumeric(a)) {
            sink.error(u.span(), "'" + u.op() + "' needs a number, not " + a.type().words(), null);
            return null;
        }
        Eval x = a.eval();
        return ExprCompiler.fold(a.type(), u.op().equals("-") ? f -> -x.eval(f) : x, a);
    }

    /** The binary operators other than the comparisons ({@link CompareOp}). */
    private enum Joiner implements Named {
        AND("and"), OR("or"), PLUS("+"), MINUS("-"), TIMES("*"), DIVIDED("/");

        private final String word;

        Joiner(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        /** The operator written {@code op}; the grammar has no others. */
        static Joiner of(String op) {
            Joiner j = Named.find(values(), op);
            if (j == null) throw new IllegalArgumentException("not an operator: " + op);
            return j;
        }
    }

    Typed binary(Expr.Binary b, ExprCompiler.Context ctx, boolean inMeasure) {
        Typed l = exprs.compile(b.left(), ctx, inMeasure);
        Typed r = exprs.compile(b.right(), ctx, inMeasure);
        if (l == null || r == null) return null;
        CompareOp cmp = CompareOp.find(b.op());
        if (cmp != null) return comparison(b, cmp, l, r);
        return switch (Joiner.of(b.op())) {
            case AND, OR -> logical(b, l, r);
            case PLUS, MINUS -> additive(b, l, r);
            case TIMES -> multiply(b, l, r);
            case DIVIDED -> divide(b, l, r);
        };
    }

    private Typed additive(Expr.Binary b, Typed l, Typed r) {
        String op = b.op();
        Type t = arithmetic(l, r, b, op);
        if (t == null) return null;
        Eval x = l.eval(), y = r.eval();
        Eval e = op.equals("+") ? f -> x.eval(f) + y.eval(f) : f -> x.eval(f) - y.eval(f);
        return ExprCompiler.fold(t, e, l, r);
    }

    private Typed logical(Expr.Binary b, Typed l, Typed r) {
        String op = b.op();
        if (!exprs.expect(l, Type.BOOL, b.left().span(), "'" + op + "' joins true/false conditions")) return null;
        if (!exprs.expect(r, Type.BOOL, b.right().span(), "'" + op + "' joins true/false conditions")) return null;
        Eval x = l.eval(), y = r.eval();
        Eval e = op.equals("and") ? f -> ExprCompiler.truth(x.eval(f)) && ExprCompiler.truth(y.eval(f)) ? 1 : 0
                : f -> ExprCompiler.truth(x.eval(f)) || ExprCompiler.truth(y.eval(f)) ? 1 : 0;
        return ExprCompiler.fold(Type.BOOL, e, l, r);
    }

    private Typed comparison(Expr.Binary b, CompareOp op, Typed l, Typed r) {
        if (!comparable(l, r, b, op)) return null;
        Eval e = r.isConstant() ? op.against(l.eval(), r.constant()) : op.of(l.eval(), r.eval(), 0, false);
        return ExprCompiler.fold(Type.BOOL, e, l, r);
    }

    private Typed multiply(Expr.Binary b, Typed l, Typed r) {
        if (!ExprCompiler.isNumeric(l) || !ExprCompiler.isNumeric(r) || l.type() == Type.DURATION && r.type() == Type.DURATION) {
            sink.error(b.span(), "cannot multiply " + l.type().words() + " by " + r.type().words(), null);
            return null;
        }
        Type t = l.type() == Type.DURATION || r.type() == Type.DURATION ? Type.DURATION : Type.NUMBER;
        Eval x = l.eval(), y = r.eval();
        return ExprCompiler.fold(t, f -> x.eval(f) * y.eval(f), l, r);
    }

    private Typed divide(Expr.Binary b, Typed l, Typed r) {
        if (!ExprCompiler.isNumeric(l) || !ExprCompiler.isNumeric(r)) {
            sink.error(b.span(), "cannot divide " + l.type().words() + " by " + r.type().words(), null);
            return null;
        }
        Type t = l.type() == Type.DURATION && r.type() == Type.NUMBER ? Type.DURATION : Type.NUMBER;
        if (r.isConstant() && r.constant() == 0) {
            sink.error(b.right().span(), "division by zero", null);
            return null;
        }
        Eval x = l.eval(), y = r.eval();
        return ExprCompiler.fold(t, f -> x.eval(f) / y.eval(f), l, r);
    }

    private boolean comparable(Typed l, Typed r, Expr.Binary b, CompareOp op) {
        if (l.type() == r.type()) {
            if (l.type() == Type.BOOL && !op.onConditions()) {
                sink.error(b.span(), "true/false conditions can only be compared with == or !=", null);
                return false;
            }
            return true;
        }
        if (ExprCompiler.isNumeric(l) && ExprCompiler.isNumeric(r)) {
            Span at = l.type() == Type.NUMBER ? b.left().span() : b.right().span();
            sink.error(at, "cannot compare a duration with a plain number",
                    "give the number a time unit, for example 5 min");
            return false;
        }
        sink.error(b.span(), "cannot compare " + l.type().words() + " with " + r.type().words(), null);
        return false;
    }

    private Type arithmetic(Typed l, Typed r, Expr.Binary b, String op) {
        if (l.type() == Type.NUMBER && r.type() == Type.NUMBER) return Type.NUMBER;
        if (l.type() == Type.DURATION && r.type() == Type.DURATION) return Type.DURATION;
        if (ExprCompiler.isNumeric(l) && ExprCompiler.isNumeric(r)) {
            sink.error(b.span(), "cannot " + (op.equals("+") ? "add" : "subtract") + " a duration and a plain number",
                    "give the number a time unit, for example 5 min");
            return null;
        }
        sink.error(b.span(), "'" + op + "' needs numbers, not " + l.type().words() + " and " + r.type().words(), null);
        return null;
    }
}
