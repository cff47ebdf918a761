package org.tec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.figures.FitFigure;
import org.tec.fit.Fit;
import org.tec.fit.Petab;
import org.tec.fit.Simulate;
import org.tec.interp.FileFormat;
import org.tec.text.Numbers;

/**
 * The files of {@code tec fit} and {@code tec simulate}: estimates.csv, fit.json,
 * residuals.csv and a figure per condition, written as one set (whole or not at all, never
 * replacing what is not a regular file); and a simulated PEtab measurement table.
 * Every number through {@link Numbers#data}; nothing in them depends on the clock.
 */
public final class FitFiles {
    private FitFiles() {}

    /** The most conditions drawn, one figure each; a larger fit draws the first ones. */
    public static final int MAX_FIGURES = 100;

    /** What a fit's metadata says: the inputs and the settings. */
    public record About(String version, String script, String scenario, String data, String conditions, String optimiser,
                        Map<String, String> noise) {}

    /** Writes a fit's files into {@code dir}; returns what was written. */
    public static List<OutputSet.Written> write(Path dir, Fit.Result r, About about, FileFormat figures, OutputSet.Budget budget) throws IOException {
        OutputDir out = new OutputDir(dir);
        try (OutputSet set = new OutputSet(budget)) {
            set.write(out.root().resolve("estimates.csv"), w -> w.write(estimates(r)));
            set.write(out.root().resolve("residuals.csv"), w -> w.write(residuals(r)));
            set.write(out.root().resolve("fit.json"), w -> w.write(json(r, about)));
            if (figures != null) {
                int n = 0;
                for (String c : r.conditions()) {
                    if (n++ >= MAX_FIGURES) break;
                    List<Fit.Curve> curves = new ArrayList<>();
                    for (Fit.Curve k : r.curves()) if (k.condition().equals(c)) curves.add(k);
                    if (curves.isEmpty()) continue;
                    String name = "fit-" + c + "." + figures.key();
                    byte[] bytes = FitFigure.condition(about.scenario() + ": " + c, curves, r.residuals(), figures);
                    set.write(out.root().resolve(name), bytes);
                }
            }
            set.commit();
            return set.written();
        }
    }

    /** estimates.csv: one row per estimated parameter and estimated sd. */
    public static String estimates(Fit.Result r) {
        List<String> cols = List.of("parameter", "estimate", "ci_low", "ci_high", "lower_bound", "upper_bound", "identifiable");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Fit.Estimate e : r.estimates()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("parameter", e.parameter());
            row.put("estimate", Numbers.data(e.estimate()));
            row.put("ci_low", Numbers.data(e.ciLow()));
            row.put("ci_high", Numbers.data(e.ciHigh()));
            row.put("lower_bound", Numbers.data(e.lower()));
            row.put("upper_bound", Double.isInfinite(e.upper()) ? "" : Numbers.data(e.upper()));
            row.put("identifiable", e.identifiable());
            rows.add(row);
        }
        return Tables.csv(cols, rows);
    }

    /** residuals.csv: every measurement against its fitted prediction. */
    public static String residuals(Fit.Result r) {
        List<String> cols = List.of("observableId", "simulationConditionId", "time", "measurement", "prediction", "residual", "sd",
                "standardized");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Fit.Residual e : r.residuals()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("observableId", e.observable());
            row.put("simulationConditionId", e.condition());
            row.put("time", Numbers.data(e.time()));
            row.put("measurement", Numbers.data(e.measurement()));
            row.put("prediction", Numbers.data(e.prediction()));
            row.put("residual", Numbers.data(e.residual()));
            row.put("sd", Numbers.data(e.sd()));
            row.put("standardized", Numbers.data(e.residual() / e.sd()));
            rows.add(row);
        }
        return Tables.csv(cols, rows);
    }

    /** fit.json: the likelihood, information criteria, the optimiser's starts, the settings and the warnings. */
    public static String json(Fit.Result r, About about) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JsonWriter.pretty(sw)) {
            g.writeStartObject();
            g.writeStringField("tec_version", about.version());
            g.writeStringField("script", about.script());
            g.writeStringField("scenario", about.scenario());
            g.writeStringField("data", about.data());
            if (about.conditions() != null) g.writeStringField("conditions", about.conditions());
            g.writeNumberField("n", r.n());
            g.writeNumberField("conditions_fitted", r.conditions().size());
            g.writeNumberField("parameters", r.parameters());
            number(g, "log_likelihood", r.logLikelihood());
            number(g, "aic", r.aic());
            number(g, "bic", r.bic());
            g.writeStringField("estimator", "maximum likelihood, Gaussian measurement error");
            g.writeObjectFieldStart("noise");
            for (Map.Entry<String, String> e : about.noise().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeStringField("optimiser", about.optimiser());
            g.writeNumberField("seed", r.seed());
            g.writeBooleanField("converged", r.converged());
            g.writeNumberField("agreeing_starts", r.agreeingStarts());
            g.writeNumberField("evaluations", r.evaluations());
            g.writeArrayFieldStart("starts");
            for (Fit.StartSummary s : r.starts()) {
                g.writeStartObject();
                g.writeNumberField("start", s.index());
                number(g, "negative_log_likelihood", s.nll());
                g.writeNumberField("evaluations", s.evaluations());
                g.writeBooleanField("converged", s.converged());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("intervals");
            g.writeStringField("method", r.smallSample()
                    ? "profile likelihood, small-sample threshold n/2 log(1 + F(1, n - k; level) / (n - k)) as an sd is estimated"
                    : "profile likelihood, threshold chi-square(1; level) / 2");
            number(g, "level", r.level());
            number(g, "threshold", r.threshold());
            g.writeStringField("sd_interval", "RSS / sd^2 ~ chi-square(n - k), equal tails");
            g.writeEndObject();
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) g.writeString(w);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.append('\n').toString();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, Numbers.roundData(v)); else g.writeNullField(name);
    }

    /** A simulated PEtab measurement table (TSV): observableId, simulationConditionId, time, measurement. */
    public static String measurementTable(List<Simulate.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(Petab.OBSERVABLE).append('\t').append(Petab.CONDITION).append('\t').append(Petab.TIME).append('\t')
                .append(Petab.MEASUREMENT).append('\n');
        for (Simulate.Row r : rows) {
            sb.append(r.observable()).append('\t').append(r.condition()).append('\t').append(Numbers.data(r.time())).append('\t')
                    .append(Numbers.data(r.measurement())).append('\n');
        }
        return sb.toString();
    }
}
