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
import org.tec.api.TecLanguage;
import org.tec.api.TecPhase;
import org.tec.api.TecScript;
import org.tec.api.TecVariable;

/**
 * Tab completion: commands after ':', file names after ':load' and ':save', and otherwise
 * the language's keywords (the lexer's, through {@link TecLanguage}), the four components,
 * every state variable, the loaded script's phase names and params.
 */
final class ReplCompleter implements Completer {
    static final List<String> COMMANDS = Command.words();

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
        if (!first.startsWith(":")) names.addAll(TecLanguage.keywords());
        names.addAll(TecLanguage.names().components());
        for (TecVariable v : TecLanguage.variables()) names.add(v.name());
        names.addAll(TecLanguage.names().phaseKinds());
        names.addAll(TecLanguage.names().verbs());
        names.addAll(TecLanguage.names().measures());
        names.addAll(TecLanguage.names().functions());
        names.addAll(TecLanguage.names().globals());
        names.addAll(TecLanguage.names().happenings());
        ReplSession s = session.get();
        TecScript script = s == null ? null : s.script();
        if (script != null) {
            for (TecPhase p : script.phases()) {
                names.add(p.name());
                for (String property : TecLanguage.names().phaseProperties()) names.add(p.name() + "." + property);
            }
            names.addAll(script.parameters().keySet());
        }
        List<String> sorted = new ArrayList<>(names);
        for (String n : sorted) {
            String group = n.contains(".") ? "variables" : TecLanguage.names().components().contains(n) ? "components" : "names";
            candidates.add(new Candidate(n, n, group, null, null, null, !n.endsWith(".")));
        }
    }
}
