package fi.hyte.participation.web;

import fi.hyte.participation.domain.Consultation;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Opening or changing a consultation: texts, the period in Helsinki time, moderation, councils, sections. */
record ConsultationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 200, message = "{validation.tooLong}") String titleSv,
        @Size(max = 200, message = "{validation.tooLong}") String titleEn,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
        String introFi,

        @Size(max = 4000, message = "{validation.tooLong}") String introSv,
        @Size(max = 4000, message = "{validation.tooLong}") String introEn,
        @NotBlank(message = "{validation.required}") String opensAt,
        @NotBlank(message = "{validation.required}") String closesAt,

        @Pattern(regexp = "PRE|POST", message = "{participation.consultation.problem.moderation}")
        String moderation,

        Boolean published,
        List<String> bodies,
        List<String> sections,
        Integer version) {

    ConsultationForm {
        version = version == null ? -1 : version;
        moderation = moderation == null ? "" : moderation;
        bodies = bodies == null ? List.of() : bodies;
        sections = sections == null ? List.of() : sections;
    }

    static ConsultationForm of(Consultation c, ZoneId zone) {
        return new ConsultationForm(
                c.title().fi(),
                c.title().sv(),
                c.title().en(),
                c.intro().fi(),
                c.intro().sv(),
                c.intro().en(),
                local(c.opensAt(), zone),
                local(c.closesAt(), zone),
                c.moderation(),
                c.published(),
                c.invitedBodies().stream().map(UUID::toString).toList(),
                List.of(),
                c.version());
    }

    static ConsultationForm starting(Instant now, ZoneId zone) {
        Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return new ConsultationForm(
                "",
                "",
                "",
                "",
                "",
                "",
                local(start, zone),
                local(start.plus(28, ChronoUnit.DAYS), zone),
                "POST",
                false,
                List.of(),
                List.of(),
                -1);
    }

    private static String local(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** The moment a field gives in Helsinki time, or null when it is not a date and time. */
    static Instant at(String value, ZoneId zone) {
        try {
            return value == null
                    ? null
                    : LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    List<UUID> bodyIds() {
        List<UUID> ids = new ArrayList<>();
        for (String b : bodies) {
            try {
                ids.add(UUID.fromString(b));
            } catch (IllegalArgumentException e) {
                // not one of the offered bodies: dropped, the check against the organisation's bodies follows
            }
        }
        return ids;
    }

    Consultation toConsultation(UUID id, OrganisationId organisation, UUID plan, ZoneId zone, List<UUID> bodies) {
        return new Consultation(
                id,
                organisation,
                plan,
                new LocalizedText(titleFi, titleSv, titleEn),
                new LocalizedText(introFi, introSv, introEn),
                at(opensAt, zone),
                at(closesAt, zone),
                moderation,
                Boolean.TRUE.equals(published),
                bodies,
                version);
    }
}
