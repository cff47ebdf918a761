package org.tec.repl;

import java.util.List;
import java.util.Locale;
import org.tec.interp.Trajectory;
import org.tec.model.Var;

/**
 * A line chart in the terminal, sized to its width: one column per character, each
 * series its own mark (and colour, on a terminal that has it), joined vertically so a
 * fast rise reads as a line. Time runs left to right over the current session.
 */
final class TerminalChart {
    private static final char[] MARKS = {'*', 'o', '+', 'x', '#', '%'};
    private static final String[] COLOURS = {"\u001b[31m", "\u001b[34m", "\u001b[32m", "\u001b[35m", "\u001b[33m", "\u001b[36m"};

    private TerminalChart() {}

    static String render(Trajectory tr, List<Var> vars, double fromTime, int width, int height, boolean colour) {
        int session = tr.rows() == 0 ? 1 : tr.session(tr.rows() - 1);
        int from = Math.max(0, tr.firstRow(session));
        while (from < tr.rows() && tr.time(from) < fromTime - 1e-9) from++;
        if (tr.rows() - from < 2) return "  (nothing to draw yet: :step or :run first)\n";
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Var v : vars) {
            for (int i = from; i < tr.rows(); i++) {
                lo = Math.min(lo, tr.get(i, v));
                hi = Math.max(hi, tr.get(i, v));
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
        int rows = Math.max(6, height);
        int[][] grid = new int[rows][cols];
        double t0 = tr.time(from), t1 = tr.time(tr.rows() - 1);
        for (int s = 0; s < vars.size(); s++) {
            Var v = vars.get(s);
            int prev = -1;
            for (int c = 0; c < cols; c++) {
                double t = t0 + (t1 - t0) * c / (cols - 1);
                int row = tr.nearest(session, t);
                double value = tr.get(row, v);
                int y = (int) Math.round((hi - value) / (hi - lo) * (rows - 1));
                y = Math.max(0, Math.min(rows - 1, y));
                int a = prev < 0 ? y : Math.min(prev, y), b = prev < 0 ? y : Math.max(prev, y);
                for (int r = a; r <= b; r++) grid[r][c] = grid[r][c] == 0 || grid[r][c] == s + 1 ? s + 1 : -1;
                prev = y;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            double label = hi - (hi - lo) * r / (rows - 1);
            boolean labelled = r == 0 || r == rows - 1 || r == rows / 2;
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
                    .append(vars.get(s).key()).append("  (now ").append(num(tr.get(tr.rows() - 1, vars.get(s)))).append(")\n");
        }
        if (vars.size() > 1) sb.append("          X where they overlap\n");
        return sb.toString();
    }

    private static String num(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
