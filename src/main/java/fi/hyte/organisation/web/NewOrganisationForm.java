package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.OrganisationType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A system operator brings in a new organisation with its first administrator. */
record NewOrganisationForm(
        @NotNull(message = "{validation.required}") OrganisationType type,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String nameFi,

        @Size(max = 200, message = "{validation.tooLong}") String nameSv,

        @Pattern(
                regexp = "((MUNICIPALITY|WELLBEING_COUNTY|REGION):[0-9]{2,3})?",
                message = "{organisation.region.unknown}")
        String region,

        @NotBlank(message = "{validation.required}")
        @Size(min = 3, max = 60, message = "{users.username.length}")
        @Pattern(regexp = "[\\p{L}0-9._@-]*", message = "{users.username.chars}")
        String adminUsername,

        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}")
        String adminName,

        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}")
        String adminEmail) {

    static NewOrganisationForm empty() {
        return new NewOrganisationForm(OrganisationType.MUNICIPALITY, "", "", "", "", "", "");
    }
}
