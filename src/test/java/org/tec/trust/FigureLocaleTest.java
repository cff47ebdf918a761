package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.tec.cli.Main;
import org.tec.testing.Cli;

/**
 * A study's figures are the same bytes under any default locale: XChart formats tick labels
 * with the JVM's default locale unless told otherwise (German would write 0,5 and Arabic its
 * own digits), so each chart is told the root locale.
 */
@Isolated
class FigureLocaleTest {
    @TempDir
    Path tmp;

    @Test
    void aStudysSummaryHeatmapAndBandsAreTheSameInEveryLocale() throws Exception {
        Path file = tmp.resolve("grid.tec");
        Files.writeString(file, """
                scenario "grid" {
                  client { distress 40 fear 0.7 }
                  noise on
                  phase exposure for 4 min intensity 0.8 { }
                  sweep therapist.affect_sharing in [0.25, 0.5]
                  replicate 3
                  print peak(therapist.distress)
                  plot sweep to "line.svg"
                  plot client.fear to "bands.svg"
                }

                scenario "heat" {
                  client { distress 40 fear 0.7 }
                  phase exposure for 4 min intensity 0.8 { }
                  sweep therapist.affect_sharing in [0.25, 0.5]
                  sweep therapist.tolerance in [40.5, 60]
                  print peak(therapist.distress)
                  plot sweep to "heat.svg"
                }
                """);
        Locale locale = Locale.getDefault();
        byte[][] expected = null;
        try {
            for (String tag : new String[] {"und", "de-DE", "ar-EG", "th-TH-u-nu-thai"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                Path out = tmp.resolve("out-" + tag);
                Cli.Result r = Cli.tec("run", file.toString(), "--out", out.toString(), "-q");
                assertEquals(Main.OK, r.code(), r::toString);
                byte[][] now = {Files.readAllBytes(out.resolve("line.svg")), Files.readAllBytes(out.resolve("bands.svg")),
                    Files.readAllBytes(out.resolve("heat.svg"))};
                if (expected == null) expected = now;
                else for (int k = 0; k < now.length; k++) assertArrayEquals(expected[k], now[k], "figure " + k + " in " + tag);
            }
        } finally {
            Locale.setDefault(locale);
        }
    }
}
