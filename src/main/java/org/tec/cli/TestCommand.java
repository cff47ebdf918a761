package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tec.api.Tec;
import org.tec.api.TecCheck;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecEngine;
import org.tec.api.TecException;
import org.tec.api.TecRun;
import org.tec.api.TecVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every script under the given paths as a test suite, closing on 'N passed, N failed'.",
                "A script passes when it has no errors and all its expectations hold. Files without a scenario",
                "(libraries for import) are skipped. Exit 0 when all pass, 1 otherwise."})
final class TestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Sandbox sandbox;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Scripts or directories (searched for *.tec).")
    List<Path> paths;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the scripts' emit statements write (default: a temporary directory).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record Outcome(Path file, boolean passed, String message, double seconds) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".tec") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or directory: " + p);
            }
        }
        Path outDir = out != null ? out : Files.createTempDirectory("tec-test");
        boolean scratch = out == null;
        List<Outcome> outcomes = new ArrayList<>();
        int skipped = 0;
        TecEngine engine = sandbox.engine();
        for (Path f : files) {
            long t0 = System.nanoTime();
            Outcome o = runOne(engine, f, outDir, t0);
            if (o == null) {
                skipped++;
                stdout.println("skip  " + f + " (no scenario: a library for import)");
                continue;
            }
            outcomes.add(o);
            stdout.println((o.passed ? "pass  " : "FAIL  ") + f + (o.message.isEmpty() ? "" : "\n" + indent(o.message)));
        }
        if (scratch) deleteTree(outDir);
        long passed = outcomes.stream().filter(Outcome::passed).count();
        long failed = outcomes.size() - passed;
        if (junit != null) writeJunit(junit, outcomes);
        stdout.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        stdout.flush();
        return failed == 0 ? Main.OK : Main.EXPECTATION_FAILED;
    }

    private Outcome runOne(TecEngine engine, Path f, Path outDir, long t0) {
        TecCheck c = engine.check(f);
        if (c.hasErrors()) return new Outcome(f, false, TecDiagnostic.render(c.diagnostics()).trim(), secs(t0));
        if (!c.hasScenario()) return null;
        TecRun run = c.run().outputDirectory(outDir);
        if (!run.outputProblems().isEmpty()) {
            return new Outcome(f, false, TecDiagnostic.render(run.outputProblems()).trim(), secs(t0));
        }
        StringBuilder msg = new StringBuilder();
        boolean passed = true;
        List<String> scenarios = c.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            String prefix = scenarios.size() > 1 ? "[" + scenarios.get(i) + "] " : "";
            try (Progress progress = Progress.of(null, false)) {
                TecRun.Outcome done = run.progress(progress).cancellation(Main.STOP).scenario(i);
                for (TecVerdict v : done.expectations()) {
                    if (!v.passed()) msg.append(prefix).append(v.location()).append(": ").append(v).append('\n');
                }
                if (done.expectations().isEmpty()) msg.append(prefix).append("note: no expectations; the script only has to run\n");
                passed &= done.passed();
            } catch (TecException e) {
                msg.append(prefix).append(e.report()).append('\n');
                passed = false;
            }
        }
        return new Outcome(f, passed, msg.toString().trim(), secs(t0));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind is harmless
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String indent(String s) {
        return "      " + s.replace("\n", "\n      ");
    }

    private static void writeJunit(Path target, List<Outcome> outcomes) throws IOException {
        long failures = outcomes.stream().filter(o -> !o.passed).count();
        StringBuilder w = new StringBuilder();
        w.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.append("<testsuite name=\"tec\" tests=\"" + outcomes.size() + "\" failures=\"" + failures + "\">\n");
        for (Outcome o : outcomes) {
            w.append("  <testcase classname=\"tec\" name=\"" + xml(o.file.toString()) + "\" time=\""
                    + org.tec.text.Numbers.fixed(o.seconds, 3) + "\"");
            if (o.passed) {
                w.append("/>\n");
            } else {
                w.append(">\n    <failure message=\"" + xml(firstLine(o.message)) + "\">" + xml(o.message) + "</failure>\n  </testcase>\n");
            }
        }
        w.append("</testsuite>\n");
        Tec.writeFile(target, w.toString());
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
