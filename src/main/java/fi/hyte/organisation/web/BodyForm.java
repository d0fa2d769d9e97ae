package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Body;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Adding or editing a body. */
record BodyForm(
        @NotNull(message = "{validation.required}") BodyType type,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String nameFi,

        @Size(max = 200, message = "{validation.tooLong}") String nameSv,
        Integer version) {

    BodyForm {
        version = version == null ? -1 : version;
    }

    static BodyForm of(BodyType type) {
        return new BodyForm(type, "", "", 0);
    }

    static BodyForm of(Body body) {
        return new BodyForm(body.type(), body.name().fi(), body.name().sv(), body.version());
    }

    Body toBody(UUID id) {
        return new Body(id, type, LocalizedText.of(nameFi, nameSv), version);
    }

    BodyForm withVersion(int newVersion) {
        return new BodyForm(type, nameFi, nameSv, newVersion);
    }
}
