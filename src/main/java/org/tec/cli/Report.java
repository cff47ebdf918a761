package org.tec.cli;

import java.util.EnumSet;
import java.util.Set;
import org.tec.interp.Event;
import org.tec.interp.PhaseRecord;
import org.tec.interp.Printed;
import org.tec.interp.RunResult;
import org.tec.interp.Verdict;

/** The short report of {@code tec run}: phases, events, goals, expectations. */
final class Report {
    private static final Set<Event.Kind> QUIET = EnumSet.of(Event.Kind.PHASE_START, Event.Kind.PHASE_END, Event.Kind.SESSION_START,
            Event.Kind.SESSION_END);

    private Report() {}

    static String render(RunResult r, boolean color) {
        Style s = new Style(color);
        StringBuilder sb = new StringBuilder();
        var p = r.program();
        double end = r.record().trajectory().rows() == 0 ? 0 : r.record().trajectory().time(r.record().trajectory().rows() - 1);
        sb.append(s.bold(p.name())).append("  (").append(p.file()).append(")\n");
        sb.append("  step ").append(num(p.dt())).append(" min, seed ").append(p.seed())
                .append(p.noise() > 0 ? ", noise " + num(p.noise()) : ", deterministic")
                .append(", ").append(num(end)).append(" min simulated").append(p.course() != null ? " in the last session" : "").append("\n\n");

        boolean course = p.course() != null;
        if (course) {
            sb.append("  course of ").append(r.record().sessions()).append(r.record().sessions() == 1 ? " session" : " sessions")
                    .append(" (at most ").append(p.course().sessions()).append("), ").append(num(p.course().interval() / 1440))
                    .append(" days apart; times are minutes into each session\n\n");
        }
        sb.append(s.bold("Phases")).append('\n');
        for (PhaseRecord ph : r.record().phases()) {
            String status = ph.completed() ? "completed" : s.red("ended early") + " (" + num(ph.duration()) + " of " + num(ph.planned()) + " min)";
            String who = course ? String.format("s%-3d", ph.session()) : "";
            sb.append(String.format("  %s%6s - %6s min  %-32s %s%n", who, num(ph.start()), num(ph.end()), ph.title(), status));
        }
        sb.append('\n').append(s.bold("Events")).append('\n');
        int shown = 0;
        for (Event e : r.record().events()) {
            if (QUIET.contains(e.kind())) continue;
            boolean alarm = e.kind() == Event.Kind.ENDED_EARLY || e.kind() == Event.Kind.ESCAPE || e.kind() == Event.Kind.WALKOUT;
            String msg = alarm ? s.red(e.message()) : e.message();
            String who = course ? String.format("s%-3d", e.session()) : "";
            sb.append(String.format("  %s%6s min  %s%n", who, num(e.time()), msg));
            shown++;
        }
        if (shown == 0) sb.append("  (none)\n");
        if (!r.prints().isEmpty()) {
            sb.append('\n').append(s.bold("Values")).append('\n');
            for (Printed pr : r.prints()) sb.append("  ").append(pr.source()).append(" = ").append(pr.value()).append('\n');
        }
        if (!r.goals().isEmpty()) {
            sb.append('\n').append(s.bold("Goals")).append('\n');
            for (Verdict v : r.goals()) {
                sb.append("  ").append(v.passed() ? s.green("met    ") : s.yellow("not met")).append("  ").append(v.name());
                if (v.detail() != null) sb.append("  [").append(v.detail()).append(']');
                sb.append('\n');
            }
        }
        if (!r.expects().isEmpty()) {
            sb.append('\n').append(s.bold("Expectations")).append('\n');
            for (Verdict v : r.expects()) {
                sb.append("  ").append(v.passed() ? s.green("pass") : s.red("FAIL")).append("  ").append(v.source());
                if (v.detail() != null) sb.append("  [").append(v.detail()).append(']');
                if (!v.passed()) sb.append("  (").append(v.span()).append(')');
                sb.append('\n');
            }
        }
        long goalsMet = r.goals().stream().filter(Verdict::passed).count();
        long passed = r.expects().stream().filter(Verdict::passed).count();
        sb.append('\n').append(goalsMet).append(" of ").append(r.goals().size()).append(" goals met, ")
                .append(passed).append(" of ").append(r.expects().size()).append(" expectations passed\n");
        return sb.toString();
    }

    static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** ANSI colour when writing to a terminal, plain text otherwise. */
    record Style(boolean on) {
        String bold(String t) { return on ? "\u001b[1m" + t + "\u001b[0m" : t; }
        String red(String t) { return on ? "\u001b[31m" + t + "\u001b[0m" : t; }
        String green(String t) { return on ? "\u001b[32m" + t + "\u001b[0m" : t; }
        String yellow(String t) { return on ? "\u001b[33m" + t + "\u001b[0m" : t; }
    }
}
