package org.tec.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.tec.interp.Event;
import org.tec.interp.PhaseRecord;
import org.tec.interp.Printed;
import org.tec.interp.RunResult;
import org.tec.interp.Trajectory;
import org.tec.interp.Verdict;
import org.tec.model.Var;
import org.tec.text.Numbers;

/** A run as JSON: metadata, phases, events, goals, expectations, prints and the series. */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    private JsonWriter() {}

    /** A generator that indents as every JSON file of tec does; closing it closes the writer. */
    static JsonGenerator pretty(Writer w) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(w);
        g.useDefaultPrettyPrinter();
        return g;
    }

    public static void write(Writer w, RunResult result, String version, double every, List<Var> vars) throws IOException {
        try (JsonGenerator g = pretty(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("meta");
            Meta.fields(g, result.program(), version, null);
            g.writeEndObject();
            phases(g, result.record().phases());
            events(g, result.record().events());
            verdicts(g, "goals", result.goals());
            verdicts(g, "expectations", result.expects());
            prints(g, result.prints());
            series(g, result, every, vars == null || vars.isEmpty() ? List.of(Var.values()) : vars);
            g.writeEndObject();
        }
    }

    private static void phases(JsonGenerator g, List<PhaseRecord> phases) throws IOException {
        g.writeArrayFieldStart("phases");
        for (PhaseRecord ph : phases) {
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
    }

    private static void events(JsonGenerator g, List<Event> events) throws IOException {
        g.writeArrayFieldStart("events");
        for (Event e : events) {
            g.writeStartObject();
            g.writeNumberField("session", e.session());
            number(g, "t", e.time());
            g.writeStringField("kind", e.kind().key());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void prints(JsonGenerator g, List<Printed> prints) throws IOException {
        g.writeArrayFieldStart("prints");
        for (Printed pr : prints) {
            g.writeStartObject();
            g.writeStringField("expression", pr.source());
            g.writeStringField("value", pr.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The sampled rows, one array per column. */
    private static void series(JsonGenerator g, RunResult result, double every, List<Var> cols) throws IOException {
        Trajectory tr = result.record().trajectory();
        int[] rows = Rows.sampled(tr, result.program().dt(), every);
        g.writeObjectFieldStart("series");
        g.writeArrayFieldStart("t");
        for (int i : rows) g.writeNumber(Numbers.roundData(tr.time(i)));
        g.writeEndArray();
        g.writeArrayFieldStart("session");
        for (int i : rows) g.writeNumber(tr.session(i));
        g.writeEndArray();
        g.writeArrayFieldStart("phase");
        for (int i : rows) g.writeString(CsvWriter.phaseName(result.record().phases(), tr, i));
        g.writeEndArray();
        for (Var v : cols) {
            g.writeArrayFieldStart(v.key());
            for (int i : rows) g.writeNumber(Numbers.roundData(tr.get(i, v)));
            g.writeEndArray();
        }
        g.writeEndObject();
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
        if (Double.isFinite(v)) g.writeNumberField(name, Numbers.roundData(v));
        else g.writeNullField(name);
    }
}
