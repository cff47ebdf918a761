package org.tec.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tec.interp.FileFormat;
import org.tec.interp.Sensitivity;
import org.tec.interp.Study;

/**
 * A sensitivity study's indices as a tornado chart, one panel per output: for each varied
 * param (names at the left, in the order they are varied, the first on top) a bar of its
 * first-order index S1 and one of its total index ST, each with its 95% bootstrap interval
 * as an error bar. Drawn with XChart in the theme of {@link Figures} (white, the therapist's
 * blue for S1, the client's red for ST), to SVG or PNG bytes that depend on the study alone.
 */
public final class SensitivityFigure {
    private static final int WIDTH = Figures.WIDTH;
    private static final Color FIRST = new Color(0x2C6FBB), TOTAL = new Color(0xC0392B), BAR = Color.BLACK;
    /** The left part of each panel's x range, where the params' names are written, as a share of the indices' range. */
    private static final double LABELS = 0.5;

    private SensitivityFigure() {}

    public static byte[] draw(Study.Result r, FileFormat format) throws IOException {
        Map<String, List<Sensitivity.Row>> byOutput = new LinkedHashMap<>();
        for (Sensitivity.Row row : Sensitivity.of(r)) byOutput.computeIfAbsent(row.output(), k -> new ArrayList<>()).add(row);
        if (byOutput.isEmpty()) throw new IOException("the sensitivity study prints no outcome to draw: add a print statement");
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<Sensitivity.Row>> e : byOutput.entrySet()) charts.add(panel(r, e.getKey(), e.getValue(), charts.isEmpty()));
        // painted and written as every figure is, so the bytes follow the same rules
        return Figures.render(charts, format);
    }

    private static XYChart panel(Study.Result r, String output, List<Sensitivity.Row> rows, boolean first) {
        int k = rows.size();
        int height = 90 + 46 * k;
        String title = (first ? r.program().name() + ":  " : "") + (rows.get(0).proportion() ? "proportion " : "") + output;
        XYChart c = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle("Sobol index (S1 first-order, ST total; 95% bootstrap interval)").yAxisTitle("").build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotGridLinesColor(new Color(0xE6E6E6));
        st.setPlotGridHorizontalLinesVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(Color.WHITE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, first ? Font.BOLD : Font.PLAIN, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setYAxisTicksVisible(false);
        st.setYAxisTitleVisible(false);
        st.setAntiAlias(true);
        double top = 1, bottom = 0;
        for (Sensitivity.Row row : rows) {
            top = Math.max(top, Math.max(finite(row.indices().firstHigh()), finite(row.indices().totalHigh())));
            bottom = Math.min(bottom, Math.min(finite(row.indices().firstLow()), finite(row.indices().totalLow())));
        }
        // the names' column: a share of the range, so they keep clear of the bars whatever the scale
        double labels = LABELS * (top + 0.05 - bottom), left = bottom - labels;
        st.setXAxisMin(left);
        st.setXAxisMax(top + 0.05);
        st.setYAxisMin(0.0);
        st.setYAxisMax((double) k);
        for (int i = 0; i < k; i++) {
            Sensitivity.Row row = rows.get(i);
            Sensitivity.Indices x = row.indices();
            double y = k - i - 0.5;
            bar(c, "S1", y + 0.17, x.first(), x.firstLow(), x.firstHigh(), FIRST, i == 0);
            bar(c, "ST", y - 0.17, x.total(), x.totalLow(), x.totalHigh(), TOTAL, i == 0);
            AnnotationText label = new AnnotationText(row.param(), left + labels / 2, y, false);
            c.addAnnotation(label);
        }
        AnnotationLine zero = new AnnotationLine(0, true, false);
        c.addAnnotation(zero);
        return c;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** One index: a thick bar from 0 to its value, and a thin error bar over its interval, capped at both ends. */
    private static void bar(XYChart c, String name, double y, double value, double low, double high, Color color, boolean legend) {
        String id = name + " " + c.getSeriesMap().size();
        if (Double.isFinite(value)) {
            XYSeries b = c.addSeries(legend ? name : id, new double[] {0, value}, new double[] {y, y});
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(color);
            b.setLineStyle(new BasicStroke(13f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            b.setShowInLegend(legend);
        }
        if (Double.isFinite(low) && Double.isFinite(high)) {
            double cap = 0.08;
            XYSeries e = c.addSeries(id + " interval", new double[] {low, low, low, high, high, high},
                    new double[] {y - cap, y + cap, y, y, y + cap, y - cap});
            e.setMarker(SeriesMarkers.NONE);
            e.setLineColor(BAR);
            e.setLineStyle(new BasicStroke(1.3f));
            e.setShowInLegend(false);
        }
    }
}
