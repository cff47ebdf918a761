package org.tec.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** A sink that collects the diagnostics of one compilation or run. Not thread-safe: one per run. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();

    /** Adds a diagnostic; the same one again (place, message and hint) is said once. */
    public void add(Diagnostic d) {
        if (seen.add(d)) items.add(d);
    }

    public void error(Span span, String message) {
        add(Diagnostic.error(span, message));
    }

    public void error(Span span, String message, String hint) {
        add(Diagnostic.error(span, message, hint));
    }

    public void warning(Span span, String message, String hint) {
        add(Diagnostic.warning(span, message, hint));
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) if (d.isError()) return true;
        return false;
    }

    public int errorCount() {
        int n = 0;
        for (Diagnostic d : items) if (d.isError()) n++;
        return n;
    }

    /** All diagnostics in source order (file, line, column), errors before warnings at one place. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column())
                .thenComparing(Diagnostic::severity));
        return Collections.unmodifiableList(copy);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }
}
