package fi.hyte.impact.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An alternative's name and cost (euros as text, checked by the controller). */
record AlternativeForm(
        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String nameFi,

        @Size(max = 300, message = "{validation.tooLong}") String nameSv,
        String cost) {

    static AlternativeForm empty() {
        return new AlternativeForm("", "", "");
    }
}
