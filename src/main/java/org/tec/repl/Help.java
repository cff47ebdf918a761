package org.tec.repl;

import java.util.LinkedHashMap;
import java.util.Map;

/** The REPL's :help: every command and every construct, briefly, each with an example. */
final class Help {
    private Help() {}

    static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put(":load", ":load FILE         load a script and start its session at 0 min (Tab completes file names)\n"
                + "                   :load scenarios/erp/betsy-effective.tec");
        TOPICS.put(":step", ":step [D]          advance D of simulated time (default one step), then show the time and phase\n"
                + "                   :step 12 min");
        TOPICS.put(":run", ":run [for D]       run to the end of the session, or for D; Ctrl-C stops it\n"
                + "                   :run for 5 min");
        TOPICS.put(":state", ":state             the state now: both parties' distress, the four components, fear, ...");
        TOPICS.put(":plot", ":plot VARS [last D]  draw variables over the session so far, sized to the terminal\n"
                + "                   :plot client.distress, therapist.distress last 10 min");
        TOPICS.put(":events", ":events            what has happened: regulations, reassurance, an exposure ended early, ...");
        TOPICS.put(":goals", ":goals             the script's goals and expectations, as they stand now");
        TOPICS.put(":set", ":set NAME=VALUE    set a param of the script or a model parameter, and start again\n"
                + "                   :set therapist.affect_sharing=0.9");
        TOPICS.put(":reset", ":reset             start the session again at 0 min (what you typed is forgotten)");
        TOPICS.put(":save", ":save FILE         write a script that reproduces this session (tec run gives the same numbers)\n"
                + "                   :save my-session.tec");
        TOPICS.put(":help", ":help [TOPIC]      this help; a topic is a command or a construct: :help regulate");
        TOPICS.put(":quit", ":quit              leave (Ctrl-D too)");
        TOPICS.put("regulate", "regulate COMPONENT up|down [to X | by X] [over D]   move an empathy component toward a target\n"
                + "    components: affect_sharing, mentalizing, proximal_concern, distal_concern (levels 0 to 1)\n"
                + "    regulate affect_sharing down to 0.25 over 2 min");
        TOPICS.put("release", "release COMPONENT [over D]   back to the therapist's trait level\n    release affect_sharing over 1 min");
        TOPICS.put("when", "when CONDITION [once]: ACTION   act each time the condition becomes true (or once)\n"
                + "    when client.distress > 80: encourage");
        TOPICS.put("at", "at TIME: ACTION   act at a minute of the session (or of a phase, inside one)\n    at 20 min: release affect_sharing");
        TOPICS.put("phase", "phase KIND [NAME] [\"LABEL\"] for D [intensity X] { ... }   add a phase to the end of the schedule\n"
                + "    kinds: psychoeducation, assessment, exposure, mi, celebrate, support, free\n"
                + "    phase exposure for 10 min intensity 0.3 -> 0.9 { }");
        TOPICS.put("set", "set VARIABLE = VALUE   change a state variable now\n    set client.distress = 40");
        TOPICS.put("actions", "one-word actions: encourage (exposure only), reassure, validate, reflect, confront, advise;\n"
                + "    and: end exposure | end phase | end session, log \"text\"");
        TOPICS.put("expressions", "type an expression to see its value now:\n    therapist.distress - client.distress\n"
                + "    variables: client.distress, client.fear, client.motivation, ..., therapist.distress, therapist.affect_sharing, ...\n"
                + "    t (minutes into the session), PHASE.completed, and the script's params");
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
