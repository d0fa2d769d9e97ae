package fi.hyte.platform.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

/** An SVG figure as a PNG for a word processor, which cannot be relied on to draw SVG itself. */
final class Raster {

    /**
     * One and a half times the SVG's own pixels: sharp (about 170 dpi) at the width of an A4 text
     * column, with 44 % fewer pixels to draw and encode than twice (measured: drawing and writing the
     * PNG are nearly all of a first DOCX's time).
     */
    static final float SCALE = 1.5f;

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([0-9.]+)(px)?\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([0-9.]+)(px)?\"");
    private static final Pattern VIEW_BOX =
            Pattern.compile("\\sviewBox=\"[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)\"");

    /** The PNG and the SVG's own size in CSS pixels, to lay it out at its intended width. */
    record Png(byte[] bytes, int width, int height) {}

    private Raster() {}

    static Png of(String svg) {
        float[] size = size(svg);
        Drawing drawing = new Drawing();
        drawing.addTranscodingHint(ImageTranscoder.KEY_WIDTH, size[0] * SCALE);
        drawing.addTranscodingHint(ImageTranscoder.KEY_HEIGHT, size[1] * SCALE);
        // Batik would otherwise run scripts or load the external pictures and fonts an SVG points at.
        drawing.addTranscodingHint(ImageTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        drawing.addTranscodingHint(ImageTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        try {
            SVGDocument document = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                    .createSVGDocument(null, new StringReader(svg));
            Fonts.useDocumentFace(document.getDocumentElement());
            drawing.transcode(new TranscoderInput(document), null);
            return new Png(png(drawing.image), Math.round(size[0]), Math.round(size[1]));
        } catch (TranscoderException e) {
            throw new IllegalArgumentException("The figure's SVG cannot be drawn: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image as a PNG from the JDK's writer at a fast deflate level: a chart is flat colour, so
     * the file is hardly larger than at the default level, and written in a fraction of the time.
     */
    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("png").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                // Quality 1 is no compression, 0 the most; 0.8 is deflate level 1 or 2.
                param.setCompressionQuality(0.8f);
            }
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }

    /**
     * Batik's drawing into an image, kept for the JDK's PNG writer (smaller files than Batik's own):
     * opaque white under the chart (a DOCX page is white), three channels to encode instead of four.
     */
    private static final class Drawing extends ImageTranscoder {
        BufferedImage image;

        Drawing() {
            addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        }

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void writeImage(BufferedImage image, TranscoderOutput output) {
            this.image = image;
        }
    }

    /** The SVG's width and height in pixels: its attributes, else its view box. */
    static float[] size(String svg) {
        Matcher root = ROOT.matcher(svg);
        if (!root.find()) {
            throw new IllegalArgumentException("Not an SVG element");
        }
        String tag = root.group();
        Matcher width = WIDTH.matcher(tag);
        Matcher height = HEIGHT.matcher(tag);
        if (width.find() && height.find()) {
            return new float[] {Float.parseFloat(width.group(1)), Float.parseFloat(height.group(1))};
        }
        Matcher box = VIEW_BOX.matcher(tag);
        if (box.find()) {
            return new float[] {Float.parseFloat(box.group(1)), Float.parseFloat(box.group(2))};
        }
        throw new IllegalArgumentException("An SVG figure needs a width and height or a viewBox");
    }
}
