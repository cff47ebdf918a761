package org.tec.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;

/**
 * Golden outputs, in the manner of rustc's UI tests and Go's testdata/*.golden: every
 * script under {@code scenarios/} is run through the command line as a user would run it,
 * and what it printed and every file it wrote are compared byte for byte with the files
 * checked in under {@code src/test/golden/}. A library of profiles (no scenario) is
 * checked with {@code tec check} instead.
 *
 * <p>After an intended change, rewrite them and read the diff:
 * {@code TEC_BLESS=1 mvn -B test -Dtest=GoldenTest} (or {@code -Dtec.bless=true}).
 */
class GoldenTest {
    static final Path LIBRARY = Path.of("scenarios");
    static final Path GOLDEN = Path.of("src/test/golden");

    @TempDir
    static Path scratch;

    static boolean blessing() {
        return System.getenv("TEC_BLESS") != null || Boolean.getBoolean("tec.bless");
    }

    static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(LIBRARY)) {
            return s.filter(p -> p.toString().endsWith(".tec") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPrintsAndWritesWhatItDidBefore() throws IOException {
        List<Path> files = scripts();
        assertTrue(files.size() >= 10, "the library should hold its scripts, found " + files);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) tests.add(DynamicTest.dynamicTest(f.toString(), f.toUri(), () -> check(f)));
        return tests.stream();
    }

    /**
     * The command line's own outputs, beyond what the scripts emit: a single run's --csv (long
     * layout), --json and --plot, a sweep's results and trajectories, the parameter table.
     */
    static final List<List<String>> COMMANDS = List.of(
            List.of("run-outputs", "run", "scenarios/erp/betsy-ineffective.tec", "--out", "OUT", "--csv", "OUT/run.csv", "--long",
                    "--json", "OUT/run.json", "--plot", "OUT/run.svg"),
            List.of("run-set-seed", "run", "scenarios/research/betsy-outcomes.tec", "--out", "OUT", "--set",
                    "therapist.tolerance=50", "--seed", "11", "--csv", "OUT/wide.csv"),
            List.of("sweep", "sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0:1:0.25",
                    "--replicates", "2", "--noise", "1", "--threads", "2", "--out", "OUT/results.csv",
                    "--trajectories", "OUT/trajectories.csv", "--every", "5", "--plot", "OUT/completion.svg",
                    "--summary", "OUT/summary.csv", "--contrasts", "OUT/contrasts.csv"),
            List.of("sweep-json", "sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.tolerance=40,60",
                    "--threads", "1", "--out", "OUT/results.json"),
            List.of("simulate", "simulate", "scenarios/research/ema-session.tec", "--observe", "suds,client.fear", "--every", "5 min",
                    "--seed", "3", "--out", "OUT/ratings.tsv"),
            List.of("fit", "fit", "scenarios/research/ema-session.tec", "--data", "scenarios/research/data/ema-one.tsv",
                    "--fit", "client.fear,model.lambda_h", "--starts", "3", "--out", "OUT"),
            List.of("params", "params"));

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsAndWritesWhatItDidBefore() {
        return COMMANDS.stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.subList(1, c.size())), () -> {
            Path out = Files.createTempDirectory(scratch, c.get(0));
            String[] args = c.subList(1, c.size()).stream().map(a -> a.replace("OUT", out.toString())).toArray(String[]::new);
            compare("commands/" + c.get(0), GOLDEN.resolve("commands").resolve(c.get(0)), execute(args, out), out);
        }));
    }

    /** Every golden folder belongs to a script that still exists: a removed script takes its goldens with it. */
    @TestFactory
    Stream<DynamicTest> noGoldenOutlivesItsScript() throws IOException {
        Path root = GOLDEN.resolve("scenarios");
        if (!Files.isDirectory(root)) return Stream.empty();
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve("report.txt"))).sorted().toList();
        }
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.toString(), () -> {
            Path script = LIBRARY.resolve(root.relativize(d).toString() + ".tec");
            assertTrue(Files.isRegularFile(script), d + " has no script " + script + "; remove it, or bless again");
        }));
    }

    private static void check(Path script) throws IOException {
        String rel = LIBRARY.relativize(script).toString().replace('\\', '/');
        Path expected = GOLDEN.resolve("scenarios").resolve(rel.substring(0, rel.length() - ".tec".length()));
        Path out = Files.createTempDirectory(scratch, script.getFileName().toString());
        Path files = out.resolve("files");
        Files.createDirectories(files);
        compare(script.toString(), expected, run(script, files), files);
    }

    /** Compares a report and the files written under {@code files} with the golden folder {@code expected}. */
    static void compare(String what, Path expected, String report, Path files) throws IOException {
        TreeMap<String, byte[]> actual = new TreeMap<>();
        actual.put("report.txt", report.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.walk(files)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                actual.put("files/" + files.relativize(p).toString().replace('\\', '/'), machineFree(p, files));
            }
        }
        if (blessing()) {
            bless(expected, actual);
            return;
        }
        if (!Files.isDirectory(expected)) {
            fail(what + " has no golden outputs under " + expected + "; write them with TEC_BLESS=1 mvn -B test -Dtest=GoldenTest");
        }
        TreeMap<String, byte[]> wanted = new TreeMap<>();
        try (Stream<Path> s = Files.walk(expected)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                wanted.put(expected.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertEquals(wanted.keySet(), actual.keySet(), what + ": the files written differ from " + expected);
        for (String name : wanted.keySet()) {
            String want = new String(wanted.get(name), StandardCharsets.UTF_8);
            String got = new String(actual.get(name), StandardCharsets.UTF_8);
            if (!want.equals(got)) {
                fail(what + ": " + name + " differs from " + expected.resolve(name) + " at " + firstDifference(want, got)
                        + "\n(an intended change? TEC_BLESS=1 mvn -B test -Dtest=GoldenTest, then read the diff)");
            }
        }
    }

    /**
     * A file's bytes, with what differs from machine to machine said once: in metadata, the
     * commit tec was built from, the Java version and the temporary folder the command line
     * named (as the report does, OUT).
     * Everything else, the numbers above all, is compared as written.
     */
    private static byte[] machineFree(Path p, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (!p.getFileName().toString().endsWith(".json")) return bytes;
        String text = new String(bytes, StandardCharsets.UTF_8)
                .replaceFirst("\"tec_commit\" : \"[^\"]*\"", "\"tec_commit\" : \"COMMIT\"")
                .replaceFirst("\"java_version\" : \"[^\"]*\"", "\"java_version\" : \"JAVA\"")
                .replace(out.toString(), "OUT");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What {@code tec run SCRIPT --out DIR} prints (stdout, then stderr under a marker), or {@code tec check} for a library. */
    static String run(Path script, Path out) {
        return execute(isLibrary(script) ? new String[] {"check", script.toString()}
                : new String[] {"run", script.toString(), "--out", out.toString(), "--threads", "2"}, out);
    }

    static String execute(String[] args, Path out) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        String text = "$ tec " + String.join(" ", args).replace(out.toString(), "OUT") + "\n" + o.toString().replace(out.toString(), "OUT");
        if (!e.toString().isEmpty()) text += "--- stderr\n" + e.toString().replace(out.toString(), "OUT");
        return text + "--- exit " + code + "\n";
    }

    static boolean isLibrary(Path script) {
        try {
            for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("scenario ") || t.startsWith("course ")) return false;
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bless(Path dir, TreeMap<String, byte[]> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }

    static String firstDifference(String a, String b) {
        int line = 1, i = 0;
        for (; i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i); i++) if (a.charAt(i) == '\n') line++;
        int from = a.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
        String wantLine = a.substring(from, Math.max(from, a.indexOf('\n', i) < 0 ? a.length() : a.indexOf('\n', i)));
        int fromB = b.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
        String gotLine = b.substring(fromB, Math.max(fromB, b.indexOf('\n', i) < 0 ? b.length() : b.indexOf('\n', i)));
        return "line " + line + ":\n  expected: " + wantLine + "\n  actual:   " + gotLine;
    }
}
