package fi.hyte.organisation.domain;

import java.util.UUID;

/** Someone who takes part in the work: staff, an elected official or an outside partner. */
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
        int version) {}
