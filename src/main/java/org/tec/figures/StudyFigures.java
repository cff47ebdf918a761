package org.tec.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tec.interp.FileFormat;
import org.tec.interp.Program;
import org.tec.interp.Study;
import org.tec.interp.StudyDesign;
import org.tec.interp.StudySummary;
import org.tec.text.Numbers;

/**
 * A study's summary figure ({@code plot sweep}): every print per arm and sweep point, as
 * {@link StudySummary} states it (the mean with its 95% Student's t interval, or the
 * proportion with its 95% Wilson interval), never recomputed here.
 *
 * <ul>
 *   <li>One sweep: one panel per print, the sweep on x, a line per arm with the interval
 *       as error bars at each point.
 *   <li>No sweep, arms: one panel per print, the arms side by side on x, each a point with its interval.
 *   <li>Two sweeps: per print (and per arm) a heatmap, the first sweep on x, the second on
 *       y, each cell the mean or proportion of its runs, with its colour scale. A heatmap
 *       holds a 100 x 100 grid in one panel where facets would be unreadable; the
 *       intervals of its cells are in the summary file.
 *   <li>Three or more sweeps: refused, with what to do instead: never pooled.
 * </ul>
 */
public final class StudyFigures {
    /** One colour per arm, in order (the Okabe-Ito palette, which stays apart for colour-blind readers); repeats past eight. */
    static final Color[] ARMS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private static final int PANEL = 280, HEAT = 380;

    private StudyFigures() {}

    /** The figure of the chosen prints (by index in the script's order); a print no run gave a number draws no panel. */
    public static byte[] summary(Study.Result r, List<Integer> which, FileFormat format) throws IOException {
        var runs = r.runs();
        if (!(runs.design() instanceof StudyDesign.Grid) && !runs.params().isEmpty()) {
            throw new IOException("'plot sweep' draws a grid of sweeps, and this study's design is " + runs.design().kind()
                    + ": its points are spread, not on a grid; draw its summary elsewhere");
        }
        List<Program.SweepPlan> sweeps = runs.sweeps();
        String refused = Program.PlotPlan.tooManySweeps("a study's figure", runs.params());
        if (refused != null) throw new IOException(refused + "; " + Program.PlotPlan.TOO_MANY_SWEEPS_HINT);
        if (sweeps.isEmpty() && runs.arms().isEmpty()) {
            throw new IOException("'plot sweep' draws a study's prints against its sweep or its arms, and this study has neither");
        }
        List<StudySummary.Row> rows = StudySummary.of(r);
        int prints = r.program().prints().size();
        List<String> arms = runs.arms().isEmpty() ? List.of("") : runs.arms();
        List<Chart<?, ?>> charts = new ArrayList<>();
        String name = r.program().name();
        for (int j : which) {
            List<StudySummary.Row> mine = new ArrayList<>();
            for (int k = j; k < rows.size(); k += prints) mine.add(rows.get(k));
            if (mine.stream().allMatch(x -> x.n() == 0)) continue;
            String measure = mine.get(0).measure();
            String kind = mine.get(0).proportion() ? "proportion" : "mean";
            if (sweeps.isEmpty()) {
                charts.add(armsPanel(lead(charts, name) + measure + "   (" + count(mine, "arm") + ")", mine, arms));
            } else if (sweeps.size() == 1) {
                charts.add(linePanel(lead(charts, name) + measure + "   (" + count(mine, "point") + ")", mine, arms, sweeps.get(0)));
            } else {
                for (String arm : arms) {
                    String t = lead(charts, name) + measure + (arm.isEmpty() ? "" : " in \"" + arm + "\"") + ":  " + kind + " per cell   ("
                            + count(mine, "cell") + ")";
                    charts.add(heatmap(t, mine.stream().filter(x -> x.arm().equals(arm)).toList(), sweeps.get(0), sweeps.get(1)));
                }
            }
        }
        for (int k = 0; k < charts.size(); k++) styleTitle(charts.get(k), k == 0);
        if (charts.isEmpty()) throw new IOException("no run gave a number for any print the figure draws, so it would be empty");
        return Figures.render(charts, format);
    }

    /** The first panel's title starts with the study's name; the others' do not. */
    private static String lead(List<Chart<?, ?>> charts, String name) {
        return charts.isEmpty() ? name + ":  " : "";
    }

