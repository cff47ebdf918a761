package org.tec.diag;

import java.util.Collection;

/** "Did you mean": the nearest known name within a small edit distance. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidate, or null if none is close enough to be a likely typo. */
    public static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        if (best != null && (bestDist <= allowed || (best.startsWith(word) && word.length() >= 3))) return best;
        return null;
    }

    /** Words people write for a time unit that tec does not know: mins, hours, seconds, ... */
    private static final java.util.Set<String> UNIT_LIKE = java.util.Set.of("m", "mn", "mins", "minute", "minutes", "hr", "hrs",
            "hour", "hours", "secs", "second", "seconds", "ms", "d", "w", "wk", "wks");

    /** Whether a word is probably meant as a time unit (tec's are s, min, h, day and week). */
    public static boolean looksLikeTimeUnit(String word) {
        return UNIT_LIKE.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** "did you mean 'x'?" or null. */
    public static String hint(String word, Collection<String> candidates) {
        String n = nearest(word, candidates);
        return n == null ? null : "did you mean '" + n + "'?";
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transposition). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
