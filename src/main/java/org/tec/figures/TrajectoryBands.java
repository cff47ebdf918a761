package org.tec.figures;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tec.interp.FileFormat;
import org.tec.interp.Program;
import org.tec.interp.RunResult;
import org.tec.interp.Study;
import org.tec.interp.StudyFunctions;
import org.tec.interp.Trajectory;
import org.tec.model.Var;
import org.tec.text.Numbers;

/**
 * A study's trajectories ({@code plot VARIABLES} in a study): per variable a panel, and in it
 * per arm and sweep point (a condition) the median over its replicates at each moment, with
 * the band from the 10th to the 90th percentile (R's type 7, {@link StudyFunctions#quantile}),
 * which holds the middle 80% of the runs.
 *
 * <p>Memory stays bounded: no run is kept. Each run, as it finishes, is sampled on a common
 * grid of times, every dt x 2^m minutes with m the least that gives the longest run so far
 * at most {@link #MAX_POINTS} samples (fewer for a very large study, at most
 * {@link #BUDGET} samples in all); when a longer run comes, m grows and the samples kept are
 * thinned to every second (or fourth...) one, which are exactly the samples on the coarser
 * grid. So what is kept of a run depends on the run and the final grid alone: the same bytes
 * whatever the order runs finish in and the thread count. A sample is the value at the last
 * step at or before its time (minutes of a course's sessions laid end to end); a run that
 * has ended no longer counts.
 */
public final class TrajectoryBands {
    /** The band's percentiles. */
    public static final double LOW = 0.10, HIGH = 0.90;
    /** The most samples of one run and variable. */
    public static final int MAX_POINTS = 200;
    /** The most samples kept in all (floats: 4 bytes each), shared out over the study's runs and variables. */
    public static final long BUDGET = 50_000_000L;

    private final List<Var> vars;
    private final double dt;
    private final int arms, replicates, maxPoints;
    private final List<String> labels;
    private int doublings;
    private final List<Integer> condition = new ArrayList<>();
    private final List<float[][]> samples = new ArrayList<>();

    /**
     * A sampler of these variables over a study's runs.
     *
     * @param labels the conditions' names, in slot order (a point's arms side by side): {@code "regulated"},
     *               {@code "s = 0.3"}, ...
     */
    public TrajectoryBands(List<Var> vars, Program.StudyPlan plan, double dt, List<String> labels) {
        this.vars = List.copyOf(vars);
        this.dt = dt;
        this.arms = plan.armCount();
        this.replicates = plan.replicates();
        this.labels = List.copyOf(labels);
        long runs = Math.max(1, plan.runs());
        this.maxPoints = (int) Math.max(20, Math.min(MAX_POINTS, BUDGET / (runs * Math.max(1, vars.size()))));
    }

    /** The samples' spacing now, in minutes. */
    public double step() {
        return Math.scalb(dt, doublings);
    }

    /** Samples run {@code index} (call in run order, or any order: the result is the same). */
    public void run(int index, RunResult r) {
        Trajectory tr = r.record().trajectory();
        if (tr.rows() == 0) return;
        double[] x = courseTime(tr);
        double end = x[x.length - 1];
        int grow = 0;
        while (Math.floor(end / Math.scalb(dt, doublings + grow)) + 1 > maxPoints) grow++;
        if (grow > 0) {
            doublings += grow;
            int by = 1 << grow;
            for (float[][] s : samples) {
                for (int v = 0; v < s.length; v++) {
                    float[] old = s[v];
                    float[] thin = new float[(old.length - 1) / by + 1];
                    for (int k = 0; k < thin.length; k++) thin[k] = old[k * by];
                    s[v] = thin;
                }
            }
        }
        double h = step();
        int count = (int) Math.floor(end / h) + 1;
        float[][] s = new float[vars.size()][];
        for (int v = 0; v < vars.size(); v++) {
            double[] y = tr.series(vars.get(v));
            float[] out = new float[count];
            int i = 0;
            for (int k = 0; k < count; k++) {
                double t = k * h;
                while (i + 1 < x.length && x[i + 1] <= t) i++;
                out[k] = (float) y[i];
            }
            s[v] = out;
        }
        condition.add(slot(index));
        samples.add(s);
    }

