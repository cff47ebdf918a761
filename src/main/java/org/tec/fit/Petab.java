package org.tec.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;
import org.tec.diag.Suggest;
import org.tec.lang.Quantity;

/**
 * PEtab v1 tables (https://petab.readthedocs.io, format version 1), the part tec reads:
 * the measurement table and the condition table, tab-separated. What tec does with each
 * column is in docs/FITTING.md; a cell it cannot use is an error at its file, line and
 * column, never a silent skip.
 */
public final class Petab {
    private Petab() {}

    public static final String OBSERVABLE = "observableId", CONDITION = "simulationConditionId", TIME = "time",
            MEASUREMENT = "measurement", NOISE = "noiseParameters", PREEQUILIBRATION = "preequilibrationConditionId",
            OBSERVABLE_PARAMETERS = "observableParameters", DATASET = "datasetId", REPLICATE = "replicateId",
            CONDITION_ID = "conditionId", CONDITION_NAME = "conditionName";

    static final List<String> REQUIRED = List.of(OBSERVABLE, CONDITION, TIME, MEASUREMENT);
    static final List<String> MEASUREMENT_COLUMNS = List.of(OBSERVABLE, PREEQUILIBRATION, CONDITION, MEASUREMENT, TIME,
            OBSERVABLE_PARAMETERS, NOISE, DATASET, REPLICATE);

