package fi.hyte.maturity.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A respondent of a round: a Hyte user answering for themselves, or someone whose answers the coordinator records. */
public record Participant(
        UUID id, UUID roundId, String name, UUID userId, boolean submitted, OffsetDateTime submittedAt, int version) {}
