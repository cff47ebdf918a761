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

    public static void write(Writer w, RunResult result, Meta.Stamp version, double every, List<Var> vars) throws IOException {
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

    /** How one item of a list is written, as the fields of its object. */
    @FunctionalInterface
    interface Fields<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** A field holding an array with one object per item. */
    static <T> void objects(JsonGenerator g, String field, List<T> items, Fields<T> fields) throws IOException {
        g.writeArrayFieldStart(field);
        for (T item : items) {
            g.writeStartObject();
            fields.write(g, item);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void phases(JsonGenerator g, List<PhaseRecord> phases) throws IOException {
        objects(g, "phases", phases, (o, ph) -> {
            o.writeNumberField("session", ph.session());
            o.writeStringField("name", ph.ref());
            o.writeStringField("kind", ph.kind().key());
            if (ph.label() != null) o.writeStringField("label", ph.label());
            number(o, "start", ph.start());
            number(o, "end", ph.end());
            number(o, "planned", ph.planned());
            o.writeBooleanField("completed", ph.completed());
            if (ph.endedBy() != null) o.writeStringField("ended_by", ph.endedBy());
        });
    }

    private static void events(JsonGenerator g, List<Event> events) throws IOException {
        objects(g, "events", events, (o, e) -> {
            o.writeNumberField("session", e.session());
            number(o, "t", e.time());
            o.writeStringField("kind", e.kind().key());
            o.writeStringField("message", e.message());
        });
    }

    private static void prints(JsonGenerator g, List<Printed> prints) throws IOException {
        objects(g, "prints", prints, (o, pr) -> {
            o.writeStringField("expression", pr.source());
            o.writeStringField("value", pr.value());
        });
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
        objects(g, field, vs, (o, v) -> {
            o.writeStringField("name", v.name());
            o.writeBooleanField("passed", v.passed());
            if (v.detail() != null) o.writeStringField("values", v.detail());
            o.writeStringField("at", v.span().toString());
        });
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, Numbers.roundData(v));
        else g.writeNullField(name);
    }
}
