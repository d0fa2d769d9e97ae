package fi.hyte.maturity.domain;

import java.time.OffsetDateTime;

/** The level the group agreed for a criterion, and why. */
public record Consensus(
        String criterion, int level, String rationale, String decidedBy, OffsetDateTime decidedAt, int version) {}
