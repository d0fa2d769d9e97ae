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
        String updatedBy) {

    /** This evaluation as first saved: a new id, version 0, saved by the given user. */
    public Evaluation asNew(String by) {
        return new Evaluation(
                java.util.UUID.randomUUID(),
                goalId,
                measureId,
                year,
                realised,
                assessment,
                evidence,
                evidenceUrl,
                0,
                null,
                by);
    }
}
