package fi.hyte.impact.web;

import fi.hyte.impact.domain.FollowUp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up: what to monitor, the expected direction, who and when, and the plan goal it is tied to. */
record FollowUpForm(
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}")
        String what,

        Integer indicatorId,
        FollowUp.Expected expected,
        @Size(max = 200, message = "{validation.tooLong}") String responsible,
        LocalDate dueOn,
        UUID goalId,
        Boolean intoPlan) {

    FollowUpForm {
        intoPlan = Boolean.TRUE.equals(intoPlan);
    }

    static FollowUpForm empty() {
        return new FollowUpForm("", null, FollowUp.Expected.CHECK, "", null, null, true);
    }
}
