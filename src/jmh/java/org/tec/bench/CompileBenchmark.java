package org.tec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tec.diag.Diagnostics;
import org.tec.interp.Scripts;
import org.tec.interp.SourceLoader;
import org.tec.lang.Parsing;
import org.tec.lang.parser.TecLexer;
import org.tec.lang.parser.TecParser;

/**
 * Parse and check time of a script. {@code check}: what {@code tec check} does (parse,
 * imports, checks, compile). {@code parse}: source to AST as tec parses, SLL first and full
 * LL only when SLL fails. The parse-tree benchmarks take the parser alone, in each mode
 * ({@code tree}: SLL, LL, or tec's SLL-then-LL), with ANTLR's shared prediction cache warm
 * (a long-lived process: the REPL, a study) or emptied before each parse (a cold process,
 * less its class loading). SLL fails on betsy-effective.tec (line 27, `over 2 min` then
 * `at 6 min:` reads as `2 min at 6 min`), so the SLL tree of that script measures a failed
 * attempt. Score: microseconds per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {
    @Param({"erp/betsy-effective.tec", "erp/betsy-ineffective.tec"})
    public String script;

    private String text;
    private String file;

    @Setup
    public void setup() throws IOException {
        file = Library.path(script).toString();
        text = Files.readString(Library.path(script));
    }

    /** Parse, check and compile, as {@code tec check} and {@code tec run} do (the import included). */
    @Benchmark
    public Scripts.Compiled check() {
        return Scripts.compileFile(Library.path(script), Map.of(), SourceLoader.FILES);
    }

    /** Source to AST, as tec parses. */
    @Benchmark
    public Object parse() {
        return Parsing.parse(file, text, new Diagnostics());
    }

    /** The parse tree in one mode, with the prediction cache warm. */
    @Benchmark
    public Object tree(Mode mode) {
        return tree(text, file, mode.mode);
    }

    /** The parse tree in one mode, with ANTLR's shared prediction cache (DFA) emptied first. */
    @Benchmark
    public Object treeColdCache(Mode mode, Cold cold) {
        return tree(text, file, mode.mode);
    }

    @State(Scope.Thread)
    public static class Mode {
        @Param({"SLL", "LL", "SLL_THEN_LL"})
        public String mode;
    }

    @State(Scope.Thread)
    public static class Cold {
        @Setup(Level.Invocation)
        public void clear() {
            TecLexer lexer = new TecLexer(CharStreams.fromString("", ""));
            lexer.getInterpreter().clearDFA();
            new TecParser(new CommonTokenStream(lexer)).getInterpreter().clearDFA();
        }
    }

    /** SLL returns null where it fails; SLL_THEN_LL is Parsing.parse's strategy, without the AST. */
    static Object tree(String text, String file, String mode) {
        TecLexer lexer = new TecLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        TecParser p = new TecParser(tokens);
        p.removeErrorListeners();
        if (mode.equals("LL")) {
            p.getInterpreter().setPredictionMode(PredictionMode.LL);
            return p.file();
        }
        p.getInterpreter().setPredictionMode(PredictionMode.SLL);
        p.setErrorHandler(new BailErrorStrategy());
        try {
            return p.file();
        } catch (ParseCancellationException e) {
            if (mode.equals("SLL")) return null;
        }
        tokens.seek(0);
        p.reset();
        p.setErrorHandler(new DefaultErrorStrategy());
        p.getInterpreter().setPredictionMode(PredictionMode.LL);
        return p.file();
    }
}
