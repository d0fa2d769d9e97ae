package fi.hyte.platform.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link Document} as print XHTML (the template {@code document/document}), as a tagged
 * PDF (PDF/UA-1 and PDF/A-3a, DejaVu Sans embedded) and as a DOCX. Both files come from the same
 * model, numbered by the same outline, with labels from the platform bundle in the document's
 * language (not the user's: a Swedish report is Swedish throughout).
 */
@Service
public class DocumentRenderer {

    static final String TEMPLATE = "document/document";

    /** Room for the rasterised figures: a chart's PNG is 3 to 30 kB, so thousands of them. */
    static final long RASTER_CACHE_BYTES = 32L * 1024 * 1024;

    private final ITemplateEngine templates;
    private final MessageSource messages;

    /**
     * Rasterising an SVG for a DOCX is nearly all of a DOCX's time, and a report is exported again
     * and again with the same charts: their PNGs by the SVG's SHA-256, bounded by their bytes.
     */
    private final Cache<String, Raster.Png> rasters = Caffeine.newBuilder()
            .maximumWeight(RASTER_CACHE_BYTES)
            .weigher((String key, Raster.Png png) -> png.bytes().length + key.length())
            .build();

    public DocumentRenderer(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /** The page the PDF is made from: well-formed XHTML with its styles, bookmarks and figures inline. */
    public String xhtml(Document document) {
        Context context = new Context(document.language());
        context.setVariable("doc", document);
        context.setVariable("outline", new Outline(document));
        context.setVariable("lang", document.language().toLanguageTag());
        context.setVariable(
                "pageLabel", cssString(messages.getMessage("platform.document.page", null, document.language())));
        return templates.process(TEMPLATE, context);
    }

    public void pdf(Document document, OutputStream out) {
        PdfWriter.write(xhtml(document), out);
    }

    public byte[] pdf(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf(document, out);
        return out.toByteArray();
    }

    public void docx(Document document, OutputStream out) {
        rasterise(document);
        DocxWriter.write(document, messages, this::png, out);
    }

    /**
     * Every figure not yet in the cache drawn before the DOCX is written, on the cores there are
     * (each drawing is independent: its own Batik document and image), so the writer finds them all.
     */
    private void rasterise(Document document) {
        List<String> svgs = new ArrayList<>();
        document.sections().forEach(s -> figures(s, svgs));
        svgs.stream().distinct().filter(svg -> rasters.getIfPresent(sha256(svg)) == null).toList().parallelStream()
                .forEach(this::png);
    }

    private static void figures(Document.Section section, List<String> svgs) {
        for (Document.Block b : section.blocks()) {
            if (b instanceof Document.Figure f) {
                svgs.add(f.svg());
            }
        }
        section.sections().forEach(s -> figures(s, svgs));
    }

    public byte[] docx(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        docx(document, out);
        return out.toByteArray();
    }

    /** An SVG figure as a PNG, drawn once for each different SVG while it stays in the cache. */
    Raster.Png png(String svg) {
        return rasters.get(sha256(svg), key -> Raster.of(svg));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Text for inside a CSS string (the template quotes it). */
    static String cssString(String text) {
        StringBuilder css = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20) {
                css.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                css.appendCodePoint(c);
            }
        });
        return css.toString();
    }
}
