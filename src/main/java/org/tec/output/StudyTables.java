package org.tec.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.interp.FileFormat;
import org.tec.interp.Study;
import org.tec.interp.StudyContrast;
import org.tec.interp.StudySummary;
import org.tec.interp.StudyTable;
import org.tec.text.Numbers;

/**
 * A study's summary and contrasts as tables (CSV text), the one way they are laid out,
 * whether a script's {@code emit summary} / {@code emit contrasts}, {@code tec sweep
 * --summary} / {@code --contrasts} or the API writes them.
 */
public final class StudyTables {
    private StudyTables() {}

    /** A table: its columns in order, and its rows (numbers as numbers, an undefined value as null). */
    public record Table(List<String> columns, List<Map<String, Object>> rows) {
        /** CSV with a header row: an undefined value is empty. */
        public String csv() {
            return Tables.csv(columns, rows);
        }

        /** A JSON object with the rows under {@code key}: numbers are numbers, an undefined value is null. */
        public String json(String key) {
            return Tables.json(key, columns, rows);
        }
    }

    /** The table {@code kind}. */
    public static Table of(Study.Result r, StudyTable kind) {
        return switch (kind) {
            case SUMMARY -> summaryTable(r);
            case CONTRASTS -> contrastsTable(r);
        };
    }

    /** The table {@code kind} as text in the format {@code file}'s name says: CSV, or JSON (rows under the table's word). */
    public static String text(Study.Result r, StudyTable kind, String file) {
        Table t = of(r, kind);
        FileFormat f = FileFormat.byFileName(file, FileFormat.Kind.DATA);
        if (f == null) throw new IllegalArgumentException(file + ": a study's " + kind.word() + " is written as .csv or .json");
        return switch (f) {
            case CSV -> t.csv();
            case JSON -> t.json(kind.word());
            case SVG, PNG, PDF -> throw new IllegalStateException("not a data format: " + f.key());
        };
    }

    /**
     * The prints summarised per arm and sweep point: {@code arm} (when the study has arms), the
     * swept values, {@code measure}, {@code kind} ({@code mean} or {@code proportion}), {@code n},
     * {@code mean}, {@code sd}, {@code ci_low}, {@code ci_high} (95%: Student's t for a mean,
     * Wilson for a proportion), {@code median}, {@code q1}, {@code q3} (R type 7); a value that
     * cannot be worked out (an interval of one run) is empty.
     */
    public static String summary(Study.Result r) {
        return summaryTable(r).csv();
    }

    private static Table summaryTable(Study.Result r) {
        List<String> cols = pointColumns(r, "measure", "kind", "n", "mean", "sd", "ci_low", "ci_high", "median", "q1", "q3");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StudySummary.Row s : StudySummary.of(r)) {
            Map<String, Object> row = point(r, cols, s.arm(), s.point());
            row.put("measure", s.measure());
            row.put("kind", s.proportion() ? "proportion" : "mean");
            row.put("n", s.n());
            numbers(row, List.of("mean", "sd", "ci_low", "ci_high", "median", "q1", "q3"),
                    s.mean(), s.sd(), s.low(), s.high(), s.median(), s.q1(), s.q3());
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /**
     * The contrasts, print by print: with arms, each arm against the first at each sweep point
     * ({@code arm}, the swept values, {@code reference}: the first arm's name); without, each
     * sweep point against the first (the point's swept values, {@code reference}: the first
     * point's, as {@code name=value}); then {@code measure}, {@code difference} with
     * {@code ci_low} and {@code ci_high} (95%: Welch's t for a mean, Newcombe's hybrid score
     * for a proportion), {@code effect_size} and {@code effect_kind} ({@code hedges_g} or
     * {@code risk_ratio}). Empty where a side has too few runs.
     */
    public static String contrasts(Study.Result r) {
        return contrastsTable(r).csv();
    }

    private static Table contrastsTable(Study.Result r) {
        List<String> cols = pointColumns(r, "reference", "measure", "difference", "ci_low", "ci_high", "effect_size", "effect_kind");
        List<String> params = r.runs().pointParams();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StudyContrast.Row c : StudyContrast.of(StudySummary.of(r))) {
            Map<String, Object> row = point(r, cols, c.arm(), c.point());
            List<String> ref = new ArrayList<>();
            for (int k = 0; k < c.reference().size(); k++) ref.add(params.get(k) + "=" + Numbers.data(c.reference().get(k)));
            row.put("reference", r.runs().arms().isEmpty() ? String.join(" ", ref) : c.referenceArm());
            row.put("measure", c.measure());
            numbers(row, List.of("difference", "ci_low", "ci_high", "effect_size"), c.difference(), c.low(), c.high(), c.effect());
            row.put("effect_kind", c.effectKind());
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** {@code arm} when the study has arms, the swept parameters' columns, then {@code rest}. */
    private static List<String> pointColumns(Study.Result r, String... rest) {
        List<String> cols = new ArrayList<>();
        if (!r.runs().arms().isEmpty()) cols.add("arm");
        cols.addAll(r.runs().pointParams());
        cols.addAll(List.of(rest));
        return cols;
    }

    /** A row that starts with its arm (when the study has arms) and a point's swept values, as numbers. */
    private static Map<String, Object> point(Study.Result r, List<String> cols, String arm, List<Double> point) {
        Map<String, Object> row = new LinkedHashMap<>();
        int c = 0;
        if (!r.runs().arms().isEmpty()) row.put(cols.get(c++), arm);
        for (int k = 0; k < point.size(); k++) row.put(cols.get(c++), Numbers.roundData(point.get(k)));
        return row;
    }

    /** Numbers into a row, as the data files write them; one that could not be worked out (NaN) stays empty. */
    private static void numbers(Map<String, Object> row, List<String> names, double... values) {
        for (int k = 0; k < values.length; k++) row.put(names.get(k), Double.isNaN(values[k]) ? null : Numbers.roundData(values[k]));
    }
}
