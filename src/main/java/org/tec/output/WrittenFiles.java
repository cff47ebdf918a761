package org.tec.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tec.text.Numbers;

/**
 * What a run or a study wrote, for the end of its report: each file with its rows (a CSV)
 * or its size (a figure), or, past {@link #LISTED} files (a study's per-run files), how many and how
 * much in all. Keeps only the first files and two totals, so a study of many runs holds no
 * list of all it wrote. Thread-confined.
 */
public final class WrittenFiles {
    /** How many files are named one by one. */
    public static final int LISTED = 10;

    private final List<OutputSet.Written> first = new ArrayList<>();
    private long count;
    private long bytes;

    public void add(List<OutputSet.Written> files) {
        for (OutputSet.Written w : files) {
            if (first.size() < LISTED) first.add(w);
            count++;
            bytes += w.bytes();
        }
    }

    /** The first files written, in order (at most {@link #LISTED}). */
    public List<OutputSet.Written> first() {
        return List.copyOf(first);
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }

    /**
     * {@code wrote out/betsy/betsy.csv (1,201 rows)} a line each, or for more than
     * {@link #LISTED} files {@code wrote 2,000 files in out/sweep}; empty if nothing. (Sizes
     * that hold metadata vary with the command line that named the folder, so a report that
     * must be the same on every machine gives none for them.)
     */
    public String render() {
        if (count == 0) return "";
        StringBuilder sb = new StringBuilder();
        if (count <= LISTED) {
            for (OutputSet.Written w : first) {
                String name = w.path().getFileName().toString().toLowerCase(Locale.ROOT);
                // rows for a table, size for a figure; a JSON file's size says little, and varies with the metadata's command line
                String what = name.endsWith(".csv") ? grouped(Math.max(0, w.lines() - 1)) + (w.lines() == 2 ? " row" : " rows")
                        : name.endsWith(".json") ? null : size(w.bytes());
                sb.append("wrote ").append(shown(w.path())).append(what == null ? "" : " (" + what + ")").append('\n');
            }
        } else {
            sb.append("wrote ").append(grouped(count)).append(" files in ").append(shown(folder())).append('\n');
        }
        return sb.toString();
    }

    /** The deepest folder that holds every file listed (the first ones stand for all). */
    private Path folder() {
        Path common = first.get(0).path().toAbsolutePath().getParent();
        for (OutputSet.Written w : first) {
            while (common != null && !w.path().toAbsolutePath().startsWith(common)) common = common.getParent();
        }
        return common == null ? Path.of("/") : common;
    }

    /** Relative to the working directory when under it, as a user typed it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static String size(long b) {
        if (b < 1000) return b + " bytes";
        if (b < 1_000_000) return Numbers.fixed(b / 1e3, 1) + " kB";
        return Numbers.fixed(b / 1e6, 1) + " MB";
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
