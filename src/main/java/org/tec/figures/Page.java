package org.tec.figures;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure's printed size and, for PNG, its resolution. The size is laid out in points
 * (1/72 inch) with the fonts at their point sizes, so a figure of a journal's single column
 * ({@code 85mm x 60mm}) has readable labels rather than a 900-pixel figure shrunk; an SVG says
 * its size in points, a PNG has {@code width x dpi} pixels and records its resolution (pHYs).
 *
 * @param width  in points
 * @param height in points
 * @param dpi    pixels per inch of a PNG
 */
public record Page(double width, double height, int dpi) {
    /** The least and most a side may be, in points (1 cm, 1 m), and the dpi allowed. */
    public static final double MIN_SIDE = 72 / 2.54, MAX_SIDE = 72 / 0.0254;
    public static final int MIN_DPI = 36, MAX_DPI = 2400;
    /** The most pixels a PNG may have, whatever its size and dpi (a 40-megapixel image: 160 MB in memory). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The size a figure has when none is asked for: 900 points wide, at 72 dpi (900 pixels). */
    public static final int DEFAULT_WIDTH = 900, DEFAULT_DPI = 72;

    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(mm|cm|in|pt)?\\s*[x×]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(mm|cm|in|pt)\\s*");

    public Page {
        if (!(width >= MIN_SIDE && width <= MAX_SIDE && height >= MIN_SIDE && height <= MAX_SIDE)) {
            throw new IllegalArgumentException("a figure's sides are from 1cm to 1m");
        }
        if (dpi < MIN_DPI || dpi > MAX_DPI) throw new IllegalArgumentException("dpi is from " + MIN_DPI + " to " + MAX_DPI + ", not " + dpi);
        if ((double) pixels(width, dpi) * pixels(height, dpi) > MAX_PIXELS) {
            throw new IllegalArgumentException("a PNG of " + pixels(width, dpi) + " x " + pixels(height, dpi)
                    + " pixels is more than " + MAX_PIXELS / 1_000_000 + " megapixels: lower the dpi or the size");
        }
    }

    /**
     * A page from a size such as {@code 85mm x 60mm}, {@code 3.35in x 2.4in} or {@code 8.5 x 6 cm}
     * (the unit after the first number may be left out, then the second's is meant) and a dpi
     * (null: {@link #DEFAULT_DPI}). A null size keeps the default layout's aspect at that dpi.
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static Page of(String size, Integer dpi, double defaultHeight) {
        int d = dpi == null ? DEFAULT_DPI : dpi;
        if (size == null) return new Page(DEFAULT_WIDTH, defaultHeight, d);
        Matcher m = SIZE.matcher(size.toLowerCase(Locale.ROOT));
        if (size.length() > 100 || !m.matches()) {
            throw new IllegalArgumentException("a size is WIDTH x HEIGHT with a unit, mm, cm, in or pt: 85mm x 60mm, 3.5in x 2.5in");
        }
        String second = m.group(4);
        String first = m.group(2) == null ? second : m.group(2);
        return new Page(points(m.group(1), first), points(m.group(3), second), d);
    }

    private static double points(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "mm" -> v * 72 / 25.4;
            case "cm" -> v * 72 / 2.54;
            case "in" -> v * 72;
            default -> v;
        };
    }

    private static long pixels(double points, int dpi) {
        return Math.max(1, Math.round(points * dpi / 72));
    }

    /** The PNG's width in pixels. */
    public int pixelWidth() {
        return (int) pixels(width, dpi);
    }

    /** The PNG's height in pixels. */
    public int pixelHeight() {
        return (int) pixels(height, dpi);
    }
}
