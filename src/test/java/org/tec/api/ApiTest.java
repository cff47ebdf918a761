package org.tec.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.script.Compilable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
    static final Path BETSY = Path.of("scenarios/erp/betsy-effective.tec");

    @TempDir
    Path tmp;

    @Test
    void compilesRunsWithAnOverrideAndMeasures() {
        TecScript betsy = Tec.builder().build().compile(BETSY);
        TecResult plain = betsy.run();
        TecResult sharing = betsy.run(Map.of("therapist.affect_sharing", 1.0));
        assertTrue(plain.passed(), plain.expectations()::toString);
        double peakPlain = plain.measure("max(therapist.distress during exposure)");
        double peakSharing = sharing.measure("max(therapist.distress during exposure)");
        assertTrue(peakSharing > peakPlain + 10, peakPlain + " vs " + peakSharing);
        assertEquals(plain.measure("peak(client.distress)"), max(plain.series("client.distress")), 1e-12);
        assertEquals(plain.times().length, plain.series("therapist.distress").length);
        assertEquals(1.0, plain.measure("exposure.completed"));
    }

    @Test
    void compileErrorsCarryEveryDiagnostic() {
        TecEngine engine = Tec.builder().build();
        TecException.Compile e = assertThrows(TecException.Compile.class, () -> engine.compile("""
                scenario "x" {
                  therapist { afect_sharing 0.5 }
                  phase exposre for 10 min { }
                }
                """, "bad.tec"));
        assertEquals(2, e.diagnostics().size(), e::getMessage);
        TecDiagnostic first = e.diagnostics().get(0);
        assertEquals("bad.tec", first.file());
        assertEquals(2, first.line());
        assertEquals(15, first.column());
        assertEquals("unknown therapist setting 'afect_sharing'", first.message());
        assertEquals("did you mean 'affect_sharing'?", first.hint());
        assertTrue(first.rendered().contains("^^^^^^^^^^^^^"), first.rendered());
        assertEquals("unknown phase kind 'exposre'", e.diagnostics().get(1).message());
    }

    @Test
    void anOverrideOfAnUnknownNameIsACompileErrorWithASuggestion() {
        TecScript betsy = Tec.builder().build().compile(BETSY);
        TecException.Compile e = assertThrows(TecException.Compile.class,
                () -> betsy.run(Map.of("therapist.afect_sharing", 0.5)));
        assertEquals("did you mean 'therapist.affect_sharing'?", e.diagnostics().get(0).hint());
        assertThrows(TecException.Compile.class, () -> betsy.run(Map.of("therapist.affect_sharing", 1.5)));
    }

    @Test
    void theSameScriptOnEightThreadsGivesIdenticalResults() throws Exception {
        TecScript noisy = Tec.builder().build().compile(BETSY).withNoise(1).withSeed(42);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) fs.add(pool.submit(() -> noisy.run(Map.of("therapist.tolerance", 55)).series("client.distress")));
            double[] first = fs.get(0).get();
            for (Future<double[]> f : fs) assertArrayEquals(first, f.get());
            assertNotEquals(first[first.length - 1], Tec.builder().build().compile(BETSY).run().series("client.distress")[first.length - 1]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEndlessTriggerCascadeStopsAtTheStepLimit() {
        TecEngine engine = Tec.builder().maxSteps(5_000).build();
        TecScript flip = engine.compile("""
                scenario "flip" {
                  when client.distress > 50: set client.distress = 10
                  when client.distress <= 50: set client.distress = 90
                  phase free for 1000 h { }
                }
                """, "flip.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, flip::run);
        assertEquals("steps", e.limit());
    }

    @Test
    void aHugeCourseStopsAtTheStepLimit() {
        TecEngine engine = Tec.builder().maxSteps(100_000).build();
        TecScript course = engine.compile("""
                course "forever" {
                  phase free for 60 min { }
                  sessions 10000
                }
                """, "course.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, course::run);
        assertEquals("steps", e.limit());
    }

    @Test
    void theWallTimeLimitUsesTheEnginesClock() {
        AtomicLong millis = new AtomicLong();
        Clock ticking = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return Instant.ofEpochMilli(millis.addAndGet(50)); }
        };
        TecEngine engine = Tec.builder().clock(ticking).maxWallTime(java.time.Duration.ofSeconds(1)).build();
        TecScript longRun = engine.compile("scenario \"long\" { phase free for 100 h { } }", "long.tec");
        TecException.Limit e = assertThrows(TecException.Limit.class, longRun::run);
        assertEquals("wall_time", e.limit());
    }

    @Test
    void aRunCanBeCancelledFromAnotherThread() throws Exception {
        TecScript longRun = Tec.builder().build().compile("scenario \"long\" { phase free for 10000 h { } }", "long.tec");
        TecCancellation cancel = new TecCancellation();
        AtomicInteger steps = new AtomicInteger();
        TecListener cancelAfter = new TecListener() {
            @Override
            public void step(double time, Map<String, Double> state) {
                if (steps.incrementAndGet() == 5000) new Thread(cancel::cancel).start();
            }
        };
        assertThrows(TecException.Cancelled.class, () -> longRun.run(Map.of(), cancel, cancelAfter));
        assertTrue(steps.get() < 1_000_000, "stopped soon after the cancel: " + steps.get());
    }

    @Test
    void listenersHearEveryStepAndEvent() {
        List<TecEvent> events = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        TecListener l = new TecListener() {
            @Override
            public void step(double time, Map<String, Double> state) {
                steps.incrementAndGet();
                assertTrue(state.containsKey("therapist.affect_sharing"));
            }

            @Override
            public void event(TecEvent e) {
                events.add(e);
            }
        };
        TecResult r = Tec.builder().listener(l).build().compile(BETSY).run();
        assertEquals(r.times().length - 1, steps.get());
        assertEquals(r.events(), events);
    }

    @Test
    void aSessionAdvancesAndTakesStatementsBetweenSteps() {
        TecSession s = Tec.builder().build().compile(BETSY).session(Map.of());
        assertEquals(12.0, s.advance(12), 1e-9);
        assertEquals("exposure", s.phase());
        double before = s.state().get("therapist.distress");
        s.execute("regulate affect_sharing up to 0.9 over 1 min");
        assertThrows(TecException.Compile.class, () -> s.execute("regulate afect_sharing up"));
        s.advance(3);
        assertTrue(s.state().get("therapist.affect_sharing") > 0.8);
        assertTrue(s.state().get("therapist.distress") > before + 10, before + " -> " + s.state().get("therapist.distress"));
        List<String> values = s.execute("therapist.affect_sharing > 0.8");
        assertEquals(List.of("therapist.affect_sharing > 0.8 = true"), values);
        while (s.step()) {
            // to the end
        }
        TecResult r = s.finish();
        assertFalse(r.passed(), "the regulated-up therapist breaks R1's expectations");
    }

    @Test
    void aStudyThroughTheApiDoesNotDependOnTheThreadCount() {
        TecScript betsy = Tec.builder().threads(1).build().compile(BETSY).withNoise(1);
        TecStudy one = betsy.study().vary("therapist.affect_sharing", 0.5, 1.0).replicates(3).run();
        TecStudy four = Tec.builder().threads(4).build().compile(BETSY).withNoise(1)
                .study().vary("therapist.affect_sharing", 0.5, 1.0).replicates(3).run();
        assertEquals(6, one.runs().size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(one.runs().get(i).result().series("client.distress"), four.runs().get(i).result().series("client.distress"));
            assertEquals(one.runs().get(i).values(), four.runs().get(i).values());
        }
        assertEquals(Map.of("therapist.affect_sharing", 1.0), one.runs().get(5).values());
    }

    @Test
    void theStudyRunLimitHolds() {
        TecScript betsy = Tec.builder().maxRuns(10).build().compile(BETSY);
        TecException.Limit e = assertThrows(TecException.Limit.class,
                () -> betsy.study().vary("therapist.tolerance", 40, 90, 1).run());
        assertEquals("runs", e.limit());
    }

    @Test
    void outputsGoUnderTheOutputDirectoryWithinTheByteLimit() throws Exception {
        TecResult r = Tec.builder().outputDirectory(tmp).build().compile(BETSY).run();
        assertTrue(Files.isRegularFile(tmp.resolve("betsy-effective.csv")), r::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("betsy-effective.meta.json")));
        Path small = tmp.resolve("small");
        TecException.Limit e = assertThrows(TecException.Limit.class,
                () -> Tec.builder().outputDirectory(small).maxOutputBytes(100).build().compile(BETSY).run());
        assertEquals("output_bytes", e.limit());
        assertFalse(Files.exists(small.resolve("betsy-effective.csv")), "nothing is kept over the limit");
        TecScript escaping = Tec.builder().outputDirectory(small).build()
                .compile("scenario \"x\" { phase free for 1 min { } emit csv \"../x.csv\" }", "x.tec");
        assertThrows(TecException.Output.class, escaping::run);
        assertFalse(Files.exists(tmp.resolve("x.csv")));
    }

    @Test
    void theLibraryPrintsNothing() {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured));
            System.setErr(new PrintStream(captured));
            TecEngine engine = Tec.builder().build();
            engine.compile(BETSY).run();
            assertThrows(TecException.Compile.class, () -> engine.compile("scenario { oops", "bad.tec"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString());
    }

    @Test
    void theJsr223EngineIsFoundAndEvaluates() throws Exception {
        ScriptEngine tec = new ScriptEngineManager().getEngineByName("tec");
        assertTrue(tec != null, "no engine named tec");
        assertTrue(tec instanceof Compilable);
        String source = Files.readString(BETSY).replace("import \"profiles/betsy.tec\"", "import \"scenarios/erp/profiles/betsy.tec\"");
        Object result = tec.eval(source);
        assertTrue(result instanceof TecResult);
        assertTrue(((TecResult) result).passed());
        tec.put("therapist.affect_sharing", 1.0);
        TecResult shared = (TecResult) ((Compilable) tec).compile(source).eval();
        assertTrue(shared.measure("max(therapist.distress during exposure)") > 35);
        assertEquals("tec", new ScriptEngineManager().getEngineByExtension("tec").getFactory().getEngineName());
        assertThrows(javax.script.ScriptException.class, () -> tec.eval("scenario \"x\" { phase nope for 1 min { } }"));
    }

    @Test
    void aCheckGivesDiagnosticsWithoutAnException() throws Exception {
        Path bad = tmp.resolve("bad.tec");
        Files.writeString(bad, "scenario \"x\" {\n  phase exposre for 10 min { }\n}\n");
        TecCheck c = Tec.builder().build().check(bad);
        assertTrue(c.hasErrors());
        assertFalse(c.ok());
        assertEquals(1, c.errorCount());
        assertTrue(c.rendered().contains("bad.tec:2:"), c::rendered);
        assertEquals(TecDiagnostic.render(c.diagnostics()), c.rendered());
        Path library = tmp.resolve("lib.tec");
        Files.writeString(library, "param dose = 1\n");
        TecCheck lib = Tec.builder().build().check(library);
        assertFalse(lib.hasErrors(), lib::rendered);
        assertFalse(lib.hasScenario());
        TecCheck betsy = Tec.builder().build().check(BETSY);
        assertTrue(betsy.ok(), betsy::rendered);
        assertEquals(betsy.scenarios().get(0), betsy.script(null).name());
        assertThrows(IllegalArgumentException.class, () -> betsy.script("no such scenario"));
        assertThrows(IllegalStateException.class, () -> c.script(null));
    }

    @Test
    void aRunOfACheckedFileGivesTheCommandLinesReportAndItsExtraFiles() throws Exception {
        TecCheck c = Tec.builder().build().check(BETSY);
        TecRun run = c.run().outputDirectory(tmp).csv(tmp.resolve("all.csv"), true).json(tmp.resolve("run.json"));
        assertTrue(run.outputProblems().isEmpty());
        TecRun.Outcome o = run.scenario(0);
        assertTrue(o.passed(), () -> o.report(false));
        assertTrue(o.report(false).startsWith(o.name() + "  ("), () -> o.report(false));
        assertTrue(Files.readString(tmp.resolve("all.csv")).startsWith("t,session,phase,variable,value"));
        assertTrue(Files.isRegularFile(tmp.resolve("run.json")));
        assertThrows(IllegalArgumentException.class, () -> run.plot(tmp.resolve("x.gif")));
    }

    @Test
    void eventsAndVerdictsPrintAsTheReportPrintsThem() {
        TecResult r = Tec.builder().build().compile(BETSY).run();
        String report = Tec.builder().build().check(BETSY).run().outputDirectory(tmp).scenario(0).report(false);
        assertFalse(r.events().isEmpty());
        for (TecVerdict v : r.expectations()) {
            assertTrue(report.contains("  " + v + "\n") || report.contains("  " + v + "  ("), v::toString);
            assertTrue(v.toString().startsWith(v.passed() ? "pass  " : "FAIL  "), v::toString);
        }
        long shown = r.events().stream().filter(e -> report.contains("  " + String.format("%6s", e.toString().split(" ")[0]) + " min  "
                + e.message() + "\n")).count();
        assertTrue(shown > 0, report);
        TecEvent e = new TecEvent(1, 6, "regulate", "regulate affect_sharing down to 0.25 over 2 min");
        assertEquals("6.0 min  regulate affect_sharing down to 0.25 over 2 min", e.toString());
        assertEquals("s2     6.0 min  walks out", new TecEvent(2, 6, "walkout", "walks out").toString());
        assertEquals("FAIL  peak(client.distress) < 1  [80 < 1]", new TecVerdict("peak(client.distress) < 1", false, "80 < 1", "x:1:1").toString());
        assertEquals("pass  calm", new TecVerdict("calm", true, null, "x:1:1").toString());
    }

    @Test
    void aStudyRequestTakesTheSweepsSeedNoiseAndThreadsOfTecSweep() throws Exception {
        TecScript betsy = Tec.builder().build().compile(BETSY);
        AtomicInteger steps = new AtomicInteger();
        AtomicLong planned = new AtomicLong();
        TecStudy s = betsy.study().vary("therapist.affect_sharing", TecStudy.range(0, 1, 0.5)).replicates(2).seed(7).noise(1)
                .threads(2).progress(new TecProgress() {
                    @Override
                    public void start(String scenario, long runs) {
                        planned.set(runs);
                    }

                    @Override
                    public void step() {
                        steps.incrementAndGet();
                    }
                }).run();
        assertEquals(6, s.size());
        assertEquals(6, planned.get());
        assertEquals(6, steps.get());
        s.writeResults(tmp.resolve("r.csv"));
        s.writeTrajectories(tmp.resolve("t.csv"), 1);
        assertTrue(Files.readString(tmp.resolve("t.csv")).startsWith("run,t,session,phase,variable,value\n"));
        assertThrows(IllegalArgumentException.class, () -> s.writeResults(tmp.resolve("r.txt")));
        assertThrows(IllegalArgumentException.class, () -> TecStudy.range(0, 1, 0));
        TecException.Limit tooMany = assertThrows(TecException.Limit.class,
                () -> betsy.study().vary("therapist.affect_sharing", TecStudy.range(0, 1, 0.001)).replicates(10_000).run());
        assertEquals("runs", tooMany.limit());
    }

    @Test
    void quantitiesAreReadInTheScriptsNotation() {
        assertEquals(1.5, Tec.quantity("90 s"), 1e-12);
        assertEquals(120, Tec.quantity("2 h"), 1e-12);
        assertEquals(0.25, Tec.quantity("0.25"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Tec.quantity("lots"));
    }

    @Test
    void theParameterTableListsEveryParameter() {
        List<TecParameter> ps = Tec.parameters();
        assertTrue(ps.stream().anyMatch(p -> p.block().equals("therapist") && p.name().equals("affect_sharing")));
        assertEquals(ps.size() + 2, Tec.parameterTable().split("\n").length);
    }

    private static double max(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) m = Math.max(m, x);
        return m;
    }
}
