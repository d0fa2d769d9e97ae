package fi.hyte.platform.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XHTML to a tagged PDF with openhtmltopdf: PDF/UA (structure tags, title, language, figures'
 * alternative texts, table headers, page furniture as artifacts) and PDF/A-3a (embedded fonts and
 * an sRGB output intent) at once, so that it can be read aloud and archived. Nothing is fetched:
 * the document can hold only what the template put in it, pictures included (inline as data).
 */
final class PdfWriter {

    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * The fonts' metrics as openhtmltopdf parses them, kept between documents: the four DejaVu faces
     * are the same for every document, so they are read for layout once per JVM, not per file.
     */
    private static final com.openhtmltopdf.extend.impl.FSDefaultCacheStore FONT_METRICS =
            new com.openhtmltopdf.extend.impl.FSDefaultCacheStore();

    private PdfWriter() {}

    static void write(String xhtml, OutputStream out) {
        org.w3c.dom.Document dom = parse(xhtml);
        giveFiguresTheirAltText(dom);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfAConformance.PDFA_3_A);
        builder.useColorProfile(SRGB);
        builder.withProducer("Hyte");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        for (Fonts.Face face : Fonts.FACES) {
            builder.useFont(
                    () -> new ByteArrayInputStream(face.ttf()),
                    Fonts.FAMILY,
                    face.weight(),
                    face.style(),
                    true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL));
        }
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        builder.useExternalResourceAccessControl(
                PdfWriter::isInlinePicture, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                PdfWriter::isInlinePicture, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withW3cDocument(dom, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only resource a document's page may load: a picture's own bytes, inline in the page. */
    private static boolean isInlinePicture(String uri, ExternalResourceType type) {
        return type == ExternalResourceType.IMAGE_RASTER
                && uri != null
                && (uri.startsWith("data:image/png;base64,") || uri.startsWith("data:image/jpeg;base64,"));
    }

    /** The template's output as XML: a page that is not well-formed fails here, with the reason. */
    static org.w3c.dom.Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new IllegalArgumentException("The document is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    /**
     * openhtmltopdf tags an SVG as a Figure with the SVG element's {@code alt}; the template cannot
     * set an attribute on markup it inserts whole, so it leaves the text on the wrapper.
     */
    private static void giveFiguresTheirAltText(org.w3c.dom.Document dom) {
        // Collected before any change: the DOM's live list would otherwise walk the whole document
        // again for each item after every change (quadratic, seconds on a report of 100 charts).
        for (Element wrapper : elements(dom.getElementsByTagNameNS("*", "div"))) {
            if (!wrapper.hasAttribute("data-alt")) {
                continue;
            }
            for (Node child = wrapper.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element svg && "svg".equals(svg.getLocalName())) {
                    svg.setAttribute("alt", wrapper.getAttribute("data-alt"));
                    Fonts.useDocumentFace(svg);
                }
            }
            wrapper.removeAttribute("data-alt");
        }
    }

    /** A live node list copied once, in document order. */
    static java.util.List<Element> elements(NodeList list) {
        int n = list.getLength();
        java.util.List<Element> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
