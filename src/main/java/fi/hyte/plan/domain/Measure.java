package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A measure (toimenpide) under a goal: the responsible sector and person, partners, schedule,
 * resources (working time in person-years, euros, grants, premises), its link to the budget or
 * operating plan, its status and progress (0–100 %).
 */
public record Measure(
        UUID id,
        UUID planId,
        UUID goalId,
        int ref,
        int position,
        LocalizedText title,
        LocalizedText description,
        UUID sectorId,
        UUID ownerPersonId,
        List<UUID> partnerSectorIds,
        String partners,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal workYears,
        BigDecimal euros,
        String grants,
        BigDecimal grantEuros,
        String premises,
        String budgetRef,
        boolean budgetBinding,
        MeasureStatus status,
        int progress,
        int version,
        OffsetDateTime updatedAt,
        String updatedBy) {

    public boolean hasResources() {
        return workYears != null
                || euros != null
                || grantEuros != null
                || (grants != null && !grants.isBlank())
                || (premises != null && !premises.isBlank());
    }

    /** Carried out with partner sectors or outside partners. */
    public boolean isShared() {
        return !partnerSectorIds.isEmpty() || (partners != null && !partners.isBlank());
    }

    /** Marked late, or past its end date without being done or cancelled. */
    public boolean isLate(LocalDate today) {
        return status == MeasureStatus.LATE || (endsOn != null && endsOn.isBefore(today) && status.isOpen());
    }

    public Measure withProgress(MeasureStatus newStatus, int newProgress, int expectedVersion) {
        return new Measure(
                id,
                planId,
                goalId,
                ref,
                position,
                title,
                description,
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
                newStatus,
                newProgress,
                expectedVersion,
                updatedAt,
                updatedBy);
    }
}
