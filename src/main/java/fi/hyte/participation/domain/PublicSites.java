package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' public sites; each row belongs to one organisation. */
@Repository
public class PublicSites {

    private static final String SELECT = "select organisation_id, slug, online, example, summary_fi, summary_sv,"
            + " summary_en, contact_fi, contact_sv, contact_en, contact_email, contact_phone, privacy_fi, privacy_sv,"
            + " privacy_en, accessibility_status, accessibility_gaps_fi, accessibility_gaps_sv, accessibility_gaps_en,"
            + " accessibility_feedback, accessibility_checked_on, publication_version, version from public_site";

    private final JdbcClient jdbc;

    PublicSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicSite> of(OrganisationId organisation) {
        return jdbc.sql(SELECT + " where organisation_id = ?")
                .param(organisation.value())
                .query(PublicSites::map)
                .optional();
    }

    /** The site at this address, online or not (the caller decides what the public may see). */
    public Optional<PublicSite> bySlug(String slug) {
        return jdbc.sql(SELECT + " where slug = ?")
                .param(slug)
                .query(PublicSites::map)
                .optional();
    }

    public Optional<String> slugOf(OrganisationId organisation) {
        return jdbc.sql("select slug from public_site where organisation_id = ?")
                .param(organisation.value())
                .query(String.class)
                .optional();
    }

    /** Inserts the first version of a site; a taken slug fails with a DuplicateKeyException. */
    void insert(PublicSite s, String by) {
        jdbc.sql("insert into public_site (organisation_id, slug, online, example, summary_fi, summary_sv, summary_en,"
                        + " contact_fi, contact_sv, contact_en, contact_email, contact_phone, privacy_fi, privacy_sv,"
                        + " privacy_en, accessibility_status, accessibility_gaps_fi, accessibility_gaps_sv,"
                        + " accessibility_gaps_en, accessibility_feedback, accessibility_checked_on, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.organisation().value(),
                        s.slug(),
                        s.online(),
                        s.example(),
                        s.summary().fi(),
                        s.summary().sv(),
                        s.summary().en(),
                        s.contact().fi(),
                        s.contact().sv(),
                        s.contact().en(),
                        s.contactEmail(),
                        s.contactPhone(),
                        s.privacy().fi(),
                        s.privacy().sv(),
                        s.privacy().en(),
                        s.accessibilityStatus(),
                        s.accessibilityGaps().fi(),
                        s.accessibilityGaps().sv(),
                        s.accessibilityGaps().en(),
                        s.accessibilityFeedback(),
                        s.accessibilityCheckedOn(),
                        by)
                .update();
    }

    /** Saves the site if nobody changed it since {@code s.version()}; false when someone did. */
    boolean update(PublicSite s, String by) {
        return jdbc.sql("update public_site set slug = ?, online = ?, summary_fi = ?, summary_sv = ?, summary_en = ?,"
                                + " contact_fi = ?, contact_sv = ?, contact_en = ?, contact_email = ?, contact_phone = ?,"
                                + " privacy_fi = ?, privacy_sv = ?, privacy_en = ?, accessibility_status = ?,"
                                + " accessibility_gaps_fi = ?, accessibility_gaps_sv = ?, accessibility_gaps_en = ?,"
                                + " accessibility_feedback = ?, accessibility_checked_on = ?,"
                                + " publication_version = publication_version + 1, version = version + 1,"
                                + " updated_at = now(), updated_by = ? where organisation_id = ? and version = ?")
                        .params(
                                s.slug(),
                                s.online(),
                                s.summary().fi(),
                                s.summary().sv(),
                                s.summary().en(),
                                s.contact().fi(),
                                s.contact().sv(),
                                s.contact().en(),
                                s.contactEmail(),
                                s.contactPhone(),
                                s.privacy().fi(),
                                s.privacy().sv(),
                                s.privacy().en(),
                                s.accessibilityStatus(),
                                s.accessibilityGaps().fi(),
                                s.accessibilityGaps().sv(),
                                s.accessibilityGaps().en(),
                                s.accessibilityFeedback(),
                                s.accessibilityCheckedOn(),
                                by,
                                s.organisation().value(),
                                s.version())
                        .update()
                == 1;
    }

    /** Whether the organisation speaks Finnish and Swedish: its consultations need both. */
    public boolean bilingual(OrganisationId organisation) {
        return jdbc.sql("select bilingual from public_site where organisation_id = ?")
                .param(organisation.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setBilingual(OrganisationId organisation, boolean bilingual) {
        jdbc.sql("update public_site set bilingual = ? where organisation_id = ?")
                .params(bilingual, organisation.value())
                .update();
    }

    /** A publication changed what the site shows: its pages' ETag must change. */
    void published(OrganisationId organisation) {
        jdbc.sql("update public_site set publication_version = publication_version + 1 where organisation_id = ?")
                .param(organisation.value())
                .update();
    }

    private static PublicSite map(ResultSet rs, int row) throws SQLException {
        return new PublicSite(
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("slug"),
                rs.getBoolean("online"),
                rs.getBoolean("example"),
                text(rs, "summary"),
                text(rs, "contact"),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                text(rs, "privacy"),
                rs.getString("accessibility_status"),
                text(rs, "accessibility_gaps"),
                rs.getString("accessibility_feedback"),
                rs.getObject("accessibility_checked_on", java.time.LocalDate.class),
                rs.getLong("publication_version"),
                rs.getInt("version"));
    }

    private static LocalizedText text(ResultSet rs, String column) throws SQLException {
        return new LocalizedText(
                rs.getString(column + "_fi"), rs.getString(column + "_sv"), rs.getString(column + "_en"));
    }
}
