package org.tec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.tec.interp.OutputNames;
import org.tec.interp.Program;
import org.tec.model.Param;
import org.tec.text.Numbers;

/** The metadata that makes an output reproducible: version, script and its hash, seed, dt, every parameter. */
public final class Meta {
    private Meta() {}

    /** SHA-256 of the script file's bytes, or "" when it cannot be read (an in-memory script). */
    private static String scriptHash(String file) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return "";
        }
    }

    /** Writes the fields of the metadata block into an open JSON object. */
    public static void fields(JsonGenerator g, Program p, String version, Map<String, Object> extra) throws IOException {
        g.writeStringField("tec_version", version);
        g.writeStringField("script", p.file());
        g.writeStringField("script_sha256", scriptHash(p.file()));
        g.writeStringField("scenario", p.name());
        g.writeNumberField("seed", p.seed());
        g.writeNumberField("dt", p.dt());
        g.writeNumberField("noise", p.noise());
        if (extra != null) {
            for (Map.Entry<String, Object> e : extra.entrySet()) g.writeObjectField(e.getKey(), e.getValue());
        }
        g.writeObjectFieldStart("parameters");
        for (Map.Entry<String, Double> e : new TreeMap<>(p.parameters()).entrySet()) {
            g.writeNumberField(e.getKey(), Numbers.roundData(e.getValue()));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("model");
        for (Param par : Param.values()) {
            double v = p.params().get(par);
            if (Double.isFinite(v)) g.writeNumberField(par.scope().word() + "." + par.key(), Numbers.roundData(v));
        }
        g.writeEndObject();
    }

    /** {@code betsy.csv} becomes {@code betsy.meta.json}, beside it. */
    public static Path sidecar(Path csv) {
        return csv.resolveSibling(OutputNames.sidecar(csv.getFileName().toString()));
    }

    /** Writes a sidecar into the CSV's set: the metadata block alone, plus what the CSV holds. */
    public static void writeSidecar(OutputSet set, Path csv, Program p, String version, Map<String, Object> extra) throws IOException {
        set.write(sidecar(csv), w -> {
            try (JsonGenerator g = JsonWriter.pretty(w)) {
                g.writeStartObject();
                fields(g, p, version, extra);
                g.writeEndObject();
            }
        });
    }
}
