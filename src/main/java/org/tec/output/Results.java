package org.tec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.interp.FileFormat;
import org.tec.interp.Printed;
import org.tec.interp.Program;
import org.tec.interp.Study;
import org.tec.interp.StudyRuns;
import org.tec.interp.Verdict;
import org.tec.text.Numbers;

/**
 * A study's results, tidy: one row per run with its index, arm, replicate, seed, swept values,
 * goals, per-run expectations and printed outcome measures. CSV (with a .meta.json
 * sidecar) or JSON (metadata inside). The same bytes whatever the thread count.
 */
public final class Results {
    private Results() {}

    /**
     * Column names, in order, each unique: {@code run}, {@code replicate} and {@code seed}
     * are reserved, and a swept parameter or a print whose name is taken (a print of the
     * swept parameter itself, a param called {@code seed}, the same print twice) is written
     * as {@code sweep: NAME} or {@code print: NAME}, then numbered, so no value overwrites
     * another.
     */
    static List<String> columns(Study.Result r) {
        Program p = r.program();
        java.util.LinkedHashSet<String> cols = new java.util.LinkedHashSet<>(List.of("run"));
        if (!r.runs().arms().isEmpty()) cols.add("arm");
        cols.addAll(List.of("replicate", "seed"));
        for (String param : r.runs().params()) cols.add(unique(cols, "sweep", param));
        for (Program.Check g : p.goals()) cols.add(unique(cols, "goal", "goal: " + g.name()));
        for (Program.Check e : p.expects()) cols.add(unique(cols, "expect", "expect: " + e.source()));
        for (Program.PrintPlan pr : p.prints()) cols.add(unique(cols, "print", pr.source()));
        return List.copyOf(cols);
    }

    private static String unique(java.util.Set<String> taken, String kind, String name) {
        if (!taken.contains(name)) return name;
        String prefixed = name.startsWith(kind + ": ") ? name : kind + ": " + name;
        String candidate = prefixed;
        for (int n = 2; taken.contains(candidate); n++) candidate = prefixed + " (" + n + ")";
        return candidate;
    }

    /**
     * One map per run, column to value (numbers as numbers, conditions as true/false), made as
     * it is read: a study of a million runs is written without a million maps.
     */
    private static List<Map<String, Object>> rows(Study.Result r) {
        List<String> cols = columns(r);
        List<StudyRuns.Run> runs = r.runs().runs();
        return new java.util.AbstractList<>() {
            @Override
            public Map<String, Object> get(int k) {
                return row(r, cols, runs.get(k));
            }

            @Override
            public int size() {
                return runs.size();
            }
        };
    }

    private static Map<String, Object> row(Study.Result r, List<String> cols, StudyRuns.Run run) {
        Map<String, Object> row = new LinkedHashMap<>();
        int c = 0;
        row.put(cols.get(c++), run.index());
        if (!r.runs().arms().isEmpty()) row.put(cols.get(c++), r.runs().armOf(run));
        row.put(cols.get(c++), run.replicate());
        row.put(cols.get(c++), run.seed());
        for (double v : run.values()) row.put(cols.get(c++), Numbers.roundData(v));
        org.tec.interp.RunResult result = run.result();
        for (Verdict v : result.goals()) row.put(cols.get(c++), v.passed());
        for (Verdict v : result.expects()) row.put(cols.get(c++), v.passed());
        for (Printed pr : result.prints()) row.put(cols.get(c++), value(pr));
        return row;
    }

    private static Object value(Printed pr) {
        if (pr.value().equals("true") || pr.value().equals("false")) return Boolean.valueOf(pr.value());
        return Double.isFinite(pr.number()) ? (Object) Numbers.roundData(pr.number()) : null;
    }

    /**
     * Writes the results in the data format the file's name says ({@code .csv} or
     * {@code .json}); a name of no data format is an error, never written as one of them.
     */
    public static void write(Study.Result r, Path target, Meta.Stamp version) throws IOException {
        FileFormat format = FileFormat.byFileName(target.toString(), FileFormat.Kind.DATA);
        if (format == null) {
            throw new IllegalArgumentException(target + ": a study's results are written as "
                    + String.join(" or ", FileFormat.keys(FileFormat.Kind.DATA)) + "; end the file name in one of those");
        }
        Writing writing = switch (format) {
            case CSV -> Results::csv;
            case JSON -> Results::json;
            case SVG, PNG, PDF -> throw new IllegalStateException("not a data format: " + format.key());
        };
        writing.write(r, target, version);
    }

    @FunctionalInterface
    private interface Writing {
        void write(Study.Result r, Path target, Meta.Stamp version) throws IOException;
    }

    public static void csv(Study.Result r, Path target, Meta.Stamp version) throws IOException {
        List<String> cols = columns(r);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : cols) schema.addColumn(c);
        CsvMapper mapper = new CsvMapper();
        List<Map<String, Object>> rows = rows(r);
        try (OutputSet set = OutputSet.unlimited()) {
            set.write(target, w -> mapper.writer(schema.build()).writeValues(w).writeAll(rows).close());
            Meta.writeSidecar(set, target, r.program(), version, studyFacts(r, cols));
            set.commit();
        }
    }

    public static void json(Study.Result r, Path target, Meta.Stamp version) throws IOException {
        AtomicFiles.write(target, w -> {
            try (JsonGenerator g = JsonWriter.pretty(w)) {
                g.writeStartObject();
                g.writeObjectFieldStart("meta");
                Meta.fields(g, r.program(), version, studyFacts(r, columns(r)));
                g.writeEndObject();
                g.writeObjectField("runs", rows(r));
                JsonWriter.objects(g, "expectations", r.expects(), (o, v) -> {
                    o.writeStringField("expectation", v.source());
                    o.writeBooleanField("passed", v.passed());
                    if (v.detail() != null) o.writeStringField("values", v.detail());
                });
                g.writeEndObject();
            }
        });
    }

    static Map<String, Object> studyFacts(Study.Result r, List<String> cols) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("runs", r.runs().runs().size());
        if (r.stopped()) {
            // a partial result says so wherever it goes
            facts.put("stopped", true);
            facts.put("planned_runs", r.planned());
        }
        facts.put("replicates", r.program().study().replicates());
        Map<String, Object> sweeps = new LinkedHashMap<>();
        for (var sw : r.runs().sweeps()) {
            List<Double> vs = new ArrayList<>();
            for (double v : sw.values()) vs.add(Numbers.roundData(v));
            sweeps.put(sw.param(), vs);
        }
        facts.put("sweeps", sweeps);
        // a sampled design says what it is, how many points, over what ranges (a grid says so by its sweeps, as before)
        org.tec.interp.StudyDesign d = r.runs().design();
        if (!(d instanceof org.tec.interp.StudyDesign.Grid)) {
            facts.put("design", d.kind());
            facts.put("design_points", d.size());
            if (d instanceof org.tec.interp.StudyDesign.Saltelli sa) facts.put("base_rows", sa.base());
            Map<String, Object> ranges = new LinkedHashMap<>();
            for (org.tec.interp.StudyDesign.Range range : d.ranges()) {
                ranges.put(range.param(), List.of(Numbers.roundData(range.low()), Numbers.roundData(range.high())));
            }
            facts.put("ranges", ranges);
        }
        // the common random numbers: every arm's replicate r has replicate r's seed
        if (!r.runs().arms().isEmpty()) facts.put("arms", r.runs().arms());
        facts.put("columns", cols);
        return facts;
    }
}
