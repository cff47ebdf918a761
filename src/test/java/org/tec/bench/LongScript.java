package org.tec.bench;

/**
 * A long script as a person might grow one: Betsy's profile imported, a therapist, and then
 * phases of five lines each (two regulations, a timed trigger, a conditional one), each
 * followed by a print, a let and an expectation over it, to the number of lines asked.
 * For the language server's benchmark: a 1,000-line script checked on every change.
 */
public final class LongScript {
    private LongScript() {}

    public static String of(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# a long session plan, generated for the language server's benchmark\n");
        sb.append("scenario \"long\" {\n");
        sb.append("  import \"profiles/betsy.tec\"\n");
        sb.append("  step 0.1 min\n");
        sb.append("  therapist { affect_sharing 0.6 mentalizing 0.6 tolerance 70 }\n");
        int n = 0;
        int written = 5;
        while (written + 9 <= lines - 1) {
            sb.append("  phase psychoeducation p").append(n).append(" for 1 min {\n");
            sb.append("    regulate mentalizing up to 0.8 over 30 s\n");
            sb.append("    at 30 s: regulate affect_sharing down to 0.4 over 10 s\n");
            sb.append("    when client.distress > 90 once: log \"high in p").append(n).append("\"\n");
            sb.append("    release proximal_concern over 10 s\n");
            sb.append("  }\n");
            sb.append("  print peak(client.distress during p").append(n).append(")\n");
            sb.append("  let limit").append(n).append(" = 100 - ").append(n % 10).append(" * 0.5\n");
            sb.append("  expect max(client.distress during p").append(n).append(") <= limit").append(n).append('\n');
            written += 9;
            n++;
        }
        while (written < lines - 1) {
            sb.append("  # padding\n");
            written++;
        }
        sb.append("}\n");
        return sb.toString();
    }
}
