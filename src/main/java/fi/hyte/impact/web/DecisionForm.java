package fi.hyte.impact.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** What the body decided: body, date, paragraph, the alternative chosen and the minutes' address. */
record DecisionForm(
        @NotNull(message = "{impact.validation.body}") UUID bodyId,
        @NotNull(message = "{validation.date}") LocalDate decidedOn,
        @Size(max = 50, message = "{validation.tooLong}") String paragraph,

        @NotNull(message = "{impact.validation.alternative}")
        UUID alternative,

        @Size(max = 1000, message = "{validation.tooLong}") String minutesUrl,
        Integer version) {

    DecisionForm {
        version = version == null ? 0 : version;
    }
}
