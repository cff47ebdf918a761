package org.tec.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tec.testing.Cli;

/**
 * A session figure, read structurally (never pixel by pixel, so a font update breaks nothing):
 * its lines in Okabe-Ito colours with a dash pattern each, so they survive grey-scale print;
 * the events that matter as ticks on the time axis; in a course, the session boundaries.
 */
class SessionFigureTest {
    @TempDir
    Path tmp;

    private String draw(String script) throws IOException {
        Path svg = tmp.resolve("f.svg");
        Cli.Result r = Cli.tec("run", script, "--out", tmp.resolve("out").toString(), "--plot", svg.toString());
        assertEquals(0, r.code(), r::toString);
        return Files.readString(svg);
    }

    private static int count(String svg, String regex) {
        Matcher m = Pattern.compile(regex).matcher(svg);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void linesAreOkabeItoAndEachHasItsOwnDashPattern() throws IOException {
        String svg = draw("scenarios/erp/betsy-ineffective.tec");
        // client vermillion, therapist blue; the components orange, bluish green, reddish purple, sky blue
        for (String rgb : new String[] {"213,94,0", "0,114,178", "230,159,0", "0,158,115", "204,121,167", "86,180,233"}) {
            assertTrue(svg.contains("stroke:rgb(" + rgb + ")"), "an Okabe-Ito line rgb(" + rgb + ")");
        }
        for (float[] dash : Figures.DASHES) {
            if (dash == null) continue;
            StringBuilder want = new StringBuilder("dasharray:");
            for (int i = 0; i < dash.length; i++) want.append(i == 0 ? "" : ",").append(org.tec.text.Numbers.plain(dash[i]));
            assertTrue(svg.contains(want), "a line dashed " + want);
        }
    }

    @Test
    void theEscapeIsATickOnTheTimeAxisAndACourseShowsItsSessions() throws IOException {
        String one = draw("scenarios/erp/betsy-ineffective.tec");
        assertTrue(count(one, "stroke:rgb\\(51,51,51\\)") > 0, "the event ticks");
        assertEquals(0, count(one, "stroke:rgb\\(85,85,85\\)"), "one session: no boundary");
        String course = draw("scenarios/erp/betsy-course-ineffective.tec");
        assertTrue(count(course, "stroke:rgb\\(85,85,85\\)") > 0, "a course draws its session boundaries");
    }

    @Test
    void aColumnWidePngHasThePixelsAndTheDpiItWasAskedFor() throws IOException {
        Path png = tmp.resolve("col.png");
        Cli.Result r = Cli.tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.resolve("out").toString(),
                "--plot", png.toString(), "--size", "85mm x 60mm", "--dpi", "300");
        assertEquals(0, r.code(), r::toString);
        byte[] bytes = Files.readAllBytes(png);
        assertEquals(300, PngDpi.dpi(bytes), "the pHYs chunk says 300 dpi");
        var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        // 85 mm at 300 dpi is 1004 pixels, 60 mm is 709
        assertEquals(1004, img.getWidth());
        assertEquals(709, img.getHeight());
    }

    @Test
    void aSizedSvgStatesItsSizeInPoints() throws IOException {
        Path svg = tmp.resolve("col.svg");
        Cli.Result r = Cli.tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.resolve("out").toString(),
                "--plot", svg.toString(), "--size", "3.5in x 2.5in");
        assertEquals(0, r.code(), r::toString);
        String head = Files.readString(svg).substring(0, 400);
        assertTrue(head.contains("width=\"252pt\"") && head.contains("height=\"180pt\""), head);
        assertTrue(head.contains("viewBox=\"0 0 252 180\""), head);
    }

    @Test
    void sizesAreReadInEveryUnitAndTheDefaultIsTheOldFigure() {
        Page p = Page.of("85mm x 60mm", 300, 730);
        assertEquals(85 * 72 / 25.4, p.width(), 1e-9);
        assertEquals(Page.of("8.5 x 6 cm", null, 730).height(), p.height(), 1e-9);
        assertEquals(72 * 2.5, Page.of("3in x 2.5in", null, 730).height(), 1e-9);
        assertEquals(Page.DEFAULT_WIDTH, Page.of(null, null, 730).width());
        assertEquals(72, Page.of(null, null, 730).dpi());
    }

    @Test
    void anMiFigureGivesDefensivenessAndMotivationTheirOwnPanel() throws IOException {
        Path out = tmp.resolve("mi");
        Cli.Result r = Cli.tec("run", "scenarios/mi/charles-ineffective.tec", "--out", out.toString());
        assertEquals(0, r.code(), r::toString);
        String svg = Files.readString(out.resolve("charles-ineffective.svg"));
        // a plot border per panel: distress, the 0-1 levels (defensiveness, motivation), the components
        assertEquals(3, count(svg, "<rect[^>]*stroke:rgb\\(130,130,130\\)"), "three panels");
        assertEquals(2, count(draw("scenarios/erp/betsy-ineffective.tec"), "<rect[^>]*stroke:rgb\\(130,130,130\\)"), "two panels");
        assertTrue(svg.contains("stroke:rgb(0,0,0);stroke-width:2"), "motivation, black and dashed, beside defensiveness in vermillion");
    }

    @Test
    void aPdfIsOnePageOfTheFiguresSize() throws IOException {
        Path pdf = tmp.resolve("col.pdf");
        Cli.Result r = Cli.tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.resolve("out").toString(),
                "--plot", pdf.toString(), "--size", "85mm x 60mm");
        assertEquals(0, r.code(), r::toString);
        String text = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF");
        assertEquals(1, count(text, "/Type /Page\\b"), "one page");
        // 85 mm x 60 mm is 241 x 170 points (the layout's whole points)
        Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
        assertTrue(box.find(), "a MediaBox");
        assertEquals(241, Double.parseDouble(box.group(1)), 0.01);
        assertEquals(170, Double.parseDouble(box.group(2)), 0.01);
        assertTrue(text.contains("/ca "), "the shaded exposure keeps its transparency");
        // the same run, the same bytes (no creation date, no random ids)
        Path again = tmp.resolve("again.pdf");
        Cli.tec("run", "scenarios/erp/betsy-ineffective.tec", "--out", tmp.resolve("out").toString(),
                "--plot", again.toString(), "--size", "85mm x 60mm");
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(again));
    }
}
