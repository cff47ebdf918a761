package org.tec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.cli.Main;

/** The metadata alone reproduces a run: every file read with its hash, the command line, the Java version. */
class MetaProvenanceTest {
    @TempDir
    Path tmp;

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void aRunsSidecarHashesTheScriptAndItsImportsAndNamesTheCommand() throws Exception {
        String[] args = {"run", "scenarios/erp/betsy-effective.tec", "--out", tmp.toString(), "--seed", "3"};
        Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("betsy-effective.meta.json").toFile());
        assertEquals(sha256(Path.of("scenarios/erp/betsy-effective.tec")), meta.get("sources").get("scenarios/erp/betsy-effective.tec").asText());
        assertEquals(sha256(Path.of("scenarios/erp/profiles/betsy.tec")), meta.get("sources").get("scenarios/erp/profiles/betsy.tec").asText(),
                "the imported profile is hashed too");
        assertEquals("[\"tec\",\"run\",\"scenarios/erp/betsy-effective.tec\",\"--out\",\"" + tmp + "\",\"--seed\",\"3\"]",
                meta.get("command_line").toString());
        assertEquals(System.getProperty("java.version"), meta.get("java_version").asText());
        assertEquals(org.tec.Version.commit(), meta.get("tec_commit").asText());
        assertTrue(meta.get("tec_commit").asText().matches("[0-9a-f]{7,}(-dirty)?|unknown"), meta.get("tec_commit").asText());
        assertEquals(3, meta.get("seed").asLong());
    }

    @Test
    void theApiWritesNoCommandLine() throws Exception {
        Tec.builder().outputDirectory(tmp).build().compile(Path.of("scenarios/erp/betsy-effective.tec")).run();
        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("betsy-effective.meta.json").toFile());
        assertFalse(meta.has("command_line"));
        assertTrue(meta.get("sources").size() == 2, meta.toString());
    }
}
