package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A module's part of the weekly digest, implemented by the modules that produce reminders (the plan,
 * the maturity assessment), so that the platform never depends on them. The organisation's data is
 * read once by {@link #prepare}; the answer then gives each person's sections.
 */
public interface DigestContent {

    /**
     * @param since when the previous digest was built: what is "new" is newer than this
     */
    Part prepare(OrganisationId organisation, LocalDate today, Instant since);

    /** The organisation's content, read once, for each person in turn. */
    @FunctionalInterface
    interface Part {
        List<MailSection> of(UserId person);
    }
}
