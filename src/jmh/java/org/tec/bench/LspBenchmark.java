package org.tec.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tec.api.TecFormat;
import org.tec.lsp.TecLanguageServer;

/**
 * The language server's responsiveness: what it does after each change of a document, for
 * the 1,000-line script of {@link LongScript} (Betsy's profile imported, 110 phases):
 * {@code diagnostics}, the whole of tec check's work (lex, parse, import, check, compile) and
 * the conversion to the protocol's diagnostics; {@code diagnosticsWithATypo}, the same with
 * a misspelt component, so an error (and its "did you mean") is found and rendered;
 * {@code format}, tec fmt's layout of it. Score: milliseconds per operation, one thread.
 * The target: under 100 ms on the 2-core machine of docs/PERFORMANCE.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LspBenchmark {
    @Param({"1000"})
    public int lines;

    private TecLanguageServer server;
    private String uri;
    private String text;
    private String typo;

    @Setup
    public void setup() {
        server = TecLanguageServer.forEditors();
        uri = Library.path("erp/betsy-effective.tec").toAbsolutePath().resolveSibling("long.tec").toUri().toString();
        text = LongScript.of(lines);
        typo = text.replaceFirst("regulate affect_sharing", "regulate afect_sharing");
        if (!server.diagnose(uri, text).isEmpty()) throw new IllegalStateException("the long script has problems");
        if (server.diagnose(uri, typo).size() != 1) throw new IllegalStateException("the typo gives one error");
    }

    @Benchmark
    public List<Diagnostic> diagnostics() {
        return server.diagnose(uri, text);
    }

    @Benchmark
    public List<Diagnostic> diagnosticsWithATypo() {
        return server.diagnose(uri, typo);
    }

    @Benchmark
    public String format() {
        return TecFormat.format(text, "long.tec").formatted();
    }
}
