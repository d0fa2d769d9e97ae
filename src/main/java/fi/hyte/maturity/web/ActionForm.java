package fi.hyte.maturity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A development action for one criterion. */
record ActionForm(
        @NotBlank(message = "{validation.required}") String criterion,

        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}")
        String title,

        @Size(max = 200, message = "{validation.tooLong}") String owner,
        LocalDate dueOn) {

    static ActionForm empty() {
        return new ActionForm("", "", "", null);
    }
}
