package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Organisation;
import fi.hyte.organisation.domain.OrganisationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The organisation's own details; {@code region} is e.g. "MUNICIPALITY:245" or empty. */
record OrganisationForm(
        @NotNull(message = "{validation.required}") OrganisationType type,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String nameFi,

        @Size(max = 200, message = "{validation.tooLong}") String nameSv,

        @Pattern(
                regexp = "((MUNICIPALITY|WELLBEING_COUNTY|REGION):[0-9]{2,3})?",
                message = "{organisation.region.unknown}")
        String region,

        Integer version) {

    OrganisationForm {
        version = version == null ? -1 : version;
    }

    static OrganisationForm of(Organisation o) {
        return new OrganisationForm(
                o.type(),
                o.name().fi(),
                o.name().sv(),
                o.regionKind() == null ? "" : o.regionKind() + ":" + o.regionCode(),
                o.version());
    }

    OrganisationForm withVersion(int newVersion) {
        return new OrganisationForm(type, nameFi, nameSv, region, newVersion);
    }
}
