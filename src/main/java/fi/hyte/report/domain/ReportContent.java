package fi.hyte.report.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A report as a reader sees it in one language: every heading and text chosen, every block's
 * numbers formatted, every chart drawn. The draft's preview, the public page, the PDF and the DOCX
 * all show this one model, and a snapshot stores it as it was at approval.
 *
 * @param language fi, sv or en
 * @param composedOn when the data was read (the draft's "tilanne"), ISO date
 */
public record ReportContent(
        String language,
        String title,
        String titleLanguage,
        String subtitle,
        String organisation,
        String composedOn,
        boolean example,
        Text summary,
        List<SectionContent> sections) {

    /** A text and the language it is in when that is not the content's (Finnish shown for missing Swedish). */
    public record Text(String text, String language) {
        public boolean present() {
            return text != null && !text.isBlank();
        }
    }

    /**
     * A section: heading, its Markdown source, its pictures (where the text refers to them, the rest after it) and
     * its blocks in order. A snapshot written before pictures existed reads with none.
     */
    public record SectionContent(
            UUID id, Text heading, Text markdown, List<BlockContent> blocks, List<ImageContent> images) {

        public SectionContent {
            images = images == null ? List.of() : images;
        }

        public SectionContent(UUID id, Text heading, Text markdown, List<BlockContent> blocks) {
            this(id, heading, markdown, blocks, List.of());
        }

        /** The pictures the text does not place, shown after it in their order. */
        public List<ImageContent> following() {
            return Markdown.unplaced(markdown == null ? null : markdown.text(), images);
        }
    }

    /**
     * A picture as the reader sees it: the re-encoded bytes themselves (Base64), so that a snapshot
     * holds the very picture that was approved and its fingerprint covers it; its alternative text
     * and caption in the reader's language (with the language it is really in when Finnish stands
     * in), its source or credit, and its number in the report (what a reference in the text names;
     * null in a snapshot frozen before references existed, whose pictures all follow the text).
     */
    public record ImageContent(
            UUID id,
            Integer number,
            String mediaType,
            String base64,
            String sha256,
            int width,
            int height,
            Text alt,
            Text caption,
            String credit) {

        /** The picture as a {@code data:} address for the page. */
        public String dataUri() {
            return "data:" + mediaType + ";base64," + base64;
        }

        public byte[] bytes() {
            return java.util.Base64.getDecoder().decode(base64);
        }
    }

    /**
     * A block: its heading, a lead line, a list of items, a figure and a table (any may be absent),
     * the sentence shown when it has no data, and the sources it rests on.
     *
     * @param fingerprint a digest of the block's data, to tell whether it changed since review
     */
    public record BlockContent(
            UUID id,
            String kind,
            String heading,
            String lead,
            List<Item> items,
            FigureContent figure,
            TableContent table,
            String empty,
            List<String> notes,
            String source,
            String fingerprint) {

        public boolean hasData() {
            return empty == null;
        }
    }

    /** A list item with an optional label in front and an optional mark (e.g. supports, contradicts). */
    public record Item(String label, String text, String mark, String markKind) {}

    public record FigureContent(String svg, String alt, String caption) {}

    public record TableContent(String caption, List<String> columns, List<Boolean> numeric, List<List<String>> rows) {}

    /**
     * The numbers behind a report, in no language: each indicator value with its provenance, and the
     * goals, measures and maturity levels with their status. The data export and "what changed" use it.
     *
     * @param joys the joys and worries the organisation's sectors and partners recorded for the report
     *     (not residents' themes, which the participation module keeps); null in a snapshot frozen
     *     before they were kept here (session 7), whose joys can only be read from its text
     */
    public record Data(
            List<DataValue> values,
            List<GoalState> goals,
            List<MeasureState> measures,
            List<Level> maturity,
            List<JoyState> joys) {}

    /**
     * One value; role is own, county, region, country or peer.
     *
     * @param retrievedAt when the import batch the value came in was retrieved (ISO date-time)
     * @param importBatch the indicator's import batch the value came in (null where not known)
     */
    public record DataValue(
            int indicatorId,
            String code,
            String indicator,
            String region,
            String role,
            int year,
            String gender,
            BigDecimal value,
            String source,
            String licence,
            String retrievedAt,
            Long importBatch) {}

    public record GoalState(UUID id, String ref, String title, String status) {}

    public record MeasureState(String ref, String title, String goalRef, String status, int progress) {}

    public record Level(String key, String title, Integer level) {}

    /**
     * A joy (JOY) or worry (WORRY) as written, who recorded it, the indicator it is linked to (null
     * for none) and whether that indicator's data supports it (SUPPORTS, CONTRADICTS or NO_DATA).
     */
    public record JoyState(String kind, String text, String source, Integer indicatorId, String support) {}
}
