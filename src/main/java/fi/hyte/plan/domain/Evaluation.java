package fi.hyte.plan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The yearly evaluation of a goal or a measure: was it realised, the assessment and its evidence. */
public record Evaluation(
        UUID id,
        UUID goalId,
        UUID measureId,
        int year,
        Realisation realised,
        String assessment,
        String evidence,
        String evidenceUrl,
        int version,
        OffsetDateTime updatedAt,
        String updatedBy) {}
