package fi.hyte.platform.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The one typeface of Hyte's documents, DejaVu Sans, read once from the class path (the TTF files
 * of Maven Central's {@code net.sf.jasperreports:jasperreports-fonts}, under the Bitstream Vera
 * licence) so that a PDF embeds it on any machine, and registered with Java's graphics so that a
 * figure rasterised for a DOCX draws its text in the same face whatever fonts the server has.
 */
final class Fonts {

    static final String FAMILY = "DejaVu Sans";
    private static final String FOLDER = "net/sf/jasperreports/fonts/dejavu/";

    /** One face: its file's bytes, weight and style. */
    record Face(byte[] ttf, int weight, FontStyle style) {}

    static final List<Face> FACES = List.of(
            face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

    static {
        GraphicsEnvironment graphics = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (Face face : FACES) {
            try {
                graphics.registerFont(
                        Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(face.ttf())));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("DejaVu Sans cannot be read", e);
            }
        }
    }

    private Fonts() {}

    /**
     * A figure's text in the document's face: whatever families an SVG names (a web page's stack
     * such as {@code system-ui, -apple-system, …}, which Batik cannot even parse and then spends
     * long on), in a document it is drawn in DejaVu Sans, the same in the PDF and in the DOCX's PNG.
     */
    static void useDocumentFace(Element svg) {
        if (svg.hasAttribute("font-family")) {
            svg.setAttribute("font-family", FAMILY);
        }
        for (Element element : PdfWriter.elements(svg.getElementsByTagNameNS("*", "*"))) {
            if (element.hasAttribute("font-family")) {
                element.setAttribute("font-family", FAMILY);
            }
        }
        if (!svg.hasAttribute("font-family")) {
            svg.setAttribute("font-family", FAMILY);
        }
    }

    private static Face face(String file, int weight, FontStyle style) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FOLDER + file
                        + " is not on the class path (net.sf.jasperreports:jasperreports-fonts)");
            }
            return new Face(in.readAllBytes(), weight, style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
