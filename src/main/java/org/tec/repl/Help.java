package org.tec.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tec.api.TecLanguage;

/**
 * The REPL's :help: every command (from {@link Command}) and every construct, briefly,
 * each with an example; the components and phase kinds are the language's own lists.
 */
final class Help {
    private Help() {}

    /** Every topic, commands first, in the order :help lists them. */
    static final Map<String, String> TOPICS = topics();

    private static Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (Command c : Command.values()) topics.put(c.word, c.help);
        topics.put("regulate", "regulate COMPONENT up|down [to X | by X] [over D]   move an empathy component toward a target\n"
                + "    components: " + String.join(", ", TecLanguage.names().components()) + " (levels 0 to 1)\n"
                + "    regulate affect_sharing down to 0.25 over 2 min");
        topics.put("release", "release COMPONENT [over D]   back to the therapist's trait level\n    release affect_sharing over 1 min");
        topics.put("when", "when CONDITION [once] [as NAME]: ACTION   act each time the condition becomes true (or once)\n"
                + "    when client.distress > 80: encourage");
        topics.put("at", "at TIME [as NAME]: ACTION   act at a minute of the session (or of a phase, inside one)\n    at 20 min: release affect_sharing");
        topics.put("phase", "phase KIND [NAME] [\"LABEL\"] for D [intensity X] { ... }   add a phase to the end of the schedule\n"
                + "    kinds: " + String.join(", ", TecLanguage.names().phaseKinds()) + "\n"
                + "    phase exposure for 10 min intensity 0.3 -> 0.9 { }");
        topics.put("set", "set VARIABLE = VALUE   change a state variable now\n    set client.distress = 40");
        topics.put("actions", "one-word actions: " + verbList() + ";\n"
                + "    and: end exposure | end phase | end session, log \"text\"");
        topics.put("expressions", "type an expression to see its value now:\n    therapist.distress - client.distress\n"
                + "    variables: client.distress, client.fear, client.motivation, ..., therapist.distress, therapist.affect_sharing, ...\n"
                + "    t (minutes into the session), PHASE.completed, and the script's params");
        return java.util.Collections.unmodifiableMap(topics);
    }

    /** The one-word actions as the table gives them: {@code encourage (exposure only), reassure, ...}. */
    private static String verbList() {
        List<String> out = new ArrayList<>();
        for (String v : TecLanguage.names().verbs()) out.add(TecLanguage.names().exposureOnlyVerbs().contains(v) ? v + " (exposure only)" : v);
        return String.join(", ", out);
    }

    static String all() {
        StringBuilder sb = new StringBuilder("Commands\n");
        TOPICS.forEach((k, v) -> {
            if (k.startsWith(":")) sb.append("  ").append(v.replace("\n", "\n  ")).append('\n');
        });
        sb.append("\nStatements typed at the prompt act on the live session, at the current minute:\n");
        TOPICS.forEach((k, v) -> {
            if (!k.startsWith(":")) sb.append("  ").append(v.replace("\n", "\n  ")).append('\n');
        });
        sb.append("\nA block left open ({, or a line ending in 'and', 'or', ':' or an operator) continues on the next line.\n");
        return sb.toString();
    }

    static String topic(String t) {
        String key = t.startsWith(":") || TOPICS.containsKey(t) ? t : ":" + t;
        String text = TOPICS.get(key);
        if (text == null) text = TOPICS.get(t);
        return text;
    }
}
