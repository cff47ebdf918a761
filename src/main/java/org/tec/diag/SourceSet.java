package org.tec.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of every file a compilation read, so diagnostics can quote their lines. It keeps
 * each text as it was given (no copy) and where its lines start.
 */
public final class SourceSet {
    private record Text(String text, int[] starts) {}

    private final Map<String, Text> texts = new LinkedHashMap<>();

    public synchronized void add(String file, String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        texts.put(file, new Text(text, starts));
    }

    /** Every text, by file name, in the order added. */
    public synchronized Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Text> e : texts.entrySet()) out.put(e.getKey(), e.getValue().text());
        return out;
    }

    /** Line {@code line} (from 1) of {@code file} without its line end, or null. */
    public synchronized String line(String file, int line) {
        Text t = texts.get(file);
        if (t == null || line < 1 || line > t.starts().length) return null;
        int from = t.starts()[line - 1];
        int to = t.text().length();
        if (line < t.starts().length) {
            to = t.starts()[line] - 1;
            if (to > from && t.text().charAt(to - 1) == '\r') to--;
        }
        return t.text().substring(from, to);
    }
}
