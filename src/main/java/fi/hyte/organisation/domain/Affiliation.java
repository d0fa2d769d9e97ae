package fi.hyte.organisation.domain;

/** Whom a person represents: the organisation's own staff or elected officials, or an outside party. */
public enum Affiliation {
    STAFF,
    ELECTED,
    WELLBEING_COUNTY,
    PARISH,
    NGO,
    RESIDENT,
    COMPANY,
    OTHER;
}
