package org.tec.output;

import java.util.Locale;
import org.tec.text.Printable;

import java.util.EnumSet;
import java.util.Set;
import org.tec.interp.Event;
import org.tec.interp.PhaseRecord;
import org.tec.interp.Printed;
import org.tec.interp.StudyContrast;
import org.tec.interp.StudySummary;
import org.tec.interp.RunResult;
import org.tec.interp.Study;
import org.tec.interp.Verdict;

/**
 * The one text form of what a run says: the report of {@code tec run} (phases, events,
 * goals, expectations) and of a study, and the lines it is made of (an event, a verdict, a
 * run-time error), which the API's values and {@code tec test} print the same way.
 */
public final class Report {
    private static final Set<Event.Kind> QUIET = EnumSet.of(Event.Kind.PHASE_START, Event.Kind.PHASE_END, Event.Kind.SESSION_START,
            Event.Kind.SESSION_END);

    private Report() {}

    /** The report of a single run, in ANSI colour when {@code color}. */
    public static String render(RunResult r, boolean color) {
        Style s = new Style(color);
        StringBuilder sb = new StringBuilder();
        var p = r.program();
        double end = r.record().trajectory().rows() == 0 ? 0 : r.record().trajectory().time(r.record().trajectory().rows() - 1);
        sb.append(s.bold(p.name())).append("  (").append(p.file()).append(")\n");
        sb.append("  step ").append(num(p.dt())).append(" min").append(method(p)).append(", seed ").append(p.seed())
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
            String who = course ? String.format(Locale.ROOT, "s%-3d", ph.session()) : "";
            sb.append(String.format(Locale.ROOT, "  %s%6s - %6s min  %-32s %s\n", who, num(ph.start()), num(ph.end()),
                    Printable.escape(ph.title()), status));
        }
        sb.append('\n').append(s.bold("Events")).append('\n');
        int shown = 0;
        for (Event e : r.record().events()) {
            if (QUIET.contains(e.kind())) continue;
            boolean alarm = e.kind() == Event.Kind.ENDED_EARLY || e.kind() == Event.Kind.ESCAPE || e.kind() == Event.Kind.WALKOUT;
            String msg = Printable.escape(e.message());
            sb.append("  ").append(eventLine(course ? e.session() : 0, e.time(), alarm ? s.red(msg) : msg)).append('\n');
            shown++;
        }
        if (shown == 0) sb.append("  (none)\n");
        if (!r.prints().isEmpty()) {
            sb.append('\n').append(s.bold("Values")).append('\n');
            for (Printed pr : r.prints()) {
                sb.append("  ").append(Printable.escape(pr.source())).append(" = ").append(Printable.escape(pr.value())).append('\n');
            }
        }
        appendVerdicts(sb, s, r.goals(), r.expects());
        return sb.toString();
    }

    /** A study: one line per run (swept values, printed values), then the checks. */
    public static String renderStudy(Study.Result st, boolean color) {
        Style s = new Style(color);
        StringBuilder sb = new StringBuilder();
        var p = st.program();
        var runs = st.runs();
        sb.append(s.bold(p.name())).append("  (").append(p.file()).append(")\n");
        sb.append("  study of ").append(st.planned()).append(st.planned() == 1 ? " run" : " runs");
        if (!runs.arms().isEmpty()) sb.append(", ").append(runs.arms().size()).append(" arms");
        for (var sw : runs.sweeps()) {
            sb.append(", sweep ").append(sw.param()).append(" over ").append(sw.values().length).append(" values");
        }
        if (p.study().replicates() > 1) {
            sb.append(", ").append(p.study().replicates())
                    .append(runs.params().isEmpty() && runs.arms().isEmpty() ? " replicates" : " replicates of each");
        }
        if (!runs.arms().isEmpty()) sb.append(" (the same seeds in every arm)");
        sb.append(method(p).isEmpty() ? "" : "; integrated by " + p.integration().describe())
                .append("; seed ").append(p.seed()).append(p.noise() > 0 ? ", noise " + num(p.noise()) : ", deterministic").append("\n");
        if (st.stopped()) {
            sb.append("  ").append(s.yellow("stopped")).append(" after ").append(runs.runs().size()).append(" of ").append(st.planned())
                    .append(" runs: what follows is of the runs that finished (n says how many each has), and nothing is checked\n");
        }
        sb.append('\n');

        java.util.List<String> header = new java.util.ArrayList<>();
        if (!runs.arms().isEmpty()) header.add("arm");
        header.addAll(runs.params());
        if (p.study().replicates() > 1) header.add("replicate");
        for (var pr : p.prints()) header.add(pr.source());
        boolean perRun = !p.expects().isEmpty();
        if (perRun) header.add("expectations");
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (var r : runs.runs()) {
            java.util.List<String> row = new java.util.ArrayList<>();
            if (!runs.arms().isEmpty()) row.add(runs.armOf(r));
            for (double v : r.values()) row.add(org.tec.text.Numbers.value(v));
            if (p.study().replicates() > 1) row.add(Integer.toString(r.replicate()));
            for (Printed pr : r.result().prints()) row.add(pr.value());
            long ok = r.result().expects().stream().filter(Verdict::passed).count();
            if (perRun) row.add(ok + "/" + r.result().expects().size());
            rows.add(row);
        }
        if (p.prints().isEmpty() || p.study().replicates() < 2) {
            sb.append(s.bold("Runs")).append('\n').append(table(header, rows, 40));
        } else {
            // replicates of each point: their spread, not their rows (those stay in the results file)
            java.util.List<StudySummary.Row> summary = StudySummary.of(st);
            summary(sb, s, st, summary);
            contrasts(sb, s, st, StudyContrast.of(summary));
        }
        sb.append(SensitivityReport.render(st, color));
        appendVerdicts(sb, s, st.goals(), st.expects());
        return sb.toString();
    }

    /**
     * The prints summarised per sweep point (StudySummary): n, mean or proportion, SD, the
     * 95% interval, median and quartiles, with a line that says how they were worked out.
     */
    private static void summary(StringBuilder sb, Style s, Study.Result st, java.util.List<StudySummary.Row> summary) {
        java.util.List<String> header = new java.util.ArrayList<>();
        boolean arms = !st.runs().arms().isEmpty();
        if (arms) header.add("arm");
        header.addAll(st.runs().pointParams());
        header.addAll(java.util.List.of("measure", "n", "mean", "sd", "95% interval", "median", "q1 - q3"));
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (StudySummary.Row r : summary) {
            java.util.List<String> row = new java.util.ArrayList<>();
            if (arms) row.add(r.arm());
            for (double v : r.point()) row.add(org.tec.text.Numbers.value(v));
            row.add(r.proportion() ? "proportion " + r.measure() : r.measure());
            row.add(Integer.toString(r.n()));
            row.add(cell(r.mean()));
            row.add(cell(r.sd()));
            row.add(interval(r.low(), r.high()));
            row.add(cell(r.median()));
            row.add(Double.isNaN(r.q1()) ? "" : cell(r.q1()) + " - " + cell(r.q3()));
            rows.add(row);
        }
        boolean pooled = st.runs().pointParams().isEmpty() && !st.runs().params().isEmpty();
        sb.append(s.bold("Summary")).append(pooled ? (arms ? "  (per arm, over the whole design" : "  (over the whole design")
                : arms ? "  (per arm" + (st.runs().params().isEmpty() ? "" : " and sweep point") : "  (per sweep point").append(": mean and sample SD; 95% interval: Student's t for a mean, "
                + "Wilson for a proportion; quartiles as R type 7; every run is in the results file)\n");
        sb.append(table(header, rows, 60));
    }

    /** Each arm against the first, or else each point against the first (StudyContrast), when there are two or more. */
    private static void contrasts(StringBuilder sb, Style s, Study.Result st, java.util.List<StudyContrast.Row> all) {
        if (all.isEmpty()) return;
        boolean arms = !st.runs().arms().isEmpty();
        java.util.List<String> header = new java.util.ArrayList<>();
        if (arms) header.add("arm");
        header.addAll(st.runs().pointParams());
        header.addAll(java.util.List.of("measure", "difference", "95% interval", "effect"));
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (StudyContrast.Row r : all) {
            java.util.List<String> row = new java.util.ArrayList<>();
            if (arms) row.add(r.arm());
            for (double v : r.point()) row.add(org.tec.text.Numbers.value(v));
            row.add(r.measure());
            row.add(cell(r.difference()));
            row.add(interval(r.low(), r.high()));
            row.add(Double.isNaN(r.effect()) ? "" : (r.effectKind().equals("hedges_g") ? "g " : "RR ") + cell(r.effect()));
            rows.add(row);
        }
        java.util.List<String> ref = new java.util.ArrayList<>();
        if (arms) {
            ref.add("arm \"" + all.get(0).referenceArm() + "\"" + (st.runs().pointParams().isEmpty() ? "" : " at the same point"));
        } else {
            for (int k = 0; k < all.get(0).reference().size(); k++) {
                ref.add(st.runs().pointParams().get(k) + " = " + org.tec.text.Numbers.value(all.get(0).reference().get(k)));
            }
        }
        sb.append('\n').append(s.bold("Contrasts")).append("  (against ").append(String.join(", ", ref))
                .append(": difference, 95% interval (Welch for a mean, Newcombe for a proportion), Hedges' g or risk ratio)\n");
        sb.append(table(header, rows, 60));
    }

    /** A number of a table, empty when it could not be worked out (NaN). */
    static String cell(double v) {
        return Double.isNaN(v) ? "" : org.tec.text.Numbers.value(v);
    }

    /** An interval of a table, "LOW to HIGH", empty when it could not be worked out. */
    static String interval(double low, double high) {
        return Double.isNaN(low) ? "" : cell(low) + " to " + cell(high);
    }

    private static void appendVerdicts(StringBuilder sb, Style s, java.util.List<Verdict> goals, java.util.List<Verdict> expects) {
        if (!goals.isEmpty()) {
            sb.append('\n').append(s.bold("Goals")).append('\n');
            for (Verdict v : goals) {
                sb.append("  ").append(verdict(v.passed() ? s.green("met    ") : s.yellow("not met"), v.name(), v.detail())).append('\n');
            }
        }
        if (!expects.isEmpty()) {
            sb.append('\n').append(s.bold("Expectations")).append('\n');
            for (Verdict v : expects) {
                sb.append("  ").append(verdict(v.passed() ? s.green("pass") : s.red("FAIL"), v.source(), v.detail()));
                if (!v.passed()) sb.append("  (").append(v.span()).append(')');
                sb.append('\n');
            }
        }
        long goalsMet = goals.stream().filter(Verdict::passed).count();
        long passed = expects.stream().filter(Verdict::passed).count();
        sb.append('\n').append(tally(goalsMet, goals.size(), passed, expects.size())).append('\n');
    }

    /**
     * The line that closes a report, naming only what the script checks: {@code 2 of 2 goals
     * met, 9 of 9 expectations passed}, {@code 9 of 9 expectations passed}, or {@code no goals
     * or expectations to check} (not "0 of 0 goals met").
     */
    static String tally(long goalsMet, long goals, long passed, long expects) {
        if (goals == 0 && expects == 0) return "no goals or expectations to check";
        if (goals == 0) return expectationsLine(passed, expects);
        String g = goalsMet + " of " + goals + (goals == 1 ? " goal met" : " goals met");
        return expects == 0 ? g : g + ", " + expectationsLine(passed, expects);
    }

    /** The count that closes a report: {@code 9 of 9 expectations passed}. */
    public static String expectationsLine(long passed, long total) {
        return passed + " of " + total + " expectations passed";
    }

    /** Columns padded to their widest cell; at most {@code limit} rows, then a count of the rest. */
    static String table(java.util.List<String> header, java.util.List<java.util.List<String>> rows, int limit) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
        for (var row : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], row.get(i).length());
        StringBuilder sb = new StringBuilder();
        java.util.function.Consumer<java.util.List<String>> line = cells -> {
            sb.append(' ');
            for (int i = 0; i < w.length; i++) sb.append(' ').append(String.format(Locale.ROOT, "%-" + w[i] + "s", Printable.escape(cells.get(i))));
            sb.append('\n');
        };
        line.accept(header);
        for (int k = 0; k < rows.size() && k < limit; k++) line.accept(rows.get(k));
        if (rows.size() > limit) sb.append("  ... ").append(rows.size() - limit).append(" more runs\n");
        return sb.toString();
    }

    /**
     * An event as the report prints it, without the indentation: {@code   6.0 min  message},
     * the time padded to six characters, after {@code s2  } when {@code session} is not 0
     * (a course's runs name the session of each event; pass 0 for a single session).
     */
    public static String event(int session, double time, String message) {
        return eventLine(session, time, Printable.escape(message));
    }

    private static String eventLine(int session, double time, String safeMessage) {
        String who = session > 0 ? String.format(Locale.ROOT, "s%-3d", session) : "";
        return who + String.format(Locale.ROOT, "%6s min  %s", num(time), safeMessage);
    }

    /** A verdict: its mark ({@code pass}, {@code FAIL}, {@code met    }, {@code not met}), what was checked, {@code [detail]} if any. */
    public static String verdict(String mark, String what, String detail) {
        return mark + "  " + Printable.escape(what) + (detail == null ? "" : "  [" + Printable.escape(detail) + "]");
    }

    /** A verdict marked {@code pass} or {@code FAIL}. */
    public static String verdict(boolean passed, String what, String detail) {
        return verdict(passed ? "pass" : "FAIL", what, detail);
    }

    /** A run that stopped: {@code run-time error at 12.0 min: message}. */
    public static String runError(double time, String message) {
        return "run-time error at " + num(time) + " min: " + Printable.escape(message);
    }

    /** Minutes in reports: one decimal. */
    /** " (rk4)" after the step when a run is not integrated by the default method, else nothing. */
    private static String method(org.tec.interp.Program p) {
        return p.integration().equals(org.tec.model.Integration.DEFAULT) ? "" : " (" + p.integration().describe() + ")";
    }

    public static String num(double v) {
        return org.tec.text.Numbers.fixed(v, 1);
    }

    /** ANSI colour when writing to a terminal, plain text otherwise. */
    record Style(boolean on) {
        String bold(String t) { return on ? "\u001b[1m" + t + "\u001b[0m" : t; }
        String red(String t) { return on ? "\u001b[31m" + t + "\u001b[0m" : t; }
        String green(String t) { return on ? "\u001b[32m" + t + "\u001b[0m" : t; }
        String yellow(String t) { return on ? "\u001b[33m" + t + "\u001b[0m" : t; }
    }
}
