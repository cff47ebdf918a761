package org.tec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tec.diag.DiagnosticRenderer;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;

/**
 * Scripts of the scenario library for the benchmarks, compiled as they are or with
 * another time step. Paths are relative to {@code scenarios/} under the working
 * directory (the repository root) or under the system property {@code tec.root}.
 */
public final class Library {
    private Library() {}

    public static Path path(String script) {
        Path root = Path.of(System.getProperty("tec.root", ""));
        Path p = root.resolve("scenarios").resolve(script);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p.toAbsolutePath() + " not found: run the benchmarks from the repository root"
                    + " (or pass -Dtec.root=DIR)");
        }
        return p;
    }

    /** The script as written. */
    public static Scripts.Compiled compile(String script) {
        return check(script, Scripts.compileFile(path(script), Map.of(), SourceLoader.FILES));
    }

    /** The script with its {@code step} line replaced: the same session at another time step. */
    public static Scripts.Compiled compile(String script, double dt) {
        Path p = path(script);
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String step = "step " + dt + " min";
        java.util.regex.Matcher own = java.util.regex.Pattern.compile("(?m)^(\\s*)step\\s+[0-9.]+\\s*min").matcher(text);
        java.util.regex.Matcher imp = java.util.regex.Pattern.compile("(?m)^(\\s*)(import\\s+\"[^\"]*\".*)$").matcher(text);
        String changed;
        if (own.find()) {
            changed = own.replaceFirst("$1" + step);
        } else if (imp.find()) {
            // the step comes with an imported session: a step after the import overrides it
            changed = imp.replaceFirst("$1$2\n$1" + step);
        } else {
            throw new IllegalStateException(script + ": no step line, and no import to put one after");
        }
        return check(script, Scripts.compileText(p.toString(), p, changed, Map.of(), SourceLoader.FILES));
    }

    /** A script written here, compiled as if it were {@code scenarios/NAME}. */
    public static Scripts.Compiled compileText(String name, String text) {
        Path p = Path.of(System.getProperty("tec.root", "")).resolve("scenarios").resolve(name);
        return check(name, Scripts.compileText(p.toString(), p, text, Map.of(), SourceLoader.FILES));
    }

    private static Scripts.Compiled check(String script, Scripts.Compiled c) {
        if (!c.ok()) {
            throw new IllegalStateException(script + " does not compile:\n"
                    + DiagnosticRenderer.renderAll(c.diagnostics().sorted(), c.sources()));
        }
        return c;
    }
}
