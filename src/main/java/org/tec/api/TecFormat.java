package org.tec.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.lang.Formatter;
import org.tec.lang.SourceText;
import org.tec.output.AtomicFiles;

/**
 * The canonical layout of scripts, as {@code tec fmt} and the language server apply it
 * ({@link Formatter}): only the space between tokens changes, never a token, and formatting
 * twice gives what formatting once gave. A script with syntax errors is left as it is.
 */
public final class TecFormat {
    private TecFormat() {}

    /** The largest file {@link #file(Path)} reads: a script is text a person writes. */
    public static final long MAX_BYTES = 16L << 20;

    /**
     * A script's text and its canonical layout.
     *
     * @param original  the text as read
     * @param formatted the canonical layout, or null when the text has syntax errors
     * @param errors    those errors, as {@code tec check} words them
     */
    public record Result(String original, String formatted, List<TecDiagnostic> errors) {
        /** Whether the text could be formatted and already has the canonical layout. */
        public boolean unchanged() {
            return formatted != null && formatted.equals(original);
        }
    }

    /** Text's canonical layout; {@code name} names it in diagnostics. */
    public static Result format(String source, String name) {
        Diagnostics sink = new Diagnostics();
        String out = Formatter.format(name, source, sink);
        SourceSet sources = new SourceSet();
        sources.add(name, SourceText.normalize(source));
        return new Result(source, out, Adapt.diagnostics(sink, sources));
    }

    /**
     * A file's canonical layout. Only a regular file is read (not a link, a directory, a
     * device or a pipe), as strict UTF-8, and none larger than {@link #MAX_BYTES}.
     *
     * @throws IOException when it cannot be read or is refused, with a sentence saying why
     */
    public static Result file(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": " + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file (tec fmt reads and rewrites only regular files)" : "no such file"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw new IOException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a script");
        String text;
        try {
            text = SourceText.decode(bytes);
        } catch (SourceText.Malformed e) {
            throw new IOException(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
        return format(text, file.toString());
    }

    /**
     * Writes a formatted text over its file, whole or not at all (a temporary file renamed over
     * it); a target that is not a regular file is refused.
     */
    public static void write(Path file, String formatted) throws IOException {
        AtomicFiles.write(file, formatted.getBytes(StandardCharsets.UTF_8));
    }
}
