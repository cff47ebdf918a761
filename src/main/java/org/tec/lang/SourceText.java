package org.tec.lang;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Script text as tec reads it, the same way whatever the platform's charset: bytes are
 * UTF-8, and a byte that is not is an error at its line and column; line ends are
 * {@code \n}, {@code \r\n} or a lone {@code \r}, all read as {@code \n}, so every line is
 * numbered as an editor numbers it.
 */
public final class SourceText {
    private SourceText() {}

    /** The byte-order mark some editors put first; tec reads UTF-8 without one. */
    public static final char BOM = '\uFEFF';

    /** Bytes that are not UTF-8, at a line and column (from 1) of the text before them. */
    public static final class Malformed extends IOException {
        private final int line;
        private final int column;
        private final String lenient;

        Malformed(int line, int column, String message, String lenient) {
            super(message);
            this.line = line;
            this.column = column;
            this.lenient = lenient;
        }

        /** The text with each invalid byte read as U+FFFD, line ends normalized: for quoting the line. */
        public String lenient() {
            return lenient;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Decodes UTF-8 strictly; an invalid byte is a {@link Malformed} at its position. */
    public static String decode(byte[] bytes) throws Malformed {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = normalize(out.toString());
            int line = 1, col = 1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            String bad = String.format(java.util.Locale.ROOT, "0x%02X", bytes[in.position()] & 0xff);
            throw new Malformed(line, col, "the byte " + bad + " is not UTF-8 (tec reads scripts as UTF-8)",
                    normalize(new String(bytes, StandardCharsets.UTF_8)));
        }
        try {
            d.flush(out);
        } catch (IllegalStateException e) {
            // nothing left to flush
        }
        out.flip();
        return out.toString();
    }

    /** The text with every {@code \r\n} and lone {@code \r} made {@code \n}. */
    public static String normalize(String text) {
        if (text.indexOf('\r') < 0) return text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
