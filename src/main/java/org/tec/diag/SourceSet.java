package org.tec.diag;

import java.util.LinkedHashMap;
import java.util.Map;

/** The text of every file a compilation read, so diagnostics can quote their lines. */
public final class SourceSet {
    private final Map<String, String[]> lines = new LinkedHashMap<>();

    public synchronized void add(String file, String text) {
        lines.put(file, text.split("\r?\n", -1));
    }

    public synchronized String line(String file, int line) {
        String[] ls = lines.get(file);
        if (ls == null || line < 1 || line > ls.length) return null;
        return ls[line - 1];
    }
}
