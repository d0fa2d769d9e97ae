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

    /** A topic consultation's own sections: enough for a decision's parts, few enough to read. */
    public static final int MAX_OWN_SECTIONS = 12;

    /** Its own sections are frozen once it is published and open: residents comment on what they read. */
    public boolean sectionsFrozen(Instant now) {
        return published && !now.isBefore(opensAt);
    }

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(closesAt);
    }

    /**
     * A part of the draft open to comment, with its title as it was when the consultation was set up:
     * a goal or a report chapter (with its ref, no text) or a section the coordinator wrote for a
     * topic consultation (no ref, a heading and a text).
     */
    public record Section(UUID id, String ref, LocalizedText title, LocalizedText text) {

        public boolean own() {
            return ref == null;
        }
    }

    /**
     * Where a consultation run outside Hyte took place: OTAKANTAA, KUNTALAISALOITE or OTHER, its
     * address there and how many took part (null when not known).
     */
    public record Outside(String service, String url, Integer participants) {

        public static final java.util.List<String> SERVICES =
                java.util.List.of("OTAKANTAA", "KUNTALAISALOITE", "OTHER");

        /** The address's host, as the public page names the service ("otakantaa.fi"). */
        public String host() {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host.replaceFirst("^www\\.", "");
        }
    }

    /** A question: CHOICE (one of the choices), SCALE (1–5) or TEXT (free text). */
    public record Question(UUID id, String kind, LocalizedText text, List<LocalizedText> choices) {}
}
