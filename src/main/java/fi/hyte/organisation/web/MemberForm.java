package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.MemberRole;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Seating a person in a body. */
record MemberForm(
        @NotNull(message = "{validation.required}") UUID personId,
        @NotNull(message = "{validation.required}") MemberRole role) {

    static MemberForm empty() {
        return new MemberForm(null, MemberRole.MEMBER);
    }
}
