package org.tec.lang.ast;

import org.tec.diag.Span;

/** What a therapist (or the script) does at a moment of the session. */
public sealed interface Action {
    Span span();

    enum Direction { UP, DOWN, NONE }

    enum Amount { TO, BY, NONE }

    /** {@code regulate COMPONENT up|down [to X | by X] [over D]}. Component may be null (an error). */
    record Regulate(String component, Span componentSpan, Direction direction, Amount amount, Expr value,
                    Expr over, Span span) implements Action {}

    record Release(String component, Span componentSpan, Expr over, Span span) implements Action {}

    /** A one-word action: encourage, reassure (checked against the known verbs). */
    record Verb(String verb, Span span) implements Action {}

    /** {@code end PHASE}, {@code end phase} (the current one) or {@code end session}. */
    record End(String target, Span targetSpan, Span span) implements Action {}

    record Log(Expr message, Span span) implements Action {}

    record Set(Expr.Ref target, Expr value, Span span) implements Action {}

    /** {@code print ["LABEL":] EXPR}: {@code label} (null when none) names the value in reports and column headers. */
    record Print(Expr value, Span span, String label) implements Action {
        public Print(Expr value, Span span) {
            this(value, span, null);
        }
    }
}
