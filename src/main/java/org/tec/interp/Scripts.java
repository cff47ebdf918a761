package org.tec.interp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tec.diag.Diagnostics;
import org.tec.diag.SourceSet;
import org.tec.diag.Span;

/** Source to program in one call: the pipeline the CLI, the tests and the API share. */
public final class Scripts {
    private Scripts() {}

    /** The result of compiling: a program when there were no errors, and every diagnostic either way. */
    public record Compiled(Program program, Diagnostics diagnostics, SourceSet sources, boolean hasScenario) {
        public boolean ok() {
            return program != null && !diagnostics.hasErrors();
        }
    }

    public static Compiled compileFile(Path path, Map<String, Double> overrides, SourceLoader loader) {
        Diagnostics sink = new Diagnostics();
        SourceSet sources = new SourceSet();
        String name = path.toString();
        String text;
        try {
            text = loader.read(path);
        } catch (IOException | RuntimeException e) {
            sink.error(new Span(name, 0, 0, 0), "cannot read " + name + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), null);
            return new Compiled(null, sink, sources, false);
        }
        return compile(name, path, text, overrides, loader, sink, sources);
    }

    /** Compiles text; imports resolve relative to {@code path} (may be null: relative to the working directory). */
    public static Compiled compileText(String name, Path path, String text, Map<String, Double> overrides, SourceLoader loader) {
        return compile(name, path, text, overrides, loader, new Diagnostics(), new SourceSet());
    }

    private static Compiled compile(String name, Path path, String text, Map<String, Double> overrides, SourceLoader loader,
                                    Diagnostics sink, SourceSet sources) {
        Compiler c = new Compiler(sink, sources, loader);
        Compiler.Loaded loaded = c.load(name, path, text);
        if (!loaded.hasScenario() && !sink.hasErrors()) {
            return new Compiled(null, sink, sources, false);
        }
        Program p = sink.hasErrors() ? null : c.compile(loaded, overrides);
        return new Compiled(sink.hasErrors() ? null : p, sink, sources, loaded.hasScenario());
    }
}
