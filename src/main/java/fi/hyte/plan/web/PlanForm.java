package fi.hyte.plan.web;

import fi.hyte.plan.domain.Plan;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Starting or editing a plan: its title, council term and the strategy it carries out. */
record PlanForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 200, message = "{validation.tooLong}") String titleSv,

        @NotNull(message = "{validation.required}")
        @Min(value = 2000, message = "{plan.validation.year}")
        @Max(value = 2100, message = "{plan.validation.year}")
        Integer firstYear,

        @NotNull(message = "{validation.required}")
        @Min(value = 2000, message = "{plan.validation.year}")
        @Max(value = 2100, message = "{plan.validation.year}")
        Integer lastYear,

        @Size(max = 300, message = "{validation.tooLong}") String strategyTitle,

        @Size(max = 500, message = "{validation.tooLong}")
        @Pattern(regexp = "(https?://\\S+)?", message = "{plan.validation.url}")
        String strategyUrl,

        Integer version) {

    PlanForm {
        version = version == null ? -1 : version;
    }

    static PlanForm startingIn(int year) {
        return new PlanForm("", "", year, year + 3, "", "", 0);
    }

    static PlanForm of(Plan p) {
        return new PlanForm(
                p.title().fi(),
                p.title().sv(),
                p.firstYear(),
                p.lastYear(),
                p.strategyTitle(),
                p.strategyUrl(),
                p.version());
    }

    boolean periodValid() {
        return firstYear == null || lastYear == null || (lastYear >= firstYear && lastYear - firstYear <= 9);
    }

    Plan toPlan(UUID id, boolean example) {
        return new Plan(
                id,
                LocalizedText.of(titleFi, titleSv),
                firstYear,
                lastYear,
                Forms.blankToNull(strategyTitle),
                Forms.blankToNull(strategyUrl),
                example,
                version);
    }
}
