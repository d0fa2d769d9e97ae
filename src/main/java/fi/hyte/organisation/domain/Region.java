package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;

/** An official region: a municipality, a wellbeing services county or a region (maakunta). */
public record Region(
        RegionKind kind, String code, LocalizedText name, String countyCode, String regionCode, Integer sotkanetId) {}
