package org.tec.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.cli.Main;

/** The REPL driven through JLine's dumb terminal with scripted input; the transcript is checked. */
class ReplTest {
    static final Path BETSY = Path.of("scenarios/erp/betsy-effective.tec");

    @TempDir
    Path tmp;

    private String transcript(Path file, String... lines) throws Exception {
        String input = String.join("\n", lines) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)) {
            int code = new Repl(t, tmp.resolve("history"), true).loop(file);
            assertEquals(0, code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWalkthroughOfTheIssue() throws Exception {
        String t = transcript(BETSY, ":step 12 min", ":state", "regulate affect_sharing up to 0.9 over 1 min", ":run",
                ":plot client.distress, therapist.distress", ":quit");
        assertTrue(t.contains("loaded \"Betsy: effective ERP\""), t);
        assertTrue(t.contains("now 12.0 min, in exposure"), t);
        assertTrue(t.contains("therapist.affect_sharing"), t);
        assertTrue(t.contains("12.0 min  regulate affect_sharing up to 0.9 over 1 min"), t);
        assertTrue(t.contains("therapist reassures"), "the therapist, now sharing, starts to reassure: " + t);
        assertTrue(t.contains("* client.distress") && t.contains("o therapist.distress"), t);
        assertTrue(t.contains("└──"), "an axis was drawn: " + t);
    }

    @Test
    void aStepChangesTheState() throws Exception {
        String t = transcript(BETSY, "client.distress", ":step 11 min", "client.distress", ":quit");
        List<String> values = t.lines().filter(l -> l.contains("client.distress = ")).toList();
        assertEquals(2, values.size(), t);
        assertTrue(values.get(0).endsWith("client.distress = 20"), t);
        assertFalse(values.get(1).endsWith("client.distress = 20"), "an exposure minute raised it: " + t);
    }

    @Test
    void malformedInputNeverEndsTheSessionOrPrintsATrace() throws Exception {
        String t = transcript(BETSY, "regulate afect_sharing up", "}}}{{", "phase bogus for -3 { }", "@@@",
                ":bogus", ":step nonsense", ":plot client.distres", ":set nope=1", ":load /no/such/file.tec",
                "client.distress", ":quit");
        assertTrue(t.contains("did you mean 'affect_sharing'?"), t);
        assertTrue(t.contains("^^^^"), "errors are shown with carets: " + t);
        assertTrue(t.contains("unknown command :bogus"), t);
        assertTrue(t.contains("'nonsense' is not a duration"), t);
        assertTrue(t.contains("did you mean client.distress?"), t);
        assertTrue(t.contains("no param 'nope'"), t);
        assertTrue(t.contains("no such file"), t);
        assertTrue(t.contains("client.distress = 20"), "the session went on after every error: " + t);
        assertFalse(t.contains("Exception") || t.contains("\tat "), "no stack trace: " + t);
    }

    @Test
    void anOpenBlockContinuesOnTheNextLine() throws Exception {
        assertEquals("}", ReplParser.missing("phase free for 5 min {"));
        assertEquals("...", ReplParser.missing("when client.distress > 60 and"));
        assertEquals("\"", ReplParser.missing("log \"half"));
        assertNull(ReplParser.missing("regulate affect_sharing down to 0.2"));
        String t = transcript(BETSY, "phase free for 5 min {", "  regulate mentalizing up to 0.9", "}", ":run", ":quit");
        assertTrue(t.contains("free begins (planned 5 min)"), "the phase typed over three lines ran after the script's: " + t);
    }

    @Test
    void completionOffersCommandsComponentsVariablesAndPhases() {
        ReplSession s = new ReplSession();
        s.load(BETSY);
        ReplCompleter c = new ReplCompleter(() -> s);
        assertTrue(candidates(c, ":lo").contains(":load"));
        List<String> words = candidates(c, "regulate aff");
        assertTrue(words.contains("affect_sharing"), words.toString());
        assertTrue(words.contains("client.distress"), words.toString());
        assertTrue(words.contains("exposure.completed"), words.toString());
        assertTrue(words.contains("celebrate"), words.toString());
        // the names from the language's tables, not a list kept by hand
        for (String w : List.of("encourage", "advise", "peak", "time_of_peak", "sqrt", "exposure.duration")) {
            assertTrue(words.contains(w), w + " in " + words);
        }
    }

    private static List<String> candidates(ReplCompleter c, String line) {
        DefaultParser p = new DefaultParser();
        List<Candidate> out = new ArrayList<>();
        c.complete(null, p.parse(line, line.length()), out);
        List<String> values = new ArrayList<>();
        for (Candidate x : out) values.add(x.value());
        return values;
    }

    @Test
    void saveWritesAScriptThatTecRunReproduces() throws Exception {
        Path saved = tmp.resolve("session.tec");
        String t = transcript(BETSY, ":step 12 min", "regulate affect_sharing up to 0.9 over 1 min",
                "when client.distress < 40 once: release affect_sharing", ":run", "client.distress", "therapist.distress",
                ":save " + saved, ":quit");
        assertTrue(Files.exists(saved), t);
        double client = value(t, "client.distress = ");
        double therapist = value(t, "therapist.distress = ");
        Path csv = tmp.resolve("saved.csv");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new String[] {"run", saved.toString(), "--csv", csv.toString(), "--out", tmp.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == 0 || code == 1, err.toString());
        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        String[] last = rows.get(rows.size() - 1).split(",");
        assertEquals(client, Double.parseDouble(last[header.indexOf("client.distress")]), 0.005);
        assertEquals(therapist, Double.parseDouble(last[header.indexOf("therapist.distress")]), 0.005);
    }

    private static double value(String transcript, String prefix) {
        String line = transcript.lines().filter(l -> l.contains(prefix)).reduce((a, b) -> b).orElseThrow();
        return Double.parseDouble(line.substring(line.indexOf(prefix) + prefix.length()).strip());
    }

    @Test
    void helpExplainsCommandsAndConstructs() throws Exception {
        String t = transcript(null, ":help", ":help regulate", ":help :plot", ":help nothing", ":quit");
        for (String cmd : ReplCompleter.COMMANDS) assertTrue(t.contains(cmd), cmd + " missing from :help");
        assertTrue(t.contains("regulate affect_sharing down to 0.25 over 2 min"), t);
        assertTrue(t.contains("no help on 'nothing'"), t);
        assertTrue(t.contains("scratch scenario"), "without a file the REPL starts the scratch scenario: " + t);
    }

    @Test
    void historyIsKeptInAFile() throws Exception {
        transcript(BETSY, ":step 1 min", ":quit");
        Path history = tmp.resolve("history");
        assertTrue(Files.exists(history) && Files.readString(history).contains(":step 1 min"));
    }

    @Test
    void aBareNamePrintsItsValueAsADottedOneDoes() throws Exception {
        String t = transcript(BETSY, ":step 3 min", "t", "encourag", ":quit");
        assertTrue(t.contains("t = 3 min"), t);
        assertTrue(t.contains("did you mean 'encourage'?"), "a word near an action is still taken for one: " + t);
    }

    @Test
    void exportWritesTheTrajectorySoFarAndReplacesNoLink() throws Exception {
        Path csv = tmp.resolve("so-far.csv");
        String t = transcript(BETSY, ":step 3 min", ":export " + csv, ":quit");
        assertTrue(t.contains("wrote " + csv + " (31 rows, up to 3.0 min)"), t);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(32, rows.size(), "a header and one row per step so far");
        assertTrue(rows.get(0).startsWith("t,session,phase,client.distress"), rows.get(0));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), victim);
        String refused = transcript(BETSY, ":export " + link, ":quit");
        assertTrue(refused.contains("cannot write " + link + ": " + link + " is a symbolic link"), refused);
        assertEquals("keep", Files.readString(victim));
    }
}
