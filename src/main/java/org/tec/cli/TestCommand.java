package org.tec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tec.diag.DiagnosticRenderer;
import org.tec.diag.Diagnostics;
import org.tec.interp.Program;
import org.tec.interp.RunError;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.interp.Verdict;
import org.tec.output.AtomicFiles;
import org.tec.output.Emitter;
import org.tec.output.OutputDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every script under the given paths as a test suite, closing on 'N passed, N failed'.",
                "A script passes when it has no errors and all its expectations hold. Files without a scenario",
                "(libraries for import) are skipped. Exit 0 when all pass, 1 otherwise."})
final class TestCommand implements Callable<Integer> {
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
        for (Path f : files) {
            long t0 = System.nanoTime();
            Outcome o = runOne(f, outDir, t0);
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

    private Outcome runOne(Path f, Path outDir, long t0) {
        Scripts.Compiled c = Scripts.compileFile(f, Map.of(), SourceLoader.FILES);
        if (c.diagnostics().hasErrors()) {
            return new Outcome(f, false, DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()).trim(), secs(t0));
        }
        if (!c.hasScenario()) return null;
        OutputDir dir = new OutputDir(outDir);
        Diagnostics outErrors = new Diagnostics();
        for (Program p : c.programs()) Emitter.validate(p, dir, outErrors);
        if (outErrors.hasErrors()) {
            return new Outcome(f, false, DiagnosticRenderer.renderAll(outErrors.sorted(), c.sources()).trim(), secs(t0));
        }
        StringBuilder msg = new StringBuilder();
        boolean passed = true;
        for (Scripts.Unit unit : c.units()) {
            String prefix = c.units().size() > 1 ? "[" + unit.program().name() + "] " : "";
            try {
                Execution.Done done = Execution.run(c, unit, dir, Runtime.getRuntime().availableProcessors());
                for (Verdict v : done.expects()) {
                    if (!v.passed()) {
                        msg.append(prefix).append("expectation failed: ").append(v.source());
                        if (v.detail() != null) msg.append("  [").append(v.detail()).append(']');
                        msg.append("  (").append(v.span()).append(")\n");
                    }
                }
                if (done.expects().isEmpty()) msg.append(prefix).append("note: no expectations; the script only has to run\n");
                passed &= done.passed();
            } catch (RunError e) {
                msg.append(prefix).append("run-time error at ").append(Report.num(e.time())).append(" min: ").append(e.getMessage()).append('\n');
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
        AtomicFiles.write(target, w -> {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<testsuite name=\"tec\" tests=\"" + outcomes.size() + "\" failures=\"" + failures + "\">\n");
            for (Outcome o : outcomes) {
                w.write("  <testcase classname=\"tec\" name=\"" + xml(o.file.toString()) + "\" time=\""
                        + String.format(java.util.Locale.ROOT, "%.3f", o.seconds) + "\"");
                if (o.passed) {
                    w.write("/>\n");
                } else {
                    w.write(">\n    <failure message=\"" + xml(firstLine(o.message)) + "\">" + xml(o.message) + "</failure>\n  </testcase>\n");
                }
            }
            w.write("</testsuite>\n");
        });
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
