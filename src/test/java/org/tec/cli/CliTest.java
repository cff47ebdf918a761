package org.tec.cli;

import static org.tec.testing.Cli.tec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.tec.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code tec} command line through {@link Main#execute}: exit codes, reports and error output. */
class CliTest {
    @TempDir
    Path tmp;


    private Path script(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String PASSING = """
            scenario "rest" {
              phase free for 2 min { }
              expect client.distress at end < 50
            }
            """;

    private static final String FAILING = """
            scenario "impossible" {
              phase free for 2 min { }
              expect client.distress at end > 99
            }
            """;

    // ------------------------------------------------------------------ run

    @Test
    void runOfTheEffectiveSessionSucceedsAndReports() {
        Result r = tec("run", "scenarios/erp/betsy-effective.tec", "--out", tmp.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(r.out().contains("Expectations"), r::toString);
        assertTrue(r.out().contains("exposure.completed"), r::toString);
        assertTrue(r.out().contains("9 of 9 expectations passed"), r::toString);
        assertEquals("", r.err(), "nothing on stderr for a clean run");
        assertTrue(Files.isRegularFile(tmp.resolve("betsy-effective.csv")), "the script's emit went under --out");
    }

    @Test
    void runOfTheIneffectiveSessionReportsTheEarlyEnd() {
        Result r = tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(Pattern.compile("(?m)^\\s+[0-9.]+ min\\s+exposure ended early by the therapist \\(distress \\d+ > tolerance 60\\)$")
                .matcher(r.out()).find(), r::toString);
    }

    @Test
    void aFailedExpectationExitsOne() throws IOException {
        Path f = script("fail.tec", FAILING);
        Result r = tec("run", f.toString(), "--out", tmp.toString());
        assertEquals(Main.EXPECTATION_FAILED, r.code(), r::toString);
        assertTrue(r.out().contains("FAIL  client.distress at end > 99"), r::toString);
        assertTrue(r.out().contains("0 of 1 expectations passed"), r::toString);
    }

    @Test
    void quietRunPrintsOnlyTheFailures() throws IOException {
        Path f = script("fail.tec", FAILING);
        Result r = tec("run", "-q", f.toString(), "--out", tmp.toString());
        assertEquals(Main.EXPECTATION_FAILED, r.code(), r::toString);
        assertEquals(1, r.outLines().size(), r::toString);
        assertTrue(r.out().startsWith("FAIL  client.distress at end > 99  ["), "the verdict's one text form: " + r);
    }

    @Test
    void aMisspeltComponentExitsTwoWithAPointedDiagnostic() throws IOException {
        Path f = script("typo.tec", """
                scenario "typo" {
                  phase exposure for 10 min {
                    regulate afect_sharing down to 0.2
                  }
                }
                """);
        Result r = tec("run", f.toString(), "--out", tmp.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        List<String> err = Arrays.asList(r.err().split("\\R"));
        assertEquals(List.of(
                f + ":3:14: error: unknown empathy component 'afect_sharing'",
                "        regulate afect_sharing down to 0.2",
                "                 ^^^^^^^^^^^^^",
                "  = help: did you mean 'affect_sharing'?",
                "1 error"), err, r::toString);
        assertEquals("", r.out(), "no report for a script with errors");
    }

    @Test
    void aRunTimeErrorExitsThree() throws IOException {
        Path f = script("nan.tec", """
                scenario "nan" {
                  phase free for 5 min {
                    at 1 min: set client.distress = sqrt(client.distress - 200)
                  }
                }
                """);
        Result r = tec("run", f.toString(), "--out", tmp.toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.err().startsWith(f + ": run-time error at 1.0 min: "), r::toString);
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace reaches the user");
    }

    /** A command that fails the way only a bug in tec could. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        final Throwable what;

        Boom(Throwable what) {
            this.what = what;
        }

        @Override
        public Integer call() throws Exception {
            if (what instanceof Exception e) throw e;
            throw (Error) what;
        }
    }

    @Test
    void anInternalErrorIsOneLineAndExitThreeNeverAStackTrace() {
        for (Throwable t : List.of(new IllegalStateException("no such state\nsecond line"), new StackOverflowError())) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            picocli.CommandLine cl = new picocli.CommandLine(new Boom(t));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            Main.configure(cl);
            int code = Main.run(cl);
            assertEquals(Main.RUNTIME_ERROR, code, err::toString);
            List<String> lines = err.toString().lines().toList();
            assertEquals(1, lines.size(), err::toString);
            assertTrue(lines.get(0).startsWith("tec: internal error: " + t.getClass().getName()), lines.get(0));
            assertTrue(!err.toString().contains("\tat "), "no stack trace reaches the user");
            assertEquals("", out.toString());
        }
    }

    @Test
    void noScriptOfTheCatalogueMakesTheCommandLinePrintAStackTrace() throws IOException {
        List<Path> bad;
        try (var s = Files.list(Path.of("src/test/resources/errors"))) {
            bad = s.filter(f -> f.toString().endsWith(".tec")).sorted().toList();
        }
        for (Path f : bad) {
            // run checks first, so it covers what check prints too
            for (String[] args : List.<String[]>of(new String[] {"run", f.toString(), "--out", tmp.toString()})) {
                String command = args[0];
                Result r = tec(args);
                assertTrue(List.of(Main.OK, Main.EXPECTATION_FAILED, Main.SCRIPT_ERROR, Main.RUNTIME_ERROR).contains(r.code()),
                        () -> command + " " + f + ": " + r);
                assertTrue(!r.err().contains("\tat ") && !r.err().contains("internal error"), () -> command + " " + f + ": " + r);
            }
        }
    }

    @Test
    void aLibraryHasNoScenarioToRun() {
        Result r = tec("run", "scenarios/erp/profiles/betsy.tec", "--out", tmp.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertEquals("scenarios/erp/profiles/betsy.tec: no scenario to run (this file is a library for import)\n",
                r.err().replace("\r\n", "\n"));
    }

    @Test
    void csvAndJsonOutputsAreWritten() throws IOException {
        Path csv = tmp.resolve("t.csv"), json = tmp.resolve("t.json");
        Result r = tec("run", "scenarios/erp/betsy-effective.tec", "--out", tmp.toString(),
                "--csv", csv.toString(), "--json", json.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("t,session,phase,client.distress,"), lines.get(0));
        assertEquals(1 + 301, lines.size(), "a row at t = 0 and one per 0.1 min step over 30 min");
        String j = Files.readString(json);
        assertTrue(j.contains("\"scenario\" : \"Betsy: effective ERP\""), j.substring(0, Math.min(400, j.length())));
    }

    // ------------------------------------------------------------------ usage

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = tec("run", "scenarios/erp/betsy-effective.tec", "--frobnicate");
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r::toString);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(Main.USAGE, tec("frobnicate").code());
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = tec();
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("name a command"), r::toString);
    }

    @Test
    void setOfAnUndeclaredParamIsAScriptErrorWithASuggestion() throws IOException {
        Path f = script("dose.tec", """
                scenario "dose" {
                  param dose = 0.5
                  therapist { affect_sharing dose }
                  phase free for 2 min { }
                  expect client.distress at end < 50
                }
                """);
        Result r = tec("run", f.toString(), "--out", tmp.toString(), "--set", "dse=0.3");
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertEquals(List.of(
                "<command line>:1:1: error: no param 'dse' in this scenario",
                "  = help: did you mean 'dose'?",
                "1 error"), Arrays.asList(r.err().split("\\R")), r::toString);
    }

    @Test
    void setOfADeclaredParamChangesTheRun() throws IOException {
        Path f = script("dose.tec", """
                scenario "dose" {
                  param level = 0.5
                  therapist { affect_sharing level }
                  phase free for 2 min { }
                  expect therapist.affect_sharing at end == 0.5
                }
                """);
        assertEquals(Main.OK, tec("run", f.toString(), "--out", tmp.toString()).code());
        Result r = tec("run", f.toString(), "--out", tmp.toString(), "--set", "level=0.9");
        assertEquals(Main.EXPECTATION_FAILED, r.code(), r::toString);
        assertTrue(r.out().contains("[0.9 == 0.5]"), r::toString);
    }

    @Test
    void setWithANonNumberIsAUsageError() throws IOException {
        Path f = script("dose.tec", """
                scenario "dose" {
                  param level = 0.5
                  phase free for 2 min { }
                }
                """);
        Result r = tec("run", f.toString(), "--set", "level=lots");
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("--set level=lots: the value must be a number"), r::toString);
    }

    // ------------------------------------------------------------------ check

    @Test
    void checkOfAGoodFileSucceeds() {
        Result r = tec("check", "scenarios/erp/betsy-effective.tec");
        assertEquals(Main.OK, r.code(), r::toString);
        assertEquals("scenarios/erp/betsy-effective.tec: ok", r.out().strip());
        assertEquals("", r.err());
    }

    @Test
    void checkOfALibrarySaysSo() {
        Result r = tec("check", "scenarios/erp/profiles/betsy.tec");
        assertEquals(Main.OK, r.code(), r::toString);
        assertEquals("scenarios/erp/profiles/betsy.tec: ok (a library: no scenario)", r.out().strip());
    }

    @Test
    void checkOfABadFileExitsTwoAndCountsTheErrors() throws IOException {
        Path f = script("two.tec", """
                scenario "two" {
                  therapist { afect_sharing 0.7 }
                  phase exposre for 10 min { }
                }
                """);
        Result r = tec("check", f.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().strip().endsWith("2 errors"), r::toString);
        assertEquals("", r.out());
    }

    // ------------------------------------------------------------------ test

    @Test
    void testOfTheScenarioLibraryPasses() {
        Result r = tec("test", "scenarios/", "--out", tmp.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        List<String> lines = r.outLines();
        String last = lines.get(lines.size() - 1);
        assertTrue(Pattern.compile("^\\d+ passed, 0 failed").matcher(last).find(), "last line: " + last);
        int scenarioFiles = Integer.parseInt(last.substring(0, last.indexOf(' ')));
        assertTrue(scenarioFiles >= 7, "every scenario file of the library ran: " + last);
        assertTrue(r.out().contains("pass  scenarios/erp/betsy-effective.tec"), r::toString);
        assertTrue(r.out().contains("pass  scenarios/erp/betsy-ineffective.tec"), r::toString);
        assertTrue(r.out().contains("skip  scenarios/erp/profiles/betsy.tec"), r::toString);
    }

    @Test
    void testWithAFailureExitsOneAndWritesJunitXml() throws Exception {
        Path suite = tmp.resolve("suite");
        Files.createDirectories(suite);
        script("suite/a-pass.tec", PASSING);
        script("suite/b-fail.tec", FAILING);
        script("suite/c-broken.tec", "scenario \"broken\" { phase exposre for 1 min { } }\n");
        Path xml = tmp.resolve("junit.xml");
        Result r = tec("test", suite.toString(), "--junit", xml.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(Main.EXPECTATION_FAILED, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals("1 passed, 2 failed", lines.get(lines.size() - 1), r::toString);

        assertTrue(Files.isRegularFile(xml), "--junit wrote " + xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength(), "one testsuite per script");
        // one testcase per expectation of each scenario, or one for a script that did not compile
        List<String> failed = new ArrayList<>();
        NodeList cases = root.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            if (failures.getLength() > 0) {
                failed.add(Path.of(c.getAttribute("classname")).getFileName() + ": " + c.getAttribute("name") + ": "
                        + ((Element) failures.item(0)).getAttribute("message"));
            }
        }
        assertEquals(String.valueOf(failed.size()), root.getAttribute("failures"));
        assertEquals(2, failed.size(), failed::toString);
        // a failed expectation reads as the run report's verdict line, after its location
        assertTrue(failed.get(0).matches("b-fail\\.tec: [^:]+: expect client\\.distress at end > 99: \\S*b-fail\\.tec:\\d+:\\d+: "
                + "FAIL  client\\.distress at end > 99  \\[.*\\]"), failed::toString);
        assertTrue(failed.get(1).startsWith("c-broken.tec: compile: ") && failed.get(1).contains("unknown phase kind 'exposre'"),
                failed::toString);
    }

    @Test
    void testOfAnEmptyFolderIsAnErrorNotAPass() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = tec("test", empty.toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("no .tec files under"), r::toString);
    }

    @Test
    void testOfTheLibraryWritesAPassingJunitXml() throws Exception {
        Path xml = tmp.resolve("junit.xml");
        Result r = tec("test", "scenarios/", "--junit", xml.toString(), "--out", tmp.toString());
        assertEquals(Main.OK, r.code(), r::toString);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertTrue(doc.getElementsByTagName("testsuite").getLength() >= 7,
                "one testsuite per scenario file: " + doc.getElementsByTagName("testsuite").getLength());
        assertTrue(Integer.parseInt(doc.getDocumentElement().getAttribute("tests")) >= 30,
                "one testcase per expectation: " + doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
    }

    /** A missing script is the same fault for every command, with the same exit code. */
    @Test
    void testOfAMissingPathIsAScriptErrorAsForRunAndCheck() {
        Result r = tec("test", tmp.resolve("nowhere").toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains(tmp.resolve("nowhere") + ": error: no such file or directory"), r::toString);
        assertEquals(Main.SCRIPT_ERROR, tec("check", tmp.resolve("nowhere").toString()).code());
        assertEquals(Main.SCRIPT_ERROR, tec("run", tmp.resolve("nowhere").toString()).code());
    }

    // ------------------------------------------------------------------ known problems

    @Test
    void runOfAMissingFileSaysSoPlainly() {
        Result r = tec("run", tmp.resolve("missing.tec").toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        String first = r.err().lines().findFirst().orElse("");
        assertEquals(tmp.resolve("missing.tec") + ": error: no such file", first);
    }

    @Test
    void runTakesANoiseScaleAsSweepDoes() {
        Result noisy = tec("run", "scenarios/erp/betsy-effective.tec", "--noise", "2", "--out", tmp.toString());
        assertTrue(noisy.out().contains("seed 7, noise 2.0,"), noisy::toString);
        Result bad = tec("run", "scenarios/erp/betsy-effective.tec", "--noise", "NaN", "--out", tmp.toString());
        assertEquals(Main.USAGE, bad.code(), bad::toString);
        assertTrue(bad.err().contains("--noise must be between 0 and 10, not NaN"), bad::toString);
    }

    @Test
    void aScriptCanComeFromStandardInput() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("scenario \"x\" { phase fre for 1 min { } }\n".getBytes(StandardCharsets.UTF_8)));
            Result bad = tec("check", "-");
            assertEquals(Main.SCRIPT_ERROR, bad.code(), bad::toString);
            assertTrue(bad.err().contains("<stdin>:1:22: error: unknown phase kind 'fre'"), bad::toString);
            System.setIn(new java.io.ByteArrayInputStream(PASSING.getBytes(StandardCharsets.UTF_8)));
            Result ok = tec("run", "-", "--out", tmp.toString());
            assertEquals(Main.OK, ok.code(), ok::toString);
            assertTrue(ok.out().contains("(<stdin>)"), ok::toString);
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void aSetOfAParameterTheScriptSweepsIsRefusedNotIgnored() {
        Result r = tec("run", "scenarios/research/grid-tolerance-sharing.tec", "--set", "therapist.tolerance=50", "--out", tmp.toString());
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("--set therapist.tolerance: the script's study sweeps it"), r::toString);
    }
}
