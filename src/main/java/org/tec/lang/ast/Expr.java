package org.tec.lang.ast;

import java.util.List;
import org.tec.diag.Span;

/** Expressions over state, time, parameters, phases and measures. */
public sealed interface Expr {
    Span span();

    /** Hands this node to the one visitor method for its kind. */
    <R> R accept(ExprVisitor<R> v);

    enum Unit { NONE, MINUTES }

    /** A number; time units are converted to minutes and marked {@link Unit#MINUTES}. */
    record Num(double value, Unit unit, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.num(this);
        }
    }

    record Str(String value, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.str(this);
        }
    }

    record Bool(boolean value, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.bool(this);
        }
    }

    /** A dotted name: {@code client.distress}, {@code exposure.completed}, {@code t}, a param. */
    record Ref(List<String> path, List<Span> spans, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.ref(this);
        }

        public String text() {
            return String.join(".", path);
        }
    }

    /**
     * {@code NAME(ARGS)}, the first argument possibly followed by {@code during PHASE} (a run's
     * measure within a phase) and {@code in "ARM"} (a study's function over one arm's runs); or
     * {@code NAME(trigger TRIGGER [during PHASE])} ({@code trigger} not null, {@code args} empty).
     */
    record Call(String name, Span nameSpan, List<Expr> args, String during, Span duringSpan, Span span, String arm, Span armSpan,
                String trigger, Span triggerSpan) implements Expr {
        public Call(String name, Span nameSpan, List<Expr> args, String during, Span duringSpan, Span span, String arm, Span armSpan) {
            this(name, nameSpan, args, during, duringSpan, span, arm, armSpan, null, null);
        }

        public Call(String name, Span nameSpan, List<Expr> args, String during, Span duringSpan, Span span) {
            this(name, nameSpan, args, during, duringSpan, span, null, null, null, null);
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.call(this);
        }
    }

    /** {@code value at TIME} or {@code value at start|end [of PHASE]}. */
    record At(Expr value, TimePoint when, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.at(this);
        }
    }

    record Unary(String op, Expr operand, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.unary(this);
        }
    }

    record Binary(String op, Expr left, Expr right, Span span) implements Expr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.binary(this);
        }
    }
}
