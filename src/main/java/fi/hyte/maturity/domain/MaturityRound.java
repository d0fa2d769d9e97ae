package fi.hyte.maturity.domain;

import java.time.LocalDate;
import java.util.UUID;

/** One assessment of the organisation against a model, e.g. "Hyte-kypsyysarvio 2025". */
public record MaturityRound(
        UUID id,
        String modelId,
        int modelVersion,
        String title,
        LocalDate assessedOn,
        LocalDate deadline,
        RoundStatus status,
        boolean answersHidden,
        int version) {

    public boolean open() {
        return status == RoundStatus.OPEN;
    }

    public boolean closed() {
        return status == RoundStatus.CLOSED;
    }
}
