package fi.hyte.impact.domain;

import fi.hyte.platform.LocalizedText;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A decision under preparation with its assessment's state; preparers are Hyte users. */
public record DecisionCase(
        UUID id,
        LocalizedText title,
        LocalizedText description,
        UUID bodyId,
        UUID sectorId,
        List<UUID> preparers,
        String diaryNumber,
        String caseUrl,
        LocalDate startsOn,
        LocalDate assessmentDue,
        LocalDate meetingOn,
        CaseStatus status,
        String notAssessedReason,
        Need need,
        int templateVersion,
        Screening screening,
        NeedsTests needs,
        Decision decision,
        String summaryFi,
        String summarySv,
        OffsetDateTime frozenAt,
        boolean example,
        OffsetDateTime createdAt,
        int version) {

    /** What was decided: the body, date, paragraph (§), the alternative chosen and the minutes. */
    public record Decision(UUID bodyId, LocalDate decidedOn, String paragraph, UUID alternative, String minutesUrl) {

        public static Decision none() {
            return new Decision(null, null, null, null, null);
        }
    }

    public boolean preparedBy(UUID user) {
        return user != null && preparers.contains(user);
    }
}
