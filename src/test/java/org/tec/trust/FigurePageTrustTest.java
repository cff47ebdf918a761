package org.tec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.tec.testing.Cli;

/**
 * What a user can type as --size and --dpi: nothing makes a huge image (memory), a negative or
 * zero side, or a crash; each refusal says what was expected, and no figure is written.
 */
class FigurePageTrustTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "85mm x 60mm|100000|dpi is from",
        "85mm x 60mm|0|dpi is from",
        "85mm x 60mm|-3|dpi is from",
        "100cm x 100cm|2400|megapixels",
        "0mm x 60mm|300|sides are from",
        "99999999999999999999999in x 1in|72|sides are from",
        "85 x 60|72|WIDTH x HEIGHT",
        "85mm by 60mm|72|WIDTH x HEIGHT",
        "NaN x NaN mm|72|WIDTH x HEIGHT",
        "1e9mm x 1mm|72|WIDTH x HEIGHT"})
    void refusedWithAReasonAndNothingWritten(String size, String dpi, String why) {
        Path png = tmp.resolve("f.png");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.tec("run", "scenarios/erp/betsy-ineffective.tec",
                "--out", tmp.resolve("out").toString(), "--plot", png.toString(), "--size", size, "--dpi", dpi));
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains(why), r::toString);
        assertFalse(Files.exists(png));
    }

    @org.junit.jupiter.api.Test
    void sizeWithoutPlotIsAnError() {
        Cli.Result r = Cli.tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.resolve("out").toString(), "--size", "85mm x 60mm");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("add --plot FILE"), r::toString);
    }
}
