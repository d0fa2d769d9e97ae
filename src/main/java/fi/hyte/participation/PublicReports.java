package fi.hyte.participation;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;
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
     * A published report: its title, the council's decision (date and section, e.g. "§ 45") and the
     * address of the report itself (a page of the report module, or its PDF).
     */
    record PublishedReport(LocalizedText title, int year, LocalDate approvedOn, String decision, String url) {}
}
