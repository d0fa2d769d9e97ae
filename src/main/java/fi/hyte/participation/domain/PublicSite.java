package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;

/**
 * An organisation's public site: its address ({@code /o/slug/fi}), whether it is online, and the
 * texts written for residents. Only a site that is online answers; an example site (the demo's)
 * says so on every page.
 *
 * @param accessibilityStatus FULL, PARTIAL or NONE (the statutory wording of the statement)
 * @param publicationVersion changes with every publication; part of the pages' ETag
 */
public record PublicSite(
        OrganisationId organisation,
        String slug,
        boolean online,
        boolean example,
        LocalizedText summary,
        LocalizedText contact,
        String contactEmail,
        String contactPhone,
        LocalizedText privacy,
        String accessibilityStatus,
        LocalizedText accessibilityGaps,
        String accessibilityFeedback,
        LocalDate accessibilityCheckedOn,
        long publicationVersion,
        int version) {

    public static final java.util.List<String> ACCESSIBILITY_STATUSES = java.util.List.of("FULL", "PARTIAL", "NONE");
}
