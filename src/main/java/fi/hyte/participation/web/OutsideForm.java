package fi.hyte.participation.web;

import fi.hyte.participation.domain.Consultation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Recording a consultation run outside Hyte: the service, its address there, the title, the open
 * dates (Helsinki days), how many took part and a summary of what was said.
 */
record OutsideForm(
        @Pattern(regexp = "OTAKANTAA|KUNTALAISALOITE|OTHER", message = "{participation.outside.problem.service}")
        String service,

        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}")
        String url,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 200, message = "{validation.tooLong}") String titleSv,
        @Size(max = 200, message = "{validation.tooLong}") String titleEn,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
        String summaryFi,

        @Size(max = 4000, message = "{validation.tooLong}") String summarySv,
        @Size(max = 4000, message = "{validation.tooLong}") String summaryEn,
        @NotBlank(message = "{validation.required}") String opensOn,
        @NotBlank(message = "{validation.required}") String closesOn,

        @Pattern(regexp = "\\s*([0-9]{1,8})?\\s*", message = "{participation.outside.problem.participants}")
        String participants,

        Boolean published,
        Integer version) {

    OutsideForm {
        version = version == null ? -1 : version;
        service = service == null ? "" : service;
    }

    static OutsideForm empty() {
        return new OutsideForm("OTAKANTAA", "https://www.otakantaa.fi/", "", "", "", "", "", "", "", "", "", false, -1);
    }

    static OutsideForm of(Consultation c, Consultation.Outside o, ZoneId zone) {
        return new OutsideForm(
                o.service(),
                o.url(),
                c.title().fi(),
                c.title().sv(),
                c.title().en(),
                c.intro().fi(),
                c.intro().sv(),
                c.intro().en(),
                LocalDate.ofInstant(c.opensAt(), zone).toString(),
                LocalDate.ofInstant(c.closesAt(), zone).minusDays(1).toString(),
                o.participants() == null ? "" : o.participants().toString(),
                c.published(),
                c.version());
    }

    /** The day a date field gives, or null when it is not a date. */
    static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first moment of the first day, in Helsinki time. */
    static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The end of the last day (the next day's first moment), in Helsinki time. */
    static Instant end(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Integer participantCount() {
        return participants == null || participants.isBlank() ? null : Integer.valueOf(participants.strip());
    }

    /** Whether the address is an http or https address with a host (nothing else may be linked to). */
    static boolean webAddress(String value) {
        if (value == null || value.strip().chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
