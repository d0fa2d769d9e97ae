package fi.hyte.report.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One body's handling of the locked report: meeting, section (§), minutes and what it decided. */
public record Handling(
        UUID id,
        UUID reportId,
        UUID bodyId,
        String bodyName,
        LocalDate meetingOn,
        String paragraph,
        String minutesUrl,
        Outcome outcome,
        String amendment,
        OffsetDateTime recordedAt,
        String recordedBy) {

    /** What the body did with the report. */
    public enum Outcome {
        /** Prepared and sent on to the next body (committee → board → council). */
        FORWARDED,
        /** Returned for preparation: the report is a draft again. */
        RETURNED,
        APPROVED,
        /** Approved with amendments, recorded beside the version the body read. */
        AMENDED;

        public boolean approves() {
            return this == APPROVED || this == AMENDED;
        }
    }
}
