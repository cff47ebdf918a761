package org.tec.lang.ast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Walks built on {@link ExprVisitor}: the sub-expressions of a node, every node below one, a search. */
public final class Exprs {
    private Exprs() {}

    private static final ExprVisitor<List<Expr>> CHILDREN = new ExprVisitor<>() {
        @Override public List<Expr> num(Expr.Num e) { return List.of(); }
        @Override public List<Expr> str(Expr.Str e) { return List.of(); }
        @Override public List<Expr> bool(Expr.Bool e) { return List.of(); }
        @Override public List<Expr> ref(Expr.Ref e) { return List.of(); }
        @Override public List<Expr> call(Expr.Call e) { return e.args(); }

        @Override
        public List<Expr> at(Expr.At e) {
            return e.when() instanceof TimePoint.Time t ? List.of(e.value(), t.time()) : List.of(e.value());
        }

        @Override public List<Expr> unary(Expr.Unary e) { return List.of(e.operand()); }
        @Override public List<Expr> binary(Expr.Binary e) { return List.of(e.left(), e.right()); }
    };

    /** The expressions directly inside {@code e}, in source order (an 'at' time included). */
    public static List<Expr> children(Expr e) {
        return e.accept(CHILDREN);
    }

    /**
     * Every node of {@code e}, itself first, in source order. The walk keeps its own stack,
     * so an expression nested a hundred thousand deep does not overflow the thread's.
     */
    public static void forEach(Expr e, Consumer<Expr> action) {
        forEach(e, x -> true, action);
    }

    /** Every node of {@code e}, itself first, in source order, looking inside a node only where {@code descend} allows. */
    public static void forEach(Expr e, Predicate<Expr> descend, Consumer<Expr> action) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            action.accept(x);
            if (!descend.test(x)) continue;
            List<Expr> cs = children(x);
            for (int k = cs.size() - 1; k >= 0; k--) todo.push(cs.get(k));
        }
    }

    /**
     * Whether some node of {@code e} matches, looking inside a node only where {@code descend}
     * allows (a search that must not look inside a measure's argument, say).
     */
    public static boolean any(Expr e, Predicate<Expr> match, Predicate<Expr> descend) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (match.test(x)) return true;
            if (descend.test(x)) for (Expr c : children(x)) todo.push(c);
        }
        return false;
    }

    /** Whether some node of {@code e}, at any depth, matches. */
    public static boolean any(Expr e, Predicate<Expr> match) {
        return any(e, match, x -> true);
    }
}
