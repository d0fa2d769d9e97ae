package fi.hyte.participation;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The place the wellbeing report fills on the public site: the report module implements this (a
 * bean) once approved reports can be published; until then the public front page says nothing of
 * reports. Its {@link #version} joins the site's ETag, so a newly published report is never hidden
 * behind a cached page.
 */
public interface PublicReports {

    /** The latest approved and published report of the organisation, if any. */
    Optional<PublishedReport> latest(OrganisationId organisation);

    /** A number that changes whenever the organisation publishes or withdraws a report. */
    long version(OrganisationId organisation);

    /**
     * The chapters of the organisation's reports still in preparation (draft or in review), in the
     * reports' and chapters' order, so that a consultation can open them to residents' comments.
     */
    default List<DraftChapter> draftChapters(OrganisationId organisation) {
        return List.of();
    }

    /**
     * A chapter of a report in preparation: {@code ref} names it among the consultation's sections
     * (e.g. "K2026.3", the report's last year and the chapter's number), {@code title} is the
     * report's title and the chapter's heading together, in each language the report has.
     */
    record DraftChapter(String ref, LocalizedText title) {}

    /**
     * A published report: its title, the council's decision (date and section, e.g. "§ 45") and the
     * address of the report itself (a page of the report module, or its PDF).
     */
    record PublishedReport(LocalizedText title, int year, LocalDate approvedOn, String decision, String url) {}
}
