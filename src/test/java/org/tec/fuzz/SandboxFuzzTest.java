package org.tec.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tec.api.Tec;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecResult;
import org.tec.api.TecScript;

/**
 * Fuzzing of the two doors an embedder opens besides the script's text: the files a script
 * imports, and the API's own arguments.
 *
 * <p>Imports: each try builds a random folder of scripts importing each other (chains, cycles,
 * a file imported many times over, {@code ..}, absolute paths, links out of the folder to a
 * secret, missing files, directories) and compiles its top script through the sandboxed API.
 * Properties: the compile ends in a script or a {@link TecException.Compile}, nothing else;
 * no message ever holds a line of the secret outside the folder; the secret and the folder's
 * files are unchanged.
 *
 * <p>API: random overrides (names near and far from real ones, NaN, infinities, huge values),
 * seeds and noise for {@code run}, and ranges for a study's {@code vary}. Properties: each
 * call returns or throws {@link TecException} or {@link IllegalArgumentException}, with a
 * message; nothing else.
 *
 * <p>Short by default; {@code -Dtec.fuzz.tries=N -Dtec.fuzz.seed=S} for a campaign. A failure
 * names its seed and try, which replay it.
 */
class SandboxFuzzTest {
    static final long TRIES = Long.getLong("tec.fuzz.tries", 1000) / 10;
    static final long SEED = Long.getLong("tec.fuzz.seed", 20260101);
    private static final String SECRET = "TOP_SECRET_TOKEN=hunter2";

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void randomImportGraphsEndInAScriptOrDiagnosticsAndNeverLeakTheSecret() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("private")).resolve("secret.tec"), SECRET + "\n");
        TecEngine engine = Tec.builder().maxSteps(20_000).build();
        for (long i = 0; i < TRIES; i++) {
            SplittableRandom r = new SplittableRandom(SEED * 31 + i);
            Path folder = Files.createDirectories(tmp.resolve("try" + i));
            Path top = importGraph(r, folder, secret);
            String where = "seed " + SEED + ", try " + i + " (" + folder + ")";
            String message;
            try {
                TecScript s = engine.compile(top);
                message = String.valueOf(s.warnings());
            } catch (TecException.Compile e) {
                message = e.getMessage() + e.diagnostics();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(where + ": the compile threw " + e, e);
            }
            assertTrue(!message.contains("hunter2") && !message.contains("TOP_SECRET"), where + ": the secret leaked: " + message);
            assertEquals(SECRET + "\n", Files.readString(secret), where + ": the secret changed");
            deleteTree(folder);
        }
    }

    /** A folder of 1 to 8 scripts, each importing up to three others, or something hostile; returns the top one. */
    private static Path importGraph(SplittableRandom r, Path folder, Path secret) throws IOException {
        int n = 1 + r.nextInt(8);
        Path sub = Files.createDirectories(folder.resolve("sub"));
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) names.add((r.nextBoolean() ? "sub/" : "") + "f" + k + ".tec");
        for (int k = 0; k < n; k++) {
            StringBuilder text = new StringBuilder();
            int imports = r.nextInt(4);
            for (int j = 0; j < imports; j++) text.append("import \"").append(target(r, names, secret, names.get(k))).append("\"\n");
            if (r.nextInt(3) == 0) text.append("therapist { affect_sharing 0.").append(r.nextInt(10)).append(" }\n");
            if (r.nextInt(4) == 0) text.append("let x").append(k).append(" = ").append(r.nextInt(100)).append('\n');
            Files.writeString(folder.resolve(names.get(k)), text.toString());
        }
        switch (r.nextInt(4)) {
            case 0 -> Files.createSymbolicLink(folder.resolve("link.tec"), secret);
            case 1 -> Files.createSymbolicLink(sub.resolve("up"), secret.getParent());
            case 2 -> Files.createDirectories(folder.resolve("dir.tec"));
            default -> { }
        }
        Path top = folder.resolve("top.tec");
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < 1 + r.nextInt(3); j++) text.append("import \"").append(target(r, names, secret, "top.tec")).append("\"\n");
        text.append("scenario \"t\" {\n  phase free for 1 min { }\n  expect t >= 0 min\n}\n");
        Files.writeString(top, text.toString());
        return top;
    }

    /** An import path: mostly another script of the folder, written from the importer's folder, sometimes a hostile one. */
    private static String target(SplittableRandom r, List<String> names, Path secret, String from) {
        int pick = r.nextInt(12);
        return switch (pick) {
            case 0 -> secret.toString();
            case 1 -> "../private/secret.tec";
            case 2 -> "link.tec";
            case 3 -> "sub/up/secret.tec";
            case 4 -> "dir.tec";
            case 5 -> "missing.tec";
            case 6 -> "../../" + "x".repeat(r.nextInt(3)) + ".tec";
            default -> relative(from, names.get(r.nextInt(names.size())));
        };
    }

    private static String relative(String from, String to) {
        boolean fromSub = from.startsWith("sub/"), toSub = to.startsWith("sub/");
        if (fromSub == toSub) return to.substring(to.lastIndexOf('/') + 1);
        return fromSub ? "../" + to : to;
    }

    @Test
    @Timeout(300)
    void randomApiArgumentsReturnOrThrowTheDocumentedExceptions() throws Exception {
        TecEngine engine = Tec.builder().maxSteps(20_000).build();
        TecScript script = engine.compile("""
                param level = 0.5
                scenario "api" {
                  phase free for 2 min { }
                  expect client.distress at end < 100
                }
                """, "api.tec");
        String[] names = {"level", "therapist.affect_sharing", "therapist.afect_sharing", "client.fear", "model.k_tc", "",
                "therapist.", ".x", "seed", "\u0000", "client.distress", "therapist.tolerance"};
        double[] values = {0, 0.5, 1, -1, 100, 1e308, -1e308, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, 4294967296.0};
        for (long i = 0; i < TRIES * 5; i++) {
            SplittableRandom r = new SplittableRandom(SEED * 17 + i);
            String where = "seed " + SEED + ", try " + i;
            String name = names[r.nextInt(names.length)];
            double value = values[r.nextInt(values.length)];
            try {
                switch (r.nextInt(4)) {
                    case 0 -> {
                        TecResult res = script.run(Map.of(name, value));
                        assertTrue(res != null, where);
                    }
                    case 1 -> script.withSeed(r.nextLong()).withNoise(value).run();
                    case 2 -> script.study().vary(name, value, values[r.nextInt(values.length)], values[r.nextInt(values.length)]).run();
                    default -> script.study().replicates(1 + r.nextInt(3)).overrides(Map.of(name, value)).run();
                }
            } catch (TecException | IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), where + ": " + e + " has no message");
            } catch (RuntimeException | Error e) {
                throw new AssertionError(where + " (" + name + " = " + value + "): threw " + e, e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
