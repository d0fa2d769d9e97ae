package fi.hyte.participation;

import fi.hyte.participation.domain.PublicSite;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.LocalDate;

/** The smallest public site the participation tests put online: a Finnish summary and a contact address. */
public final class TestSites {

    private TestSites() {}

    /** A new site (no version yet) that is online at the slug, with a partial accessibility statement. */
    public static PublicSite online(OrganisationId organisation, String slug) {
        return new PublicSite(
                organisation,
                slug,
                true,
                false,
                LocalizedText.of("Yhteenveto", null),
                LocalizedText.of(null, null),
                null,
                null,
                LocalizedText.of(null, null),
                "PARTIAL",
                LocalizedText.of(null, null),
                "a@example.fi",
                LocalDate.now(),
                0,
                -1);
    }
}
