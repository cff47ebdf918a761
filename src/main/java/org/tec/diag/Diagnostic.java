package org.tec.diag;

/**
 * One problem found in a script: where it is, how bad, what is wrong and, when we
 * can tell, what to write instead. Diagnostics are data; {@link DiagnosticRenderer}
 * is the one place that turns them into text.
 */
public record Diagnostic(Severity severity, Span span, String message, String hint) {
    public static Diagnostic error(Span span, String message) {
        return new Diagnostic(Severity.ERROR, span, message, null);
    }

    public static Diagnostic error(Span span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, span, message, hint);
    }

    public static Diagnostic warning(Span span, String message, String hint) {
        return new Diagnostic(Severity.WARNING, span, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, the first line of the rendering. */
    public String headline() {
        String where = span.line() > 0 ? span.toString() : span.file();
        return where + ": " + severity.label() + ": " + message;
    }
}
