package org.tec.diag;

/**
 * A place in a source file: 1-based line and column, and the length in characters
 * of the text it covers (at least 1).
 */
public record Span(String file, int line, int column, int length) {
    public static final Span NONE = new Span("<unknown>", 0, 0, 0);

    public Span {
        if (length < 0) length = 0;
    }

    /** The smallest span on this line that covers both this and {@code other}. */
    public Span to(Span other) {
        if (other == null || other.line != line || !other.file.equals(file)) return this;
        int end = Math.max(column + length, other.column + other.length);
        int start = Math.min(column, other.column);
        return new Span(file, line, start, end - start);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
