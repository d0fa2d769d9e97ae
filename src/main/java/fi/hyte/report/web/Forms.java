package fi.hyte.report.web;

import fi.hyte.platform.LocalizedText;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Handling;
import fi.hyte.report.domain.JoyWorry;
import fi.hyte.report.domain.ReportKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The report's forms, as the browser sends them. */
final class Forms {

    private Forms() {}

    record NewReportForm(
            @NotNull(message = "{validation.required}") ReportKind kind,

            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
            String titleFi,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleSv,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleEn,

            @NotNull(message = "{validation.required}")
            @Min(value = 2000, message = "{report.validation.year}")
            @Max(value = 2100, message = "{report.validation.year}")
            Integer firstYear,

            @NotNull(message = "{validation.required}")
            @Min(value = 2000, message = "{report.validation.year}")
            @Max(value = 2100, message = "{report.validation.year}")
            Integer lastYear,

            UUID basedOn,
            Boolean swedishRequired) {

        NewReportForm {
            swedishRequired = Boolean.TRUE.equals(swedishRequired);
        }

        LocalizedText title() {
            return new LocalizedText(titleFi, titleSv, titleEn);
        }
    }

    record SettingsForm(
            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
            String titleFi,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleSv,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleEn,

            UUID planId,
            Boolean swedishRequired,

            @NotNull(message = "{validation.required}")
            @DecimalMin(value = "0.1", message = "{report.validation.threshold}")
            @DecimalMax(value = "1000", message = "{report.validation.threshold}")
            BigDecimal changeThreshold,

            @Size(max = 8000, message = "{validation.tooLong}")
            String summaryFi,

            @Size(max = 8000, message = "{validation.tooLong}")
            String summarySv,

            @Size(max = 8000, message = "{validation.tooLong}")
            String summaryEn,

            @Size(max = 1000, message = "{validation.tooLong}")
            String noSummaryReason,

            Integer version) {

        SettingsForm {
            swedishRequired = Boolean.TRUE.equals(swedishRequired);
        }
    }

    record SectionForm(
            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
            String titleFi,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleSv,

            @Size(max = 300, message = "{validation.tooLong}")
            String titleEn,

            @Size(max = 60000, message = "{validation.tooLong}")
            String bodyFi,

            @Size(max = 60000, message = "{validation.tooLong}")
            String bodySv,

            @Size(max = 60000, message = "{validation.tooLong}")
            String bodyEn,

            UUID authorPersonId,
            UUID sectorId,
            LocalDate dueOn,
            Integer version) {}

    record BlockForm(
            @NotNull(message = "{validation.required}") BlockKind kind,
            Integer indicatorId,
            String gender,
            UUID goalId,
            Integer year,
            Boolean showPrevious) {

        BlockForm {
            showPrevious = Boolean.TRUE.equals(showPrevious);
            if (gender != null && !gender.matches("total|male|female")) {
                gender = null;
            }
        }
    }

    record HandlingForm(
            UUID bodyId,

            @Size(max = 200, message = "{validation.tooLong}")
            String bodyName,

            LocalDate meetingOn,

            @Size(max = 40, message = "{validation.tooLong}")
            String paragraph,

            @Size(max = 2000, message = "{validation.tooLong}")
            String minutesUrl,

            Handling.Outcome outcome,

            @Size(max = 4000, message = "{validation.tooLong}")
            String amendment) {}

    record JoyForm(
            @NotNull(message = "{validation.required}") JoyWorry.Kind kind,

            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String source,

            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}")
            String text,

            Integer indicatorId) {}
}
