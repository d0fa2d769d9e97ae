package fi.hyte.impact.web;

import fi.hyte.impact.domain.DecisionCase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A decision case's details; preparers are users of the organisation. */
record CaseForm(
        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 300, message = "{validation.tooLong}") String titleSv,
        @Size(max = 5000, message = "{validation.tooLong}") String descriptionFi,
        @Size(max = 5000, message = "{validation.tooLong}") String descriptionSv,
        @NotNull(message = "{impact.validation.body}") UUID bodyId,
        UUID sectorId,
        List<UUID> preparers,
        @Size(max = 100, message = "{validation.tooLong}") String diaryNumber,
        @Size(max = 1000, message = "{validation.tooLong}") String caseUrl,
        LocalDate startsOn,
        LocalDate assessmentDue,
        LocalDate meetingOn,
        Integer version) {

    CaseForm {
        preparers = preparers == null
                ? List.of()
                : preparers.stream().filter(Objects::nonNull).distinct().toList();
        version = version == null ? 0 : version;
    }

    static CaseForm empty(UUID me) {
        return new CaseForm(
                "",
                "",
                "",
                "",
                null,
                null,
                me == null ? List.of() : List.of(me),
                "",
                "",
                LocalDate.now(),
                null,
                null,
                0);
    }

    static CaseForm of(DecisionCase c) {
        return new CaseForm(
                c.title().fi(),
                c.title().sv(),
                c.description().fi(),
                c.description().sv(),
                c.bodyId(),
                c.sectorId(),
                c.preparers(),
                c.diaryNumber(),
                c.caseUrl(),
                c.startsOn(),
                c.assessmentDue(),
                c.meetingOn(),
                c.version());
    }
}
