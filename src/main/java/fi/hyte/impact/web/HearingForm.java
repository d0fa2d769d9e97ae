package fi.hyte.impact.web;

import fi.hyte.impact.domain.Hearing;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A hearing: who, when, how, how many, what was said and what was done with it, a link, and the participation consultation it was (optional). */
record HearingForm(
        @NotNull(message = "{validation.required}") Hearing.Heard who,
        LocalDate heldOn,
        @Size(max = 500, message = "{validation.tooLong}") String method,
        String participants,
        @Size(max = 4000, message = "{validation.tooLong}") String said,
        @Size(max = 4000, message = "{validation.tooLong}") String done,
        @Size(max = 1000, message = "{validation.tooLong}") String url,
        java.util.UUID consultation) {

    static HearingForm empty() {
        return new HearingForm(null, null, "", "", "", "", "", null);
    }
}
