package org.tec.diag;

import org.tec.text.Printable;

/**
 * Renders a diagnostic the same way everywhere (CLI, REPL, API messages), with no control
 * character of the script passed on raw ({@link Printable}):
 * <pre>
 * betsy.tec:7:5: error: unknown therapist setting 'afect_sharing'
 *     afect_sharing 0.7
 *     ^^^^^^^^^^^^^
 *   = help: did you mean 'affect_sharing'?
 * </pre>
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    /**
     * How much of a source line a diagnostic quotes: a longer one (a generated line of a
     * megabyte) is quoted as this many characters round the column, marked "...".
     */
    static final int WIDE = 4096;

    public static String render(Diagnostic d, SourceSet sources) {
        StringBuilder sb = new StringBuilder(Printable.escape(d.headline())).append('\n');
        String line = sources == null ? null : sources.line(d.span().file(), d.span().line());
        if (line != null) {
            String shown = Printable.line(line);
            int col = Math.max(1, d.span().column());
            if (shown.length() > WIDE) {
                // a generated line of a megabyte is quoted as the part round the column, not whole
                int from = Math.max(0, Math.min(col - 1 - WIDE / 2, shown.length() - WIDE));
                int to = Math.min(shown.length(), from + WIDE);
                String head = from > 0 ? "..." : "";
                shown = head + shown.substring(from, to) + (to < shown.length() ? "..." : "");
                col = Math.max(1, col - from + head.length());
                col = Math.min(col, shown.length());
            }
            sb.append("    ").append(shown).append('\n');
            int len = Math.max(1, Math.min(d.span().length(), Math.max(1, shown.length() - col + 1)));
            sb.append("    ").append(" ".repeat(col - 1)).append("^".repeat(len)).append('\n');
        }
        if (d.hint() != null && !d.hint().isEmpty()) {
            sb.append("  = help: ").append(Printable.escape(d.hint())).append('\n');
        }
        return sb.toString();
    }

    public static String renderAll(Iterable<Diagnostic> ds, SourceSet sources) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) sb.append(render(d, sources));
        return sb.toString();
    }
}
