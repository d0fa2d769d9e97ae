package fi.hyte.report.domain;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an uploaded picture by its content — the first bytes say PNG or JPEG, ImageIO can decode
 * it, it is at most {@value #MAX_BYTES} bytes and {@value #MAX_PIXELS} pixels each way — and
 * re-encodes it from its pixels, so that nothing of the original file (EXIF, GPS position, comments,
 * colour profiles a PDF/A cannot hold) is kept or published. The file's name and the browser's
 * Content-Type are never trusted.
 */
public final class Pictures {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_PIXELS = 4000;

    private Pictures() {}

    /** A picture as Hyte stores it. */
    public record Checked(String mediaType, byte[] data, int width, int height, String sha256) {}

    /** The picture re-encoded, or a {@link ReportProblem} (field {@code file}) that says why it is refused. */
    public static Checked check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new ReportProblem("report.image.problem.none");
        }
        if (upload.length > MAX_BYTES) {
            throw new ReportProblem("report.image.problem.tooLarge", "2");
        }
        String format = png(upload) ? "png" : jpeg(upload) ? "jpeg" : null;
        if (format == null) {
            throw new ReportProblem("report.image.problem.type");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                throw new ReportProblem("report.image.problem.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // The size from the header first: a small file that claims a huge picture is not decoded.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_PIXELS || height > MAX_PIXELS) {
                    throw new ReportProblem(
                            "report.image.problem.tooManyPixels", String.valueOf(MAX_PIXELS), width + " × " + height);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportProblem p) {
                throw p;
            }
            // A truncated file, a CMYK JPEG, a PNG with a broken chunk: ImageIO cannot decode it.
            throw new ReportProblem("report.image.problem.unreadable");
        }
        byte[] data = "png".equals(format) ? writePng(image) : writeJpeg(image);
        return new Checked(
                "png".equals(format) ? "image/png" : "image/jpeg",
                data,
                image.getWidth(),
                image.getHeight(),
                sha256(data));
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean png(byte[] b) {
        return b.length > 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a;
    }

    static boolean jpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static byte[] writePng(BufferedImage image) {
        BufferedImage pixels = image;
        if (image.getType() == BufferedImage.TYPE_CUSTOM) {
            // 16-bit or palette variants ImageIO reads as custom: drawn once into 8-bit ARGB.
            pixels = redraw(
                    image, image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new ReportProblem("report.image.problem.unreadable");
            }
        } catch (IOException e) {
            throw new ReportProblem("report.image.problem.unreadable");
        }
        return out.toByteArray();
    }

    private static byte[] writeJpeg(BufferedImage image) {
        // A JPEG holds no transparency and PDF/A wants RGB or grey: grey stays grey, everything else becomes RGB.
        BufferedImage pixels =
                image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_INT_RGB
                        ? image
                        : redraw(image, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new ReportProblem("report.image.problem.unreadable");
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage redraw(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
