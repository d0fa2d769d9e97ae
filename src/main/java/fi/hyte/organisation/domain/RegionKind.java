package fi.hyte.organisation.domain;

/** Levels of the official regional division (municipality, wellbeing services county, region). */
public enum RegionKind {
    MUNICIPALITY,
    WELLBEING_COUNTY,
    REGION;
}
