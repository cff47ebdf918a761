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
import org.knowm.xchart.AnnotationText;
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
 * drawn to bytes in a figure format of {@link FileFormat} (SVG, PNG or PDF), at the
 * default size or on a {@link Page} (printed size, a PNG's dpi); org.tec.output writes them,
 * through its one atomic writer.
 *
 * <p>Labels in SVG and PDF are outlines, not text: XChart 3.8.8 draws every label itself as
 * the filled outline of a {@code TextLayout} (AxisTitle, AxisTickLabels, ChartTitle, Legend_
 * all call {@code getOutline}), so no Graphics2D back-end, VectorGraphics2D's
 * {@code VectorHints.KEY_TEXT} included, ever sees a string. Searchable text needs a library
 * that draws labels with {@code drawString}: JFreeChart 1.5.x with JFreeSVG 5.0.x (its
 * SVGGraphics2D writes {@code <text>}) and OpenPDF's PdfGraphics2D (fonts embedded).
 */
public final class Figures {
    static final int WIDTH = 900; private static final int TOP = 430, BOTTOM = 300;
    /** Okabe-Ito colours (they stay apart for colour-blind readers): the client vermillion, the therapist blue. */
    static final Color CLIENT = new Color(0xD55E00), THERAPIST = new Color(0x0072B2);
    /** The other Okabe-Ito colours, for the empathy components and further variables. */
    private static final Color[] COMPONENTS = {new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9)};
    /**
     * Dash patterns, one per line of a panel, so lines that cross or lie on top of each other stay
     * apart in grey-scale print: solid, dashed, dotted, dash-dot.
     */
    static final float[][] DASHES = {null, {7f, 4f}, {1.5f, 3f}, {8f, 3f, 1.5f, 3f}};
    /** The lines of the 0-1 panel: vermillion, black, blue, orange (Okabe-Ito), each also dashed its own way. */
    private static final Color[] LEVELS = {CLIENT, Color.BLACK, THERAPIST, new Color(0xE69F00)};
    private static final Color SHADE = new Color(0, 0, 0, 28), LIGHT_SHADE = new Color(0, 0, 0, 12), BOUNDARY = new Color(0x555555), TICK = new Color(0x333333);
    /** The events a figure marks on its time axis, each with the word it is labelled by. */
    static final java.util.Map<Event.Kind, String> MARKED = new java.util.EnumMap<>(java.util.Map.of(
            Event.Kind.ESCAPE, "escape", Event.Kind.ENDED_EARLY, "ended early", Event.Kind.WALKOUT, "walkout",
            Event.Kind.REASSURE, "reassure", Event.Kind.REGULATE, "regulate"));
    private static final java.util.Set<String> MAJOR = java.util.Set.of("escape", "ended early", "walkout");

    private Figures() {}

    /** Whether a file name ends in an extension tec can draw. */
    public static boolean supported(String file) {
        return FileFormat.byFileName(file, FileFormat.Kind.FIGURE) != null;
    }

    /**
     * A session figure: the listed variables (default: both parties' distress) over time
     * in the top panel, the four empathy components below. Listed variables on a 0-1 scale
     * (an MI client's defensiveness and motivation, a fear) get a panel of their own between
     * the two, on the same time axis, so a 0-100 distress does not flatten them.
     */
    public static byte[] session(RunRecord record, String title, List<Var> variables, FileFormat format) throws IOException {
        return session(record, title, variables, format, null);
    }

    /** A session figure laid out on a page (its size in points, a PNG's dpi); null: the default 900 x 730. */
    public static byte[] session(RunRecord record, String title, List<Var> variables, FileFormat format, Page page) throws IOException {
        List<Var> listed = drawn(variables);
        // distress (0-100) and levels (0-1) on one axis would flatten the levels: a panel each, on shared time
        List<Var> top = new ArrayList<>(), levels = new ArrayList<>();
        for (Var v : listed) (v.max() > 1 ? top : levels).add(v);
        if (top.isEmpty()) {
            top = levels;
            levels = List.of();
        }
        Trajectory tr = record.trajectory();
        double[] x = courseTime(tr);
        List<XYChart> panels = new ArrayList<>();
        XYChart upper = chart(title, "", axisTitle(top), TOP);
        panels.add(upper);
        shadeExposures(upper, record, tr, x, maxOf(top));
        int k = 0, line = 0;
        for (Var v : top) {
            XYSeries s = upper.addSeries(v.key(), x, tr.series(v));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(v == Var.CLIENT_DISTRESS ? CLIENT : v == Var.THERAPIST_DISTRESS ? THERAPIST : COMPONENTS[k++ % 4]);
            s.setLineStyle(stroke(2.2f, line++));
        }
        sessionBoundaries(upper, tr, x, maxOf(top));
        markEvents(upper, record, tr, x, maxOf(top));
        namePhases(upper, record, tr, x, maxOf(top));
        if (!levels.isEmpty()) {
            XYChart middle = chart(null, "", "level (0-1)", BOTTOM);
            panels.add(middle);
            shadeExposures(middle, record, tr, x, 1.0);
            for (int i = 0; i < levels.size(); i++) {
                Var v = levels.get(i);
                XYSeries s = middle.addSeries(v.key(), x, tr.series(v));
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(LEVELS[i % LEVELS.length]);
                s.setLineStyle(stroke(2f, i));
            }
            sessionBoundaries(middle, tr, x, 1.0);
            middle.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        XYChart lower = chart(null, sessionsAxis(tr), "component level (0-1)", BOTTOM);
        shadeExposures(lower, record, tr, x, 1.0);
        Var[] comps = {Var.AFFECT_SHARING, Var.MENTALIZING, Var.PROXIMAL_CONCERN, Var.DISTAL_CONCERN};
        for (int i = 0; i < comps.length; i++) {
            XYSeries s = lower.addSeries(comps[i].field(), x, tr.series(comps[i]));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(COMPONENTS[i]);
            s.setLineStyle(stroke(1.8f, i));
        }
        sessionBoundaries(lower, tr, x, 1.0);
        lower.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        panels.add(lower);
        return render(panels, format, page);
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

    /**
     * Grey bands behind the phases that carry the work: exposures (darker) and MI phases
     * (lighter), each drawn as a filled step series from 0 to {@code top}.
     */
    private static void shadeExposures(XYChart c, RunRecord record, Trajectory tr, double[] x, double top) {
        band(c, record, tr, x, top, PhaseKind.EXPOSURE, "exposure (shaded)", SHADE);
        band(c, record, tr, x, top, PhaseKind.MI, "mi (shaded)", LIGHT_SHADE);
    }

    private static void band(XYChart c, RunRecord record, Trajectory tr, double[] x, double top, PhaseKind kind, String name, Color fill) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (PhaseRecord p : record.phases()) {
            if (p.kind() != kind) continue;
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
        XYSeries s = c.addSeries(name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(new Color(0, 0, 0, 0));
    }

    /**
     * In a single session, each phase's name at the top of the panel, at the phase's start,
     * where the phase is wide enough (a tenth of the time axis) to hold it.
     */
    private static void namePhases(XYChart c, RunRecord record, Trajectory tr, double[] x, double top) {
        if (x.length == 0 || tr.session(tr.rows() - 1) != tr.session(0)) return;
        double span = Math.max(1e-9, x[x.length - 1] - x[0]);
        for (PhaseRecord p : record.phases()) {
            int first = tr.nearest(p.session(), p.start());
            int last = tr.nearest(p.session(), p.end());
            if (first < 0 || last < 0 || x[last] - x[first] < 0.1 * span) continue;
            c.addAnnotation(new AnnotationText(p.title(), (x[first] + x[last]) / 2, 0.96 * top, false));
        }
    }

    /** The stroke of the {@code n}th line of a panel: its width, and the n-th dash pattern. */
    static java.awt.BasicStroke stroke(float width, int n) {
        float[] dash = DASHES[n % DASHES.length];
        return dash == null ? new java.awt.BasicStroke(width, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND)
                : new java.awt.BasicStroke(width, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * The events that matter (an escape, an exposure ended early, a walkout, reassurance, a
     * regulation change) as labelled ticks on the time axis: a short mark up from the axis and
     * the event's name above it. Several events at the same moment share one tick, their names
     * joined; a tick closer than 7% of the time axis to the last labelled one is left
     * unlabelled, so a course or a run that regulates every minute keeps a readable axis.
     */
    private static void markEvents(XYChart c, RunRecord record, Trajectory tr, double[] x, double top) {
        java.util.TreeMap<Integer, java.util.LinkedHashSet<String>> at = new java.util.TreeMap<>();
        for (Event e : record.events()) {
            String label = MARKED.get(e.kind());
            if (label == null) continue;
            int row = tr.nearest(e.session(), e.time());
            if (row < 0) continue;
            at.computeIfAbsent(row, r -> new java.util.LinkedHashSet<>()).add(label);
        }
        if (at.isEmpty()) return;
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        double lastLabelled = Double.NEGATIVE_INFINITY, lastMajor = Double.NEGATIVE_INFINITY, span = x.length == 0 ? 1 : Math.max(1e-9, x[x.length - 1] - x[0]);
        int n = 0;
        for (var e : at.entrySet()) {
            double t = x[e.getKey()];
            xs.add(t); ys.add(Double.NaN);
            xs.add(t); ys.add(0.0);
            xs.add(t); ys.add(0.06 * top);
            // a label is written where there is room for it: a tick too close to the last labelled one stays
            // unlabelled, except that what ends an exposure (an escape, an early end, a walkout) is named
            // unless it too was named just before
            boolean major = e.getValue().stream().anyMatch(MAJOR::contains);
            if (t - (major ? lastMajor : lastLabelled) > 0.07 * span) {
                List<String> words = new ArrayList<>(e.getValue());
                words.sort(java.util.Comparator.comparing(w -> MAJOR.contains(w) ? 0 : 1));
                c.addAnnotation(new AnnotationText(String.join(", ", words), t, (0.09 + 0.05 * (n++ % 2)) * top, false));
                lastLabelled = t;
                if (major) lastMajor = t;
            }
        }
        XYSeries s = c.addSeries("events (ticks)", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(TICK);
        s.setLineStyle(new java.awt.BasicStroke(1.6f));
        s.setShowInLegend(false);
        c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        c.getStyler().setAnnotationTextFontColor(TICK);
    }

    /** In a course, a dotted vertical line where each session after the first begins. */
    private static void sessionBoundaries(XYChart c, Trajectory tr, double[] x, double top) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 1; i < tr.rows(); i++) {
            if (tr.session(i) == tr.session(i - 1)) continue;
            xs.add(x[i]); ys.add(Double.NaN);
            xs.add(x[i]); ys.add(0.0);
            xs.add(x[i]); ys.add(top);
        }
        if (xs.isEmpty()) return;
        XYSeries s = c.addSeries("session boundary", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(BOUNDARY);
        s.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
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

    /** Paints the charts stacked into one image, in a figure format, at their own size. */
    static byte[] render(List<? extends Chart<?, ?>> charts, FileFormat format) throws IOException {
        return render(charts, format, null);
    }

    /**
     * Paints the charts stacked into one image, in a figure format, on a page: the charts are
     * laid out at the page's width in points, their heights shared out in proportion, so the
     * fonts keep their point sizes; a PNG is drawn at the page's dpi and says so in its pHYs
     * chunk; an SVG states its size in points. A null page: the charts' own size, 72 dpi.
     */
    static byte[] render(List<? extends Chart<?, ?>> charts, FileFormat format, Page page) throws IOException {
        int natural = charts.stream().mapToInt(Chart::getHeight).sum();
        if (page == null) page = new Page(WIDTH, natural, Page.DEFAULT_DPI);
        int width = (int) Math.round(page.width());
        if (page.width() < COMPACT) {
            for (Chart<?, ?> c : charts) {
                compact(c.getStyler());
                if (c instanceof XYChart xy) {
                    for (XYSeries s : xy.getSeriesMap().values()) {
                        thinner(s);
                        if (s.getName().endsWith("(shaded)")) s.setShowInLegend(false); // the caption says what grey means
                    }
                }
            }
        }
        int[] heights = new int[charts.size()];
        int used = 0, total = (int) Math.round(page.height());
        for (int i = 0; i < heights.length; i++) {
            heights[i] = i == heights.length - 1 ? total - used : (int) Math.round((double) charts.get(i).getHeight() * total / natural);
            used += heights[i];
        }
        return switch (format) {
            case SVG -> svg(charts, width, heights, page);
            case PNG -> png(charts, width, heights, page);
            case PDF -> pdf(charts, width, heights);
            case CSV, JSON -> throw new IllegalArgumentException(
                    "a figure is drawn as " + FileFormat.extensions(FileFormat.Kind.FIGURE) + ", not " + format.key());
        };
    }

    /** A page narrower than this (in points; a journal's double column is about 500) is drawn compact. */
    static final double COMPACT = 600;

    /**
     * A journal's column: the legend goes under the plot in rows, not beside it (where it
     * would take half the width), and the fonts are those of a printed figure (7-9 pt).
     */
    private static void compact(Styler st) {
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
        if (st instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
            a.setAxisTitlePadding(2);
            a.setXAxisTickMarkSpacingHint(30);
            a.setYAxisTickMarkSpacingHint(18);
        }
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        st.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 6));
        st.setChartPadding(4);
        st.setLegendPadding(2);
        st.setLegendSeriesLineLength(14);
    }

    /** A line of a compact figure: 0.45 of its width (a 2.2 pt line becomes 1 pt), its dashes kept in proportion. */
    private static void thinner(XYSeries s) {
        java.awt.BasicStroke b = s.getLineStyle();
        if (b == null) return;
        float k = 0.45f;
        float[] dash = b.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) dash[i] *= 0.6f;
        }
        s.setLineStyle(new java.awt.BasicStroke(b.getLineWidth() * k, b.getEndCap(), b.getLineJoin(), b.getMiterLimit(), dash, 0f));
    }

    private static byte[] svg(List<? extends Chart<?, ?>> charts, int width, int[] heights, Page page) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, charts, width, heights);
        int height = java.util.Arrays.stream(heights).sum();
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        if (page.width() == WIDTH && page.height() == height) return out.toByteArray(); // the default: as it always was
        // a page asked for: the root element's size in points (VectorGraphics2D writes pixels), the drawing in its viewBox
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        int root = text.indexOf("<svg");
        int close = text.indexOf('>', root);
        String head = text.substring(root, close)
                .replaceFirst(" height=\"[^\"]*\"", " height=\"" + org.tec.text.Numbers.plain(page.height()) + "pt\"")
                .replaceFirst(" width=\"[^\"]*\"", " width=\"" + org.tec.text.Numbers.plain(page.width()) + "pt\"");
        return (text.substring(0, root) + head + text.substring(close)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A vector PDF (VectorGraphics2D's PDF back-end, compressed), one page the figure's size:
     * lines and areas as vectors, transparency kept. Its text is outlines, as in the SVG
     * (XChart draws every label as a filled outline), so it needs no fonts but is not searchable.
     */
    private static byte[] pdf(List<? extends Chart<?, ?>> charts, int width, int[] heights) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g, charts, width, heights);
        int height = java.util.Arrays.stream(heights).sum();
        // VectorGraphics2D's PDF page is in millimetres: the figure's points as mm keep its printed size
        Document doc = new de.erichseifert.vectorgraphics2d.pdf.PDFProcessor(true)
                .getDocument(g.getCommands(), new PageSize(0, 0, width * 25.4 / 72, height * 25.4 / 72));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] png(List<? extends Chart<?, ?>> charts, int width, int[] heights, Page page) throws IOException {
        BufferedImage img = new BufferedImage(page.pixelWidth(), page.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(page.dpi() / 72.0, page.dpi() / 72.0);
        paint(g, charts, width, heights);
        g.dispose();
        return PngDpi.write(img, page.dpi());
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> charts, int width, int[] heights) {
        int y = 0;
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D sub = (Graphics2D) g.create(0, y, width, heights[i]);
            charts.get(i).paint(sub, width, heights[i]);
            sub.dispose();
            y += heights[i];
        }
    }
}
