package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;

/** A tenant: a municipality, wellbeing services county, regional council or other organisation. */
public record Organisation(
        OrganisationId id,
        OrganisationType type,
        LocalizedText name,
        RegionKind regionKind,
        String regionCode,
        int version) {}
