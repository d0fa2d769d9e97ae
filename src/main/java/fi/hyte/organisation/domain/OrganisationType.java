package fi.hyte.organisation.domain;

/** The kind of organisation that uses Hyte. */
public enum OrganisationType {
    MUNICIPALITY,
    WELLBEING_COUNTY,
    REGIONAL_COUNCIL,
    OTHER;
}
