package org.tec.cli;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tec.repl.Repl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Explore a session live: step through time, regulate on the fly, and watch.",
                "In a terminal, lines are kept in ~/.tec_history (--history FILE, --no-history).",
                "With input piped in or output captured it is plain: no prompt, no echo, no colour, no history.",
                "NO_COLOR turns colour off. Inside, :help explains everything."})
final class ReplCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A script to load (default: a scratch scenario).")
    Path file;

    @Option(names = "--history", paramLabel = "FILE", description = "Keep the lines typed in FILE (default in a terminal: ~/.tec_history).")
    Path history;

    @Option(names = "--no-history", description = "Keep no history.")
    boolean noHistory;

    @Override
    public Integer call() throws Exception {
        if (System.console() == null) {
            // piped or captured: plain, deterministic text; the streams stay open for the caller
            Repl plain = Repl.plain(new InputStreamReader(System.in, StandardCharsets.UTF_8),
                    new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            return plain.loop(file);
        }
        java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        try (Terminal terminal = TerminalBuilder.builder().name("tec").system(true).build()) {
            Path kept = noHistory ? null : history != null ? history : Path.of(System.getProperty("user.home"), ".tec_history");
            return new Repl(terminal, kept, org.tec.cli.Terminal.interactive()).loop(file);
        }
    }
}
