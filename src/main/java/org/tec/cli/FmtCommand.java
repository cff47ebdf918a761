package org.tec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tec.api.TecDiagnostic;
import org.tec.api.TecFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Rewrite scripts in the one canonical layout (only the space between tokens changes). "
                + "A folder means every .tec file under it. Exit 0 if all are (now) formatted, 1 if --check found one that is not, "
                + "2 for a script with syntax errors or a file that cannot be read or written.")
final class FmtCommand implements Callable<Integer> {
    @Option(names = "--check", description = "Change nothing: list the files that are not in the canonical layout and exit 1 if there are any.")
    boolean check;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "Scripts, or folders of scripts (- reads one from standard input and writes it formatted to standard output).")
    Path[] paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failed = 0;
        int unformatted = 0;
        for (Path p : paths) {
            if (p.toString().equals("-")) {
                TecFormat.Result r = TecFormat.format(stdin(), ScriptInput.NAME);
                if (r.formatted() == null) {
                    err.print(TecDiagnostic.render(r.errors()));
                    failed++;
                } else if (check) {
                    if (!r.unchanged()) {
                        out.println(ScriptInput.NAME + ": not formatted");
                        unformatted++;
                    }
                } else {
                    out.print(r.formatted());
                }
                continue;
            }
            List<Path> files;
            try {
                files = files(p);
            } catch (IOException | UncheckedIOException e) {
                err.println("tec fmt: " + (e.getMessage() == null ? p + ": cannot be read" : e.getMessage()));
                failed++;
                continue;
            }
            for (Path f : files) {
                try {
                    TecFormat.Result r = TecFormat.file(f);
                    if (r.formatted() == null) {
                        err.print(TecDiagnostic.render(r.errors()));
                        failed++;
                    } else if (!r.unchanged()) {
                        if (check) {
                            out.println(f + ": not formatted");
                            unformatted++;
                        } else {
                            TecFormat.write(f, r.formatted());
                            out.println(f + ": formatted");
                        }
                    }
                } catch (IOException e) {
                    err.println("tec fmt: " + e.getMessage());
                    failed++;
                }
            }
        }
        out.flush();
        err.flush();
        if (failed > 0) return Main.SCRIPT_ERROR;
        if (unformatted > 0) {
            err.println(unformatted + (unformatted == 1 ? " file is" : " files are") + " not formatted: run tec fmt on "
                    + (unformatted == 1 ? "it" : "them"));
            return Main.EXPECTATION_FAILED;
        }
        return Main.OK;
    }

    /** A file as it is, or a folder's .tec files in a fixed order, links neither followed nor listed. */
    private static List<Path> files(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".tec"))
                        .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(out::add);
            }
            return out;
        }
        return List.of(p); // TecFormat.file refuses what is not a regular file, saying why
    }

    private static String stdin() {
        try {
            return new String(System.in.readNBytes((int) TecFormat.MAX_BYTES + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the script from standard input", e);
        }
    }
}
