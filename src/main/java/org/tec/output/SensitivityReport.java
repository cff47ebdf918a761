package org.tec.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.figures.SensitivityFigure;
import org.tec.interp.OutputNames;
import org.tec.interp.Sensitivity;
import org.tec.interp.Study;
import org.tec.interp.StudyDesign;
import org.tec.text.Numbers;

/**
 * What a study with a sampled design or a sensitivity analysis adds to its report: a line
 * that says where its points lie (the design, its size, each param's range), and for a
 * sensitivity study the "Sensitivity" table (output, param, S1 and ST with their intervals)
 * with the line that says how they were worked out; also its sensitivity.csv and figures.
 */
public final class SensitivityReport {
    private SensitivityReport() {}

    /** The report's part for a sampled design; "" for a grid. */
    public static String render(Study.Result st, boolean color) {
        StudyDesign d = st.runs().design();
        if (d instanceof StudyDesign.Grid) return "";
        Report.Style s = new Report.Style(color);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(s.bold("Design")).append("  ").append(describe(d)).append('\n');
        for (StudyDesign.Range r : d.ranges()) {
            sb.append("  ").append(r.param()).append(" from ").append(Numbers.value(r.low())).append(" to ").append(Numbers.value(r.high())).append('\n');
        }
        List<Sensitivity.Row> rows = Sensitivity.of(st);
        if (d instanceof StudyDesign.Saltelli && !rows.isEmpty()) {
            List<String> header = List.of("output", "param", "S1", "S1 95% interval", "ST", "ST 95% interval");
            List<List<String>> cells = new ArrayList<>();
            for (Sensitivity.Row r : rows) {
                Sensitivity.Indices x = r.indices();
                cells.add(List.of((r.proportion() ? "proportion " : "") + r.output(), r.param(), Report.cell(x.first()), Report.interval(x.firstLow(), x.firstHigh()),
                        Report.cell(x.total()), Report.interval(x.totalLow(), x.totalHigh())));
            }
            sb.append('\n').append(s.bold("Sensitivity")).append("  (").append(Sensitivity.methods(st)).append(")\n");
            sb.append(Report.table(header, cells, 200));
        }
        return sb.toString();
    }

    /** "latin hypercube of 64 points", "sobol sequence of 128 points", "Sobol indices: N = 256 base rows, 1536 points". */
    public static String describe(StudyDesign d) {
        if (d instanceof StudyDesign.Latin l) return "Latin hypercube of " + l.size() + " points (drawn from the scenario's seed)";
        if (d instanceof StudyDesign.Sobol so) return "Sobol sequence of " + so.size() + " points (its first " + so.size() + ", from the first)";
        if (d instanceof StudyDesign.Saltelli sa) {
            return "Sobol indices: N = " + sa.base() + " base rows of Saltelli's scheme, " + sa.size() + " points";
        }
        return d.kind() + " of " + d.size() + " points";
    }

    /** The columns of sensitivity.csv, in order. */
    public static final List<String> COLUMNS = List.of("output", "param", "first", "first_low", "first_high", "total", "total_low",
            "total_high", "n", "method");

    /** sensitivity.csv: one row per output and param; numbers as numbers, a missing one empty. */
    public static void csv(Study.Result st, Path target) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Sensitivity.Row r : Sensitivity.of(st)) {
            Sensitivity.Indices x = r.indices();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("output", r.output());
            row.put("param", r.param());
            row.put("first", number(x.first()));
            row.put("first_low", number(x.firstLow()));
            row.put("first_high", number(x.firstHigh()));
            row.put("total", number(x.total()));
            row.put("total_low", number(x.totalLow()));
            row.put("total_high", number(x.totalHigh()));
            row.put("n", x.n());
            row.put("method", Sensitivity.METHOD);
            rows.add(row);
        }
        String text = Tables.csv(COLUMNS, rows);
        try (OutputSet set = OutputSet.unlimited()) {
            set.write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            set.commit();
        }
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) Numbers.roundData(v) : "";
    }

    /** Draws a sensitivity study's 'plot sensitivity' figures into the set, each in the format its name says. */
    static void figures(OutputSet set, Study.Result st, OutputDir dir) throws IOException {
        if (!(st.program().study().design() instanceof StudyDesign.Saltelli sa)) return;
        for (StudyDesign.Saltelli.Figure f : sa.figures()) {
            Path target = dir.resolve(OutputNames.sensitivityFile(st.program(), f));
            if (target == null) continue; // refused before the run
            org.tec.interp.FileFormat format = org.tec.interp.FileFormat.byFileName(target.toString(), org.tec.interp.FileFormat.Kind.FIGURE);
            if (format == null) continue; // refused by the compiler
            set.write(target, SensitivityFigure.draw(st, format));
        }
    }
}
