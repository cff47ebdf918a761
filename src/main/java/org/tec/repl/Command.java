package org.tec.repl;

import java.util.ArrayList;
import java.util.List;

/** The REPL's commands: each with its word, the words that mean the same, and its line (or two) of :help. */
enum Command {
    LOAD(":load FILE         load a script and start its session at 0 min (Tab completes file names)\n"
            + "                   :load scenarios/erp/betsy-effective.tec"),
    STEP(":step [D]          advance D of simulated time (default one step), then show the time and phase\n"
            + "                   :step 12 min"),
    RUN(":run [for D]       run to the end of the session, or for D; Ctrl-C stops it\n"
            + "                   :run for 5 min"),
    STATE(":state             the state now: both parties' distress, the four components, fear, ..."),
    PLOT(":plot VARS [last D]  draw variables over the session so far, sized to the terminal\n"
            + "                   :plot client.distress, therapist.distress last 10 min"),
    EVENTS(":events            what has happened: regulations, reassurance, an exposure ended early, ..."),
    GOALS(":goals             the script's goals and expectations, as they stand now"),
    SET(":set NAME=VALUE    set a param of the script or a model parameter, and start again\n"
            + "                   :set therapist.affect_sharing=0.9"),
    RESET(":reset             start the session again at 0 min (what you typed is forgotten)"),
    SAVE(":save FILE         write a script that reproduces this session (tec run gives the same numbers)\n"
            + "                   :save my-session.tec"),
    EXPORT(":export FILE       write the trajectory so far as CSV (one row per step, as tec run --csv)\n"
            + "                   :export out/so-far.csv"),
    HELP(":help [TOPIC]      this help; a topic is a command or a construct: :help regulate", ":h"),
    QUIT(":quit              leave (Ctrl-D too)", ":q", ":exit");

    /** What is typed: {@code :load}. */
    final String word = ":" + name().toLowerCase(java.util.Locale.ROOT);
    /** Its :help text, which starts with its usage. */
    final String help;
    private final List<String> aliases;

    Command(String help, String... aliases) {
        this.help = help;
        this.aliases = List.of(aliases);
    }

    /** The command a typed word names (its word or an alias), or null. */
    static Command find(String typed) {
        for (Command c : values()) if (c.word.equals(typed) || c.aliases.contains(typed)) return c;
        return null;
    }

    /** Every command's word, in the order of :help. */
    static List<String> words() {
        List<String> out = new ArrayList<>();
        for (Command c : values()) out.add(c.word);
        return List.copyOf(out);
    }
}