    /** "n = 10 per point", or "n = 8 to 10 per arm": the runs with a number behind each mean. */
    static String count(List<StudySummary.Row> rows, String per) {
        int lo = Integer.MAX_VALUE, hi = 0;
        for (StudySummary.Row x : rows) {
            lo = Math.min(lo, x.n());
            hi = Math.max(hi, x.n());
        }
        return "n = " + (lo == hi ? String.valueOf(lo) : lo + " to " + hi) + " per " + per;
    }

    /** The y axis of a summary panel, which says what the bars are: "mean, 95% t interval" or "proportion, 95% Wilson interval". */
    static String yTitle(List<StudySummary.Row> rows) {
        String level = Numbers.plain(100 * StudySummary.LEVEL) + "%";
        return rows.get(0).proportion() ? "proportion, " + level + " Wilson interval" : "mean, " + level + " t interval";
    }

    private static void styleTitle(Chart<?, ?> c, boolean first) {
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, first ? Font.BOLD : Font.PLAIN, 13));
    }

    /** One sweep: a line per arm, the interval as error bars; arms dodge a little along x so their bars stay apart. */
    private static XYChart linePanel(String title, List<StudySummary.Row> rows, List<String> arms, Program.SweepPlan sweep) {
        XYChart c = Figures.chart(title, sweep.param(), yTitle(rows), PANEL);
        double[] xs = sweep.values();
        double span = xs.length > 1 ? xs[xs.length - 1] - xs[0] : 1;
        double dodge = arms.size() > 1 ? span * 0.012 : 0;
        if (!(span > 0)) span = 1;
        for (int a = 0; a < arms.size(); a++) {
            String arm = arms.get(a);
            Map<Double, StudySummary.Row> at = new LinkedHashMap<>();
            for (StudySummary.Row x : rows) if (x.arm().equals(arm)) at.put(x.point().get(0), x);
            double[] x = new double[xs.length], mean = new double[xs.length], lo = new double[xs.length], hi = new double[xs.length];
            double shift = (a - (arms.size() - 1) / 2.0) * dodge;
            for (int i = 0; i < xs.length; i++) {
                StudySummary.Row row = at.get(xs[i]);
                x[i] = xs[i] + shift;
                mean[i] = row == null ? Double.NaN : row.mean();
                lo[i] = row == null ? Double.NaN : row.low();
                hi[i] = row == null ? Double.NaN : row.high();
            }
            Color colour = arms.size() == 1 ? Figures.THERAPIST : ARMS[a % ARMS.length];
            String label = arm.isEmpty() ? (rows.get(0).proportion() ? "proportion" : "mean") : arm;
            series(c, label, x, mean, lo, hi, colour, span * 0.006);
        }
        if (arms.size() == 1) c.getStyler().setLegendVisible(false);
        return c;
    }

    /** No sweep: the arms side by side, each a point with its interval. */
    private static XYChart armsPanel(String title, List<StudySummary.Row> rows, List<String> arms) {
        XYChart c = Figures.chart(title, "arms, left to right as in the legend", yTitle(rows), PANEL);
        for (int a = 0; a < arms.size(); a++) {
            String arm = arms.get(a);
            StudySummary.Row row = rows.stream().filter(x -> x.arm().equals(arm)).findFirst().orElse(null);
            double[] x = {a};
            double[] m = {row == null ? Double.NaN : row.mean()};
            double[] lo = {row == null ? Double.NaN : row.low()}, hi = {row == null ? Double.NaN : row.high()};
            series(c, arm, x, m, lo, hi, ARMS[a % ARMS.length], 0.04);
        }
        // XChart labels a formatted axis at its ends only, so the arms are named in the legend, in order along x
        var st = c.getStyler();
        st.setXAxisMin(-0.5).setXAxisMax(arms.size() - 0.5);
        st.setXAxisTicksVisible(false);
        return c;
    }

    /**
     * A line with markers through the means, and the interval [lo, hi] at each point as a bar
     * with caps {@code cap} wide each side (XChart's own error bars are symmetric; Wilson's
     * interval is not): one series whose pieces a NaN separates, kept out of the legend.
     */
    private static void series(XYChart c, String label, double[] x, double[] mean, double[] lo, double[] hi, Color colour, double cap) {
        List<double[]> bar = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) continue;
            bar.add(new double[] {x[i], lo[i]});
            bar.add(new double[] {x[i], hi[i]});
            bar.add(new double[] {x[i], Double.NaN});
            for (double y : new double[] {lo[i], hi[i]}) {
                bar.add(new double[] {x[i] - cap, y});
                bar.add(new double[] {x[i] + cap, y});
                bar.add(new double[] {x[i], Double.NaN});
            }
        }
        if (!bar.isEmpty()) {
            double[] bx = new double[bar.size()], by = new double[bar.size()];
            for (int i = 0; i < bar.size(); i++) {
                bx[i] = bar.get(i)[0];
                by[i] = bar.get(i)[1];
            }
            XYSeries b = c.addSeries(label + " (95% interval)", bx, by);
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(colour);
            b.setLineStyle(new BasicStroke(1.3f));
            b.setShowInLegend(false);
        }
        boolean any = false;
        for (double m : mean) any |= Double.isFinite(m);
        // a series of NaN alone has no range for XChart's axes: a point with no number is a gap
        if (!any) return;
        XYSeries m = c.addSeries(label, x, mean);
        m.setMarker(SeriesMarkers.CIRCLE);
        m.setLineColor(colour);
        m.setMarkerColor(colour);
        m.setLineWidth(2f);
    }

    /** Two sweeps: the first on x, the second on y, each cell the mean (or proportion) of its runs, with a colour scale. */
    private static HeatMapChart heatmap(String title, List<StudySummary.Row> rows, Program.SweepPlan sx, Program.SweepPlan sy) {
        HeatMapChart c = new HeatMapChartBuilder().width(Figures.WIDTH).height(HEAT).title(title)
                .xAxisTitle(sx.param()).yAxisTitle(sy.param()).build();
        var st = c.getStyler();
        st.setLocale(Locale.ROOT);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(new Color(0xF2F2F2));
        st.setChartTitleVisible(true);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(Color.WHITE);
        st.setAntiAlias(true);
        st.setRangeColors(new Color[] {new Color(0x440154), new Color(0x31688E), new Color(0x35B779), new Color(0xFDE725)});
        double[] xs = sx.values(), ys = sy.values();
        List<String> xl = new ArrayList<>(), yl = new ArrayList<>();
        labels(xs, xl);
        labels(ys, yl);
        List<Number[]> cells = cells(rows, sx, sy);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Number[] cell : cells) {
            lo = Math.min(lo, cell[2].doubleValue());
            hi = Math.max(hi, cell[2].doubleValue());
        }
        boolean proportion = rows.get(0).proportion();
        if (proportion) {
            lo = 0;
            hi = 1;
        } else if (!(hi > lo)) {
            double half = Double.isFinite(lo) && lo != 0 ? Math.abs(lo) * 0.05 : 0.5;
            lo = (Double.isFinite(lo) ? lo : 0) - half;
            hi = lo + 2 * half;
        }
        HeatMapSeries s = c.addSeries(proportion ? "proportion" : "mean", xl, yl, cells);
        // the scale's ends are labelled by XChart as Java prints a double, the same in every
        // locale: rounded to the digits a report shows, so they read 0.25, not 0.24999999999
        s.setMin(Double.parseDouble(Numbers.value(lo)));
        s.setMax(Double.parseDouble(Numbers.value(hi)));
        return c;
    }

    /**
     * A heatmap's cells, {x index, y index, value}: one per grid point of these summary rows
     * (one print in one arm), its value the row's mean or proportion; a point no run gave a
     * number has no cell (drawn grey).
     */
    static List<Number[]> cells(List<StudySummary.Row> rows, Program.SweepPlan sx, Program.SweepPlan sy) {
        Map<Double, Integer> xi = index(sx.values()), yi = index(sy.values());
        List<Number[]> cells = new ArrayList<>();
        for (StudySummary.Row row : rows) {
            if (row.n() == 0 || !Double.isFinite(row.mean())) continue;
            cells.add(new Number[] {xi.get(row.point().get(0)), yi.get(row.point().get(1)), row.mean()});
        }
        return cells;
    }

    /** A sweep's values as tick labels: every one up to 12, else every k-th (the others blank) so they stay readable. */
    private static void labels(double[] values, List<String> out) {
        int every = (values.length + 11) / 12;
        for (int i = 0; i < values.length; i++) out.add(i % every == 0 ? Numbers.plain(values[i]) : " "); // XChart cannot lay out an empty label
    }

    private static Map<Double, Integer> index(double[] values) {
        Map<Double, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) out.putIfAbsent(values[i], i);
        return out;
    }
}
