package fi.hyte.plan.web;

import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.TargetDirection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * An indicator of a goal with its baseline and target. Numbers are text so that a decimal comma is
 * read; an empty baseline value is filled from the own region's value of the baseline year.
 */
record TargetForm(
        @NotNull(message = "{plan.validation.indicator}") Integer indicatorId,

        @Pattern(regexp = "total|male|female", message = "{validation.required}")
        String gender,

        @Min(value = 1990, message = "{plan.validation.year}") @Max(value = 2100, message = "{plan.validation.year}")
        Integer baselineYear,

        String baselineValue,
        String targetValue,

        @Min(value = 1990, message = "{plan.validation.year}") @Max(value = 2100, message = "{plan.validation.year}")
        Integer targetYear,

        TargetDirection direction,
        Integer goalVersion,
        Integer version) {

    TargetForm {
        gender = gender == null || gender.isBlank() ? "total" : gender;
        goalVersion = goalVersion == null ? -1 : goalVersion;
        version = version == null ? -1 : version;
    }

    static TargetForm of(GoalIndicator t, int goalVersion) {
        return new TargetForm(
                t.indicatorId(),
                t.gender(),
                t.baselineYear(),
                Forms.plain(t.baselineValue()),
                Forms.plain(t.targetValue()),
                t.targetYear(),
                t.direction(),
                goalVersion,
                t.version());
    }

    GoalIndicator toTarget(
            UUID id, UUID goal, java.math.BigDecimal baseline, java.math.BigDecimal target, TargetDirection chosen) {
        return new GoalIndicator(
                id, goal, indicatorId, gender, baselineYear, baseline, target, targetYear, chosen, version);
    }
}
