package fi.hyte.plan.web;

import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Adding or editing a goal. */
record GoalForm(
        @NotNull(message = "{validation.required}") UUID lineId,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 300, message = "{validation.tooLong}") String titleSv,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionFi,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionSv,
        List<UUID> dimensionIds,
        List<TargetGroup> targetGroups,
        @Size(max = 1000, message = "{validation.tooLong}") String inequalityFocus,
        UUID ownerPersonId,
        UUID ownerBodyId,

        @Min(value = 0, message = "{validation.range}") @Max(value = 999, message = "{validation.range}")
        Integer position,

        Integer version) {

    GoalForm {
        dimensionIds = dimensionIds == null
                ? List.of()
                : dimensionIds.stream().filter(Objects::nonNull).toList();
        targetGroups = targetGroups == null
                ? List.of()
                : targetGroups.stream().filter(Objects::nonNull).toList();
        version = version == null ? -1 : version;
        position = position == null ? 0 : position;
    }

    static GoalForm under(UUID line) {
        return new GoalForm(line, "", "", "", "", List.of(), List.of(), "", null, null, 0, 0);
    }

    static GoalForm of(Goal g) {
        return new GoalForm(
                g.lineId(),
                g.title().fi(),
                g.title().sv(),
                g.description().fi(),
                g.description().sv(),
                g.dimensionIds(),
                g.targetGroups(),
                g.inequalityFocus(),
                g.ownerPersonId(),
                g.ownerBodyId(),
                g.position(),
                g.version());
    }

    GoalForm withVersion(int newVersion) {
        return new GoalForm(
                lineId,
                titleFi,
                titleSv,
                descriptionFi,
                descriptionSv,
                dimensionIds,
                targetGroups,
                inequalityFocus,
                ownerPersonId,
                ownerBodyId,
                position,
                newVersion);
    }

    Goal toGoal(UUID id) {
        return new Goal(
                id,
                null,
                lineId,
                0,
                position,
                LocalizedText.of(titleFi, titleSv),
                LocalizedText.of(descriptionFi, descriptionSv),
                dimensionIds.stream().distinct().toList(),
                targetGroups.stream().distinct().toList(),
                Forms.blankToNull(inequalityFocus),
                ownerPersonId,
                ownerBodyId,
                version,
                null,
                null);
    }
}
