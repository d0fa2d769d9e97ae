package fi.hyte.impact.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What is monitored after the decision, tied to a goal of the plan, and the outcome beside the forecast. */
public record FollowUp(
        UUID id,
        UUID caseId,
        String what,
        Integer indicatorId,
        Expected expected,
        String responsible,
        LocalDate dueOn,
        UUID goalId,
        UUID measureId,
        String measureRef,
        Outcome outcome,
        int version) {

    public enum Expected {
        INCREASE,
        DECREASE,
        MAINTAIN,
        CHECK
    }

    public enum Outcome {
        AS_EXPECTED,
        NOT_AS_EXPECTED,
        UNCLEAR
    }
}
