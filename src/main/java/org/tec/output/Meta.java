package org.tec.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Who wrote an output and from what, so that the metadata alone reproduces the run: tec's
     * version, every file the compile read with its SHA-256 (the text as read, UTF-8 with
     * {@code \n} line ends), and the command line when a command wrote it (null: the API).
     */
    public record Stamp(String version, Map<String, String> sources, List<String> commandLine, String scriptSha256) {
        public Stamp {
            sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
            commandLine = commandLine == null ? null : List.copyOf(commandLine);
        }

        /** A stamp naming only the version (tests, and outputs of no compiled script); the script's hash is read when written. */
        public static Stamp of(String version) {
            return new Stamp(version, Map.of(), null, null);
        }

        /**
         * The stamp of a compiled script, worked out once for all the outputs of its runs: the
         * hash of every text read, and of the script file's bytes.
         */
        public static Stamp of(String version, Map<String, String> texts, List<String> commandLine, String scriptFile) {
            return new Stamp(version, hashes(texts), commandLine, scriptHash(scriptFile));
        }

        /** The SHA-256 of each text, by file name, in the order read. */
        static Map<String, String> hashes(Map<String, String> texts) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                if (e.getKey().startsWith("<")) continue; // a typed line or a command-line value, not a file
                out.put(e.getKey(), sha256(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return out;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }

    /** Writes the fields of the metadata block into an open JSON object. */
    public static void fields(JsonGenerator g, Program p, Stamp stamp, Map<String, Object> extra) throws IOException {
        g.writeStringField("tec_version", stamp.version());
        g.writeStringField("tec_commit", org.tec.Version.commit());
        g.writeStringField("java_version", System.getProperty("java.version"));
        g.writeStringField("script", p.file());
        g.writeStringField("script_sha256", stamp.scriptSha256() != null ? stamp.scriptSha256() : scriptHash(p.file()));
        if (!stamp.sources().isEmpty()) {
            g.writeObjectFieldStart("sources");
            for (Map.Entry<String, String> e : stamp.sources().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
        }
        if (stamp.commandLine() != null) {
            g.writeArrayFieldStart("command_line");
            for (String a : stamp.commandLine()) g.writeString(a);
            g.writeEndArray();
        }
        g.writeStringField("scenario", p.name());
        g.writeNumberField("seed", p.seed());
        g.writeNumberField("dt", p.dt());
        g.writeStringField("method", p.integration().method().key());
        if (p.integration().method().adaptive()) g.writeNumberField("tolerance", p.integration().tolerance());
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
    public static void writeSidecar(OutputSet set, Path csv, Program p, Stamp stamp, Map<String, Object> extra) throws IOException {
        set.write(sidecar(csv), w -> {
            try (JsonGenerator g = JsonWriter.pretty(w)) {
                g.writeStartObject();
                fields(g, p, stamp, extra);
                g.writeEndObject();
            }
        });
    }
}
