package org.tec.lang.ast;

/**
 * The one fold over expressions: every walk over an {@link Expr} (the compiler's, the checks
 * that look for a time comparison or a measure across runs, the variables a run must keep)
 * implements this, or uses {@link Exprs}, instead of a chain of {@code instanceof} tests. A
 * new kind of expression is then a compile error in every walk until it is handled.
 */
public interface ExprVisitor<R> {
    R num(Expr.Num e);

    R str(Expr.Str e);

    R bool(Expr.Bool e);

    R ref(Expr.Ref e);

    R call(Expr.Call e);

    R at(Expr.At e);

    R unary(Expr.Unary e);

    R binary(Expr.Binary e);
}
