package fi.hyte.organisation.domain;

import java.util.UUID;

/**
 * Someone who takes part in the work: staff, an elected official or an outside partner. A person may
 * be linked to one Hyte user account of the organisation, whose owner then sees their own
 * responsibilities and, as an editor, edits their sector's measures.
 */
public record Person(
        UUID id,
        String name,
        String title,
        UUID sectorId,
        Affiliation affiliation,
        String affiliationName,
        String email,
        String phone,
        boolean inManagementGroup,
        UUID userId,
        int version) {}
