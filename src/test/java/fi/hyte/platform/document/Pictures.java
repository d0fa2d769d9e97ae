package fi.hyte.platform.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Raster pictures for the renderer's tests, drawn here so that no photograph has to be licensed. */
final class Pictures {

    private Pictures() {}

    /** An illustration of a youth centre at dusk, as a JPEG (photograph-like: gradients, no alpha). */
    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1a4b8c), 0, height * 0.7f, new Color(0xf2b880)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xffe3a3));
        g.fillOval((int) (width * 0.72), (int) (height * 0.28), height / 5, height / 5);
        hill(g, width, height, 0.62, new Color(0x5b7f6a));
        hill(g, width, height, 0.72, new Color(0x3f6150));
        g.setColor(new Color(0xd9d4c7));
        int houseX = (int) (width * 0.22);
        int houseY = (int) (height * 0.5);
        g.fillRect(houseX, houseY, width / 3, height / 3);
        g.setColor(new Color(0x7a2e1f));
        g.fillRect(houseX - 10, houseY - height / 24, width / 3 + 20, height / 24);
        g.setColor(new Color(0xfbe7a1));
        for (int i = 0; i < 5; i++) {
            g.fillRect(houseX + 20 + i * width / 16, houseY + height / 12, width / 24, height / 12);
        }
        g.setColor(new Color(0x2a3b4c));
        g.fillRect(houseX + width / 4, houseY + height / 6, width / 28, height / 6);
        g.setColor(new Color(0x23402f));
        for (int i = 0; i < 4; i++) {
            int x = (int) (width * 0.64) + i * width / 18;
            g.fillOval(x, (int) (height * 0.52), width / 16, height / 5);
        }
        g.setStroke(new BasicStroke(3));
        g.setColor(new Color(0x333333));
        for (int i = 0; i < 4; i++) {
            g.drawOval(houseX + 30 + i * 40, houseY + height / 3 - 10, 26, 26);
        }
        g.dispose();
        return write(image, "jpeg");
    }

    /** A small bar diagram with a transparent background, as a PNG. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        int[] values = {12, 7, 4};
        String[] labels = {"Koulut 12", "Nuorisotilat 7", "Verkossa 4"};
        g.setFont(new Font(Fonts.FAMILY, Font.PLAIN, 14));
        int bar = (height - 40) / values.length;
        for (int i = 0; i < values.length; i++) {
            g.setColor(i == 0 ? new Color(0x1a4b8c) : new Color(0x8a96a8));
            g.fillRect(150, 20 + i * bar, values[i] * (width - 170) / 12, bar - 12);
            g.setColor(new Color(0x1a2233));
            g.drawString(labels[i], 10, 20 + i * bar + bar / 2);
        }
        g.dispose();
        return write(image, "png");
    }

    private static void hill(Graphics2D g, int width, int height, double level, Color colour) {
        Path2D path = new Path2D.Double();
        path.moveTo(0, height);
        for (int x = 0; x <= width; x += 20) {
            path.lineTo(x, height * level + Math.sin(x / (double) width * 7 + level * 10) * height * 0.05);
        }
        path.lineTo(width, height);
        path.closePath();
        g.setColor(colour);
        g.fill(path);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
