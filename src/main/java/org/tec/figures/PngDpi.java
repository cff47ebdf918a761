package org.tec.figures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * A PNG with its resolution: ImageIO's bytes with a pHYs chunk (pixels per metre on both axes,
 * unit 1 = metre) put right after IHDR, as the PNG specification (11.3.5.3) places it before
 * the image data. Read back with {@link #dpi(byte[])}.
 */
public final class PngDpi {
    private PngDpi() {}

    /** The image as PNG bytes that say {@code dpi} pixels per inch. */
    public static byte[] write(BufferedImage img, int dpi) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] png = out.toByteArray();
        int ihdrEnd = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
        long perMetre = Math.round(dpi / 0.0254);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + 9 + 4);
        chunk.putInt(9).put(new byte[] {'p', 'H', 'Y', 's'}).putInt((int) perMetre).putInt((int) perMetre).put((byte) 1);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + 9);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream joined = new ByteArrayOutputStream(png.length + chunk.capacity());
        joined.write(png, 0, ihdrEnd);
        joined.write(chunk.array());
        joined.write(png, ihdrEnd, png.length - ihdrEnd);
        return joined.toByteArray();
    }

    /** The dots per inch a PNG's pHYs chunk states (rounded), or -1 when it has none or its unit is not the metre. */
    public static int dpi(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            int len = ByteBuffer.wrap(png, at, 4).getInt();
            String type = new String(Arrays.copyOfRange(png, at + 4, at + 8), java.nio.charset.StandardCharsets.US_ASCII);
            if (len < 0 || at + 12L + len > png.length) return -1;
            if (type.equals("pHYs") && len == 9) {
                int x = ByteBuffer.wrap(png, at + 8, 4).getInt();
                return png[at + 16] == 1 ? (int) Math.round(x * 0.0254) : -1;
            }
            if (type.equals("IDAT")) return -1;
            at += 12 + len;
        }
        return -1;
    }
}
