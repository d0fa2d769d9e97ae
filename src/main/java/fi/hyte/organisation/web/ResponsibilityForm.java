package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Naming who answers for what. */
record ResponsibilityForm(
        @NotNull(message = "{validation.required}") ResponsibilityKind kind,
        UUID personId,
        UUID bodyId,
        @Size(max = 2000, message = "{validation.tooLong}") String descriptionFi,
        @Size(max = 2000, message = "{validation.tooLong}") String descriptionSv,
        Integer version) {

    ResponsibilityForm {
        version = version == null ? -1 : version;
    }

    static ResponsibilityForm of(ResponsibilityKind kind) {
        return new ResponsibilityForm(kind, null, null, "", "", 0);
    }

    static ResponsibilityForm of(Responsibility r) {
        return new ResponsibilityForm(
                r.kind(),
                r.personId(),
                r.bodyId(),
                r.description().fi(),
                r.description().sv(),
                r.version());
    }

    boolean hasHolder() {
        return personId != null || bodyId != null;
    }

    Responsibility toResponsibility(UUID id) {
        return new Responsibility(id, kind, personId, bodyId, LocalizedText.of(descriptionFi, descriptionSv), version);
    }

    ResponsibilityForm withVersion(int newVersion) {
        return new ResponsibilityForm(kind, personId, bodyId, descriptionFi, descriptionSv, newVersion);
    }
}