    /** A PEtab identifier: a letter or underscore, then letters, digits and underscores. */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    /** An observable: an identifier, or a tec state variable such as client.distress. */
    private static final Pattern OBSERVABLE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}(\\.[A-Za-z_][A-Za-z0-9_]{0,127})?");

    /** Where a measurement came from, for the errors the scenario finds later. */
    public record Where(String file, int line, int observableColumn, int timeColumn, int conditionColumn, String observableText,
                        String timeText, String conditionText) {
        Span observable() {
            return new Span(file, line, observableColumn, Math.max(1, observableText.length()));
        }

        Span time() {
            return new Span(file, line, timeColumn, Math.max(1, timeText.length()));
        }

        Span condition() {
            return new Span(file, line, conditionColumn, Math.max(1, conditionText.length()));
        }
    }

    /**
     * One measurement.
     *
     * @param sd the measurement's known standard deviation (its noiseParameters cell), or NaN
     */
    public record Measurement(String observable, String condition, double time, double value, double sd, String replicate, Where where) {}

    /** A condition: its id and the values it gives params or model parameters (a missing cell: the script's own). */
    public record Condition(String id, Map<String, Double> values, Map<String, Span> spans, Span span) {}

    /** The condition table: its conditions in order, and the header cell of each of its parameter columns. */
    public record Conditions(List<Condition> list, Map<String, Span> columns) {
        Condition find(String id) {
            for (Condition c : list) if (c.id().equals(id)) return c;
            return null;
        }

        List<String> ids() {
            List<String> out = new ArrayList<>();
            for (Condition c : list) out.add(c.id());
            return out;
        }
    }

    /** Reads a measurement table; null (and errors) when it has any bad row. */
    public static List<Measurement> measurements(Path file, Diagnostics sink, SourceSet sources) {
        Table t = Table.read(file, "measurement table", sink, sources);
        return t == null ? null : measurements(t, sink);
    }

    /** Reads a measurement table from text (named {@code name} in errors). */
    public static List<Measurement> measurements(String name, String text, Diagnostics sink, SourceSet sources) {
        Table t = Table.parse(name, text, "measurement table", sink, sources);
        return t == null ? null : measurements(t, sink);
    }

    private static List<Measurement> measurements(Table t, Diagnostics sink) {
        boolean ok = true;
        for (String c : REQUIRED) {
            if (!t.columns.contains(c)) {
                String near = Suggest.hint(c, t.columns);
                sink.error(new Span(t.file, 1, 1, 1), "the measurement table has no column '" + c + "'",
                        near != null ? near : "a PEtab measurement table has the columns " + String.join(", ", REQUIRED)
                                + " (and optionally " + NOISE + ", " + REPLICATE + ")");
                ok = false;
            }
        }
        for (String c : t.columns) {
            if (!MEASUREMENT_COLUMNS.contains(c)) {
                String near = Suggest.hint(c, MEASUREMENT_COLUMNS);
                sink.warning(t.headerSpan(c), "the column '" + c + "' is not one of PEtab's measurement columns; tec ignores it",
                        near != null ? near : "PEtab's columns: " + String.join(", ", MEASUREMENT_COLUMNS));
            }
        }
        if (!ok) return null;
        List<Measurement> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Row r : t.rows) {
            if (sink.errorCount() >= 50) break; // enough to fix first
            Table.Cell obs = r.get(OBSERVABLE), cond = r.get(CONDITION), time = r.get(TIME), value = r.get(MEASUREMENT);
            Table.Cell pre = r.get(PREEQUILIBRATION), obsPar = r.get(OBSERVABLE_PARAMETERS), noise = r.get(NOISE);
            boolean rowOk = true;
            if (!pre.isEmpty()) {
                sink.error(pre.span(t.file), "tec does not pre-equilibrate: a scenario starts from its script's initial state",
                        "leave " + PREEQUILIBRATION + " empty, or write the starting state into the scenario (or its condition)");
                rowOk = false;
            }
            if (!obsPar.isEmpty()) {
                sink.error(obsPar.span(t.file), "tec does not read observableParameters: an observable is a state variable or an observe declaration",
                        "leave " + OBSERVABLE_PARAMETERS + " empty");
                rowOk = false;
            }
            rowOk &= identifier(obs, OBSERVABLE_ID, "an observable (a state variable such as client.distress, or an observe of the script)", t.file, sink);
            rowOk &= identifier(cond, ID, "a condition id (letters, digits and _, not starting with a digit)", t.file, sink);
            double tv = number(time, "a time in minutes from the start of the scenario", t.file, sink);
            if (!Double.isNaN(tv) && tv < 0) {
                sink.error(time.span(t.file), "a time before the start of the scenario: " + time.text(), "times are minutes from the scenario's start, 0 or more");
                tv = Double.NaN;
            }
            double mv = number(value, "a measurement (a number)", t.file, sink);
            double sd = Double.NaN;
            if (!noise.isEmpty()) {
                sd = number(noise, "a known standard deviation (a number above 0); named noise parameters are not supported", t.file, sink);
                if (!Double.isNaN(sd) && !(sd > 0)) {
                    sink.error(noise.span(t.file), "a standard deviation must be above 0, not " + noise.text(), "leave the cell empty to estimate it");
                    rowOk = false;
                }
            }
            if (!rowOk || Double.isNaN(tv) || Double.isNaN(mv) || (!noise.isEmpty() && Double.isNaN(sd))) continue;
            String replicate = r.get(REPLICATE).text();
            String key = obs.text() + "\t" + cond.text() + "\t" + tv + "\t" + replicate;
            Integer first = seen.putIfAbsent(key, r.line());
            if (first != null) {
                sink.error(new Span(t.file, r.line(), obs.column(), Math.max(1, obs.text().length())),
                        "a duplicate row: " + obs.text() + " in " + cond.text() + " at " + time.text() + " min was measured at line " + first,
                        "remove one, or tell repeated measurements apart by " + REPLICATE);
                continue;
            }
            Where where = new Where(t.file, r.line(), obs.column(), time.column(), cond.column(), obs.text(), time.text(), cond.text());
            out.add(new Measurement(obs.text(), cond.text(), tv, mv, sd, replicate, where));
        }
        if (sink.hasErrors()) return null;
        if (out.isEmpty()) {
            sink.error(new Span(t.file, 1, 1, 1), "the measurement table has no rows", "add one row per measurement below the header");
            return null;
        }
        return List.copyOf(out);
    }

    /** Reads a condition table; null (and errors) when it has any bad row. */
    public static Conditions conditions(Path file, Diagnostics sink, SourceSet sources) {
        Table t = Table.read(file, "condition table", sink, sources);
        return t == null ? null : conditions(t, sink);
    }

    /** Reads a condition table from text. */
    public static Conditions conditions(String name, String text, Diagnostics sink, SourceSet sources) {
        Table t = Table.parse(name, text, "condition table", sink, sources);
        return t == null ? null : conditions(t, sink);
    }

    private static Conditions conditions(Table t, Diagnostics sink) {
        if (!t.columns.contains(CONDITION_ID)) {
            String near = Suggest.hint(CONDITION_ID, t.columns);
            sink.error(new Span(t.file, 1, 1, 1), "the condition table has no column '" + CONDITION_ID + "'",
                    near != null ? near : "a PEtab condition table has a conditionId column and one column per parameter it sets");
            return null;
        }
        Map<String, Span> columns = new LinkedHashMap<>();
        for (String c : t.columns) {
            if (c.equals(CONDITION_ID) || c.equals(CONDITION_NAME)) continue;
            if (!OBSERVABLE_ID.matcher(c).matches()) {
                sink.error(t.headerSpan(c), "'" + c + "' cannot name a parameter", "a column names a param of the script or a model parameter such as therapist.affect_sharing");
                continue;
            }
            columns.put(c, t.headerSpan(c));
        }
        List<Condition> list = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Row r : t.rows) {
            if (sink.errorCount() >= 50) break;
            Table.Cell id = r.get(CONDITION_ID);
            if (!identifier(id, ID, "a condition id (letters, digits and _, not starting with a digit)", t.file, sink)) continue;
            Integer first = seen.putIfAbsent(id.text(), r.line());
            if (first != null) {
                sink.error(id.span(t.file), "the condition '" + id.text() + "' is defined twice (first at line " + first + ")", "keep one row per condition");
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, Span> spans = new LinkedHashMap<>();
            for (String c : columns.keySet()) {
                Table.Cell cell = r.get(c);
                if (cell.isEmpty()) continue; // the script's own value
                double v = number(cell, "a value for " + c + " (a number; leave it empty for the script's own)", t.file, sink);
                if (Double.isNaN(v)) continue;
                values.put(c, v);
                spans.put(c, cell.span(t.file));
            }
            list.add(new Condition(id.text(), Map.copyOf(values), Map.copyOf(spans), id.span(t.file)));
        }
        if (sink.hasErrors()) return null;
        if (list.isEmpty()) {
            sink.error(new Span(t.file, 1, 1, 1), "the condition table has no rows", "add one row per condition below the header");
            return null;
        }
        return new Conditions(List.copyOf(list), Map.copyOf(columns));
    }

    private static boolean identifier(Table.Cell c, Pattern p, String what, String file, Diagnostics sink) {
        if (c.isEmpty()) {
            sink.error(c.span(file), "an empty cell where " + what + " is expected", null);
            return false;
        }
        if (!p.matcher(c.text()).matches()) {
            sink.error(c.span(file), "'" + shown(c.text()) + "' is not " + what, null);
            return false;
        }
        return true;
    }

    /** A finite number, or NaN (and an error at the cell). */
    static double number(Table.Cell c, String what, String file, Diagnostics sink) {
        if (c.isEmpty()) {
            sink.error(c.span(file), "an empty cell where " + what + " is expected", null);
            return Double.NaN;
        }
        try {
            Quantity q = Quantity.parse(c.text());
            if (q.duration()) {
                sink.error(c.span(file), "'" + shown(c.text()) + "' has a unit; a table holds plain numbers (times in minutes)",
                        "write the number alone");
                return Double.NaN;
            }
            return q.value();
        } catch (IllegalArgumentException e) {
            String t = c.text().toLowerCase(java.util.Locale.ROOT);
            String hint = t.equals("nan") || t.equals("na") ? "leave out a measurement that is missing (delete its row)"
                    : t.contains("inf") ? "PEtab's steady-state time 'inf' is not supported: tec runs a scenario for its phases' time"
                    : c.text().contains(",") ? "write decimals with a point: 2.5, not 2,5" : null;
            sink.error(c.span(file), "'" + shown(c.text()) + "' is not " + what, hint);
            return Double.NaN;
        }
    }

    /** A cell's text for a message: at most 40 characters. */
    static String shown(String text) {
        String s = org.tec.text.Printable.escape(text);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
