package org.tec.figures;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tec.interp.Event;
import org.tec.interp.FileFormat;
import org.tec.interp.PhaseRecord;
import org.tec.interp.RunRecord;
import org.tec.interp.Study;
import org.tec.interp.Trajectory;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * Figures in the style of the paper's Figure 2: time on x, distress on y, exposure
 * phases shaded grey, markers at the moments that matter (an exposure ended early, an
 * escape, a walkout), and a second panel with the four empathy components. A figure is
 * drawn to bytes in a figure format of {@link FileFormat} (SVG or PNG); org.tec.output
 * writes them, through its one atomic writer.
 */
public final class Figures {
    static final int WIDTH = 900; private static final int TOP = 430, BOTTOM = 300;
    static final Color CLIENT = new Color(0xC0392B), THERAPIST = new Color(0x2C6FBB);
    private static final Color[] COMPONENTS = {new Color(0xD35400), new Color(0x16A085), new Color(0x8E44AD), new Color(0x34495E)};
    private static final Color SHADE = new Color(0, 0, 0, 28);

    private Figures() {}

    /** Whether a file name ends in an extension tec can draw. */
    public static boolean supported(String file) {
        return FileFormat.byFileName(file, FileFormat.Kind.FIGURE) != null;
    }

    /**
     * A session figure: the listed variables (default: both parties' distress) over time
     * in the top panel, the four empathy components below.
     */
    public static byte[] session(RunRecord record, String title, List<Var> variables, FileFormat format) throws IOException {
        List<Var> top = drawn(variables);
        Trajectory tr = record.trajectory();
        double[] x = courseTime(tr);
        XYChart upper = chart(title, "", axisTitle(top), TOP);
        shadeExposures(upper, record, tr, x, maxOf(top));
        int k = 0;
        for (Var v : top) {
            XYSeries s = upper.addSeries(v.key(), x, tr.series(v));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(v == Var.CLIENT_DISTRESS ? CLIENT : v == Var.THERAPIST_DISTRESS ? THERAPIST : COMPONENTS[k++ % 4]);
            s.setLineWidth(2.2f);
        }
        markEvents(upper, record, tr, x);
        XYChart lower = chart(null, sessionsAxis(tr), "component level (0-1)", BOTTOM);
        shadeExposures(lower, record, tr, x, 1.0);
        Var[] comps = {Var.AFFECT_SHARING, Var.MENTALIZING, Var.PROXIMAL_CONCERN, Var.DISTAL_CONCERN};
        for (int i = 0; i < comps.length; i++) {
            XYSeries s = lower.addSeries(comps[i].field(), x, tr.series(comps[i]));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COMPONENTS[i]);
            s.setLineWidth(1.8f);
        }
        lower.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return render(List.of(upper, lower), format);
    }

    /** The variables a figure draws: those listed, else both parties' distress. */
    public static List<Var> drawn(List<Var> variables) {
        return variables == null || variables.isEmpty() ? List.of(Var.CLIENT_DISTRESS, Var.THERAPIST_DISTRESS) : variables;
    }

    /**
     * A study's summary figure ({@code plot sweep}): every print per arm and sweep point with
     * its 95% interval; see {@link StudyFigures}.
     */
    public static byte[] sweepPanels(Study.Result r, FileFormat format) throws IOException {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < r.program().prints().size(); k++) all.add(k);
        return sweepPanels(r, all, format);
    }

    /** A study's summary figure of the chosen print statements (by index). */
    public static byte[] sweepPanels(Study.Result r, List<Integer> which, FileFormat format) throws IOException {
        return StudyFigures.summary(r, which, format);
    }

    // ------------------------------------------------------------------ pieces

    static XYChart chart(String title, String xTitle, String yTitle, int height) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(height).title(title == null ? "" : title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var st = c.getStyler();
        st.setLocale(Locale.ROOT); // tick labels as numbers are written everywhere, whatever the default locale
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotGridLinesColor(new Color(0xE6E6E6));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(Color.WHITE);
        st.setChartTitleVisible(title != null && !title.isEmpty());
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setAntiAlias(true);
        return c;
    }

    /** Grey bands behind the exposure phases, drawn as a filled step series from 0 to {@code top}. */
    private static void shadeExposures(XYChart c, RunRecord record, Trajectory tr, double[] x, double top) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (PhaseRecord p : record.phases()) {
            if (p.kind() != PhaseKind.EXPOSURE) continue;
            int first = tr.nearest(p.session(), p.start());
            int last = tr.nearest(p.session(), p.end());
            if (first < 0 || last < 0) continue;
            double a = x[first], b = x[last];
            xs.add(a);
            ys.add(0.0);
            xs.add(a);
            ys.add(top);
            xs.add(b);
            ys.add(top);
            xs.add(b);
            ys.add(0.0);
        }
        if (xs.isEmpty()) return;
        XYSeries s = c.addSeries("exposure (shaded)", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(SHADE);
        s.setLineColor(new Color(0, 0, 0, 0));
    }

    private static void markEvents(XYChart c, RunRecord record, Trajectory tr, double[] x) {
        for (Event e : record.events()) {
            if (e.kind() != Event.Kind.ENDED_EARLY && e.kind() != Event.Kind.WALKOUT) continue;
            int row = tr.nearest(e.session(), e.time());
            if (row < 0) continue;
            c.addAnnotation(new AnnotationLine(x[row], true, false));
        }
    }

    /** Minutes, with the sessions of a course laid end to end. */
    static double[] courseTime(Trajectory tr) {
        double[] x = new double[tr.rows()];
        double offset = 0;
        for (int i = 0; i < tr.rows(); i++) {
            if (i > 0 && tr.session(i) != tr.session(i - 1)) offset = x[i - 1];
            x[i] = offset + tr.time(i);
        }
        return x;
    }

    private static String sessionsAxis(Trajectory tr) {
        int last = tr.rows() == 0 ? 1 : tr.session(tr.rows() - 1);
        return last > 1 ? "minutes (" + last + " sessions end to end)" : "minutes";
    }

    private static String axisTitle(List<Var> vars) {
        boolean suds = vars.stream().allMatch(v -> v.unit().equals("SUDS"));
        return suds ? "distress (SUDS)" : "value";
    }

    private static double maxOf(List<Var> vars) {
        double m = 0;
        for (Var v : vars) m = Math.max(m, v.max() > 1 ? 100 : 1);
        return m;
    }

    /** Paints the charts stacked into one image, in a figure format. */
    static byte[] render(List<? extends Chart<?, ?>> charts, FileFormat format) throws IOException {
        int height = charts.stream().mapToInt(Chart::getHeight).sum();
        return switch (format) {
            case SVG -> svg(charts, height);
            case PNG -> png(charts, height);
            case CSV, JSON -> throw new IllegalArgumentException(
                    "a figure is drawn as " + String.join(" or ", FileFormat.keys(FileFormat.Kind.FIGURE)) + ", not " + format.key());
        };
    }

    private static byte[] svg(List<? extends Chart<?, ?>> charts, int height) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, charts);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] png(List<? extends Chart<?, ?>> charts, int height) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paint(g, charts);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> charts) {
        int y = 0;
        for (Chart<?, ?> c : charts) {
            Graphics2D sub = (Graphics2D) g.create(0, y, WIDTH, c.getHeight());
            c.paint(sub, WIDTH, c.getHeight());
            sub.dispose();
            y += c.getHeight();
        }
    }
}
