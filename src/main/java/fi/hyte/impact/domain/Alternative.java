package fi.hyte.impact.domain;

import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.util.UUID;

/** An alternative of a decision: the proposal, the zero alternative (nothing changes) or another, with its cost. */
public record Alternative(
        UUID id, UUID caseId, int position, Kind kind, LocalizedText name, BigDecimal costEuros, int version) {

    public enum Kind {
        PROPOSAL,
        ZERO,
        OTHER
    }
}
