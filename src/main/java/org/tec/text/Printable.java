package org.tec.text;

/**
 * Text from a script (a name, a string, a file name, a quoted line) made safe for a
 * terminal: control characters (C0, DEL, C1) and the bidirectional overrides that can make
 * a line read other than it runs are never passed on raw, so a hostile script cannot move
 * the cursor, change colours or reorder what a reader sees.
 */
public final class Printable {
    private Printable() {}

    /** Whether a character is one a message must not pass on. */
    public static boolean unsafe(char c) {
        return c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A message: each unsafe character written as {@code \u001b}; line breaks kept. */
    public static String escape(String s) {
        if (s == null || clean(s)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) sb.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** A quoted source line: a tab as a space, each other unsafe character as {@code ?}, so a caret below still lines up. */
    public static String line(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\t' ? ' ' : unsafe(c) || c == '\n' ? '?' : c);
        }
        return sb.toString();
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) if (unsafe(s.charAt(i))) return false;
        return true;
    }
}
