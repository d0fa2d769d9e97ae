package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consultation on a draft (the plan, a report draft or a topic): open to residents from
 * {@code opensAt} to {@code closesAt}; only a published one shows on the public site. With PRE
 * moderation every answer waits for a moderator; with POST it shows at once unless it looks like it
 * holds personal data or a link.
 */
public record Consultation(
        UUID id,
        OrganisationId organisation,
        UUID planId,
        LocalizedText title,
        LocalizedText intro,
        Instant opensAt,
        Instant closesAt,
        String moderation,
        boolean published,
        List<UUID> invitedBodies,
        int version) {

    public static final int MAX_QUESTIONS = 10;

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(closesAt);
    }

    /** A part of the draft open to comment, with its title as it was when the consultation was set up. */
    public record Section(UUID id, String ref, LocalizedText title) {}

    /** A question: CHOICE (one of the choices), SCALE (1–5) or TEXT (free text). */
    public record Question(UUID id, String kind, LocalizedText text, List<LocalizedText> choices) {}
}
