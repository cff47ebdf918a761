package org.tec.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tec.cli.Main;

/** The same script, parameters and seed give byte-identical outputs (SPEC section 6). */
class DeterminismTest {
    @TempDir
    Path tmp;

    private void run(String script, Path out, String... extra) {
        String[] base = {"run", script, "--out", out.toString(), "--csv", out.resolve("run.csv").toString(),
                "--json", out.resolve("run.json").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o), new PrintWriter(e));
        assertEquals(Main.OK, code, () -> o + "\n" + e);
    }

    private static void assertSameBytes(Path a, Path b) throws IOException {
        assertTrue(Files.size(a) > 10_000, a + " is suspiciously small: " + Files.size(a) + " bytes");
        assertEquals(-1, Files.mismatch(a, b), a + " and " + b + " differ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/erp/betsy-effective.tec", "scenarios/erp/betsy-ineffective.tec"})
    void twoRunsGiveByteIdenticalOutputs(String script) throws IOException {
        Path first = Files.createDirectory(tmp.resolve("first"));
        Path second = Files.createDirectory(tmp.resolve("second"));
        run(script, first);
        run(script, second);
        assertSameBytes(first.resolve("run.csv"), second.resolve("run.csv"));
        assertSameBytes(first.resolve("run.json"), second.resolve("run.json"));
        String emitted = Path.of(script).getFileName().toString().replace(".tec", ".csv");
        assertEquals(-1, Files.mismatch(first.resolve(emitted), second.resolve(emitted)), "the script's own emit differs");
    }
}
