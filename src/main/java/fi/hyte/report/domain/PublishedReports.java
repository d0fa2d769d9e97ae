package fi.hyte.report.domain;

import fi.hyte.participation.PublicReports;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The wellbeing report's place on the organisation's public site (participation's SPI): the latest
 * published report by its decision date, with the approving decision and the address of its public
 * page in the reader's language. Reads only the report's row and the snapshot's decision, never the
 * snapshot's content.
 */
@Component
class PublishedReports implements PublicReports {

    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final JdbcClient jdbc;

    PublishedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublishedReport> latest(OrganisationId organisation) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        String language = LANGUAGES.contains(lang) ? lang : "fi";
        return jdbc.sql("select r.id, r.title_fi, r.title_sv, r.title_en, r.last_year, s.decided_on, s.paragraph"
                        + " from report_snapshot s join report r on r.id = s.report_id and r.organisation_id = s.organisation_id"
                        + " where s.organisation_id = ? and s.published_at is not null"
                        + " order by s.decided_on desc, s.published_at desc limit 1")
                .param(organisation.value())
                .query((rs, i) -> new PublishedReport(
                        new LocalizedText(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getInt(5),
                        rs.getDate(6).toLocalDate(),
                        rs.getString(7),
                        "/public/reports/" + rs.getObject(1, UUID.class) + "/" + language))
                .optional();
    }

    @Override
    public List<DraftChapter> draftChapters(OrganisationId organisation) {
        return jdbc.sql("select r.last_year, s.position, r.title_fi, r.title_sv, r.title_en, s.title_fi, s.title_sv,"
                        + " s.title_en from report r join report_section s on s.report_id = r.id and s.organisation_id ="
                        + " r.organisation_id where r.organisation_id = ? and r.status in ('DRAFT', 'REVIEW')"
                        + " order by r.created_at, r.id, s.position")
                .param(organisation.value())
                .query((rs, i) -> new DraftChapter(
                        "K" + rs.getInt(1) + "." + (rs.getInt(2) + 1),
                        new LocalizedText(
                                joined(rs.getString(3), rs.getString(6)),
                                joined(rs.getString(4), rs.getString(7)),
                                joined(rs.getString(5), rs.getString(8)))))
                .list();
    }

    /** "Report: chapter" where the language has both, else nothing (the reader's fallback is Finnish). */
    private static String joined(String report, String chapter) {
        return report == null || chapter == null ? null : report + ": " + chapter;
    }

    /** The sum of the publication times: any newly published (or withdrawn) version changes it. */
    @Override
    public long version(OrganisationId organisation) {
        return jdbc.sql("select coalesce(sum(floor(extract(epoch from published_at) * 1000))::bigint, 0)"
                        + " from report_snapshot where organisation_id = ? and published_at is not null")
                .param(organisation.value())
                .query(Long.class)
                .single();
    }
}
