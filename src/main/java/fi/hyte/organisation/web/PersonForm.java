package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.Person;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Adding or editing a person. */
record PersonForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String name,

        @Size(max = 200, message = "{validation.tooLong}") String title,
        UUID sectorId,
        @NotNull(message = "{validation.required}") Affiliation affiliation,
        @Size(max = 200, message = "{validation.tooLong}") String affiliationName,

        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}")
        String email,

        @Pattern(regexp = "[0-9 +()-]*", message = "{validation.phone}")
        @Size(max = 40, message = "{validation.tooLong}")
        String phone,

        Boolean inManagementGroup,
        UUID userId,
        Integer version) {

    PersonForm {
        inManagementGroup = Boolean.TRUE.equals(inManagementGroup);
        version = version == null ? -1 : version;
    }

    static PersonForm empty() {
        return new PersonForm("", "", null, Affiliation.STAFF, "", "", "", false, null, 0);
    }

    static PersonForm of(Person p) {
        return new PersonForm(
                p.name(),
                p.title(),
                p.sectorId(),
                p.affiliation(),
                p.affiliationName(),
                p.email(),
                p.phone(),
                p.inManagementGroup(),
                p.userId(),
                p.version());
    }

    Person toPerson(UUID id) {
        return new Person(
                id,
                name.strip(),
                blankToNull(title),
                sectorId,
                affiliation,
                blankToNull(affiliationName),
                blankToNull(email),
                blankToNull(phone),
                inManagementGroup,
                userId,
                version);
    }

    PersonForm withVersion(int newVersion) {
        return new PersonForm(
                name,
                title,
                sectorId,
                affiliation,
                affiliationName,
                email,
                phone,
                inManagementGroup,
                userId,
                newVersion);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
