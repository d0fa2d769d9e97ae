package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/**
 * A picture in a section: PNG or JPEG as Hyte re-encoded it (no EXIF, no GPS), its SHA-256 and size,
 * its alternative text (Finnish required; Swedish where the report must be in Swedish), an optional
 * caption and the source or credit to name; its number in the report is what a reference in the text names.
 */
public record SectionImage(
        UUID id,
        UUID reportId,
        UUID sectionId,
        int position,
        String mediaType,
        byte[] data,
        String sha256,
        int width,
        int height,
        LocalizedText alt,
        LocalizedText caption,
        String credit,
        int version,
        int number) {

    /** What a writer pastes into the section's text to place the picture there (the same in every language). */
    public String reference(String word) {
        return "![" + word + " " + number + "](" + Markdown.PICTURE_SCHEME + number + ")";
    }

    /** Whether the alternative text is missing in a language the report requires. */
    public boolean missingAlt(boolean swedishRequired) {
        return blank(alt.fi()) || (swedishRequired && blank(alt.sv()));
    }

    /** The picture as a {@code data:} address, for the writer's page. */
    public String dataUri() {
        return "data:" + mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(data);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
