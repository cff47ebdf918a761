package org.tec.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tec.interp.Event;
import org.tec.interp.PhaseRecord;
import org.tec.interp.Printed;
import org.tec.interp.Program;
import org.tec.interp.RunResult;
import org.tec.interp.Trajectory;
import org.tec.interp.Verdict;
import org.tec.model.Param;
import org.tec.model.Var;

/** A run as JSON: metadata, phases, events, goals, expectations, prints and the series. */
public final class JsonWriter {
    static final JsonFactory FACTORY = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

    private JsonWriter() {}

    public static void write(Writer w, RunResult result, String version, double every, List<Var> vars) throws IOException {
        Program p = result.program();
        List<Var> cols = vars == null || vars.isEmpty() ? List.of(Var.values()) : vars;
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("meta");
            Meta.fields(g, p, version, null);
            g.writeEndObject();

            g.writeArrayFieldStart("phases");
            for (PhaseRecord ph : result.record().phases()) {
                g.writeStartObject();
                g.writeNumberField("session", ph.session());
                g.writeStringField("name", ph.ref());
                g.writeStringField("kind", ph.kind().key());
                if (ph.label() != null) g.writeStringField("label", ph.label());
                number(g, "start", ph.start());
                number(g, "end", ph.end());
                number(g, "planned", ph.planned());
                g.writeBooleanField("completed", ph.completed());
                if (ph.endedBy() != null) g.writeStringField("ended_by", ph.endedBy());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("events");
            for (Event e : result.record().events()) {
                g.writeStartObject();
                g.writeNumberField("session", e.session());
                number(g, "t", e.time());
                g.writeStringField("kind", e.kind().key());
                g.writeStringField("message", e.message());
                g.writeEndObject();
            }
            g.writeEndArray();

            verdicts(g, "goals", result.goals());
            verdicts(g, "expectations", result.expects());

            g.writeArrayFieldStart("prints");
            for (Printed pr : result.prints()) {
                g.writeStartObject();
                g.writeStringField("expression", pr.source());
                g.writeStringField("value", pr.value());
                g.writeEndObject();
            }
            g.writeEndArray();

            Trajectory tr = result.record().trajectory();
            int[] rows = Rows.sampled(tr, p.dt(), every);
            g.writeObjectFieldStart("series");
            g.writeArrayFieldStart("t");
            for (int i : rows) g.writeNumber(org.tec.text.Numbers.roundData(tr.time(i)));
            g.writeEndArray();
            g.writeArrayFieldStart("session");
            for (int i : rows) g.writeNumber(tr.session(i));
            g.writeEndArray();
            g.writeArrayFieldStart("phase");
            for (int i : rows) g.writeString(CsvWriter.phaseName(result.record().phases(), tr, i));
            g.writeEndArray();
            for (Var v : cols) {
                g.writeArrayFieldStart(v.key());
                for (int i : rows) g.writeNumber(org.tec.text.Numbers.roundData(tr.get(i, v)));
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void verdicts(JsonGenerator g, String field, List<Verdict> vs) throws IOException {
        g.writeArrayFieldStart(field);
        for (Verdict v : vs) {
            g.writeStartObject();
            g.writeStringField("name", v.name());
            g.writeBooleanField("passed", v.passed());
            if (v.detail() != null) g.writeStringField("values", v.detail());
            g.writeStringField("at", v.span().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, org.tec.text.Numbers.roundData(v));
        else g.writeNullField(name);
    }
}