    private int slot(int index) {
        return (index / arms / replicates) * arms + index % arms;
    }

    /** The median and band of variable {@code v} (by position) in condition {@code c}: rows low, median, high; columns the grid. */
    double[][] band(int c, int v) {
        int len = 0;
        for (int r = 0; r < samples.size(); r++) if (condition.get(r) == c) len = Math.max(len, samples.get(r)[v].length);
        double[][] out = new double[3][len];
        double[] at = new double[samples.size()];
        for (int k = 0; k < len; k++) {
            int n = 0;
            for (int r = 0; r < samples.size(); r++) {
                float[] s = samples.get(r)[v];
                if (condition.get(r) == c && k < s.length) at[n++] = s[k];
            }
            double[] vs = java.util.Arrays.copyOf(at, n);
            out[0][k] = StudyFunctions.quantile(vs, LOW);
            out[1][k] = StudyFunctions.quantile(vs, 0.5);
            out[2][k] = StudyFunctions.quantile(vs, HIGH);
        }
        return out;
    }

    /** The figure of these variables (a subset of the sampler's, by position), one panel each. */
    public byte[] draw(String title, List<Var> which, Study.Result study, FileFormat format) throws IOException {
        int conditions = labels.size();
        int perCondition = study.runs().runs().size() / Math.max(1, conditions);
        List<XYChart> charts = new ArrayList<>();
        String pct = Numbers.plain(100 * LOW) + "-" + Numbers.plain(100 * HIGH) + "th percentile";
        for (Var var : which) {
            int v = vars.indexOf(var);
            String head = charts.isEmpty() ? title + ":  " : "";
            // what the lines are goes under the axis, so a long scenario name leaves the title room
            XYChart ch = Figures.chart(head + var.key(), "minutes (sampled every " + Numbers.plain(step()) + " min);  median and " + pct
                    + " band of " + perCondition + (conditions > 1 ? " runs each" : " runs"), var.key(), 300);
            ch.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, charts.isEmpty() ? Font.BOLD : Font.PLAIN, 13));
            boolean any = false;
            for (int c = 0; c < conditions; c++) {
                double[][] b = band(c, v);
                int len = b[1].length;
                if (len == 0) continue;
                any = true;
                Color colour = conditions == 1 ? Figures.THERAPIST : StudyFigures.ARMS[c % StudyFigures.ARMS.length];
                double h = step();
                double[] t = new double[len];
                for (int k = 0; k < len; k++) t[k] = k * h;
                double[] px = new double[2 * len], py = new double[2 * len];
                for (int k = 0; k < len; k++) {
                    px[k] = t[k];
                    py[k] = b[2][k];
                    px[2 * len - 1 - k] = t[k];
                    py[2 * len - 1 - k] = b[0][k];
                }
                String name = labels.get(c).isEmpty() ? "median" : labels.get(c);
                XYSeries band = ch.addSeries(name + " (band)", px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setMarker(SeriesMarkers.NONE);
                band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 48));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setShowInLegend(false);
                XYSeries m = ch.addSeries(name, t, b[1]);
                m.setMarker(SeriesMarkers.NONE);
                m.setLineColor(colour);
                m.setLineWidth(2f);
            }
            if (!any) continue;
            if (conditions == 1) ch.getStyler().setLegendVisible(false);
            charts.add(ch);
        }
        if (charts.isEmpty()) throw new IOException("no run of the study recorded a trajectory to draw");
        return Figures.render(charts, format);
    }

    /** Minutes, with the sessions of a course laid end to end (as a session figure draws them). */
    private static double[] courseTime(Trajectory tr) {
        return Figures.courseTime(tr);
    }
}
