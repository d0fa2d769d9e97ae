package fi.hyte.indicator.domain;

import fi.hyte.platform.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An indicator: Sotkanet's (organisation null, id = Sotkanet's id) or an organisation's own local one
 * (with its own code). Decimals are null when the source has not told them; values are then shown as
 * published.
 */
public record Indicator(
        int id,
        UUID organisationId,
        String code,
        LocalizedText title,
        LocalizedText description,
        LocalizedText source,
        LocalizedText unit,
        Integer decimals,
        List<Gender> genders,
        Direction direction,
        LocalDate dataUpdated,
        Integer rangeStart,
        Integer rangeEnd) {

    public boolean isLocal() {
        return organisationId != null;
    }

    /** Total when the indicator has it; otherwise its only gender (some are for men or women only). */
    public Gender preferredGender() {
        return genders.contains(Gender.TOTAL) || genders.isEmpty() ? Gender.TOTAL : genders.get(0);
    }

    public boolean hasGenderBreakdown() {
        return genders.contains(Gender.MALE) && genders.contains(Gender.FEMALE);
    }
}
