package fi.hyte.participation.web;

import fi.hyte.participation.domain.PublicSite;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The public site's settings: address, whether it is online, and the texts for residents. */
record SiteForm(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?", message = "{participation.validation.slug}")
        String slug,

        Boolean online,

        @Size(max = 4000, message = "{validation.tooLong}") String summaryFi,
        @Size(max = 4000, message = "{validation.tooLong}") String summarySv,
        @Size(max = 4000, message = "{validation.tooLong}") String summaryEn,
        @Size(max = 2000, message = "{validation.tooLong}") String contactFi,
        @Size(max = 2000, message = "{validation.tooLong}") String contactSv,
        @Size(max = 2000, message = "{validation.tooLong}") String contactEn,

        @Size(max = 200, message = "{validation.tooLong}")
        @Pattern(regexp = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?", message = "{participation.validation.email}")
        String contactEmail,

        @Size(max = 40, message = "{validation.tooLong}")
        @Pattern(regexp = "(\\+?[0-9][0-9 ()-]{4,})?", message = "{participation.validation.phone}")
        String contactPhone,

        @Size(max = 8000, message = "{validation.tooLong}") String privacyFi,
        @Size(max = 8000, message = "{validation.tooLong}") String privacySv,
        @Size(max = 8000, message = "{validation.tooLong}") String privacyEn,

        @Pattern(regexp = "FULL|PARTIAL|NONE", message = "{participation.validation.status}")
        String accessibilityStatus,

        @Size(max = 8000, message = "{validation.tooLong}") String accessibilityGapsFi,
        @Size(max = 8000, message = "{validation.tooLong}") String accessibilityGapsSv,
        @Size(max = 8000, message = "{validation.tooLong}") String accessibilityGapsEn,

        @Size(max = 300, message = "{validation.tooLong}")
        @Pattern(
                regexp = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+|https://\\S+)?",
                message = "{participation.validation.feedback}")
        String accessibilityFeedback,

        String accessibilityCheckedOn,
        Integer version) {

    SiteForm {
        version = version == null ? -1 : version;
        accessibilityStatus = accessibilityStatus == null ? "" : accessibilityStatus;
    }

    static SiteForm of(PublicSite s) {
        return new SiteForm(
                s.slug(),
                s.online(),
                s.summary().fi(),
                s.summary().sv(),
                s.summary().en(),
                s.contact().fi(),
                s.contact().sv(),
                s.contact().en(),
                s.contactEmail(),
                s.contactPhone(),
                s.privacy().fi(),
                s.privacy().sv(),
                s.privacy().en(),
                s.accessibilityStatus(),
                s.accessibilityGaps().fi(),
                s.accessibilityGaps().sv(),
                s.accessibilityGaps().en(),
                s.accessibilityFeedback(),
                s.accessibilityCheckedOn() == null
                        ? ""
                        : s.accessibilityCheckedOn().toString(),
                s.version());
    }

    boolean isOnline() {
        return Boolean.TRUE.equals(online);
    }

    /** The date of the last check, or null when blank; {@link #checkedOnValid} tells a bad one. */
    LocalDate checkedOn() {
        if (accessibilityCheckedOn == null || accessibilityCheckedOn.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(accessibilityCheckedOn.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean checkedOnValid() {
        return accessibilityCheckedOn == null || accessibilityCheckedOn.isBlank() || checkedOn() != null;
    }

    PublicSite toSite(OrganisationId organisation) {
        return new PublicSite(
                organisation,
                slug.strip(),
                isOnline(),
                false,
                new LocalizedText(summaryFi, summarySv, summaryEn),
                new LocalizedText(contactFi, contactSv, contactEn),
                blank(contactEmail),
                blank(contactPhone),
                new LocalizedText(privacyFi, privacySv, privacyEn),
                accessibilityStatus,
                new LocalizedText(accessibilityGapsFi, accessibilityGapsSv, accessibilityGapsEn),
                blank(accessibilityFeedback),
                checkedOn(),
                0,
                version);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
