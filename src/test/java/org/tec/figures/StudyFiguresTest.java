package org.tec.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;
import org.tec.interp.FileFormat;
import org.tec.interp.Printed;
import org.tec.interp.Program;
import org.tec.interp.RunOptions;
import org.tec.interp.RunRecord;
import org.tec.interp.RunResult;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Study;
import org.tec.interp.StudyDesign;
import org.tec.interp.StudyRuns;
import org.tec.interp.StudySummary;
import org.tec.testing.Cli;

/**
 * A study's figures: summaries drawn from {@link StudySummary} (never pooled over a second
 * sweep), arms as series, trajectory bands from bounded samples, the same bytes on any
 * thread count, and what a hostile script cannot make them do.
 */
class StudyFiguresTest {
    @TempDir
    Path tmp;

    private Study.Result study(String source, int threads) throws IOException {
        Path file = tmp.resolve("s.tec");
        Files.writeString(file, source);
        Scripts.Compiled c = Scripts.compileText("s.tec", file, source, Map.of(), SourceLoader.FILES);
        assertTrue(c.ok(), () -> c.diagnostics().toString());
        return Study.run(c, c.units().get(0), threads, RunOptions.DEFAULTS, null);
    }

    private static final String GRID = """
            scenario "grid" {
              client { distress 40 fear 0.7 }
              therapist { tolerance 50 }
              noise on
              phase exposure for 6 min intensity 0.8 { }
              sweep therapist.affect_sharing in [0.2, 0.5, 0.9]
              sweep therapist.tolerance in [30, 60]
              replicate 3
              print peak(therapist.distress)
              print exposure.completed
            }
            """;

