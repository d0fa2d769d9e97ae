package fi.hyte.impact.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.format.Formats;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An indicator as a cell's evidence: its latest own value, the gender gap and the comparison with
 * the whole country, as text. The text is kept with the cell and renewed when the assessment is
 * frozen, so a later import does not change a frozen assessment.
 */
@Component
public class IndicatorEvidence {

    private final IndicatorCatalog indicators;
    private final MessageSource messages;
    private final ZoneId zone;

    IndicatorEvidence(IndicatorCatalog indicators, MessageSource messages, @Value("${hyte.time-zone}") String zone) {
        this.indicators = indicators;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** The evidence text of the indicator as of now; empty when the organisation has no such indicator. */
    public Optional<String> of(OrganisationId organisation, int indicatorId, Locale locale) {
        return indicators.series(organisation, indicatorId, Optional.empty()).map(s -> text(s, locale));
    }

    private String text(IndicatorCatalog.Series s, Locale locale) {
        Formats fmt = new Formats(locale, zone);
        StringBuilder line = new StringBuilder(s.indicator().title().in(locale));
        if (s.own() == null) {
            return line.append(": –").toString();
        }
        line.append(" ")
                .append(s.own().year())
                .append(": ")
                .append(fmt.value(s.own().value()));
        s.gaps().stream()
                .filter(g -> g.kind().equals("gender"))
                .findFirst()
                .ifPresent(g -> line.append("; ♀/♂ ").append(fmt.change(g.difference())));
        if (s.againstCountry() != null) {
            String key = switch (s.againstCountry()) {
                case 1 -> "better";
                case -1 -> "worse";
                case 2 -> "higher";
                case -2 -> "lower";
                default -> "same";
            };
            line.append("; ").append(messages.getMessage("impact.evidence.country." + key, null, locale));
        }
        return line.toString();
    }
}
