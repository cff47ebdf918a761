package org.tec.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tec.fit.Fit;
import org.tec.interp.FileFormat;
import org.tec.text.Numbers;

/**
 * The figure of a fit, one per condition: each observable's data as points against its
 * fitted trajectory, with the band the measurement model gives (the prediction plus and
 * minus 1.96 sd: where 95% of measurements should fall if the model is right).
 */
public final class FitFigure {
    private FitFigure() {}

    private static final int HEIGHT = 360;
    private static final Color BAND = new Color(0x95A5A6);

    /** The figure of one condition's curves and residuals. */
    public static byte[] condition(String title, List<Fit.Curve> curves, List<Fit.Residual> residuals, FileFormat format) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (Fit.Curve c : curves) {
            XYChart chart = Figures.chart(charts.isEmpty() ? title : null, "minutes from the start", c.observable(), HEIGHT);
            XYSeries fitted = chart.addSeries("fitted", c.times(), c.values());
            fitted.setMarker(SeriesMarkers.NONE);
            fitted.setLineColor(Figures.CLIENT);
            fitted.setLineWidth(2.2f);
            if (Double.isFinite(c.sd()) && c.sd() > 0) {
                double[] lo = new double[c.values().length], hi = new double[c.values().length];
                for (int i = 0; i < lo.length; i++) {
                    lo[i] = c.values()[i] - 1.96 * c.sd();
                    hi[i] = c.values()[i] + 1.96 * c.sd();
                }
                String name = "95% band (sd " + Numbers.value(c.sd()) + ")";
                for (double[] edge : List.of(lo, hi)) {
                    XYSeries s = chart.addSeries(edge == lo ? name : name + " ", c.times(), edge);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(BAND);
                    s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                    s.setShowInLegend(edge == lo);
                }
            }
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (Fit.Residual r : residuals) {
                if (r.condition().equals(c.condition()) && r.observable().equals(c.observable())) {
                    xs.add(r.time());
                    ys.add(r.measurement());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries data = chart.addSeries("data", xs, ys);
                data.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                data.setMarker(SeriesMarkers.CIRCLE);
                data.setMarkerColor(Figures.THERAPIST);
            }
            charts.add(chart);
        }
        return Figures.render(charts, format);
    }
}
