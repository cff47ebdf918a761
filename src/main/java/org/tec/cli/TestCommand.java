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

    /** One check of a script, as a JUnit test case: an expectation of a scenario, its run, or the compile. */
    record Case(String name, boolean passed, String message, String detail) {}

    record Outcome(Path file, boolean passed, String message, double seconds, List<Case> cases) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    s.filter(f -> f.toString().endsWith(".tec") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                // the same fault, the same code: a script that is not there is a script error, as for check and run
                spec.commandLine().getErr().println(p + ": error: no such file or directory");
                spec.commandLine().getErr().flush();
                return Main.SCRIPT_ERROR;
            }
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no .tec files under " + paths
                    + ": nothing to test (a test run of nothing would pass)");
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
        if (c.hasErrors()) return refused(f, "compile", c.diagnostics(), t0);
        if (!c.hasScenario()) return null;
        TecRun run = c.run().outputDirectory(outDir);
        if (!run.outputProblems().isEmpty()) return refused(f, "outputs", run.outputProblems(), t0);
        StringBuilder msg = new StringBuilder();
        List<Case> cases = new ArrayList<>();
        boolean passed = true;
        List<String> scenarios = c.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            String prefix = scenarios.size() > 1 ? "[" + scenarios.get(i) + "] " : "";
            String scenario = scenarios.get(i);
            try (Progress progress = Progress.of(null, false)) {
                TecRun.Outcome done = run.progress(progress).cancellation(Main.STOP).scenario(i);
                for (TecVerdict v : done.expectations()) {
                    String line = v.location() + ": " + v;
                    if (!v.passed()) msg.append(prefix).append(line).append('\n');
                    cases.add(new Case(scenario + ": expect " + v.name(), v.passed(), line, line));
                }
                if (done.expectations().isEmpty()) {
                    msg.append(prefix).append("note: no expectations; the script only has to run\n");
                    cases.add(new Case(scenario + ": runs", true, "", ""));
                }
                passed &= done.passed();
            } catch (TecException e) {
                msg.append(prefix).append(e.report()).append('\n');
                cases.add(new Case(scenario + ": runs", false, firstLine(e.report()), e.report()));
                passed = false;
            }
        }
        return new Outcome(f, passed, msg.toString().trim(), secs(t0), List.copyOf(cases));
    }

    /** A script refused before it ran: one failing case with the diagnostics. */
    private static Outcome refused(Path f, String stage, List<TecDiagnostic> problems, long t0) {
        String text = TecDiagnostic.render(problems).trim();
        return new Outcome(f, false, text, secs(t0), List.of(new Case(stage, false, firstLine(text), text)));
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

    /**
     * JUnit XML as CI dashboards read it: one {@code <testsuite>} per script, one
     * {@code <testcase>} per expectation of each scenario (or the compile, or a run that
     * stopped), each failure with its message and position.
     */
    private static void writeJunit(Path target, List<Outcome> outcomes) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            javax.xml.stream.XMLStreamWriter w = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "tec");
            w.writeAttribute("tests", String.valueOf(outcomes.stream().mapToInt(o -> o.cases().size()).sum()));
            w.writeAttribute("failures", String.valueOf(outcomes.stream().flatMap(o -> o.cases().stream()).filter(k -> !k.passed()).count()));
            w.writeCharacters("\n");
            for (Outcome o : outcomes) {
                String file = o.file().toString().replace('\\', '/');
                w.writeCharacters("  ");
                w.writeStartElement("testsuite");
                w.writeAttribute("name", xml(file));
                w.writeAttribute("tests", String.valueOf(o.cases().size()));
                w.writeAttribute("failures", String.valueOf(o.cases().stream().filter(k -> !k.passed()).count()));
                w.writeAttribute("time", org.tec.text.Numbers.fixed(o.seconds(), 3));
                w.writeCharacters("\n");
                for (Case k : o.cases()) {
                    w.writeCharacters("    ");
                    if (k.passed()) {
                        w.writeEmptyElement("testcase");
                    } else {
                        w.writeStartElement("testcase");
                    }
                    w.writeAttribute("classname", xml(file));
                    w.writeAttribute("name", xml(k.name()));
                    if (!k.passed()) {
                        w.writeStartElement("failure");
                        w.writeAttribute("message", xml(k.message()));
                        w.writeCharacters(xml(k.detail()));
                        w.writeEndElement();
                        w.writeEndElement();
                    }
                    w.writeCharacters("\n");
                }
                w.writeCharacters("  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML: " + e.getMessage(), e);
        }
        Tec.writeFile(target, text.toString());
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Text safe in XML 1.0, which has no way to write most control characters: escaped as tec escapes them for a terminal. */
    private static String xml(String s) {
        return org.tec.text.Printable.escape(s);
    }
}
