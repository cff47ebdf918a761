package org.tec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A small table of named columns (the model's parameter table, say) as CSV or JSON text,
 * through the same Jackson writers as the data files: values are written as they are given
 * (numbers as numbers, null as empty / null).
 */
public final class Tables {
    private Tables() {}

    /** CSV with a header row, columns in the order given. */
    public static String csv(List<String> columns, List<Map<String, Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String c : columns) schema.addColumn(c);
        StringWriter w = new StringWriter();
        try {
            new CsvMapper().writer(schema.build()).writeValues(w).writeAll(rows).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** A JSON object holding one array of objects under {@code key}, pretty-printed. */
    public static String json(String key, List<String> columns, List<Map<String, Object>> rows) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonWriter.pretty(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart(key);
            for (Map<String, Object> row : rows) {
                g.writeStartObject();
                for (String c : columns) g.writeObjectField(c, row.get(c));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }
}