    @Test
    void aTwoSweepHeatmapHasOneCellPerGridPointHoldingThatPointsOwnMean() throws IOException {
        Study.Result r = study(GRID, 2);
        // the means worked out here from the runs, by both swept values: what a pooled figure would lose
        Map<List<Double>, List<Double>> byPoint = new HashMap<>();
        for (StudyRuns.Run run : r.runs().runs()) {
            byPoint.computeIfAbsent(List.of(run.values()[0], run.values()[1]), k -> new ArrayList<>()).add(run.result().prints().get(0).number());
        }
        List<StudySummary.Row> peak = StudySummary.of(r).stream().filter(x -> x.measure().equals("peak(therapist.distress)")).toList();
        var sx = r.runs().sweeps().get(0);
        var sy = r.runs().sweeps().get(1);
        List<Number[]> cells = StudyFigures.cells(peak, sx, sy);
        assertEquals(6, cells.size(), "one cell per grid point, 3 x 2");
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (Number[] cell : cells) {
            double a = sx.values()[cell[0].intValue()], b = sy.values()[cell[1].intValue()];
            double want = byPoint.get(List.of(a, b)).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(want, cell[2].doubleValue(), 1e-12, "cell at " + a + ", " + b);
            distinct.add(cell[2].doubleValue());
        }
        assertTrue(distinct.size() > 3, "the tolerance sweep changes the cells: " + distinct);
        byte[] svg = StudyFigures.summary(r, List.of(0, 1), FileFormat.SVG);
        assertTrue(new String(svg, java.nio.charset.StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    void theFigureIsTheSameBytesOnOneThreadAndOnFour() throws IOException {
        String script = GRID.replace("print exposure.completed", "print exposure.completed\n  plot sweep to \"grid.svg\"\n"
                + "  plot client.distress, therapist.distress to \"bands.svg\"")
                .replace("sweep therapist.tolerance in [30, 60]", "");
        Path file = tmp.resolve("grid.tec");
        Files.writeString(file, script);
        byte[][] first = null;
        for (String threads : new String[] {"1", "4"}) {
            Path out = tmp.resolve("out" + threads);
            Cli.Result res = Cli.tec("run", file.toString(), "--out", out.toString(), "--threads", threads);
            assertEquals(Main.OK, res.code(), res::toString);
            byte[][] now = {Files.readAllBytes(out.resolve("grid.svg")), Files.readAllBytes(out.resolve("bands.svg"))};
            if (first == null) first = now;
            else for (int k = 0; k < 2; k++) assertArrayEquals(first[k], now[k], "figure " + k + " on " + threads + " threads");
            // one figure for the study, none per run
            try (var files = Files.list(out)) {
                assertEquals(List.of("bands.svg", "grid.svg"), files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void armsAreSeriesAndWithoutASweepStandSideBySide() throws IOException {
        // a study with arms, built by hand: two arms over one point, four replicates each
        Study.Result base = study("""
                scenario "arms" {
                  phase free for 1 min { }
                  replicate 8
                  print t
                  print true
                }
                """, 1);
        Program p = base.program();
        List<StudyRuns.Run> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int arm = i % 2;
            List<Printed> prints = List.of(new Printed("t", "", arm * 10 + i), new Printed("true", i % 3 == 0 ? "false" : "true", Double.NaN));
            runs.add(new StudyRuns.Run(i, arm, i / 2, i, new double[0], new RunResult(p, new RunRecord(p.dt()), List.of(), List.of(), prints)));
        }
        Study.Result armed = new Study.Result(p, new StudyRuns(StudyDesign.grid(List.of()), List.of("as usual", "regulated"), runs),
                List.of(), List.of());
        byte[] svg = StudyFigures.summary(armed, List.of(0, 1), FileFormat.SVG);
        String text = new String(svg, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), text.substring(0, 200));
        // a grid of one sweep with arms: a line per arm
        Program.SweepPlan s = new Program.SweepPlan("x", new double[] {1, 2}, p.prints().get(0).span());
        List<StudyRuns.Run> swept = new ArrayList<>();
        for (StudyRuns.Run run : runs) {
            swept.add(new StudyRuns.Run(run.index(), run.arm(), run.replicate(), run.seed(), new double[] {run.index() < 4 ? 1 : 2}, run.result()));
        }
        Study.Result lines = new Study.Result(p, new StudyRuns(StudyDesign.grid(List.of(s)), List.of("as usual", "regulated"), swept),
                List.of(), List.of());
        assertTrue(StudyFigures.summary(lines, List.of(0, 1), FileFormat.PNG).length > 1000);
    }

    @Test
    void threeSweepsAreRefusedAtCompileTimeWithWhatToDo() throws IOException {
        Path file = tmp.resolve("three.tec");
        Files.writeString(file, GRID.replace("replicate 3", "replicate 1\n  sweep client.fear in [0.5, 0.7]\n  plot sweep"));
        Cli.Result r = Cli.tec("check", file.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("'plot sweep' draws one sweep on x, or two as a heatmap, and this study sweeps 3"), r.err());
        assertTrue(r.err().contains("three.tec:"), r.err());
        assertTrue(r.err().contains("help: fix all but two"), r.err());
    }

    @Test
    void tooManyConditionsForBandsAreRefusedAtCompileTime() throws IOException {
        Path file = tmp.resolve("many.tec");
        Files.writeString(file, GRID.replace("replicate 3", "replicate 1\n  plot client.distress").replace("[30, 60]", "[30, 45, 60]"));
        Cli.Result r = Cli.tec("check", file.toString());
        assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
        assertTrue(r.err().contains("draws a median and band per arm and sweep point, and this study has 9"), r.err());
    }

    @Test
    void bandsDoNotDependOnTheOrderRunsArriveInAndStayWithinTheirGrid() throws IOException {
        Study.Result r = study("""
                scenario "lengths" {
                  client { distress 40 fear 0.7 }
                  noise on
                  phase exposure for 30 min intensity 0.8 { }
                  replicate 6
                }
                """, 2);
        // runs of different lengths, told short first and long first: the same samples
        Program p = r.program();
        Program.StudyPlan plan = p.study();
        List<RunResult> made = new ArrayList<>();
        for (double minutes : new double[] {3, 40, 7, 90, 1, 12}) made.add(fake(p, minutes));
        TrajectoryBands one = new TrajectoryBands(List.of(org.tec.model.Var.CLIENT_DISTRESS), plan, p.dt(), List.of(""));
        TrajectoryBands two = new TrajectoryBands(List.of(org.tec.model.Var.CLIENT_DISTRESS), plan, p.dt(), List.of(""));
        for (int i = 0; i < 6; i++) one.run(i, made.get(i));
        for (int i = 5; i >= 0; i--) two.run(i, made.get(i));
        assertEquals(one.step(), two.step());
        double[][] a = one.band(0, 0), b = two.band(0, 0);
        for (int k = 0; k < 3; k++) assertArrayEquals(a[k], b[k], "row " + k);
        assertTrue(a[1].length <= TrajectoryBands.MAX_POINTS, "samples: " + a[1].length);
        // the 90-minute run alone reaches the end; at t = 0 every run counts: values 0 to 5, R type 7 quantiles
        assertEquals(2.5, a[1][0], 1e-9);
        assertEquals(0.5, a[0][0], 1e-9);
        assertEquals(4.5, a[2][0], 1e-9);
    }

    @Test
    void aHugeStudyKeepsFewerSamplesOfEachRun() {
        // a million runs planned: 50 million samples shared out leave 50 per run and variable
        Program.StudyPlan plan = new Program.StudyPlan(List.of(), 1_000_000, List.of(), List.of());
        double dt = 0.1;
        Program p = null;
        TrajectoryBands bands = new TrajectoryBands(List.of(org.tec.model.Var.CLIENT_DISTRESS), plan, dt, List.of(""));
        RunRecord rec = new RunRecord(dt);
        double[] state = new double[org.tec.model.Var.values().length];
        for (int i = 0; i <= 600; i++) rec.trajectory().add(i * dt, 1, 0, state);
        bands.run(0, new RunResult(p, rec, List.of(), List.of(), List.of()));
        int kept = bands.band(0, 0)[1].length;
        assertTrue(kept <= 50 && kept > 25, "samples of a 60-minute run: " + kept);
        assertEquals(1.6, bands.step(), 1e-12, "0.1 min doubled four times");
    }

    @Test
    void armsThroughTheLanguageDrawTheSameBytesOnAnyThreadCount() throws IOException {
        Path file = tmp.resolve("arms.tec");
        Files.writeString(file, """
                scenario "arms" {
                  client { distress 40 fear 0.7 }
                  noise on
                  phase exposure for 6 min intensity 0.8 { }
                  replicate 5
                  arm "as usual" { }
                  arm "calm" { therapist { affect_sharing 0.2 } }
                  print peak(therapist.distress)
                  print exposure.completed
                  plot sweep to "summary.svg"
                  plot therapist.distress to "bands.svg"
                }
                """);
        byte[][] first = null;
        for (String threads : new String[] {"1", "3"}) {
            Path out = tmp.resolve("arms" + threads);
            Cli.Result res = Cli.tec("run", file.toString(), "--out", out.toString(), "--threads", threads);
            assertEquals(Main.OK, res.code(), res::toString);
            byte[][] now = {Files.readAllBytes(out.resolve("summary.svg")), Files.readAllBytes(out.resolve("bands.svg"))};
            if (first == null) first = now;
            else for (int k = 0; k < 2; k++) assertArrayEquals(first[k], now[k], "figure " + k + " on " + threads + " threads");
        }
    }

    @Test
    void tecSweepRefusesToPlotThreeSweepsAndSaysWhy() throws IOException {
        Path out = tmp.resolve("r.csv");
        Cli.Result r = Cli.tec("sweep", "scenarios/research/betsy-outcomes.tec", "--vary", "therapist.affect_sharing=0.2,0.8",
                "--vary", "therapist.tolerance=40,60", "--vary", "client.fear=0.5,0.7", "--out", out.toString(),
                "--plot", tmp.resolve("x.svg").toString(), "-q");
        // refused before the run, as a usage error: nothing is run or written
        assertEquals(Main.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("draws one sweep on x, or two as a heatmap, and this study sweeps 3"), r::toString);
        assertTrue(!Files.exists(tmp.resolve("x.svg")));
        assertTrue(!Files.exists(out), "the results are not written either");
    }

    /** A run of {@code minutes} whose client distress is its order among the made runs (0, 1, ...) throughout. */
    private int made = 0;

    private RunResult fake(Program p, double minutes) {
        RunRecord rec = new RunRecord(p.dt());
        double[] state = new double[org.tec.model.Var.values().length];
        state[org.tec.model.Var.CLIENT_DISTRESS.ordinal()] = made++;
        for (int i = 0; i * p.dt() <= minutes + 1e-9; i++) rec.trajectory().add(i * p.dt(), 1, 0, state);
        return new RunResult(p, rec, List.of(), List.of(), List.of());
    }

    // ------------------------------------------------------------------ hostile inputs

    @Test
    void aStudyWhosePrintsAreAllNotNumbersSaysSoAndDoesNotCrash() throws IOException {
        Path file = tmp.resolve("nan.tec");
        Files.writeString(file, """
                scenario "nan" {
                  phase free for 1 min { }
                  sweep x in [1, 2]
                  param x = 1
                  print sqrt(-client.distress - x)
                  plot sweep to "nan.svg"
                }
                """);
        Cli.Result r = Cli.tec("run", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Main.RUNTIME_ERROR, r.code(), r::toString);
        assertTrue(r.toString().contains("no run gave a number for any print the figure draws"), r::toString);
        assertTrue(!Files.exists(tmp.resolve("o/nan.svg")));
    }

    @Test
    void oneReplicateDrawsMeansWithoutIntervalsAndBandsAsALine() throws IOException {
        Path file = tmp.resolve("one.tec");
        Files.writeString(file, GRID.replace("replicate 3", "replicate 1\n  plot sweep to \"one.svg\"")
                .replace("sweep therapist.tolerance in [30, 60]", "").replace("[0.2, 0.5, 0.9]", "[0.2]")
                + "\n".replace("\n", ""));
        Files.writeString(file, Files.readString(file).replace("print exposure.completed", "print exposure.completed\n  plot client.fear to \"f.png\""));
        Cli.Result r = Cli.tec("run", file.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(Main.OK, r.code(), r::toString);
        assertTrue(Files.size(tmp.resolve("o/one.svg")) > 1000);
        assertTrue(Files.size(tmp.resolve("o/f.png")) > 1000);
    }

    @Test
    void aHundredByHundredGridDrawsInBoundedTimeAndSize() throws IOException {
        Path file = tmp.resolve("big.tec");
        Files.writeString(file, """
                scenario "big" {
                  step 0.125 min
                  param a = 0
                  param b = 0
                  phase free for 1 min { }
                  sweep a from 0 to 99 step 1
                  sweep b from 0 to 99 step 1
                  print a * b
                  plot sweep to "big.svg"
                }
                """);
        Path out = tmp.resolve("o");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> Cli.tec("run", file.toString(), "--out", out.toString(), "--threads", "2", "-q"));
        assertEquals(Main.OK, r.code(), r::toString);
        long size = Files.size(out.resolve("big.svg"));
        assertTrue(size > 10_000 && size < 8_000_000, "size " + size);
    }

    @Test
    void aFigureOutsideTheOutputFolderIsRefusedBeforeTheRun() throws IOException {
        Path file = tmp.resolve("out.tec");
        for (String target : new String[] {"../escape.svg", "sub/../../escape.svg"}) {
            Files.writeString(file, GRID.replace("replicate 3", "replicate 1\n  plot sweep to \"" + target + "\""));
            Cli.Result r = Cli.tec("run", file.toString(), "--out", tmp.resolve("o").toString());
            assertEquals(Main.SCRIPT_ERROR, r.code(), r::toString);
            assertTrue(r.err().contains(target), r.err());
        }
        assertTrue(!Files.exists(tmp.resolve("escape.svg")));
    }
}
