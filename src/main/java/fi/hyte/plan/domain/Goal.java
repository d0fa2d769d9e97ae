package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A goal under a policy line: whom it concerns, which gap it narrows, who answers for it (a person or
 * a body) and, through its {@link GoalIndicator}s, how its success is measured.
 */
public record Goal(
        UUID id,
        UUID planId,
        UUID lineId,
        int ref,
        int position,
        LocalizedText title,
        LocalizedText description,
        List<UUID> dimensionIds,
        List<TargetGroup> targetGroups,
        String inequalityFocus,
        UUID ownerPersonId,
        UUID ownerBodyId,
        int version,
        OffsetDateTime updatedAt,
        String updatedBy) {

    public boolean hasOwner() {
        return ownerPersonId != null || ownerBodyId != null;
    }
}
