package fi.hyte.impact.domain;

import java.util.List;
import java.util.UUID;

/**
 * One alternative's impact on one row over one term: direction, magnitude, reasoning, evidence (an
 * indicator's value frozen when it was chosen, hearings of the case with their text as of saving
 * (renewed at freezing), research links) and mitigation.
 */
public record Cell(
        UUID id,
        UUID alternativeId,
        String rowKey,
        Term term,
        Direction direction,
        Magnitude magnitude,
        String reasoning,
        String evidence,
        Integer indicatorId,
        String indicatorSnapshot,
        String mitigation,
        String updatedBy,
        int version,
        List<UUID> hearingIds,
        String hearingSnapshot) {

    public Cell {
        hearingIds = hearingIds == null ? List.of() : List.copyOf(hearingIds);
    }

    /** A cell without hearings as its evidence. */
    public Cell(
            UUID id,
            UUID alternativeId,
            String rowKey,
            Term term,
            Direction direction,
            Magnitude magnitude,
            String reasoning,
            String evidence,
            Integer indicatorId,
            String indicatorSnapshot,
            String mitigation,
            String updatedBy,
            int version) {
        this(
                id,
                alternativeId,
                rowKey,
                term,
                direction,
                magnitude,
                reasoning,
                evidence,
                indicatorId,
                indicatorSnapshot,
                mitigation,
                updatedBy,
                version,
                List.of(),
                null);
    }

    /** Short term is the budget year; long term the council term and beyond. */
    public enum Term {
        SHORT,
        LONG
    }

    public enum Direction {
        POSITIVE,
        NEGATIVE,
        UNCERTAIN,
        NONE
    }

    public enum Magnitude {
        SMALL,
        MODERATE,
        LARGE
    }

    public boolean hasEvidence() {
        return (evidence != null && !evidence.isBlank()) || indicatorId != null || !hearingIds.isEmpty();
    }
}
