package org.tec.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tec.api.TecSession;
import org.tec.api.TecVariable;
import org.tec.text.Numbers;

/**
 * A line chart in the terminal, sized to its width: one column per character, each
 * series its own mark (and colour, on a terminal that has it), joined vertically so a
 * fast rise reads as a line. Time runs left to right over the current session.
 */
final class TerminalChart {
    private static final char[] MARKS = {'*', 'o', '+', 'x', '#', '%'};
    private static final String[] COLOURS = {"\u001b[31m", "\u001b[34m", "\u001b[32m", "\u001b[35m", "\u001b[33m", "\u001b[36m"};

    private TerminalChart() {}

    static String render(TecSession live, List<TecVariable> vars, double fromTime, int width, int height, boolean colour) {
        double[] times = live.times();
        int[] sessions = live.sessions();
        int rows = times.length;
        int session = rows == 0 ? 1 : sessions[rows - 1];
        int first = 0;
        while (first < rows && sessions[first] != session) first++;
        int from = first;
        while (from < rows && times[from] < fromTime - 1e-9) from++;
        if (rows - from < 2) return "  (nothing to draw yet: :step or :run first)\n";
        List<double[]> series = new ArrayList<>();
        for (TecVariable v : vars) series.add(live.series(v.name()));
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (int i = from; i < rows; i++) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
        }
        if (vars.stream().allMatch(v -> v.max() == 100)) {
            lo = 0;
            hi = 100;
        } else if (vars.stream().allMatch(v -> v.max() == 1)) {
            lo = 0;
            hi = 1;
        } else if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        int cols = Math.max(20, width - 12);
        int lines = Math.max(6, height);
        int[][] grid = new int[lines][cols];
        double t0 = times[from], t1 = times[rows - 1];
        for (int s = 0; s < vars.size(); s++) {
            int prev = -1;
            for (int c = 0; c < cols; c++) {
                double t = t0 + (t1 - t0) * c / (cols - 1);
                double value = series.get(s)[nearest(times, t, first, rows - 1)];
                int y = (int) Math.round((hi - value) / (hi - lo) * (lines - 1));
                y = Math.max(0, Math.min(lines - 1, y));
                int a = prev < 0 ? y : Math.min(prev, y), b = prev < 0 ? y : Math.max(prev, y);
                for (int r = a; r <= b; r++) grid[r][c] = grid[r][c] == 0 || grid[r][c] == s + 1 ? s + 1 : -1;
                prev = y;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < lines; r++) {
            double label = hi - (hi - lo) * r / (lines - 1);
            boolean labelled = r == 0 || r == lines - 1 || r == lines / 2;
            sb.append(labelled ? String.format(Locale.ROOT, "%8s ┤", num(label)) : "         │");
            for (int c = 0; c < cols; c++) {
                int g = grid[r][c];
                if (g == 0) sb.append(' ');
                else if (g < 0) sb.append(colour ? "\u001b[1mX\u001b[0m" : "X");
                else sb.append(colour ? COLOURS[(g - 1) % COLOURS.length] + MARKS[(g - 1) % MARKS.length] + "\u001b[0m" : MARKS[(g - 1) % MARKS.length]);
            }
            sb.append('\n');
        }
        sb.append("         └").append("─".repeat(cols)).append('\n');
        String left = num(t0) + " min", right = num(t1) + " min";
        sb.append("          ").append(left).append(" ".repeat(Math.max(1, cols - left.length() - right.length()))).append(right).append('\n');
        for (int s = 0; s < vars.size(); s++) {
            String mark = String.valueOf(MARKS[s % MARKS.length]);
            sb.append("          ").append(colour ? COLOURS[s % COLOURS.length] + mark + "\u001b[0m" : mark).append(' ')
                    .append(vars.get(s).name()).append("  (now ").append(num(series.get(s)[rows - 1])).append(")\n");
        }
        if (vars.size() > 1) sb.append("          X where they overlap\n");
        return sb.toString();
    }

    /** The row in [from, to] whose time is nearest {@code t}, the first of equals (times rise within a session). */
    private static int nearest(double[] times, double t, int from, int to) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1; else hi = mid;
        }
        if (lo > from && Math.abs(times[lo - 1] - t) <= Math.abs(times[lo] - t)) return lo - 1;
        return lo;
    }

    private static String num(double v) {
        return Math.abs(v) >= 10 ? Numbers.fixed(v, 0) : Numbers.fixed(v, 2);
    }
}
