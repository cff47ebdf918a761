package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.tec.cli.Main;

/**
 * The same bytes out under any default locale and time zone: locales that write other
 * digits (Arabic-Indic, Thai, Devanagari), another decimal separator (German), another case
 * mapping (Turkish), and far-apart time zones.
 */
@Isolated
class LocaleIndependenceTest {
    @TempDir
    Path tmp;

    private String run(String script, Path out) throws Exception {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(new String[] {"run", script, "--out", out.toString()}, new PrintWriter(o, true), new PrintWriter(e, true));
        // the report names the folder it wrote to, which differs from run to run here
        StringBuilder all = new StringBuilder(("exit " + code + "\n" + o + e).replace(out.toString(), "OUT"));
        try (var files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                all.append("--- ").append(f.getFileName()).append('\n');
                // the metadata's command line names the folder too; nothing else may differ
                all.append(Files.readString(f).replace(out.toString(), "OUT"));
            }
        }
        return all.toString();
    }

    @Test
    void aCourseReportAndItsFilesAreTheSameInEveryLocaleAndTimeZone() throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        String script = "scenarios/erp/betsy-course-effective.tec";
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            String expected = run(script, Files.createDirectories(tmp.resolve("root")));
            String[][] cases = {{"ar-EG", "Asia/Kolkata"}, {"th-TH-u-nu-thai", "Pacific/Kiritimati"}, {"hi-IN-u-nu-deva", "America/St_Johns"},
                    {"de-DE", "Pacific/Pago_Pago"}, {"tr-TR", "Asia/Kathmandu"}};
            for (String[] c : cases) {
                Locale.setDefault(Locale.forLanguageTag(c[0]));
                TimeZone.setDefault(TimeZone.getTimeZone(c[1]));
                String got = run(script, Files.createDirectories(tmp.resolve(c[0])));
                assertEquals(expected, got, c[0] + " / " + c[1]);
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
