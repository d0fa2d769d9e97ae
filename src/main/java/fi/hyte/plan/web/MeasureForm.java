package fi.hyte.plan.web;

import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** Adding or editing a measure; amounts are text so that a decimal comma is read. */
record MeasureForm(
        @NotNull(message = "{validation.required}") UUID goalId,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleFi,

        @Size(max = 300, message = "{validation.tooLong}") String titleSv,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionFi,
        @Size(max = 4000, message = "{validation.tooLong}") String descriptionSv,
        UUID sectorId,
        UUID ownerPersonId,
        List<UUID> partnerSectorIds,
        @Size(max = 1000, message = "{validation.tooLong}") String partners,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        String workYears,
        String euros,
        @Size(max = 1000, message = "{validation.tooLong}") String grants,
        String grantEuros,
        @Size(max = 1000, message = "{validation.tooLong}") String premises,
        @Size(max = 300, message = "{validation.tooLong}") String budgetRef,
        Boolean budgetBinding,
        @NotNull(message = "{validation.required}") MeasureStatus status,

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{plan.validation.percent}")
        @Max(value = 100, message = "{plan.validation.percent}")
        Integer progress,

        @Min(value = 0, message = "{validation.range}") @Max(value = 999, message = "{validation.range}")
        Integer position,

        Integer version) {

    MeasureForm {
        partnerSectorIds = partnerSectorIds == null
                ? List.of()
                : partnerSectorIds.stream().filter(Objects::nonNull).toList();
        budgetBinding = Boolean.TRUE.equals(budgetBinding);
        version = version == null ? -1 : version;
        position = position == null ? 0 : position;
    }

    static MeasureForm under(UUID goal, UUID sector) {
        return new MeasureForm(
                goal,
                "",
                "",
                "",
                "",
                sector,
                null,
                List.of(),
                "",
                null,
                null,
                "",
                "",
                "",
                "",
                "",
                "",
                false,
                MeasureStatus.PLANNED,
                0,
                0,
                0);
    }

    static MeasureForm of(Measure m) {
        return new MeasureForm(
                m.goalId(),
                m.title().fi(),
                m.title().sv(),
                m.description().fi(),
                m.description().sv(),
                m.sectorId(),
                m.ownerPersonId(),
                m.partnerSectorIds(),
                m.partners(),
                m.startsOn(),
                m.endsOn(),
                Forms.plain(m.workYears()),
                Forms.plain(m.euros()),
                m.grants(),
                Forms.plain(m.grantEuros()),
                m.premises(),
                m.budgetRef(),
                m.budgetBinding(),
                m.status(),
                m.progress(),
                m.position(),
                m.version());
    }

    MeasureForm withVersion(int newVersion) {
        return new MeasureForm(
                goalId,
                titleFi,
                titleSv,
                descriptionFi,
                descriptionSv,
                sectorId,
                ownerPersonId,
                partnerSectorIds,
                partners,
                startsOn,
                endsOn,
                workYears,
                euros,
                grants,
                grantEuros,
                premises,
                budgetRef,
                budgetBinding,
                status,
                progress,
                position,
                newVersion);
    }

    Measure toMeasure(UUID id, BigDecimal work, BigDecimal money, BigDecimal grantMoney) {
        return new Measure(
                id,
                null,
                goalId,
                0,
                position,
                LocalizedText.of(titleFi, titleSv),
                LocalizedText.of(descriptionFi, descriptionSv),
                sectorId,
                ownerPersonId,
                partnerSectorIds.stream()
                        .filter(p -> !p.equals(sectorId))
                        .distinct()
                        .toList(),
                Forms.blankToNull(partners),
                startsOn,
                endsOn,
                work,
                money,
                Forms.blankToNull(grants),
                grantMoney,
                Forms.blankToNull(premises),
                Forms.blankToNull(budgetRef),
                budgetBinding,
                status,
                progress,
                version,
                null,
                null);
    }
}
