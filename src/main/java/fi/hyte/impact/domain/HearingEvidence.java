package fi.hyte.impact.domain;

import fi.hyte.participation.ParticipationCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.format.Formats;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Hearings of a case as a cell's evidence, as text: who, when, what was said and done with it, and
 * for a hearing that was a participation consultation its responses and answers as of now. The text
 * is kept with the cell and renewed when the assessment is frozen, like an indicator's.
 */
@Component
public class HearingEvidence {

    private final ParticipationCatalog participation;
    private final MessageSource messages;
    private final ZoneId zone;

    HearingEvidence(
            ParticipationCatalog participation, MessageSource messages, @Value("${hyte.time-zone}") String zone) {
        this.participation = participation;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** The hearings' text in the order given; null when there are none. */
    public String of(OrganisationId organisation, List<Hearing> hearings, Locale locale) {
        if (hearings.isEmpty()) {
            return null;
        }
        Formats fmt = new Formats(locale, zone);
        StringBuilder text = new StringBuilder();
        for (Hearing h : hearings) {
            if (!text.isEmpty()) {
                text.append(" ");
            }
            text.append(messages.getMessage("impact.heard." + h.who(), null, locale));
            if (h.heldOn() != null) {
                text.append(" ").append(fmt.date(h.heldOn()));
            }
            text.append(":");
            if (h.said() != null) {
                text.append(" ").append(h.said());
            }
            if (h.done() != null) {
                text.append(" ")
                        .append(messages.getMessage("impact.evidence.hearingDone", new Object[] {h.done()}, locale));
            }
            if (h.consultationId() != null) {
                participation
                        .consultation(organisation, h.consultationId())
                        .ifPresent(c -> text.append(" ")
                                .append(messages.getMessage(
                                        "impact.evidence.consultation",
                                        new Object[] {
                                            c.title().in(locale),
                                            String.valueOf(c.responses()),
                                            String.valueOf(c.answered()),
                                            String.valueOf(c.items())
                                        },
                                        locale)));
            }
            if (text.charAt(text.length() - 1) == ':') {
                text.setLength(text.length() - 1);
            }
            text.append(text.charAt(text.length() - 1) == '.' ? "" : ".");
        }
        return text.toString();
    }

    /** The case's hearings with the given ids, in the case's order; ids of other hearings are left out. */
    public static List<Hearing> picked(List<Hearing> ofCase, List<java.util.UUID> ids) {
        return ofCase.stream()
                .filter(h -> ids.contains(h.id()))
                .filter(Objects::nonNull)
                .toList();
    }
}
