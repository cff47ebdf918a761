package org.tec.api;

/**
 * One problem found in a script.
 *
 * @param file     the file (or name given to {@link TecEngine#compile(String, String)})
 * @param line     1-based line, 0 when the problem concerns the whole file
 * @param column   1-based column
 * @param length   characters covered
 * @param error    true for an error, false for a warning
 * @param message  what is wrong
 * @param hint     what to write instead, or null
 * @param rendered the full rendering: {@code file:line:col: error: message}, the line, carets, the hint
 */
public record TecDiagnostic(String file, int line, int column, int length, boolean error, String message, String hint,
                            String rendered) {
    @Override
    public String toString() {
        return rendered;
    }

    /** Diagnostics one after another, each {@link #rendered()}, as {@code tec check} prints them. */
    public static String render(java.util.List<TecDiagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (TecDiagnostic d : diagnostics) sb.append(d.rendered());
        return sb.toString();
    }
}
