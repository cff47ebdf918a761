package org.tec.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.tec.interp.Program;
import org.tec.model.Component;
import org.tec.model.PhaseKind;
import org.tec.model.Var;

/**
 * Tab completion: commands after ':', file names after ':load' and ':save', and otherwise
 * the language's keywords, the four components, every state variable, the loaded
 * script's phase names and params.
 */
final class ReplCompleter implements Completer {
    static final List<String> COMMANDS = List.of(":load", ":run", ":step", ":state", ":plot", ":events", ":goals", ":set",
            ":reset", ":save", ":help", ":quit");
    static final List<String> KEYWORDS = List.of("regulate", "release", "up", "down", "to", "by", "over", "when", "once", "at",
            "phase", "for", "intensity", "set", "log", "end", "encourage", "reassure", "validate", "reflect", "confront",
            "advise", "and", "or", "not", "min", "start", "during", "peak", "mean", "auc", "slope", "time_of_peak");

    private final Supplier<ReplSession> session;
    @SuppressWarnings("deprecation")
    private final Completer files = new FileNameCompleter();

    ReplCompleter(Supplier<ReplSession> session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        String first = words.isEmpty() ? "" : words.get(0);
        if (line.wordIndex() == 0 && first.startsWith(":")) {
            for (String c : COMMANDS) candidates.add(new Candidate(c, c, "commands", null, null, null, true));
            return;
        }
        if ((first.equals(":load") || first.equals(":save")) && line.wordIndex() >= 1) {
            files.complete(reader, line, candidates);
            return;
        }
        if (first.equals(":help")) {
            for (String t : Help.TOPICS.keySet()) candidates.add(new Candidate(t));
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        if (!first.startsWith(":")) names.addAll(KEYWORDS);
        names.addAll(Component.keys());
        for (Var v : Var.values()) names.add(v.key());
        names.addAll(PhaseKind.keys());
        ReplSession s = session.get();
        if (s != null && s.unit() != null) {
            for (Program.PhasePlan p : s.unit().program().phases()) {
                names.add(p.ref());
                names.add(p.ref() + ".completed");
                names.add(p.ref() + ".duration");
            }
            names.addAll(s.unit().program().parameters().keySet());
        }
        List<String> sorted = new ArrayList<>(names);
        for (String n : sorted) {
            String group = n.contains(".") ? "variables" : Component.keys().contains(n) ? "components" : "names";
            candidates.add(new Candidate(n, n, group, null, null, null, !n.endsWith(".")));
        }
    }
}
