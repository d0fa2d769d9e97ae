package fi.hyte.report.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pictures of a report's sections, always read and written within one organisation. */
@Repository
public class SectionImages {

    private static final String IMAGE = "select id, report_id, section_id, position, media_type, data, sha256, width,"
            + " height, alt_fi, alt_sv, alt_en, caption_fi, caption_sv, caption_en, credit, version, number from report_image";

    private final JdbcClient jdbc;

    SectionImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report's pictures, section by section in their order. */
    public List<SectionImage> ofReport(OrganisationId organisation, UUID report) {
        return jdbc.sql(IMAGE + " where organisation_id = ? and report_id = ? order by section_id, position")
                .params(organisation.value(), report)
                .query(SectionImages::image)
                .list();
    }

    public List<SectionImage> ofSection(OrganisationId organisation, UUID section) {
        return jdbc.sql(IMAGE + " where organisation_id = ? and section_id = ? order by position")
                .params(organisation.value(), section)
                .query(SectionImages::image)
                .list();
    }

    public Optional<SectionImage> find(OrganisationId organisation, UUID id) {
        return jdbc.sql(IMAGE + " where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .query(SectionImages::image)
                .optional();
    }

    /**
     * Stores a new picture with the next number of its report (see the migration
     * {@code V20261210_31__picture_counter}: the counter locks the report's row, so numbers are never
     * given twice, also after a picture is deleted; pictures copied from an earlier report count).
     */
    void insert(OrganisationId organisation, SectionImage i) {
        jdbc.sql("with counter as (update report set pictures_numbered = greatest(pictures_numbered,"
                        + " (select coalesce(max(number), 0) from report_image where report_id = ?)) + 1"
                        + " where organisation_id = ? and id = ? returning pictures_numbered)"
                        + " insert into report_image (id, organisation_id, report_id, section_id, position, media_type, data,"
                        + " sha256, width, height, alt_fi, alt_sv, alt_en, caption_fi, caption_sv, caption_en, credit, number)"
                        + " select ?, ?, ?, ?, (select coalesce(max(position) + 1, 0) from report_image"
                        + " where organisation_id = ? and section_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " counter.pictures_numbered from counter")
                .params(
                        i.reportId(),
                        organisation.value(),
                        i.reportId(),
                        i.id(),
                        organisation.value(),
                        i.reportId(),
                        i.sectionId(),
                        organisation.value(),
                        i.sectionId(),
                        i.mediaType(),
                        i.data(),
                        i.sha256(),
                        i.width(),
                        i.height(),
                        i.alt().fi(),
                        i.alt().sv(),
                        i.alt().en(),
                        i.caption().fi(),
                        i.caption().sv(),
                        i.caption().en(),
                        i.credit())
                .update();
    }

    /** The texts of a picture, if it is still at {@code version}; 0 when someone saved it meanwhile. */
    int updateTexts(
            OrganisationId organisation,
            UUID id,
            LocalizedText alt,
            LocalizedText caption,
            String credit,
            int version) {
        return jdbc.sql("update report_image set alt_fi = ?, alt_sv = ?, alt_en = ?, caption_fi = ?, caption_sv = ?,"
                        + " caption_en = ?, credit = ?, version = version + 1"
                        + " where organisation_id = ? and id = ? and version = ?")
                .params(
                        alt.fi(),
                        alt.sv(),
                        alt.en(),
                        caption.fi(),
                        caption.sv(),
                        caption.en(),
                        credit,
                        organisation.value(),
                        id,
                        version)
                .update();
    }

    /** The picture's pixels replaced by another upload's (texts kept). */
    int replaceData(OrganisationId organisation, UUID id, Pictures.Checked c, int version) {
        return jdbc.sql("update report_image set media_type = ?, data = ?, sha256 = ?, width = ?, height = ?,"
                        + " version = version + 1 where organisation_id = ? and id = ? and version = ?")
                .params(c.mediaType(), c.data(), c.sha256(), c.width(), c.height(), organisation.value(), id, version)
                .update();
    }

    void position(OrganisationId organisation, UUID id, int position) {
        jdbc.sql("update report_image set position = ? where organisation_id = ? and id = ?")
                .params(position, organisation.value(), id)
                .update();
    }

    void delete(OrganisationId organisation, UUID id) {
        jdbc.sql("delete from report_image where organisation_id = ? and id = ?")
                .params(organisation.value(), id)
                .update();
    }

    /** A report's pictures as a reader in {@code locale} sees them, by section. */
    public java.util.Map<UUID, List<ReportContent.ImageContent>> shown(
            OrganisationId organisation, UUID report, java.util.Locale locale) {
        java.util.Map<UUID, List<ReportContent.ImageContent>> bySection = new java.util.HashMap<>();
        for (SectionImage i : ofReport(organisation, report)) {
            bySection
                    .computeIfAbsent(i.sectionId(), k -> new java.util.ArrayList<>())
                    .add(new ReportContent.ImageContent(
                            i.id(),
                            i.number(),
                            i.mediaType(),
                            java.util.Base64.getEncoder().encodeToString(i.data()),
                            i.sha256(),
                            i.width(),
                            i.height(),
                            text(i.alt(), locale),
                            text(i.caption(), locale),
                            i.credit()));
        }
        return bySection;
    }

    private static ReportContent.Text text(LocalizedText t, java.util.Locale locale) {
        return new ReportContent.Text(t.in(locale), Composer.languageOf(t, locale));
    }

    private static SectionImage image(ResultSet rs, int row) throws SQLException {
        return new SectionImage(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getObject("section_id", UUID.class),
                rs.getInt("position"),
                rs.getString("media_type"),
                rs.getBytes("data"),
                rs.getString("sha256"),
                rs.getInt("width"),
                rs.getInt("height"),
                new LocalizedText(rs.getString("alt_fi"), rs.getString("alt_sv"), rs.getString("alt_en")),
                new LocalizedText(rs.getString("caption_fi"), rs.getString("caption_sv"), rs.getString("caption_en")),
                rs.getString("credit"),
                rs.getInt("version"),
                rs.getInt("number"));
    }
}
